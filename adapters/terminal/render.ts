// Reply -> terminal text, wrapped to the terminal's width in display columns (80 when the output
// is not a terminal) between words, never inside one unless it is wider than a line, with list
// items hanging under their bullet. Sources take one compact line; suggestions are numbered, so typing the number in the chat runs one. Colour (ANSI)
// only when asked for, i.e. when the output is a TTY.
import { closingActionsAt, fenced, headingLine, type Node, type Reply, type Suggestion } from '../../src/reply.js';
import { wrapLine } from '../../src/width.js';

/** Where the door saved each picture of a reply (pictures.ts), or why it could not. */
export type SavedPictures = ReadonlyMap<Node, { path: string } | { error: string }>;

/** The width used when the output is not a terminal (a pipe, a file). */
export const DEFAULT_WIDTH = 80;
/** Narrower than this, wrapping would make answers harder to read, not easier. */
const MIN_WIDTH = 40;

type Paint = (text: string) => string;
const ansi = (code: string): Paint => (text) => `\u001b[${code}m${text}\u001b[0m`;
const plain: Paint = (text) => text;

interface Style {
  bold: Paint;
  dim: Paint;
  cyan: Paint;
  title: Paint;
}
const COLOR: Style = { bold: ansi('1'), dim: ansi('2'), cyan: ansi('36'), title: (t) => ansi('1')(ansi('33')(t)) };
const PLAIN: Style = { bold: plain, dim: plain, cyan: plain, title: plain };

const wrap = (text: string, width: number, hang = 0) =>
  text
    .split('\n')
    .flatMap((l) => wrapLine(l, width, hang))
    .join('\n');

/** The width text is wrapped at for an output `columns` wide (undefined when it is not a terminal). */
const widthFor = (columns?: number) => Math.max(MIN_WIDTH, columns ?? DEFAULT_WIDTH);

/** Plain text (the chat's greeting) wrapped like a reply: to the terminal's width, between words. */
export const wrapText = (text: string, columns?: number): string => wrap(text, widthFor(columns));

function node(n: Node, s: Style, width: number, saved?: { path: string } | { error: string }): string {
  switch (n.type) {
    case 'text':
      return wrap(n.text, width);
    case 'section':
      return s.bold(wrap(headingLine(n.title), width));
    case 'fields':
      return n.fields.map((f) => wrap(`${f.label}: ${f.value.replace(/\n/g, ' ')}`, width, 4).replace(`${f.label}:`, s.cyan(`${f.label}:`))).join('\n');
    case 'list':
      return n.items.map((i) => wrap(`  • ${i}`, width, 4)).join('\n');
    case 'note':
      return s.dim(wrap(`(${n.text})`, width, 1));
    case 'file':
      // Whole and unwrapped, so it can be copied as it is (wrapping would change a file's lines).
      return `${s.bold(wrap(`${n.name}:`, width))}\n${fenced(n.content)}`;
    case 'image':
      // The picture itself is a file the door saved: its path on a line of its own, whole, to open or copy.
      if (saved && 'path' in saved) return `${wrap(`Picture: ${n.alt}`, width, 9).replace(/^Picture:/, s.cyan('Picture:'))}\nSaved as ${stripEscapes(saved.path)}`;
      return wrap(`[picture: ${n.alt}]${saved ? ` (not saved: ${saved.error})` : ''}`, width, 1);
    case 'actions':
      return actionsLine(n.items, 1, s, width);
  }
}

/** Things to try next on one line, numbered from `first` (typing a number in the chat runs that one). */
function actionsLine(items: readonly Suggestion[], first: number, s: Style, width: number, plain = false): string {
  if (!items.length) return '';
  // After a numbered list a number picks one of its items (Reply.numbered): the suggestions go unnumbered.
  const numbered = items.map((x, i) => (plain ? x.command : `[${first + i}] ${x.command}`));
  return wrap(`Try: ${numbered.join(' | ')}`, width, 5).replace(/\[(\d+)\]/g, (m) => s.cyan(m));
}

/** Strips terminal escape sequences from text we did not write, so answers cannot repaint the screen. */
export function stripEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]P^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b./g, '');
}

export function renderTerminal(reply: Reply, color: boolean, columns?: number, saved?: SavedPictures): string {
  const width = widthFor(columns);
  const s = color ? COLOR : PLAIN;
  // Actions are numbered across the reply, each command once, as suggestionsOf() lists them, so a
  // number typed in the chat runs the line shown with it.
  const offered = new Set<string>();
  const draw = (n: Node): string => {
    if (n.type !== 'actions') return node(withoutEscapes(n), s, width, saved?.get(n));
    const first = offered.size + 1;
    const fresh: Suggestion[] = [];
    for (const x of n.items) {
      if (offered.has(x.command)) continue;
      offered.add(x.command);
      fresh.push(x);
    }
    return actionsLine(fresh.map((x) => ({ label: stripEscapes(x.label), command: stripEscapes(x.command) })), first, s, width, reply.numbered);
  };
  // The sources line closes the card's content, before its closing actions.
  const at = closingActionsAt(reply.card.children);
  const parts = [s.title(wrap(stripEscapes(reply.card.title), width)), ...reply.card.children.slice(0, at).map(draw)];
  if (reply.sources.length) parts.push(s.dim(wrap(`Sources: ${reply.sources.map((x) => stripEscapes(x.short)).join('; ')}`, width, 9)));
  parts.push(...reply.card.children.slice(at).map(draw));
  return parts.filter((p) => p.length > 0).join('\n');
}

function withoutEscapes(n: Node): Node {
  switch (n.type) {
    case 'text':
    case 'note':
      return { ...n, text: stripEscapes(n.text) };
    case 'section':
      return { ...n, title: stripEscapes(n.title) };
    case 'fields':
      return { ...n, fields: n.fields.map((f) => ({ label: stripEscapes(f.label), value: stripEscapes(f.value) })) };
    case 'list':
      return { ...n, items: n.items.map(stripEscapes) };
    case 'file':
      return { ...n, name: stripEscapes(n.name), content: stripEscapes(n.content) };
    case 'image':
      return { ...n, name: stripEscapes(n.name), alt: stripEscapes(n.alt) };
    case 'actions':
      return { ...n, items: n.items.map((x) => ({ label: stripEscapes(x.label), command: stripEscapes(x.command) })) };
  }
}

// Reply -> terminal text, wrapped to the terminal's width (80 when the output is not a terminal)
// between words, never inside one, with list items hanging under their bullet. Sources take one
// compact line; suggestions are numbered, so typing the number in the chat runs one. Colour (ANSI)
// only when asked for, i.e. when the output is a TTY.
import { fenced, type Node, type Reply } from '../../src/reply.js';

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

/**
 * Wraps one line at `width` between words. Continuation lines start under the text after the
 * line's leading marker ("  • ", "Label: "), given as `hang` columns. A word longer than a line
 * stands alone on its line, whole.
 */
export function wrapLine(line: string, width: number, hang = 0): string[] {
  if (line.length <= width) return [line];
  const lead = line.match(/^\s*/)![0];
  const words = line.slice(lead.length).split(/ +/);
  const pad = ' '.repeat(Math.min(hang, Math.floor(width / 2)));
  const out: string[] = [];
  let current = lead;
  for (const word of words) {
    const start = out.length ? pad : lead;
    if (current.length > start.length && current.length + 1 + word.length > width) {
      out.push(current);
      current = pad + word;
    } else current = current.length > start.length ? `${current} ${word}` : `${start}${word}`;
  }
  out.push(current);
  return out;
}

const wrap = (text: string, width: number, hang = 0) =>
  text
    .split('\n')
    .flatMap((l) => wrapLine(l, width, hang))
    .join('\n');

function node(n: Node, s: Style, width: number, saved?: { path: string } | { error: string }): string {
  switch (n.type) {
    case 'text':
      return wrap(n.text, width);
    case 'section':
      return s.bold(wrap(`${n.title}:`, width));
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
  }
}

/** Strips terminal escape sequences from text we did not write, so answers cannot repaint the screen. */
export function stripEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]P^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b./g, '');
}

export function renderTerminal(reply: Reply, color: boolean, columns?: number, saved?: SavedPictures): string {
  const width = Math.max(MIN_WIDTH, columns ?? DEFAULT_WIDTH);
  const s = color ? COLOR : PLAIN;
  const parts = [s.title(wrap(stripEscapes(reply.card.title), width)), ...reply.card.children.map((n) => node(withoutEscapes(n), s, width, saved?.get(n)))];
  if (reply.sources.length) parts.push(s.dim(wrap(`Sources: ${reply.sources.map((x) => stripEscapes(x.short)).join('; ')}`, width, 9)));
  if (reply.suggestions.length) {
    const items = reply.suggestions.map((x, i) => `[${i + 1}] ${stripEscapes(x.command)}`);
    parts.push(wrap(`Try: ${items.join(' | ')}`, width, 5).replace(/\[(\d+)\]/g, (m) => s.cyan(m)));
  }
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
  }
}

// Reply -> terminal text. Colour (ANSI) only when asked for, i.e. when the output is a TTY;
// piped output is the plain text exactly as toPlainText gives it.
import type { Node, Reply } from '../../src/reply.js';

const ansi = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const bold = ansi('1');
const dim = ansi('2');
const cyan = ansi('36');
const yellow = ansi('33');

function node(n: Node): string {
  switch (n.type) {
    case 'text':
      return n.text;
    case 'section':
      return bold(n.title);
    case 'fields':
      return n.fields.map((f) => `${cyan(f.label)}: ${f.value.replace(/\n/g, '\n    ')}`).join('\n');
    case 'list':
      return n.items.map((i) => `  • ${i}`).join('\n');
    case 'note':
      return dim(n.text);
  }
}

/** Strips terminal escape sequences from text we did not write, so answers cannot repaint the screen. */
export function stripEscapes(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]P^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b./g, '');
}

export function renderTerminal(reply: Reply, color: boolean): string {
  if (!color) return stripEscapes(reply.text);
  const parts = [bold(yellow(stripEscapes(reply.card.title))), ...reply.card.children.map((n) => node(withoutEscapes(n)))];
  if (reply.sources.length) parts.push(dim(`Sources: ${reply.sources.map((s) => `${s.short}, "${s.title}"`).join('; ')}`));
  if (reply.suggestions.length) {
    parts.push(reply.suggestions.map((s, i) => `${cyan(`[${i + 1}]`)} ${stripEscapes(s.command)}`).join('   '));
  }
  return parts.join('\n');
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
  }
}

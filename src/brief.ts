// Answer first: a long reply is shown short (its direct answer in a few lines) with the rest behind
// "more". Platform-neutral: the length is counted in lines of a narrow chat window (80 columns), so
// a command's short form reads without scrolling on an 80x24 terminal, a phone or a Discord channel
// alike; an answer to a question may fill the screen its frame leaves (answerRoom). A command
// may say which nodes make its short form (`brief`); otherwise the first ones that fit are kept.
import { reply, suggestionsOf, withoutActions, type Node, type Reply } from './reply.js';
import { wrapLine } from './width.js';

/** Lines of content a short answer may take (title, sources and suggestions come on top). */
export const BRIEF_LINES = 13;
/**
 * Rows of an 80x24 terminal a reply may fill, the prompt line left free: an answer to a question
 * (a reply with a `topic`) gets all the room its frame (title, sources, what to try) leaves, since
 * the bot cannot always tell which of an entry's points answers it and a fact behind "more" is a
 * fact not given; a command's short form stays at BRIEF_LINES.
 */
export const SCREEN_ROWS = 23;
/** Rows the closing note of a short answer may take ("Short answer: "more" shows ..."). */
const MORE_NOTE = 2;
/** The most lines a command's own short form may take. */
const BRIEF_CAP = 20;
/** Lines over BRIEF_LINES that are not worth a "more". */
const SMALL_REST = 3;
/** The width the length is counted at: an 80-column terminal. */
const WIDTH = 80;

/**
 * Wrapped as the terminal wraps it (width.ts: between words, in display columns), with `indent`
 * columns before it and under it: a list item's bullet. Counting characters instead had missed
 * the ends of lines a long word leaves empty (the duties answer came out 24 rows, one too many).
 */
const lines = (text: string, indent = 0): number => text.split('\n').reduce((n, l) => n + wrapLine(' '.repeat(indent) + l, WIDTH, indent).length, 0);

/** How many lines a node takes in a narrow window. */
export function linesOf(node: Node): number {
  switch (node.type) {
    case 'text':
    case 'note':
      return lines(node.text);
    case 'section':
      return 1;
    case 'fields':
      return node.fields.reduce((n, f) => n + lines(`${f.label}: ${f.value}`), 0);
    case 'list':
      return node.items.reduce((n, i) => n + lines(i, 4), 0);
    case 'file':
    case 'image':
      return 1;
    case 'actions':
      // What to try next comes on top of the content, like the title and the sources.
      return 0;
  }
}

export const totalLines = (nodes: readonly Node[]): number => nodes.reduce((n, node) => n + linesOf(node), 0);

export interface Cut {
  /** The nodes shown. */
  shown: Node[];
  /** True when something was left out. */
  cut: boolean;
  /** The headings of what was left out, in order, for the "more" note. */
  left: string[];
}

/**
 * The first nodes that fit in `budget` lines, in order: a list that does not fit whole keeps its
 * first items (at least one). A heading is never left last with nothing under it.
 */
export function fitLines(all: readonly Node[], budget = BRIEF_LINES): Cut {
  // Actions are not content: the short reply offers them again (shorten), after its note.
  const nodes = withoutActions(all);
  const shown: Node[] = [];
  // Notes come along wherever they stand: a caveat on a figure, the conclusion of a progress card
  // ("Every step is done"). Their room is kept first, unless they would fill half of it.
  // Pictures too: a progress card's picture is part of its answer.
  const kept = (node: Node) => node.type === 'note' || node.type === 'image';
  const notes = nodes.reduce((n, node) => n + (kept(node) ? linesOf(node) : 0), 0);
  const keepNotes = notes <= budget / 2;
  let used = keepNotes ? notes : 0;
  let partly: string | undefined; // the heading of a list shown only in part
  let i = 0;
  for (; i < nodes.length; i++) {
    const node = nodes[i]!;
    const cost = keepNotes && kept(node) ? 0 : linesOf(node);
    if (used + cost <= budget) {
      shown.push(node);
      used += cost;
      continue;
    }
    if (node.type === 'list') {
      const items: string[] = [];
      const underHeading = shown.at(-1)?.type === 'section';
      for (const item of node.items) {
        const c = lines(item, 4);
        if ((items.length || !underHeading) && used + c > budget) break;
        items.push(item);
        used += c;
      }
      if (items.length) {
        shown.push({ type: 'list', items });
        const heading = nodes.slice(0, i).reverse().find((n) => n.type === 'section');
        partly = heading?.type === 'section' ? heading.title : undefined;
        i++;
      }
    }
    break;
  }
  const orphan = shown.at(-1)?.type === 'section' ? shown.pop() : undefined;
  const rest = nodes.slice(i);
  const headings = [...(orphan ? [orphan] : []), ...rest].flatMap((n) => (n.type === 'section' ? [n.title] : []));
  const left = [...new Set([...(partly ? [partly] : []), ...headings])];
  if (keepNotes) shown.push(...rest.filter(kept));
  const cut = rest.some((n) => !keepNotes || !kept(n)) || partly !== undefined;
  return { shown, cut, left };
}

/**
 * The short form of an answer to a question: the points that bear most on what was asked (by
 * `relevance`, e.g. the question's words found in them), as many as fit after the card's first
 * point (its lead), shown in the card's own order under their headings, with the card's caveats
 * (notes). With nothing relevant, the first points that fit.
 */
export function relevantLines(all: readonly Node[], relevance: (text: string) => number, budget = BRIEF_LINES, options: { lead?: boolean; fill?: boolean } = {}): Node[] {
  const { lead = true, fill = true } = options;
  const nodes = withoutActions(all);
  // Each unit knows the heading it stands under: the heading's row is paid by the first unit shown under it.
  interface Unit { node: number; item?: number; score: number; cost: number; heading?: number }
  const units: Unit[] = [];
  let heading: number | undefined;
  nodes.forEach((n, i) => {
    if (n.type === 'section') heading = i;
    else if (n.type === 'list') n.items.forEach((text, j) => units.push({ node: i, item: j, score: relevance(text), cost: lines(text, 4), heading }));
    else if (n.type === 'text') units.push({ node: i, score: relevance(n.text), cost: linesOf(n), heading });
    else if (n.type === 'fields') units.push({ node: i, score: relevance(n.fields.map((f) => `${f.label} ${f.value}`).join(' ')), cost: linesOf(n), heading });
  });
  if (!units.some((u) => u.score > 0)) return lead ? fitLines(nodes, budget).shown : [];
  // An entry's first point is its lead (the figure, the yes or no): it always comes first
  // (unless only the points holding the question's words are asked for: see readings).
  if (units[0] && lead) units[0].score = Infinity;
  // Caveats come along: a figure is never shown without what the article says about it.
  let used = nodes.reduce((sum, n) => sum + (n.type === 'note' ? linesOf(n) : 0), 0);
  const chosen = new Set<Unit>();
  const opened = new Set<number>();
  const ranked = [...units].sort((a, b) => b.score - a.score || a.node - b.node || (a.item ?? 0) - (b.item ?? 0));
  for (const u of ranked) {
    if (u.score <= 0 && chosen.size) break;
    const cost = u.cost + (u.heading !== undefined && !opened.has(u.heading) ? 1 : 0);
    if (used + cost > budget && chosen.size) continue;
    chosen.add(u);
    if (u.heading !== undefined) opened.add(u.heading);
    used += cost;
  }
  // Room left on the screen: the other points of the lists already shown, in order ("how do I
  // pick a CS program" finds two checks by its words; the other checks answer it as well).
  const shownNodes = new Set([...chosen].map((u) => u.node));
  for (const u of fill ? units : []) {
    if (chosen.has(u) || !shownNodes.has(u.node) || u.item === undefined) continue;
    if (used + u.cost > budget) continue;
    chosen.add(u);
    used += u.cost;
  }
  const out: Node[] = [];
  nodes.forEach((n, i) => {
    if (n.type === 'note' || n.type === 'section' || n.type === 'image' || n.type === 'file') return void out.push(n);
    const mine = [...chosen].filter((u) => u.node === i);
    if (!mine.length) return;
    if (n.type === 'list') out.push({ type: 'list', items: mine.map((u) => u.item!).sort((a, b) => a - b).map((j) => n.items[j]!) });
    else out.push(n);
  });
  // A heading with nothing of its own under it (before the next heading) goes; notes are not its own.
  return out.filter((n, i) => {
    if (n.type !== 'section') return true;
    for (const after of out.slice(i + 1)) {
      if (after.type === 'section') return false;
      if (after.type === 'list' || after.type === 'text' || after.type === 'fields') return true;
    }
    return false;
  });
}

/**
 * Rows a reply's frame takes in an 80-column window, around its content: the title, the sources
 * line and the numbered things to try (with `more` offered last when given), as the terminal
 * draws them.
 */
export function frameLines(r: Reply, more?: string): number {
  const tries = [...suggestionsOf(r).map((s) => s.command), ...(more ? [`more ${more}`] : [])];
  const sources = r.sources.length ? lines(`Sources: ${r.sources.map((s) => s.short).join('; ')}`, 4) : 0;
  const offered = tries.length ? lines(`Try: ${tries.map((c, i) => `[${i + 1}] ${c}`).join(' | ')}`, 4) : 0;
  return lines(r.card.title, 4) + sources + offered;
}

/** The content lines an answer to a question may take, short with `more` offered, to fit the screen. */
export function answerRoom(r: Reply, more: string): number {
  return Math.max(BRIEF_LINES, SCREEN_ROWS - frameLines(r, more) - MORE_NOTE);
}

/** The note that ends a short answer, in one line: what "more" shows. */
export function moreNote(left: readonly string[]): Node {
  const names = left.slice(0, 3).map((n) => n.replace(/[.:!?]+$/, ''));
  const what = names.length ? `${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}${left.length > 3 ? ', and the rest' : ''}` : 'the rest';
  return { type: 'note', text: `Short answer: "more" shows ${what}.` };
}

/**
 * The short form of a reply, or undefined when it is short already, holds a file (an export is
 * shown whole), or is the full form asked for. `more` is what the `more` command needs to show it
 * in full; the short reply offers it as its last suggestion.
 */
export function shorten(full: Reply, more: string, offered = `more ${more}`): Reply | undefined {
  if (full.whole || full.card.children.some((n) => n.type === 'file')) return undefined;
  const children = withoutActions(full.card.children);
  // What fits whole is shown whole, and so is an answer only a few lines over: "more" for a line
  // or two would cost a click for nothing.
  // An answer to a question is shown whole when it fits the screen with its frame.
  if (totalLines(children) <= (full.topic ? SCREEN_ROWS - frameLines(full) : BRIEF_LINES + SMALL_REST)) return undefined;
  // A command's own brief is trusted up to a hard cap (a step's tips can be long); an answer's
  // brief (its points picked by the question's words) was made to fit the screen.
  const room = full.topic ? answerRoom(full, more) : BRIEF_LINES;
  const chosen = full.brief ? fitLines(full.brief, full.topic ? room : BRIEF_CAP) : fitLines(children, room);
  const left = full.brief ? leftOut(children, chosen.shown) : chosen.left;
  const out = reply({
    title: full.card.title,
    children: [...chosen.shown, moreNote(left)],
    answered: full.answered,
    sources: full.sources,
    // Last, so the answer's own next steps keep their places (and their numbers in the chat).
    suggestions: [...suggestionsOf(full), { label: 'More', command: offered }],
    ephemeral: full.ephemeral,
    ...(full.error ? { error: full.error } : {}),
    ...(full.topic ? { topic: full.topic } : {}),
    ...(full.outcome ? { outcome: full.outcome } : {}),
  });
  out.more = more;
  if (full.numbered) out.numbered = true;
  return out;
}

/** The headings of the full card whose content the short form does not show. */
function leftOut(children: readonly Node[], shown: readonly Node[]): string[] {
  const shownText = new Set(shown.flatMap((n) => (n.type === 'section' ? [n.title] : [])));
  // A line led by a heading ("Entry level: around $101K ...") shows that heading's content in short.
  const leads = shown.flatMap((n) => (n.type === 'list' ? n.items : n.type === 'text' ? [n.text] : n.type === 'fields' ? n.fields.map((f) => `${f.label}: ${f.value}`) : []));
  const led = (title: string) => leads.some((line) => line.startsWith(`${title}:`));
  return children.flatMap((n) => (n.type === 'section' && !shownText.has(n.title) && !led(n.title) ? [n.title] : []));
}

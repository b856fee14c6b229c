// The platform-neutral answer. A command builds a card (a plain tree of typed nodes); each adapter
// renders it with one pure function, and toPlainText() gives the fallback every platform needs.
// What to try next is part of the tree too (an 'actions' node), so nothing travels beside the card.
//
// Every string in a card is PLAIN text, never markup: renderers escape it for their platform. That
// one rule is what keeps a tip or a question typed by a user from pinging @everyone or injecting a
// link anywhere.

export type Node =
  | { type: 'text'; text: string }
  /** A small heading inside the card. */
  | { type: 'section'; title: string }
  | { type: 'fields'; fields: Field[] }
  | { type: 'list'; items: string[] }
  /** Muted small print, e.g. a caveat under a figure. */
  | { type: 'note'; text: string }
  /**
   * A file's content, carried inside the reply (an export): each renderer shows it whole where the
   * platform allows, as a code block, or cut with a note saying so; a door that can also attach
   * it as a real file does (Discord, Slack). Never markup.
   */
  | { type: 'file'; name: string; mime: string; content: string }
  /**
   * A picture (a progress or group card, src/cards/): a PNG of width x height pixels, `name` a
   * safe file name (letters, digits, `-`, `_`, `.`), `alt` plain text saying what it shows. Doors
   * attach or upload it, or save it to a file; plain text shows the alt text.
   */
  | { type: 'image'; name: string; alt: string; width: number; height: number; png: Uint8Array }
  /**
   * Things to try next, each a full command line; a door draws buttons, the terminal numbered
   * lines. reply() puts a reply's suggestions in one such node, last; suggestionsOf() reads them.
   * Actions that close a card come after its sources line. Not content: they are not facts, and
   * a short answer's line budget does not count them.
   */
  | { type: 'actions'; items: Suggestion[] };

export interface Field {
  label: string;
  value: string;
}

export interface Card {
  title: string;
  children: Node[];
}

export interface SourceRef {
  id: string;
  /** Short label shown after facts, e.g. "Career Karma". */
  short: string;
  title: string;
}

/** Something to try next. `command` is a full command line, so any platform can run it. */
export interface Suggestion {
  label: string;
  command: string;
}

/** `storage`: what the user asked to save was not saved (a full disk, a read-only folder, a held lock). */
/** `refused`: a request the bot will not carry out as asked (`more` of a command that saves). */
export type ReplyError = 'unknown-command' | 'invalid-option' | 'internal' | 'storage' | 'refused';

export interface Reply {
  card: Card;
  /** The plain-text rendering of card (its actions too) and sources. */
  text: string;
  /** False when the bot did not find an answer (it says so and offers the closest topics). */
  answered: boolean;
  sources: SourceRef[];
  /** Show only to the person who asked (errors, personal answers). */
  ephemeral: boolean;
  /** Set when the request itself was wrong, so a CLI can exit non-zero. */
  error?: ReplyError;
  /** The knowledge entry the answer is about (`kind:id`), for callers that link or measure. */
  topic?: string;
  /**
   * Answer first (src/brief.ts): the nodes of this reply's short form, when the command knows
   * better than "the first lines that fit". Not rendered: the Bot makes the short reply from it.
   */
  brief?: Node[];
  /**
   * The brief states every fact the full form does, only shorter (a salary card's figures, one
   * line a level): a question's short answer uses it as it is, not the points its words pick.
   */
  briefComplete?: boolean;
  /** What `more` needs to show this reply in full (a command line or an entry); default: the line asked. */
  more?: string;
  /** Already the full form the user asked for ("tell me more"): never shortened. */
  whole?: boolean;
  /** What kind of non-answer this is, for the bot's fallbacks (see Outcome); unset for answers. */
  outcome?: Outcome;
  /**
   * The reply lists numbered items (the roadmap, an article's numbered plan): a number typed next
   * picks one of them, so a door that numbers suggestions leaves this reply's unnumbered.
   */
  numbered?: boolean;
}

/**
 * Kinds of non-answer the bot treats differently, whatever their titles say: a name it does not
 * know (`role fronted`), "which role?" for a pointer with nothing before it, a question it cannot
 * answer, "which one did you mean?", and what the articles cover of a question (pay in London).
 */
export type Outcome = 'not-found' | 'which-role' | 'unknown' | 'clarify' | 'partial';

export interface ReplyInit {
  title: string;
  children?: Node[];
  answered?: boolean;
  sources?: SourceRef[];
  /** Things to try next: one 'actions' node at the end of the card (each command once). */
  suggestions?: Suggestion[];
  ephemeral?: boolean;
  error?: ReplyError;
  topic?: string;
  brief?: Node[];
  briefComplete?: boolean;
  more?: string;
  whole?: boolean;
  outcome?: Outcome;
}

export function reply(init: ReplyInit): Reply {
  const card: Card = { title: init.title, children: [...(init.children ?? []), ...actionsNode(init.suggestions ?? [])] };
  const sources = dedupeSources(init.sources ?? []);
  const out: Reply = {
    card,
    text: toPlainText(card, sources),
    answered: init.answered ?? true,
    sources,
    ephemeral: init.ephemeral ?? false,
  };
  if (init.error) out.error = init.error;
  if (init.topic) out.topic = init.topic;
  if (init.brief) out.brief = init.brief;
  if (init.briefComplete) out.briefComplete = true;
  if (init.more) out.more = init.more;
  if (init.whole) out.whole = true;
  if (init.outcome) out.outcome = init.outcome;
  return out;
}

/** A reply for a request the bot could not carry out: always ephemeral, never "answered". */
export function errorReply(title: string, message: string, error: ReplyError, suggestions: Suggestion[] = []): Reply {
  return reply({ title, children: [{ type: 'text', text: message }], answered: false, ephemeral: true, error, suggestions });
}

/** The apology for an answer that failed inside the bot: the same words on every platform. */
export function internalErrorReply(): Reply {
  return errorReply('Sorry, something went wrong', 'Something went wrong while answering. It has been logged; please try again in a moment.', 'internal');
}

/** Why a save failed, in the user's words, by what they can do about it. */
const STORAGE_WORDS: Record<string, string> = {
  'disk-full': 'the disk that holds the data file is full. Free some space and try again.',
  'read-only': 'the data folder cannot be written (it is read-only, or belongs to another account). Set DATA_DIR to a folder you can write, or fix its permissions.',
  locked: 'another devpath process is holding the data file.',
  busy: 'the database is busy. Please try again in a moment.',
  unavailable: 'the database cannot be reached right now. Please try again later.',
};

/** Why a save failed, in the user's words ("the disk that holds the data file is full. ..."). */
export function storageReason(problem: string | undefined): string {
  return (problem && STORAGE_WORDS[problem]) ?? 'the data file could not be written.';
}

/** The title of a reply saying a name (a role, a step, a topic) was not found. */
export const NOT_FOUND = 'Not found';

/**
 * The reply when the store could not save: nothing was saved, and why. `detail` (the file, the
 * lock and how to clear it) is for the person who runs devpath; chat users get the reason only.
 */
export function storageErrorReply(problem: string | undefined, detail?: string): Reply {
  const why = storageReason(problem);
  const extra = detail && (problem === 'locked' || !problem) ? ` ${detail.replace(/^devpath: /, '').replace(/^nothing was saved: /i, '')}` : '';
  return errorReply('Not saved', `Nothing was saved: ${why}${extra}`, 'storage');
}

/** The one 'actions' node for these suggestions, deduped; none when there are none. */
function actionsNode(list: readonly Suggestion[]): Node[] {
  const items = dedupeSuggestions(list);
  return items.length ? [{ type: 'actions', items }] : [];
}

/** The card's nodes without its actions: what it says, not what it offers next. */
export function withoutActions(nodes: readonly Node[]): Node[] {
  return nodes.filter((n) => n.type !== 'actions');
}

/** Everything a reply offers to try next: the items of its 'actions' nodes, in order, each command once. */
export function suggestionsOf(r: Reply): Suggestion[] {
  return dedupeSuggestions(r.card.children.flatMap((n) => (n.type === 'actions' ? n.items : [])));
}

/**
 * The same reply offering `list` instead (each command once, as one 'actions' node at the end of
 * the card; none when the list is empty), its plain text saying so too.
 */
export function withSuggestions(r: Reply, list: readonly Suggestion[]): Reply {
  const card: Card = { title: r.card.title, children: [...withoutActions(r.card.children), ...actionsNode(list)] };
  return { ...r, card, text: toPlainText(card, r.sources) };
}

/**
 * The points of a card's nodes, each as one line of text: list items, texts, notes and fields
 * ("Skills Databases, APIs"). Headings, files, pictures and actions say no point.
 */
export function pointTexts(nodes: readonly Node[]): string[] {
  return nodes.flatMap((n) => (n.type === 'list' ? n.items : n.type === 'text' || n.type === 'note' ? [n.text] : n.type === 'fields' ? n.fields.map((f) => `${f.label} ${f.value}`) : []));
}

/** The same reply led by `lead` (a direct yes, a caveat), its plain text saying so too. */
export function withLead(r: Reply, lead: Node): Reply {
  const card: Card = { title: r.card.title, children: [lead, ...r.card.children] };
  // The short form says it first too: a lead belongs to the answer, in either form.
  return { ...r, card, text: toPlainText(card, r.sources), ...(r.brief ? { brief: [lead, ...r.brief] } : {}) };
}

/**
 * Where a card's closing actions start: the index after its last node that is not an 'actions'
 * node. Renderers draw the sources line there, so what to try next comes last, after the sources.
 */
export function closingActionsAt(nodes: readonly Node[]): number {
  let i = nodes.length;
  while (i > 0 && nodes[i - 1]!.type === 'actions') i--;
  return i;
}

/** The same command twice is one suggestion (the first label wins). */
function dedupeSuggestions(list: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.command) ? false : (seen.add(s.command), true)));
}

function dedupeSources(list: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)));
}

export function nodeToPlainText(node: Node): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'section':
      return headingLine(node.title);
    case 'fields':
      return node.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'list':
      return node.items.map((i) => `  - ${i}`).join('\n');
    case 'note':
      return `(${node.text})`;
    case 'file':
      return `${node.name}:\n${fenced(node.content)}`;
    case 'image':
      return `[picture: ${node.alt}]`;
    case 'actions':
      return node.items.length ? `Try: ${node.items.map((s) => s.command).join(' | ')}` : '';
  }
}

/** A fence longer than any run of backticks in the content, so the content cannot close it. */
export function fenceFor(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Content between code fences, as plain text shows a file. */
export const fenced = (content: string): string => {
  const fence = fenceFor(content);
  return `${fence}\n${content}\n${fence}`;
};

/** A heading as a line of its own: "Duties:", but "Why does it matter?" keeps its own end mark. */
export function headingLine(title: string): string {
  return /[?!:.]$/.test(title) ? title : `${title}:`;
}

/** The plain text of a card and its sources: each node where it sits, the sources line before the card's closing actions. */
export function toPlainText(card: Card, sources: SourceRef[]): string {
  const at = closingActionsAt(card.children);
  const parts = [card.title, ...card.children.slice(0, at).map(nodeToPlainText)];
  if (sources.length) parts.push(`Sources: ${sources.map((s) => `${s.short}, "${s.title}"`).join('; ')}`);
  parts.push(...card.children.slice(at).map(nodeToPlainText));
  return parts.filter((p) => p.length > 0).join('\n');
}

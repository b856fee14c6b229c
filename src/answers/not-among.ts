// Named rules "which one is not" and "which one is": a question that names its options and asks
// which of them the articles do not list ("Django, Laravel or Terraform: which isn't a framework
// the guide names?", "Decisiveness, customer service, graphic design, flexibility: one of these
// isn't among the soft skills. Which?") gets that option first: the one the answer never names,
// when it names every other. Asked the other way ("Which of these does a database administrator
// need to know: SQL, Swift, or Figma?"), the one the answer names, when it names no other. Two
// left, or none, answers no "which one": then no word, only the card.
import { pointTexts, type Node, type Reply } from '../reply.js';
import { escape, listed, loose, namesIn } from './yes-no.js';

/**
 * Asking what is NOT among a list: named, listed, recommended, on it ("Is Terraform, Docker or
 * Jenkins the one not listed?"). Not "which of Java, Python or Go is not good for beginners?":
 * that asks a quality the articles would have to judge, not whether they name it.
 */
const LISTING = /\b(?:listed|lists?|mentioned|mentions?|named|names?|included|includes?|among|recommended|recommends?|suggested|suggests?|cited|covered|one of|part of|belongs?|odd one out)\b/i;
/** The longest question read for options, as the analyser reads questions (src/search/analyse.ts). */
const MAX_QUESTION = 500;

/** The question asks what is NOT among them (or of them: "which of those isn't about cloud?", list-items.ts). */
export const NOT_ASKED = /\b(?:not|isn['’]?t|aren['’]?t|doesn['’]?t|don['’]?t|wasn['’]?t|weren['’]?t|never|missing|left out|odd one out)\b/i;
/** Where a clause ends: a list of options is read inside one. */
const CLAUSE_END = /[:;?!]|\s[—–-]+\s|\.(?:\s|$)/;
/** Between options: "A, B, or C", "A, B and C". */
const BETWEEN = /\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/i;
/** The asking around the options, not part of one ("Among Django", "Jenkins the one not listed"). */
const FILLER = new Set(
  `i i'm im me my you your we which what who whose is are was were be been the a an of these those this that among between from
  not isn't isnt aren't arent wasn't doesn't don't never one ones option options choice choices item items thing things
  listed list lists in on for to does do did by mentioned mention mentions named name names recommended recommend recommends
  suggested suggest suggests article articles guide guides page site it its them they there here has have tell please pick
  odd out belong belongs missing left off also both all any so ok hey quick question which's`.split(/\s+/),
);
/** An option is a name or a short phrase. */
const MAX_OPTION_WORDS = 4;
/** More options than this is a pasted list, not a question of which one. */
const MAX_OPTIONS = 8;

/** A word as the lists above spell it: lower case, straight apostrophe, no punctuation. */
const bare = (word: string) => word.toLowerCase().replace(/[’]/g, "'").replace(/[^\w']/g, '');
const filler = (word: string) => FILLER.has(bare(word));
/** Words that open the asking before a first option ("Among Django", "Is Terraform"). */
const OPENERS = new Set('which what is are was among between of from these those the a an does do did list name names tell me please pick'.split(' '));
/** Words of a sentence about oneself: a first "option" holding one is no option ("I have not used Docker"). */
const SENTENCE = new Set("i i'm im me my you we they have has had not don't dont never like want need used".split(' '));

/** The options a "which is not" question names, as written (three or more), or none. */
export function optionsAsked(typed: string): string[] {
  const question = typed.slice(0, MAX_QUESTION);
  return NOT_ASKED.test(question) && LISTING.test(question) ? optionsIn(question) : [];
}

/** Asking which one of them is: "which of these ...", "which one ...", "what one ...". */
const WHICH_ASKED = /\bwhich\b|\bwhat one\b/i;
/**
 * What the articles can settle by naming one: listed, named, needed, used. Not a quality ("which
 * is free", "best for beginners", "a bootcamp"): a card that names one option only does not say
 * that option has it.
 */
const NAMED_OR_NEEDED = new RegExp(`${LISTING.source}|\\b(?:needs?|needed|required?|requires|uses?|used)\\b|\\bto know\\b`, 'i');

/** A ranking ("need the most", "best", "more important"): naming one does not settle it. */
const RANKED = /\b(?:most|best|least|worst|better|more important|top|first)\b/i;

/** The options a "which one is" question names (three or more), or none; never a "which is not" question's. */
export function optionsWhich(typed: string): string[] {
  const question = typed.slice(0, MAX_QUESTION);
  return WHICH_ASKED.test(question) && NAMED_OR_NEEDED.test(question) && !RANKED.test(question) && !NOT_ASKED.test(question) ? optionsIn(question) : [];
}

/** The options a question names in one clause, as written (three or more), or none. */
function optionsIn(question: string): string[] {
  for (const clause of question.split(CLAUSE_END)) {
    const pieces = clause.split(BETWEEN).map((p) => p.trim().split(/\s+/).filter(Boolean));
    if (pieces.length < 3) continue;
    // The asking before the first option and after the last is no part of them: the first
    // without the asking words it starts with ("Among Django"), the last without what follows
    // its first asking word ("Jenkins the one not listed"). A first piece with asking words inside
    // it ("I have not used Docker") is a sentence, not an option: no list.
    const first = pieces[0]!;
    while (first.length && OPENERS.has(bare(first[0]!))) first.shift();
    if (first.some((w) => SENTENCE.has(bare(w)))) continue;
    const last = pieces[pieces.length - 1]!;
    const after = last.findIndex(filler);
    if (after >= 0) last.splice(after);
    // "..., Terraform, which isn't mentioned": a clause of asking words alone closes the list.
    const options = pieces.filter((p, i) => p.length || (i > 0 && i < pieces.length - 1));
    if (options.length < 3 || options.some((p) => !p.length || p.length > MAX_OPTION_WORDS || filler(p[0]!) || filler(p[p.length - 1]!))) continue;
    const named = options.map((p) => p.join(' ').replace(/^["'“‘]+|["'”’.]+$/g, ''));
    // The same option twice, or a list longer than anyone asks about: no question of which one.
    if (new Set(named.map((o) => o.toLowerCase())).size !== named.length || named.length > MAX_OPTIONS) continue;
    return named;
  }
  return [];
}

/** A name as the articles may write it: as asked, or without a plural's s ("frameworks", "Rails"). */
const forms = (option: string): string[] => [option, ...(/[^s]s$/i.test(option) ? [option.slice(0, -1)] : [])];
/**
 * A name as a pattern that skips dots, dashes and spaces between its letters, whole: "NodeJS"
 * finds "Node.js", "RubyOnRails" "Ruby on Rails"; "Scala" never finds "scalable".
 */
const spacedOut = (name: string): RegExp | undefined => {
  const chars = [...name.toLowerCase().replace(/[^\p{L}\p{N}+#]/gu, '')];
  return chars.length >= MIN_SPACED ? new RegExp(`(?<![\\p{L}\\p{N}])${chars.map(escape).join('[\\s.\\-]*')}(?![\\p{L}\\p{N}])`, 'u') : undefined;
};
/** A name this short is matched as written only ("Go"). */
const MIN_SPACED = 4;

/** How an answer's words are read: the search's terms, so "K8s" is Kubernetes and "JS" JavaScript. */
export interface Reading {
  /** A text's terms, as the search reads them. */
  terms(text: string): readonly string[];
  /** Whether the articles name a thing anywhere (in any entry). */
  known(name: string): boolean;
  /** A name's other spellings ("PTO", "paid time off"). */
  spellings?(name: string): readonly string[];
}

/** Whether an answer names an option: as written, or as the search reads one word ("K8s" is Kubernetes, "JS" JavaScript); not two words each found somewhere ("SQL Server"). */
function namerOf(answer: Reply, reading: Reading): { named: (option: string) => boolean; cardTerms: ReadonlySet<string> } {
  const text = pointTexts(answer.card.children).join('\n');
  const said = loose(text);
  const lower = text.toLowerCase();
  const cardTerms = new Set(reading.terms(text));
  const spellings = (name: string) => reading.spellings?.(name) ?? [name];
  const spelt = (option: string) => forms(option).some((f) => spellings(f).some((s) => namesIn(said, s) || !!spacedOut(s)?.test(lower)));
  const named = (option: string) => {
    const terms = reading.terms(option);
    return spelt(option) || (!/\s/.test(option) && terms.length > 0 && terms.every((t) => cardTerms.has(t)));
  };
  return { named, cardTerms };
}

/** "graphic design" leads its sentence as "Graphic design"; "gRPC" stays as written. */
const leading = (option: string) => (/^\p{Ll}\p{Ll}/u.test(option) ? `${option.charAt(0).toUpperCase()}${option.slice(1)}` : option);

/**
 * The option the answer does not name, first, with the ones it does; else nothing. Never an
 * option the articles name elsewhere ("Netflix" beside a card that lists Amazon): "not named" would
 * be false; nor one that shares a word with the answer ("used Docker").
 */
export function notAmongLead(question: string, answer: Reply, reading: Reading): Node | undefined {
  const options = optionsAsked(question);
  if (!options.length) return undefined;
  const { named, cardTerms } = namerOf(answer, reading);
  const missing = options.filter((o) => !named(o));
  if (missing.length !== 1) return undefined;
  const lacking = missing[0]!;
  // Named anywhere in the articles, as written or as one ("mentors": a mentor), is never "not named".
  if (forms(lacking).some((f) => reading.known(f)) || reading.terms(lacking).some((t) => cardTerms.has(t))) return undefined;
  const others = options.filter((o) => o !== missing[0]);
  return { type: 'text', text: `${leading(lacking)} is the one the articles do not name; they do name ${listed(others)}, as below.` };
}

/**
 * The one option the answer names, first; else nothing. Only when the articles name none of the
 * others anywhere, and none of them shares a word with the answer ("SQL Server" beside SQL).
 */
export function amongLead(question: string, answer: Reply, reading: Reading): Node | undefined {
  const options = optionsWhich(question);
  if (!options.length) return undefined;
  const { named, cardTerms } = namerOf(answer, reading);
  const found = options.filter(named);
  if (found.length !== 1) return undefined;
  const others = options.filter((o) => o !== found[0]);
  // "Not named" must hold in all the articles, not only this answer: "Udemy, Coursera or Khan
  // Academy" beside Udemy's card is no "only Udemy", Coursera being on the same list.
  if (others.some((o) => forms(o).some((f) => reading.known(f)) || reading.terms(o).some((t) => cardTerms.has(t)))) return undefined;
  return { type: 'text', text: `Of those, the articles name only ${found[0]!}; not ${listed(others).replace(/ and ([^,]*)$/, ' or $1')}.` };
}

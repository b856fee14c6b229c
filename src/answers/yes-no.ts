// Named rule "is it on the list?": a yes/no question about whether named things are among what
// an answer lists ("Are C++ and C# acceptable picks for server logic?", "Are LinkedIn Learning
// and Pluralsight among the course sites?") gets its yes, or the plain word of which ones the
// articles do not name, before the card. Only names the user wrote as names (capitals, C++, C#,
// .NET): a lowercase word could be anything, and a wrong "yes" is worse than none.
import { pointTexts, type Node, type Reply } from '../reply.js';

/** A question answered yes or no. */
const YES_NO = /^\s*(?:(?:so|and|but|ok(?:ay)?)[\s,]+)?(?:is|are|does|do|can|could|would|was|were|has|have)\b|^\s*yes or no\b|\bor not\s*[?!.]*\s*$/i;
/** ...that asks whether something is among what the articles list, name or accept. */
const LISTING = /\b(?:among|one of|part of|on (?:the|their|its) list|listed|list|mentioned|mention|named|name|included|include|includes|acceptable|ok(?:ay)? (?:picks?|choices?|options?)|good (?:picks?|choices?|options?)|picks?|choices?|options?)\b/i;
/** Comparing is no listing: "is C++ better than Python?" has no yes here. */
const COMPARING = /\b(?:better|worse|faster|slower|easier|harder|more|less|than|vs\.?|versus|or)\b(?<!\byes or\b|\bor(?= not\b))/i;
/** A word written as a name: a capital after the first letter of the question, or C++, C#, .NET, Node.js, edX. */
const NAME = /(?:^|[\s,(/])((?:[A-Z][\w.+#-]*|\.[A-Za-z]+|[a-z]+[+#]+|[a-z]+[A-Z][\w.+#-]*)(?:\s+[A-Z][\w.+#-]*)*)/g;
/** The asking word of a yes/no question, wherever it stands ("Real talk: is Java ..."). */
const ASKING = /\b(?:is|are|does|do|can|could|would|was|were|has|have)\b/i;
/** Capitalised words that are not names of things the articles list. */
const NOT_NAMES = new Set(['Yes', 'I', 'I’m', "I'm", 'Is', 'Are', 'Do', 'Does', 'Can', 'Could', 'Would', 'Was', 'Were', 'Has', 'Have', 'So', 'And', 'But', 'OK', 'Okay', 'The', 'A', 'An']);

/** Text as names are compared in it: lower case, spaces and dashes alike. */
export const loose = (s: string): string => s.toLowerCase().replace(/[\s\-\u2010-\u2015]+/g, ' ');
/** A text as a pattern that matches it literally. */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whether `loosed` (text passed through `loose`) names `name` as a whole word ("Go" is not in "good", nor "Java" in "JavaScript"). */
export const namesIn = (loosed: string, name: string): boolean => new RegExp(`(?<![a-z0-9])${escape(loose(name))}(?![a-z0-9+#])`).test(loosed);

/** "A, B and C": names in a sentence. */
export const listed = (xs: readonly string[]): string => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : (xs[0] ?? ''));

/** "Betamore and Bloc.io: are they on the list?": the names first, then the question pointing back at them. */
const NAMES_FIRST = /^\s*([^:?!\u2014\u2013]{1,80}?)\s*(?:[:,\u2014\u2013]|\s-)\s*are\s+(?:they|these|those|both)\b/i;

/** The names a yes/no listing question asks about, as written, or none. */
export function namesAsked(question: string): string[] {
  const first = NAMES_FIRST.exec(question);
  if ((!YES_NO.test(question) && !first) || !LISTING.test(question) || COMPARING.test(question)) return [];
  const names: string[] = [];
  // After the asking word ("Are", "Is"), which is capitalised but no name.
  // "Honestly, is Python a good pick or not?": the names after the asking word, not the words
  // before it; "Decisiveness — on the list or not?" has none, and its first word is the name.
  // "Betamore and Bloc.io: are they ...?": the names before it.
  const asking = ASKING.exec(question);
  const rest = first ? ` ${first[1]}` : asking ? question.slice(asking.index + asking[0].length) : question.replace(YES_NO, ' ');
  for (const m of rest.matchAll(NAME)) {
    // "LinkedIn Learning and Pluralsight": each name, without a trailing "and ...".
    for (const part of m[1]!.split(/\s+and\s+/)) {
      const name = part.replace(/[?!.,:;]+$/, '');
      if (name && !NOT_NAMES.has(name) && !NOT_NAMES.has(name.split(/\s+/)[0]!)) names.push(name);
    }
  }
  return [...new Set(names)];
}

/**
 * The yes, or which names the articles never give, for a listing question; else nothing. `known`
 * says whether the articles name a thing anywhere: one this answer lacks but another entry has
 * ("Pluralsight" beside LinkedIn Learning's card) gets no word, since "not named" would be false.
 */
export function yesNoLead(question: string, answer: Reply, known: (name: string) => boolean, spellings: (name: string) => readonly string[] = (name) => [name], isSource: (name: string) => boolean = () => false): Node | undefined {
  // A source named says where to look, not what is asked about: "does Indeed put generating
  // reports on the list?" is no "Yes: the articles name Indeed".
  const asked = namesAsked(question).filter((n) => !isSource(n));
  if (!asked.length) return undefined;
  const said = loose(pointTexts(answer.card.children).join('\n'));
  // "PTO" is said where the answer says "paid time off": a name counts in any of its spellings.
  const missing = asked.filter((n) => !spellings(n).some((s) => namesIn(said, s)));
  if (missing.some(known)) return undefined;
  // Named in another spelling, the reply says which: "PTO (as "paid time off")".
  const as = (n: string) => {
    const s = spellings(n).find((x) => namesIn(said, x));
    return s && loose(s) !== loose(n) ? `${n} (as "${s}")` : n;
  };
  if (!missing.length) return { type: 'text', text: `Yes: the articles name ${listed(asked.map(as))}, as below.` };
  const named = asked.filter((n) => !missing.includes(n));
  return { type: 'text', text: `The articles never name ${listed(missing)}${named.length ? `; they do name ${listed(named.map(as))}, as below` : ''}.` };
}

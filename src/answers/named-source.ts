// Named rule "a source named as a source": "what does Indeed say?", "acc to payscale", "and the
// spotlight?", "PayScale's figures" name an article (or a survey it cites) as where an answer
// comes from. The same word used otherwise ("is it indeed true", "fullstack developer", "besides
// indeed", a link to indeed.com) names nothing, and must change nothing.
import type { Knowledge, Source } from '../knowledge/schema.js';
import { applyRules, fold, isTheGuide, namesTheGuide, setAside, STOP_WORDS } from '../search/normalize.js';
import { escape, loose } from './yes-no.js';
/** Words before a source's name that make it the source asked about. */
const BEFORE = String.raw`(?:according to|acc(?:ording|\.)? (?:to|2)|accdg to|per|from|by|in|does|do|did|what|whats|what's|and|vs\.?|versus|or|than)`;
/** Words after it that do. */
const AFTER = String.raw`(?:'s|’s|s'|\s+(?:says?|said|reports?|figures?|numbers?|data|article|page|guide|piece|salary|salaries|pay|average|median|avg|sal|lists?|thinks?|suggests?|recommends?|vs\.?|versus|or)\b)`;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

/** What people call the Guide article, which has no publisher ("the guide's figure", "per the guide"). */
const GUIDE = 'guide';

/** Each name's pattern, made once (a handful of names, read for every answer). */
const patterns = new Map<string, RegExp>();
function patternOf(name: string): RegExp {
  let p = patterns.get(name);
  if (!p) {
    const n = escape(loose(name));
    patterns.set(name, (p = new RegExp(`(?:^|\\b${BEFORE}\\s+(?:the\\s+)?)${n}(?![a-z0-9+#])|(?<![a-z0-9])${n}${AFTER}`)));
  }
  return p;
}

/** Whether `question` names `name` as a source (see above); "the guide" by its own rule (src/search/normalize.ts). */
export function namesAsSource(question: string, name: string): boolean {
  // "Apart from PayScale, what figures are there?": set aside, so not where the answer is to come from.
  if (setAside(question, name)) return false;
  if (name === GUIDE) return namesTheGuide(question.replace(LINK, ' '));
  return patternOf(name).test(loose(question.replace(LINK, ' ')).trim());
}

/** How a reply says a name the asker used: "the spotlight", "the guide" (a publisher as it is). */
export const saidAs = (name: string): string => (name === 'spotlight' || name === GUIDE ? `the ${name}` : name);

/** How a reply calls a source: its publisher, or "the" and its short name ("the Back-End Developer Spotlight"). */
export const calledBy = (src: Source): string => src.publisher ?? `the ${src.short}`;

/** A source's names as people call it: its publisher, its short name, "the spotlight", "the guide". */
export function namesOf(src: Source): string[] {
  return [src.publisher ?? '', src.short, ...(/spotlight$/i.test(src.short) ? ['spotlight'] : []), ...(isTheGuide(src) ? [GUIDE] : [])].filter(Boolean);
}

/**
 * The sources a question names as sources, each with the name it used: an article by its names,
 * or one through a survey it cites for figures (PayScale, the BLS), not any site it mentions.
 */
export function sourcesNamed(knowledge: Knowledge, question: string): { source: Source; name: string }[] {
  // Described too, as the search reads it: "in the bootcamp article" is Career Karma's, "the job
  // board's list" Indeed's (src/search/normalize.ts), so the points it gives come first here as well.
  const read = applyRules(fold(question));
  return callsOf(knowledge).flatMap(({ source, names }) => {
    const name = names.find((n) => namesAsSource(question, n) || namesAsSource(read, n));
    return name ? [{ source, name }] : [];
  });
}

/** Words of the cited titles that name nothing alone. */
const COMMON_WORDS = new Set(['open', 'web', 'application', 'security', 'project', 'news', 'world', 'report', 'point', 'salary', 'data', 'back-end', 'backend', 'developer', 'becoming', 'learn', 'about', 'being', 'labor', 'statistics']);
const ownWordsByKnowledge = new WeakMap<Knowledge, ReadonlySet<string>>();
/**
 * Whether a word is one of the articles' own sources: a word of an article's name or of what it
 * cites ("Indeed", "Karma", "CareerKarma.com", "BLS", "U.S.", "Hackernoon"), so "according to X"
 * with such a word is not an outside source. Worked out once per knowledge base.
 */
export function ownSourceWords(knowledge: Knowledge): (word: string) => boolean {
  let words = ownWordsByKnowledge.get(knowledge);
  if (!words) {
    const names = knowledge.sources.flatMap((src) => [...namesOf(src), ...src.cites]).map((n) => n.toLowerCase());
    // A name's own words, not the common ones of a cited title ("Open Web Application Security Project": "owasp", not "web").
    const all = names.flatMap((n) => [n.replace(/\s+/g, ''), ...n.split(/[\s()&,]+/)]).filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !COMMON_WORDS.has(w));
    ownWordsByKnowledge.set(knowledge, (words = new Set(all.flatMap((w) => [w, w.replace(/\./g, '')]))));
  }
  const known = words;
  return (word) => {
    const w = word.toLowerCase().replace(/\.com$/, '');
    return known.has(w) || known.has(w.replace(/\./g, ''));
  };
}

/** Each source with every name it is called by, worked out once per knowledge base. */
const callsByKnowledge = new WeakMap<Knowledge, { source: Source; names: string[] }[]>();
function callsOf(knowledge: Knowledge): { source: Source; names: string[] }[] {
  let calls = callsByKnowledge.get(knowledge);
  if (!calls) {
    const surveys = new Set([...knowledge.salaries, ...knowledge.outlook].flatMap((f) => (f.attribution ? [f.attribution] : [])));
    callsByKnowledge.set(knowledge, (calls = knowledge.sources.map((source) => ({ source, names: [...namesOf(source), ...source.cites.filter((c) => surveys.has(c))] }))));
  }
  return calls;
}

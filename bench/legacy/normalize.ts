// The old search's normaliser, kept with it for `npm run bench` (see legacy/search.ts).
// Query normalisation shared by the index and the questions, so both sides agree on every term:
// case and accents folded, punctuation dropped, stop words removed, phrases and synonyms mapped
// to one canonical word ("back end" -> backend, "earn" -> salary), plurals folded.
import { stem } from '../../src/search/normalize.js'; // unchanged since; only the vocabulary moved

/** Phrases rewritten before splitting into words (order matters: longest first). */
const PHRASES: [RegExp, string][] = [
  [/\bc\+\+/g, ' cplusplus '],
  [/\bc#/g, ' csharp '],
  [/\.net\b/g, ' dotnet '],
  [/\bnode\.?js\b/g, ' nodejs '],
  [/\bnest\.?js\b/g, ' nestjs '],
  [/\bhttp\/3\b/g, ' http3 '],
  [/\bruby on rails\b/g, ' rails '],
  [/\bback[\s-]?end\b/g, ' backend '],
  [/\bfront[\s-]?end\b/g, ' frontend '],
  [/\bfull[\s-]?stack\b/g, ' fullstack '],
  [/\bserver[\s-]side\b/g, ' backend '],
  [/\bserver\s+(?=developers?|devs?|engineers?|programmers?|code\b|coding\b)/g, ' backend '],
  [/\bui\s+(?=developers?|devs?|engineers?|programmers?)/g, ' frontend '],
  [/\bdata ?bases?\b/g, ' database '],
  // "How much do I need to care about security?" asks how much it matters, not about pay.
  [/\bhow much (?:do|does|should|must) (?:i|you|we|one) (?:need|have) to\b/g, ' '],
  [/\bhow much time\b/g, ' duration '],
  [/\bhow much\b/g, ' salary '],
  [/\b(?:just )?for comparison\b/g, ' '],
  [/\bin (?:plain|simple|layman'?s?) (?:words|terms|english)\b/g, ' '],
  // "Worth the money" weighs a cost; "a future backend dev" is a person, not the job outlook.
  [/\bworth (?:the|my|your) (?:money|price|cost)\b/g, ' worth '],
  [/\bfuture\s+(?=backend|frontend|fullstack|developer|dev\b|devs\b|engineer|programmer|employer|student)/g, ' '],
  // "who earns more" is a comparison of pay, not a question about one figure.
  [/\b(?:earns?|earning|makes?|making|paid|pays?|salary|salaries) (?:more|better|less|higher|lower)\b/g, ' salary comparison '],
  // "Paied more than": the pay word may be misspelt, the comparison still reads.
  [/\b(?:vs|versus|compared (?:to|with)|(?:more|better|less|higher|lower) than)\b/g, ' comparison '],
  [/\bmakes? (?:per|a|an|in a) (?:year|hour|month)\b/g, ' salary '],
  [/\bget(?:s|ting)? paid\b/g, ' salary '],
  [/\bhow long\b/g, ' duration '],
  [/\bhow many years\b/g, ' duration '],
  [/\bstarting out\b/g, ' entry '],
  [/\bentry[\s-]level\b/g, ' entry '],
  [/\bjob market\b/g, ' outlook '],
  [/\bdata structures?\b/g, ' datastructure '],
  [/\bcover letters?\b/g, ' coverletter '],
  [/\bon[\s-]call\b/g, ' oncall '],
  [/\bboot ?camps?\b/g, ' bootcamp '],
  [/\bcomputer science\b/g, ' computerscience '],
  [/\bversion control\b/g, ' git '],
  [/\b(?:soft|people|interpersonal) skills?\b/g, ' softskill '],
  [/\b(?:get(?:ting)?|break(?:ing)?) into\b/g, ' become '],
  [/\bfrom scratch\b/g, ' entry '],
  [/\b(?:junior|entry) to (?:mid|senior)\b/g, ' promotion '],
  [/\bbest part\b/g, ' perk '],
  [/\bwhat'?s hot\b/g, ' trends '],
  [/\bmeet(?:ing)? people\b/g, ' networking '],
  [/\b(?:get(?:ting)? )?paged\b/g, ' oncall '],
  [/\bpaid time off\b/g, ' pto '],
  [/\bmachine learning\b/g, ' ai '],
  [/\bartificial intelligence\b/g, ' ai '],
  [/\bfrom home\b/g, ' remote '],
];

/** One word -> its canonical form. Plurals and -ing forms need no entry: stem() folds them first. */
const SYNONYMS: Record<string, string> = {
  'back-end': 'backend',
  'front-end': 'frontend',
  'full-stack': 'fullstack',
  serverside: 'backend',
  dev: 'developer',
  programmer: 'developer',
  coder: 'developer',
  pay: 'salary',
  paid: 'salary',
  earn: 'salary',
  wage: 'salary',
  income: 'salary',
  compensation: 'salary',
  money: 'salary',
  cert: 'certification',
  certified: 'certification',
  certificate: 'certification',
  class: 'course',
  dba: 'administrator',
  db: 'database',
  junior: 'entry',
  beginner: 'entry',
  start: 'entry',
  graduate: 'entry',
  newbie: 'entry',
  senior: 'experienced',
  veteran: 'experienced',
  seasoned: 'experienced',
  midlevel: 'mid',
  middle: 'mid',
  intermediate: 'mid',
  university: 'degree',
  uni: 'degree',
  bachelor: 'degree',
  college: 'degree',
  diploma: 'degree',
  k8s: 'kubernetes',
  github: 'git',
  js: 'javascript',
  py: 'python',
  a11y: 'accessibility',
  dsa: 'datastructure',
  apis: 'api',
  interviewer: 'interview',
  cv: 'resume',
  demand: 'outlook',
  growth: 'outlook',
  future: 'outlook',
  prospects: 'outlook',
  stressful: 'stress',
  hard: 'difficult',
  difficulty: 'difficult',
  tough: 'difficult',
  easy: 'difficult',
  easier: 'difficult',
  hours: 'schedule',
  remotely: 'remote',
  online: 'remote',
  promoted: 'promotion',
  promote: 'promotion',
  advance: 'promotion',
  advancement: 'promotion',
  freelance: 'freelancing',
  freelancer: 'freelancing',
  trend: 'trends',
  paycheck: 'salary',
  paycheque: 'salary',
  mentorship: 'mentor',
  scalable: 'scale',
  scalability: 'scale',
  performance: 'perform',
  performant: 'perform',
  hacking: 'security',
  hacker: 'security',
  breach: 'security',
  opening: 'posting',
  roadmap: 'step',
  upside: 'perk',
  pros: 'perk',
  advantage: 'perk',
};

/** Words that carry no topic. Kept short: "how", "long", "much" are handled as phrases above. */
export const STOP_WORDS = new Set(
  `a an the and or but if then so of to in on at by for with from as is are was were be been being am
  do does did doing done i me my we our you your he she it its they them their this that these those
  what which who whom whose when where why how can could should would will shall may might must
  there here about into over under again very just also too not no any some all more most much many
  get got getting go going want wanted like really please tell know let us up out
  s t d ll m re ve im id hey hi hello thanks thank yes ok okay
  come comes came explain explained explanation basic basics overview intro introduction review reviews
  exactly actually stuff sort lot lots say tell one ones every each else still already even ever
  eventually little bit way ways
  wat wut whats u ur r pls plz thx ty abt bc cuz gonna wanna gotta dunno waht hw teh`.split(/\s+/),
);

export function fold(text: string): string {
  return text
    .replace(/\p{Pd}/gu, '-')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** Every word normalisation knows, so spelling correction can aim at them too ("senoir"). */
export const KNOWN_WORDS: readonly string[] = Object.keys(SYNONYMS).filter((w) => /^[a-z]+$/.test(w));

export function canonical(word: string): string {
  const direct = SYNONYMS[word];
  if (direct) return direct;
  const stemmed = stem(word);
  return SYNONYMS[stemmed] ?? stemmed;
}

/**
 * Question forms, read in questions only. "What does a DBA do?" asks for duties, and without
 * this it has the same terms as "what is a DBA?"; rewritten in the entries too, the FAQ titled
 * "What does a back-end developer do?" would claim every "... duties" question.
 */
const QUESTION_PHRASES: [RegExp, string][] = [[/\bwhat\s+(?:does|dose|do)\s+(?!(?:i|you|we)\s)(.+?)\s+do\b/g, ' $1 duty ']];
const ASKED_PHRASES = [...QUESTION_PHRASES, ...PHRASES];

/** Text -> words after phrase rewriting, before stop words are dropped. */
export function words(text: string, phrases: readonly [RegExp, string][] = PHRASES): string[] {
  let t = ` ${fold(text)} `;
  for (const [re, to] of phrases) t = t.replace(re, to);
  return t.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The terms of a text: canonical words, stop words removed. */
export function terms(text: string): string[] {
  return fromWords(words(text));
}

/** The terms of a question someone asked: as terms(), with the question forms read too. */
export function questionTerms(text: string): string[] {
  return fromWords(words(text, ASKED_PHRASES));
}

function fromWords(list: string[]): string[] {
  return list
    .filter((w) => !STOP_WORDS.has(w))
    .map(canonical)
    .filter((w) => !STOP_WORDS.has(w));
}

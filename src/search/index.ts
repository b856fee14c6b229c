// The understanding pipeline, built once at start, then pure lookups:
//
//   analyse   normalise, the lexicon, spelling correction               (analyse.ts)
//   retrieve  BM25 over titles, names, example questions and text        (retrieve.ts)
//   rerank    closeness to each candidate's example questions, coverage  (rerank.ts)
//   decide    answer / ask which one was meant / refuse                   (decide.ts)
//
// compose (the answer card and its sources) lives with the commands that show answers.
// fuse.js stays where it is strong: names, command arguments, autocomplete and "did you mean".
import Fuse from 'fuse.js';
import type { Knowledge, SalaryLevel } from '../knowledge/schema.js';
import { Analyzer, LEVEL_TERMS, THIS_YEAR, YEAR, type Analysis } from './analyse.js';
import { commonWords, plainWords } from './english.js';
import { prebuiltKey, usablePrebuilt, type Prebuilt } from './prebuilt.js';
import { ASKED_FOR, asksFor, changesCareer, decide, gives, namedNotAnswered, onlyTechnology, FOLLOW_LEADS, PARTLY, PAY_FIGURE, TECHNOLOGIES, THRESHOLDS, WHO_WORKS, type Decision, type Thresholds } from './decide.js';
import { buildDocuments, type Doc, type Kind } from './documents.js';
import { fold, guideNamed, isTheGuide, levelOfYears, namesTheGuide, setAside, split, STOP_WORDS, THIS_ROLE } from './normalize.js';
import { bagOf, centroidOf, examplesOf, indexExamples, rerank, vectorOf, WEIGHTS, type EntryModel, type Scored, type Weights } from './rerank.js';
import { FIELDS, fieldText, Retriever } from './retrieve.js';
import { loose, namesIn } from '../answers/yes-no.js';
import { SIZE_ASKED } from '../more-words.js';

export type { Doc, Kind } from './documents.js';
export type { Decision } from './decide.js';
export type { Scored } from './rerank.js';

/** What a question was, for reading the next one against it (see src/conversation.ts). */
export interface Turn {
  terms: string[];
  /** The entry it was answered with, if any. */
  topic?: string;
  level?: SalaryLevel;
  /** Which point of an article's own plan was shown (its step 3, 1-based), for "what's next?". */
  point?: number;
  /** A command the bot offered to run ("Shall I mark step 3 as done?"): what "yes" runs. */
  offer?: string;
  /** A numbered list was shown: the command a number alone runs with it ("roadmap" -> "roadmap 2"). */
  numbered?: string;
  /** What "another one" runs: the next practice question after `interview`. */
  again?: string;
  /** The things the answer listed, in order, for "the second one" (see answers/list-items.ts). */
  items?: string[];
  /** The step the reply named as next ("Next: step 3"): what "what next?" shows, so the bot agrees with itself. */
  next?: string;
  /** The practice question just shown (`interview 2`): what "and the answer?" asks of. Not a topic: "how do I prepare?" stays general. */
  practice?: string;
}

export interface Answer {
  /** The question as analysed (for a follow-up, with the earlier question's terms merged in). */
  analysis: Analysis;
  /** Candidates, best first. */
  hits: Scored[];
  decision: Decision;
  /** True when the decision is to answer with hits[0]. */
  confident: boolean;
  /**
   * Set when the question asks the pay of one role it names (or the turn before named): the
   * answer is that role's figures, or the plain word that the articles give none for it.
   */
  payFor?: string;
}

export interface Resolution {
  /** Set when the text names one entry clearly (exactly, or by a close misspelling). */
  match?: Doc;
  /** True when match came from a fuzzy guess rather than an exact name: say "did you mean". */
  guessed: boolean;
  /** Closest entries, best first, for "did you mean". */
  suggestions: Doc[];
}

export interface AskOptions {
  /** The turn before, to read an elliptical follow-up against. */
  previous?: Turn;
}

export interface Search {
  readonly docs: readonly Doc[];
  get(ref: string): Doc | undefined;
  ask(question: string, options?: AskOptions): Answer;
  /** A question's analysis alone (terms with misspellings corrected), without ranking anything. */
  analyse(question: string): Analysis;
  /** An entry text's terms, as the index sees them (commands match topics with it). */
  terms(text: string): string[];
  /** Whether text names one of the articles or a survey they cite ("indeed", "payscale", "spotlight"). */
  namesSource(text: string): boolean;
  resolve(kind: Kind, text: string): Resolution;
  complete(kind: Kind, partial: string, limit?: number): Doc[];
  /** The same index with other settings (benchmark sweeps). */
  with(options: SearchOptions): Search;
  /** Builds every entry's model now (a service, before its first question), instead of on first use. */
  warm(): void;
  /**
   * The two entries a question compares by their names ("aws or azure cert?", "graphql vs
   * rest"), among its candidates, or none.
   */
  compared(answer: Answer): Scored[];
}

export interface SearchOptions {
  /**
   * The index as the build saved it (src/search/prebuilt.ts), used when its key matches this
   * knowledge base; `false` always builds from scratch. By default the saved file is looked for.
   */
  prebuilt?: Prebuilt | false;
  /** Other decision thresholds or feature weights (the benchmark's sweeps); the tuned ones by default. */
  thresholds?: Thresholds;
  weights?: Weights;
}

export function createSearch(kb: Knowledge, options: SearchOptions = {}): Search {
  return new KnowledgeSearch(kb, options);
}

/** The index for `kb`, built from scratch, as `npm run build` saves it. */
export function prebuild(kb: Knowledge): Prebuilt {
  const search = new KnowledgeSearch(kb, { prebuilt: false });
  // Every entry's model built, so the saved terms hold every example question too: a one-shot
  // question otherwise analyses the examples of each entry it meets (about 5,600 texts in all).
  search.warm();
  return search.saveable(prebuiltKey(kb));
}

/**
 * Terms that say what a question asks about (pay, duties, time...) and terms that name whom it is
 * about (a role, a level). A follow-up that names one of them replaces the earlier question's.
 */
const ASK_TERMS = new Set(['salary', 'outlook', 'duration', 'duty', 'skill', 'step', 'certification', 'degree', 'interview', 'comparison', 'difficult', 'stress', 'schedule', 'benefit', 'perk', 'worth']);
/**
 * What "how long is that?", "by how much?" ask of the answer before (see askedAgain): a time or a
 * sum. Not "degree" or "skill", which name a subject ("and how long is it for a degree?").
 */
const ASKED_AGAIN: readonly string[] = ['duration', 'salary'];
/** Terms that ask about moving up from a level ("and as they move up?", "and as you advance?"). */
const MOVING_UP: ReadonlySet<string> = new Set(['promotion', 'advance']);
/** "How long are the degrees?": a time or sum asked of the thing the answer before spoke of (see askedAgain). */
const OF_THE = /^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?how\s+(?:long|much)\s+(?:is|are|does|do|would|will)\s+the\s+\w+s?\s*\??\s*$/i;
/** "By how much?", "how much more?", "how big is the gap?" alone: the size of a difference the answer before stated. */
const BY_HOW_MUCH = new RegExp(String.raw`^\s*(?:(?:and|so|ok(?:ay)?)[\s,]+)?(?:${SIZE_ASKED})\b[^?]*\??\s*$`, 'i');
/** Words that ask what a source says ("what does PayScale say", "according to Indeed"). */
const SOURCE_ASKING = new Set(['say', 'accord', 'number', 'figure', 'source', 'report', 'recommend', 'suggest', 'advise', 'mention']);
/** A reading this far ahead of the next entry is the question's own, whatever words point back. */
const CLEAR_LEAD = 0.3;
/** The subject of the whole guide: naming it names no source or entry in particular. */
const GUIDE_SUBJECT = new Set(['backend', 'developer']);
/** Words of an entry's name that any entry of the field has ("how do I become a back-end developer?"). */
const FIELD_NAME_WORDS: ReadonlySet<string> = new Set(['become', 'dev', 'engineer', 'job', 'career', 'senior']);
/** Words that describe an article beside its source's name: its kind and its date ("Indeed's guide from April 2020"). */
const SOURCE_DESCRIBED = new Set(['guide', 'article', 'post', 'piece']);
/** A list item that names people by their job ("Computer Programmers", "Database Administrators"). */
const PEOPLE_LISTED = /\b(?:managers|programmers|specialists|analysts|administrators|developers|engineers|architects|designers|testers|directors|officers)\b/i;
/** A follow-up asking the question before of something else with "for": "and for seniors in london?", "what about for python devs?". */
function forLead(question: string): boolean {
  const lead = FOLLOW_LEADS.exec(question)?.[0];
  return lead !== undefined && (/\bfor$/i.test(lead) || /^[\s,]*for\b/i.test(question.slice(lead.length)));
}
/** "Why?" alone. */
const WHY_ALONE = /^\W*why\W*$/i;
/** What a line that only points back points with (not "it": "how long does it take?" first is how long it all takes). */
const POINTS_BACK = /\b(?:that|those|these|this|the other (?:source|one|article)s?)\b/i;
/** Words of a line that only points back (see onlyPoints): "how long does that take?", "what about the other source?". */
const POINTING_WORDS: ReadonlySet<string> = new Set(['other', 'source', 'same', 'why', 'take']);
/** Caveats of a line that names its own subject (see namedNotAnswered): never read with the turn before. */
const OWN_CAVEATS: ReadonlySet<string> = new Set(['ranking', 'how-to', 'path']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/**
 * Words that ask for something about a subject without naming one ("what does the acronym stand
 * for?", "can you give a real-world example?", "specifically?"): alone, a line of only these is
 * about the question before.
 */
const TOPICLESS_WORDS = 'stand for example give real world mean specifically concept concepts detail details elaborate instance sample realistic concrete exact precise numbers figures year when';

/** Words that point back at the earlier question's subject. */
/** "Do they earn more than ...", "are they paid better than ...": a pay comparison of "they" (see read). */
const PAY_COMPARED_THEY = /^\s*(?:and\s+|so\s+|but\s+)?(?:do|does|did|would|will|are|is|can)\s+(they|them)\b(?=[^?.!]*\b(?:earn|earns|make|makes|paid|pay|salary)\b[^?.!]*\b(?:more|less|better|higher|lower)\b)/i;
/** The field's own words and everyday verbs in entries' names ("backend developer job", "start"): they name no entry apart. */
const FIELD_NAME_TERMS: ReadonlySet<string> = new Set(['backend', 'developer', 'dev', 'job', 'engineer', 'development', 'start', 'learn', 'begin', 'study', 'work', 'get', 'become', 'find', 'need', 'use']);
/** "How's that different from...", "how do they differ from...": a pointer compared with something named. */
const DIFFERS = /\bhow(?:'s| is| are| does| do)?\s+(?:that|it|this|they|those|these)\s+(?:different|differ|compare)\b|\bwhat(?:'s| is) the difference between (?:that|it|this|them|those) and\b/i;
const POINTERS = /\b(?:they|them|their|theirs|it|its|that|those|this|these|there|one)\b/i;
/** A time asked with nothing else ("how long?"): it points back as "how long is that?" does. (Not "how much?": pay, read as before.) */
const BARE_ASK = /^\W*(?:and\s+)?(?:how long|how many years|duration)\W*$/i;
const pointsBack = (question: string) => POINTERS.test(question) || BARE_ASK.test(question);
/**
 * A line that asks something only of what was just said: "what's the catch?", "like what topics?",
 * "anything else in that DevOps bucket?". Alone their words had found the stress FAQ, a course
 * list, nothing. (The bare "like what?", "examples?", "anything else?" are MORE's, in more-words.ts,
 * which shows the answer before in full.)
 */
const ASKS_OF_IT = /^\W*(?:(?:and|so|ok(?:ay)?|but|hmm+)[\s,]+)*(?:what(?:'s|s| is| are| would be)\s+(?:the\s+)?(?:catch|downsides?|drawbacks?|cons)|like what\s+\w+|anything else\s+[\w\s]{1,30})\W*$/i;
/** Asking how to choose among what was just shown (see "choosing among them"). */
const CHOOSING_AMONG = /\b(?:pick|choose|decide|select)\b[^?!.]{0,20}?\b(?:between|among|from)\s+(?:them|those|these|the\s+two|the\s+three|both)\W*$|^\W*(?:(?:so|ok|okay|and)[\s,]+)?which(?:\s+one|\s+of\s+(?:them|those|these))?\s+(?:should|do|would)\s+i\s+(?:pick|choose|start\s+with|go\s+with|learn)(?:\s+first)?\W*$/i;
/** Words of choosing, as the index stems them. */
const CHOOSE_TERMS = ['pick', 'choose', 'decide'];
/** Nothing but levels: "seniors?", and "what's in the middle?" (whose "middle" is also a word of community college's "middle ground"). */
const namesOnlyLevels = (analysis: Analysis) => analysis.groups.length > 0 && analysis.groups.every((g) => g.some((t) => LEVEL_TERMS[t]));

/**
 * "the deadlock one", "the aws one", "the one for azure?": a thing picked by its name (see theOne).
 * "Which is for databases?" reads the same way, but picks only where a name the answer listed holds the word.
 */
const THE_ONE = /\bthe\s+([\p{L}\p{N}.+#-]+(?:\s+[\p{L}\p{N}.+#-]+){0,2}?)\s+one\b|^\W*(?:and\s+)?(?:which|the)(?:\s+one)?(?:'s|\s+is)?\s+(?:for|about)\s+([\p{L}\p{N}.+#-]+(?:\s+[\p{L}\p{N}.+#-]+){0,2}?)\W*$/iu;
/** An answer made of numbered steps ("Step 1: ... Step 2: ...", "First: ... Second: ..."), an article's plan. */
const NUMBERED_PLAN = /(?:\bStep 1|\bFirst):[\s\S]*(?:\bStep 2|\bSecond):/;
/** "The other cloud one", "the other cloud cert": another of the kind the answer before was, and the word that describes both (see otherOne). */
const OTHER_ONE = /\bthe other\s+([\p{L}\p{N}.+#-]+(?:\s+[\p{L}\p{N}.+#-]+)?)\s+(?:one|cert|certs|certification|certificate|option|choice)\b/iu;
/** Words that say what kind of thing is picked, not which (see theOne). */
const KIND_TERMS: ReadonlySet<string> = new Set(['framework', 'language', 'database', 'security', 'secure', 'tool', 'platform', 'protocol', 'trend', 'site', 'step', 'question', 'role', 'job', 'free', 'online', 'cheap', 'cost', 'duration', 'salary', 'popular', 'new', 'old', 'big', 'small', 'hard', 'difficult', 'easy', 'first', 'last', 'other', 'best', 'better']);
/** The roles the articles' own pay comparison sets against each other (see earnsMoreOf). */
const COMPARED_ROLES: ReadonlySet<string> = new Set(['frontend-developer', 'backend-developer']);
/** A count of years with nothing else: "and 8 years?", "what about 3 yrs?". */
const BARE_YEARS = /^\W*(?:and\s+|what about\s+|how about\s+)?(?:for\s+|with\s+|at\s+|after\s+)?\d{1,2}\+?\s*(?:years?|yrs?)\W*$/i;
/** "And after that?", "and then?", "what comes after that?": after pay, the level after the one shown (see afterPay). */
const AFTER_THAT = /^\W*(?:(?:and|ok(?:ay)?|so)[\s,]+)?(?:(?:what\s+(?:comes\s+|about\s+)?)?after\s+(?:that|those|this)|then|beyond\s+that|later(?:\s+on)?|(?:the\s+)?next\s+(?:level|band|bracket|stage)(?:\s+up)?)\W*$/i;
/** "Compared to other jobs?", "how does that compare with all occupations?", "vs the average job?" */
const AGAINST_ALL_JOBS = /^\W*(?:(?:and|so|but|ok(?:ay)?|hmm)[\s,]+)?(?:how (?:does|do|is|are) (?:that|it|this|those|these|they) )?(?:compared?|comparing|stack(?:s|ing)? up|measured?)?\s*(?:to|with|against|vs\.?|versus|relative to)\s+(?:the\s+)?(?:other|all|most|average|typical|every|any other)\s+(?:(?:jobs?|occupations?|careers?|professions?|fields?|lines? of work|work)\b|(?:u\.?s\.?\s+)?(?:average|median)\b)[^?]*\?*\s*$/i;
/** The degree cards a "do I need one?" may land on (see "without a degree"). */
const DEGREE_CARDS: ReadonlySet<string> = new Set(['learning:bachelors-degree', 'learning:associate-degree', 'learning:masters-degree']);
/** "So how did the others learn?", "how else do people learn then?", "how do people get in otherwise?" */
const LEARNED_ELSE = /^(?=[^?]*\b(?:learn|learned|learnt|learning|get in|got in|break in|broke in|get there|got there|train|trained|study|studied|do it|did it|manage|managed)\b)(?=[^?]*\b(?:else|otherwise|instead|the others|other people|others|everyone else|the rest|without (?:one|it|that|a degree))\b)[^?]*\bhow\b[^?]*\??\s*$/i;
/** The words of "how did the others learn?" and nothing else: "how do others learn python?" asks about Python. */
const LEARNING_ELSE_TERMS: ReadonlySet<string> = new Set(['learn', 'study', 'train', 'manage', 'other', 'else', 'otherwise', 'instead', 'people', 'everyone', 'rest', 'without', 'degree', 'one', 'get', 'way']);
/** "What's the alternative then?", "what are my other options?", "then why would anyone get one?" */
const ROUTE_ELSE = /^\W*(?:(?:and|ok(?:ay)?|so|but)[\s,]+)?(?:(?:what(?:'?s| is| are)|any|is there|are there)\s+(?:the|an?|my|other|some|another)?\s*(?:other\s+)?(?:alternatives?|options?|routes?|paths?|ways?)(?:\s+to\s+(?:a\s+degree|one|it|that|college|a\s+bachelor'?s|school))?(?:\s+(?:then|are there|do i have|is there))?|(?:what|which)\s+(?:other|else)\s+(?:alternatives?|options?|routes?|paths?|ways?)\s+(?:are there|do i have|is there|could i take|can i take)|(?:then\s+)?why (?:would|do|does|should|did) (?:anyone|anybody|people|someone|folks|you) (?:get|bother (?:getting|with)|go for|pursue|do) (?:one|it|a degree|that)(?:\s+then)?|why bother(?: with (?:one|it|a degree|that))?(?:\s+then)?)\W*$/i;
/**
 * "Going further than that?", "what's beyond that?": the entry a reader goes on to (named rule "the
 * entry after", in read). "And after that?", "what next?" and the rest of NEXT's wordings never
 * reach the search: src/commands/ask.ts follows `then` for them first.
 */
const GOES_ON = /^\W*(?:(?:and|ok(?:ay)?|so)[\s,]+)?(?:what(?:'?s|\s+is|\s+comes)?\s+)?(?:(?:go(?:ing)?\s+)?further(?:\s+than\s+(?:that|this))?|(?:beyond|above|past|after)\s+(?:that|those|this|it))\W*$/i;
/**
 * The pay levels in the order a career goes through them. The experienced band is the last the
 * articles give: after it, its figures again (not the roadmap's first step).
 */
const NEXT_LEVEL: Partial<Record<SalaryLevel, SalaryLevel>> = { entry: 'early', early: 'mid', mid: 'experienced', experienced: 'experienced' };
/**
 * Named rule "the level after": "and after that?", "and then?" after a level's pay asks the next
 * level's (after mid-career, the experienced figures), not the roadmap's next step.
 */
function nextLevelAsked(question: string, previous: Turn | undefined): SalaryLevel | undefined {
  return afterPay(question, previous) && previous?.level ? NEXT_LEVEL[previous.level] : undefined;
}

/** "And after that?" right after pay: a question of pay, never the roadmap's next step. */
export function afterPay(question: string, previous: Turn | undefined): boolean {
  // Pay shown: a salary entry, or a role's pay (remembered by its role). Not a card that only
  // spoke of pay ("is Java worth learning for a better salary?").
  return !!previous?.terms.includes('salary') && /^(?:salary|role):/.test(previous.topic ?? '') && AFTER_THAT.test(question);
}
/** A band of years on the job: "4-6 yrs", "1 to 3 years", "7–9 years". */
const YEAR_BAND = /\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\s*(?:years?|yrs?)\b/i;
/** Words for a level that are terms of their own besides the level's ("seniors": senior, experienced). */
const LEVEL_WORDS: ReadonlySet<string> = new Set(['senior', 'junior', 'beginner', 'newbie', 'veteran']);

/** Terms that name one of two kinds of a thing: a follow-up naming one drops the other. */
const CONTRASTS: readonly (readonly string[])[] = [['softskill', 'technical']];
/** Words that pick one of the things just listed: "which one", "which of them", "the secure one", "any security one?", "is SQL one of them?". */
const SELECTS = /\bwhich (?:one|ones|of (?:them|those|these))\b|\bwhich (?:pays?|earns?|makes?) (?:the )?(?:best|most|more|highest)\b|\bthe (?:\w+ )?one\b|\bany (?:\w+ )?ones?\b|\b(?:one|any|some|either) of (?:them|those|these)\b/i;
/** The most terms a question pointing back within the answer before may have (see pointsWithin). */
const POINTING_TERMS = 3;
/** The front end's own languages: knowing them is no step of the back-end roadmap done. */
const FRONT_END_TERMS: ReadonlySet<string> = new Set(['html', 'css', 'frontend']);
/** Programs of study, and the words that say one is over: for "after the studies". */
const EDUCATION_TERMS: ReadonlySet<string> = new Set(['bootcamp', 'degree', 'college', 'university', 'course', 'program', 'school', 'computerscience', 'education', 'class', 'studies', 'associate', 'bachelor', 'master']);
const DONE_TERMS: ReadonlySet<string> = new Set(['finished', 'finish', 'completed', 'complete', 'done', 'graduated', 'graduate', 'now', 'my']);
/** "And after like 5 yrs?", "at 8 years?": years on the job, alone (see rangeEnd). */
const YEARS_AFTER = /^\s*(?:(?:and|so|what about|how about)\s+)?(?:after|at|with)\s+(?:like\s+|about\s+|around\s+|maybe\s+)?(\d{1,2})\+?\s*(?:years?|yrs?)(?:\s+(?:in|of experience|experience|on the job))?\s*[?!.]*\s*$/i;
/** "And the top?", "what about the lowest?": an end of a pay range, alone (see rangeEnd). */
const RANGE_END = /^\s*(?:(?:and|what about|how about)\s+)?(?:the\s+)?(top|highest|max|maximum|most|high end|bottom|lowest|min|minimum|least|low end)(?:\s+(?:one|figure|number|end|level|bracket))?\s*[?!.]*\s*$/i;
/** Words comparing two figures ("which is higher?"). */
const FIGURES_COMPARED: ReadonlySet<string> = new Set(['comparison', 'higher', 'lower', 'bigger', 'smaller', 'larger']);
/** Words for a figure that say not of what ("Indeed's number"). */
const FIGURE_WORDS: ReadonlySet<string> = new Set(['number', 'figure', 'amount']);
/** Words that ask which of two figures to believe ("which number is right, indeed or career karma?"): the articles never say; the figures side by side do. */
const JUDGING_WORDS: ReadonlySet<string> = new Set(['right', 'trust', 'believe', 'reliable', 'better']);

/** A sentence that asks without a question mark: "I'd like to know which ...", "tell me ...", "which one ...". */
const ASKS_WITHOUT_MARK = /\b(?:want to know|wanna know|like to know|wondering|tell me|curious)\b|^(?:(?:so|and|anyway|but)[\s,]+)*(?:what|which|who|where|when|why|how|is|are|do|does|can|could|should|would|will)\b/i;
/** A remark on why a question is asked: "for my linkedin search", "wanna search more listings", "need em for ...". */
const PURPOSE = /^(?:for my|for a|need (?:em|them|it|this|that)|needed for|tryna|trying to|wanna|want to|so i can|so that i|because|cuz|bc)\b/i;
/** A remark that asks for something: "drop some", "list a few", "pls explain". */
const REQUEST = /^(?:(?:pls|plz|please|and|so|just)[\s,]+)*(?:drop|list|give|name|show|tell|share|send|explain|recommend|suggest|link|post|compare)\b/i;
/** A message's sentences, each ending at its own ".", "!" or "?". */
const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
/** A question pointing at a sum or at pay said before it: "to get there", "that much", "that salary". */
const PAY_POINTED = /\b(?:get there|that much|that amount|that (?:salary|pay|figure|number|money|income))\b/i;
/** A sentence of the asker's own story: "I don't have the money", "my partner is nervous about money". */
const FIRST_PERSON_STORY = /\b(?:i|i'm|im|i've|ive|i'd|my|me|we|our)\b/i;
/** A message this long may bury its question in a story (see "the asking sentence"). */
const LONG_MESSAGE_WORDS = 20;
/** ...and its last question must say this much to be read on its own. */
const ASKING_TERMS = 3;

/** A question naming a source: an entry that source says nothing in scores this share (see fromNamedSource). */
const SOURCE_MISSING = 0.8;
/** Words that set one thing against another: "A or B", "A vs B", "A compared to B". */
const COMPARING_WORDS = /\b(?:or|vs\.?|versus|compared (?:to|with)|against|than)\b/i;
/** Terms that ask which of two is better, not about anything else. */
const COMPARING_TERMS: ReadonlySet<string> = new Set(['comparison', 'better', 'best', 'which', 'choose', 'pick', 'should', 'learn', 'first']);
/** The most other words a question comparing two things may have ("which is better for me"). */
const COMPARED_REST = 2;
/** How far down the candidates a question comparing two things looks for them (see compared). */
const COMPARED_CANDIDATES = 5;
/** What a price, a time or pay asked of the answer before is called when the bot says it is not there. */
const ASKED_WORDS: Readonly<Record<string, string>> = { cost: 'a price or a sum like that', duration: 'how long it takes', salary: 'pay', rate: 'rates', free: 'whether it is free' };

/** Things with a price (see costIsPay). */
const PRICED: ReadonlySet<string> = new Set(['bootcamp', 'course', 'degree', 'certification', 'cert', 'program', 'tuition', 'school', 'college', 'class', 'coursera', 'udemy', 'udacity', 'edx', 'platform', 'living']);
/** A price named in words (see costIsPay). */
const PRICE_WORDS = /\b(?:costs?|costing|prices?|priced|pricing|fees?|tuition|charges?|expensive|cheap(?:er|est)?|afford(?:able)?|spend)\b/i;

/** Words that ask what a source gives for a level, no subject of their own (see levelAlone). */
const LEVEL_GIVEN: ReadonlySet<string> = new Set(['page', 'list', 'give', 'show', 'experience']);
/** Words that ask which years a pay level spans (see levelAlone). */
const LEVEL_YEARS: ReadonlySet<string> = new Set(['year', 'range', 'bracket', 'span', 'cover', 'count', 'duration']);

/** "Does that include X?", "is that the same for X?", "does it apply to X?": whether the answer before covers X. */
const INCLUDES = /\b(?:includes?|including|included|covers?|covering|counts?|appl(?:y|ies) to|(?:the )?same for|true for|hold for|holds for|go for|goes for)\s+(.{2,60}?)[\s?!.]*$/i;

/** Words of what "does that include ...?" asks about that name nothing the answer must say ("jobs", "people"). */
const BEYOND_GENERIC: ReadonlySet<string> = new Set('job jobs work works people person thing things kind kinds type types one ones stuff folks guys role roles position positions'.split(' '));
/** Words of names that say what kind of thing, not which ("certification", "developer"). */
const GENERIC_NAME_TERMS: ReadonlySet<string> = new Set(['certification', 'cert', 'certified', 'developer', 'cloud', 'degree', 'program', 'backend', 'api', 'apis', 'skill', 'course']);
/** How many entries only the raw-word ranking found join the candidates. */
const RAW_CANDIDATES = 3;

/** Words that ask for the step after the one named. */
const NEXT_TERMS = new Set(['next', 'after']);
/** The word that asks for the step before the one named ("what should I learn before databases?"). */
const BEFORE_TERM = 'before';
/** Only asked so, of what to learn: "what should I do before applying?" asks how to get ready. */
const BEFORE_ASKED = /^\W*(?:(?:so|and|ok(?:ay)?)[\s,]+)?what(?:'?s| is)?\s+(?:comes|came|(?:should|do|must) i (?:learn|study|know|master)|(?:do|should) i need to (?:learn|know)|to learn|step comes)\s+(?:right\s+)?before\b/i;
/** Questions about pay, the outlook or time say "after" about years. */
const TIME_TERMS = new Set(['salary', 'outlook', 'duration']);
/** "How do I become a ...", "steps to become a ...": the way into a job, asked (see otherWayIn). */
const BECOME = /\bhow\s+(?:do|can|would|should|could)\s+(?:i|you|one|someone|a\s+person)\s+(?:become|get\s+into|break\s+into|get\s+a\s+job\s+as)\b|\bhow\s+to\s+(?:become|get\s+into|break\s+into)\b|\b(?:steps?|path|roadmap|way)\s+to\s+(?:becom(?:e|ing)|be)\b/i;
/** The one role whose way in the articles explain, and their answer on it (see otherWayIn). */
const EXPLAINED_ROLE = 'role:backend-developer';
const BACKEND_WAY_IN = 'question:how-to-become-a-backend-developer';
/** "What's an API?", "what are frameworks": what a thing is, the whole question (see conceptDefined). */
const DEFINITION = /^\W*(?:so\s+|ok\s+|okay\s+)?(?:what(?:'s|s|\s+is|\s+are|\s+r)|wats?|wuts?|whta?s|(?:please\s+)?define|definition\s+of|meaning\s+of)\s+(?:an?\s+|the\s+)?[\p{L}\p{N}.+#-]+(?:\s+[\p{L}\p{N}.+#-]+){0,2}\s*(?:lol|lmao|exactly|again|even|anyway|tho|though)?\s*[?!.]*\s*$/iu;
/** How far behind the step the skill may score and still be the answer to a definition asked. */
const DEFINITION_SLACK = 0.05;
/** How much of the rest of the question the named step must cover. */
const STEP_AFTER_COVERAGE = 0.5;
/** How far behind another entry the named step may rank in the whole question's ranking (see stepAfter). */
const STEP_AFTER_BEHIND = 0.2;

/** A pay answer is remembered by its role (for "what do they do?"); what it showed is the salary entry. */
/** How far behind the best entry one that names the technology asked about may be, and still go first. */
const TECHNOLOGY_BEHIND = 0.1;

/**
 * Named rule "the technology named": "is node.js backend or frontend?" asks about Node.js; an entry
 * whose example questions mention it (the front-end languages: "I'm learning Node.js and ...") is
 * not about it when a close one says it in its own text (the server-side languages). One
 * technology named, and the best entry's own text without it: the closest that has it goes first.
 */
export function technologyNamed(analysis: Analysis, hits: Scored[]): Scored[] {
  const tech = [...new Set(analysis.terms.filter((t) => TECHNOLOGIES.has(t)))];
  const [top] = hits;
  // Only where a side is asked ("front end or back end?"): elsewhere the ranking's own reading stands.
  if (tech.length !== 1 || !top || top.content.has(tech[0]!) || !analysis.terms.includes('frontend')) return hits;
  const own = hits.find((h) => h.score >= top.score - TECHNOLOGY_BEHIND && h.content.has(tech[0]!));
  return own ? [own, ...hits.filter((h) => h !== own)] : hits;
}

export function figuresOf(topic: string, previous: Turn): string {
  return topic.startsWith('role:') && previous.terms.includes('salary') ? topic.replace(/^role:/, 'salary:') : topic;
}

/** What an entry itself says (names, keywords, text; not its example questions), as names are looked for in it. */
function saidBy(doc: Doc): string {
  return loose(fold([doc.title, ...doc.aliases, ...doc.keywords, doc.body].join(' ')));
}

/** Entry models by ref, each built on first use and kept. */
class Models {
  private readonly built = new Map<string, EntryModel | undefined>();
  constructor(private readonly build: (ref: string) => EntryModel | undefined) {}

  get(ref: string): EntryModel | undefined {
    if (!this.built.has(ref)) this.built.set(ref, this.build(ref));
    return this.built.get(ref);
  }
}

class KnowledgeSearch implements Search {
  readonly docs: readonly Doc[];
  private readonly byRef: Map<string, Doc>;
  private readonly analyzer: Analyzer;
  private readonly retriever: Retriever;
  private readonly models: Models;
  private readonly idfOf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly ofKind = new Map<Kind, Doc[]>();
  private readonly nameKeys = new Map<string, string[]>();
  private readonly nameTerms = new Map<string, string[][]>();
  private readonly byKind = new Map<Kind, Fuse<Doc>>();
  private readonly names = new Map<Kind, Map<string, Doc>>();
  /** Terms naming whom a question is about: the words of the roles' titles. */
  private readonly subjectTerms: Set<string>;
  /** Terms that ask about every job in the country, not back-end developers (the BLS median). */
  private readonly nationalTerms: Set<string>;
  /** Terms naming where a figure comes from: the articles and the surveys they cite. */
  private readonly sourceTerms: Set<string>;
  /** Every word of a skill's names ("cloud", "security", "docker"): a subject a source may be asked about. */
  private readonly skillTerms: Set<string>;
  /** The articles' publishers' names of several words, each as its terms ("career karma"). */
  private readonly sourceNames: string[][];
  /** Words that ask about an article's own plan (see run). */
  private readonly planTerms: Set<string>;
  /** Who gives a figure for each pay level: `salary:backend-developer/entry` -> its sources' terms. */
  private readonly levelSources: Map<string, string[]>;
  /** Every word of the names of the two roles the articles compare on pay (see earnsMoreOf). */
  private readonly comparedNames: ReadonlySet<string>;
  /** Every name a source is called by, as terms: a publisher's, a rare source word, "spotlight" (see namedSources). */
  private readonly sourceCalls: readonly string[][];
  /** Every word of the names of the sources each entry speaks in ("career", "karma"), for "what does Career Karma say?". */
  private readonly spokenBy: Map<string, ReadonlySet<string>>;
  /** The source terms of what each entry says (see fromNamedSource). */
  private readonly sourcedBy: Map<string, Set<string>>;
  /** The Guide article's entries: it has no publisher, so no source word names it (see fromNamedSource). */
  private readonly byGuide: Set<string>;
  /** Terms that ask without naming a subject (TOPICLESS_WORDS, as analysed). */
  private readonly topicless: Set<string>;

  private thresholds: Thresholds;
  private weights: Weights;
  /** Each knowledge text's terms (what the prebuilt index saves; the retriever's tokenizer holds it anyway). */
  private readonly termsOf: Map<string, string[]>;

  constructor(kb: Knowledge, options: SearchOptions) {
    this.thresholds = options.thresholds ?? THRESHOLDS;
    this.weights = options.weights ?? WEIGHTS;
    const docs = buildDocuments(kb);
    this.docs = docs;
    this.byRef = new Map(docs.map((d) => [d.ref, d]));
    this.analyzer = new Analyzer(kb.lexicon, commonWords, plainWords);
    const saved = usablePrebuilt(kb, options.prebuilt);
    // Every text's terms are worked out once: the index, the examples and the names all use them.
    const termsOf = new Map<string, string[]>(saved?.terms);
    this.termsOf = termsOf;
    const termsOnce = (text: string) => {
      let found = termsOf.get(text);
      if (!found) termsOf.set(text, (found = this.analyzer.terms(text)));
      return found;
    };
    const vocabulary = new Set<string>();
    const entriesWith = new Map<string, number>();
    const vocabOf = new Map<string, Set<string>>();
    const contentOf = new Map<string, Set<string>>();
    for (const d of docs) {
      const same = this.ofKind.get(d.kind);
      if (same) same.push(d);
      else this.ofKind.set(d.kind, [d]);
      const names = [d.title, ...d.aliases];
      this.nameKeys.set(d.ref, names.map(nameKey));
      this.nameTerms.set(d.ref, names.map(termsOnce));
      const inEntry = new Set(FIELDS.flatMap((field) => termsOnce(fieldText(d, field))));
      contentOf.set(d.ref, new Set(FIELDS.filter((f) => f !== 'asks').flatMap((field) => termsOnce(fieldText(d, field)))));
      vocabOf.set(d.ref, inEntry);
      for (const t of inEntry) {
        vocabulary.add(t);
        entriesWith.set(t, (entriesWith.get(t) ?? 0) + 1);
      }
    }
    this.analyzer.setVocabulary(vocabulary);
    const n = docs.length;
    for (const [t, df] of entriesWith) this.idfOf.set(t, Math.log(1 + n / df));
    this.maxIdf = Math.log(1 + n);
    const idf = this.idf;
    // Each entry's model is built the first time a question reaches it: a one-shot `devpath ask`
    // meets a dozen of the ~150 entries, and building them all (thousands of example vectors)
    // took a third of its start.
    this.models = new Models((ref) => {
      const d = this.byRef.get(ref);
      if (!d) return undefined;
      const examples = examplesOf(d).map((e) => vectorOf(termsOnce(e), idf));
      // A name left one word by a stop word ("IT Manager", "IS Manager": "manager") does not name
      // the role: "do backend devs work with project managers?" is no question about IT managers.
      const names = this.nameTerms.get(ref)!.filter((n, i) => n.length > 1 || !fold([d.title, ...d.aliases][i]!).split(/[^\p{L}\p{N}]+/u).some((w) => STOP_WORDS.has(w)));
      return { examples: indexExamples(examples), centroid: centroidOf(examples), vocabulary: vocabOf.get(ref)!, content: contentOf.get(ref)!, contentVector: bagOf(contentOf.get(ref)!, idf), names };
    });
    this.retriever = new Retriever(docs, termsOnce, this.analyzer, saved && { index: saved.index, raw: saved.raw });
    this.subjectTerms = new Set(kb.roles.flatMap((r) => termsOnce(r.title)).filter((t) => t !== 'developer'));
    this.skillTerms = new Set(docs.filter((d) => d.kind === 'skill').flatMap((d) => this.nameTerms.get(d.ref)!.flat()).filter((t) => t !== 'developer' && t !== 'backend' && t !== 'skill'));
    // Publishers and cited surveys only: the articles' titles are made of everyday words ("learn").
    const named = [...kb.sources.map((src) => src.publisher ?? ''), ...kb.salaries.map((f) => f.attribution ?? ''), 'spotlight', 'bls'];
    // A word many entries use ("career" of Career Karma, "outlook" of the BLS) says no source.
    const rare = (t: string) => (entriesWith.get(t) ?? 0) <= 10 && !this.analyzer.concepts.has(t);
    this.sourceTerms = new Set(named.flatMap((n) => termsOnce(n)).filter((t) => rare(t) && !this.subjectTerms.has(t) && !GUIDE_SUBJECT.has(t)));
    // Each entry's source words: its articles' publishers and names, the surveys they cite.
    const sourceWords = new Map(kb.sources.map((src) => [src.id, [src.publisher ?? '', src.short, ...src.cites].flatMap((n) => termsOnce(n))]));
    this.spokenBy = new Map(docs.map((d) => [d.ref, new Set(d.sources.flatMap((id) => sourceWords.get(id) ?? termsOnce(id)))]));
    this.sourcedBy = new Map(docs.map((d) => [d.ref, new Set(d.sources.flatMap((id) => sourceWords.get(id) ?? termsOnce(id)).filter((t) => this.sourceTerms.has(t)))]));
    const guides = new Set(kb.sources.filter(isTheGuide).map((src) => src.id));
    this.byGuide = new Set(docs.filter((d) => d.sources.some((id) => guides.has(id))).map((d) => d.ref));
    // The articles' publishers' names only: a survey's name holds a topic word ("PayScale": pay).
    this.sourceNames = kb.sources.map((src) => termsOnce(src.publisher ?? '')).filter((n) => n.length > 1);
    this.sourceCalls = [...this.sourceNames, ...[...this.sourceTerms].map((t) => [t]), ['spotlight']];
    this.comparedNames = new Set(docs.filter((d) => d.kind === 'role' && COMPARED_ROLES.has(d.id)).flatMap((d) => this.nameTerms.get(d.ref)!.flat()));
    this.planTerms = new Set(termsOnce('step steps roadmap path plan item fourstep eightstep'));
    this.levelSources = new Map();
    for (const f of kb.salaries) {
      const key = `salary:${f.role ?? 'all-occupations'}/${f.level}`;
      this.levelSources.set(key, [...(this.levelSources.get(key) ?? []), ...[...(sourceWords.get(f.source) ?? []), ...termsOnce(f.attribution ?? '')].filter((t) => this.sourceTerms.has(t))]);
    }
    this.topicless = new Set(this.analyzer.terms(TOPICLESS_WORDS));
    this.nationalTerms = new Set(termsOnce('national nationwide nation country occupations all jobs every job everyone workers average american americans household typical job bls labor statistics'));

    // Titles and ids win over aliases: the spotlight lists "Backend Engineer" as another name for
    // a back-end developer, but `role backend engineer` means the role with that title.
    for (const pass of [(d: Doc) => d.aliases, (d: Doc) => [d.id, d.title]]) {
      for (const doc of docs) {
        let names = this.names.get(doc.kind);
        if (!names) this.names.set(doc.kind, (names = new Map()));
        for (const name of pass(doc)) names.set(nameKey(name), doc);
      }
    }
  }

  /** The same index with other settings, for the benchmark's sweeps (the index is shared, not rebuilt). */
  with(options: SearchOptions): Search {
    const copy = Object.create(this) as KnowledgeSearch;
    copy.thresholds = options.thresholds ?? this.thresholds;
    copy.weights = options.weights ?? this.weights;
    return copy;
  }

  warm(): void {
    for (const d of this.docs) this.models.get(d.ref);
  }

  saveable(key: string): Prebuilt {
    return { key, terms: [...this.termsOf], ...this.retriever.saveable() };
  }

  /** Rarity of a term among entries; a term no entry has is rarest of all. */
  private readonly idf = (t: string): number => this.idfOf.get(t) ?? this.maxIdf;

  get(ref: string): Doc | undefined {
    return this.byRef.get(ref);
  }

  terms(text: string): string[] {
    return this.analyzer.terms(text);
  }

  namesSource(text: string): boolean {
    return this.analyzer.terms(text).some((t) => this.sourceTerms.has(t));
  }

  analyse(question: string): Analysis {
    return this.analyzer.analyse(question);
  }

  ask(typed: string, options: AskOptions = {}): Answer {
    const answer = this.read(typed, options);
    return (options.previous && this.beyondAnswerBefore(typed, answer, options.previous)) || answer;
  }

  /**
   * Named rule "more than the answer before holds": "does that include government jobs?" after the
   * benefits, read with them, lands on the same answer again, but that answer never says
   * "government". Shown again, it would look like a yes; the bot says the articles say no more
   * (and the question reaches `unanswered`). Only for a question whether the answer covers
   * something ("does that include ...", "is that the same for ...", "does it apply to ..."), each
   * word of which is looked for in what the entry itself says (not its example questions).
   */
  private beyondAnswerBefore(typed: string, answer: Answer, previous: Turn): Answer | undefined {
    const asked = typed.match(INCLUDES)?.[1];
    // Refused for a word outside the articles ("bonuses", "government jobs") it is still asked of
    // that answer: "nothing about bonuses" there says more than "outside what the articles cover".
    const outside = answer.decision.kind === 'refuse' && !!answer.decision.outside;
    if (!asked || !previous.topic || (answer.decision.kind !== 'answer' && !outside) || !POINTERS.test(typed)) return undefined;
    // "That" is the answer before, wherever the words lead ("does that include tuition
    // reimbursement?" after the benefits is not about choosing a CS programme). A pay answer is
    // remembered by its role.
    const ref = figuresOf(previous.topic, previous);
    const doc = this.byRef.get(ref);
    if (!doc) return undefined;
    const said = saidBy(doc);
    // A word, or its singular ("bonuses": "bonus"), whole: "ai" is no word of "maintain".
    const holds = (text: string, w: string) => [w, w.replace(/e?s$/, '')].some((form) => form.length > 1 && namesIn(text, form));
    // Words that name something: not a level, a role, a source or a word of any question ("jobs").
    const naming = (w: string) => {
      const terms = this.analyzer.terms(w);
      return !STOP_WORDS.has(w) && !BEYOND_GENERIC.has(w) && terms.length > 0 && !terms.some((t) => this.topicless.has(t) || this.subjectTerms.has(t) || LEVEL_TERMS[t] || this.sourceTerms.has(t));
    };
    const words = fold(asked).split(/[^\p{L}\p{N}+#]+/u).filter((w) => w && naming(w));
    if (words.every((w) => holds(said, w))) return undefined;
    // X may have an answer of its own ("does that include python?" after the skills: the
    // languages; "is that the same for self-study?" after bootcamps): the entry the words land
    // on, when it says every word of X. Only otherwise is the answer before all there is.
    const top = answer.decision.kind === 'answer' ? answer.decision.top : undefined;
    const own = top && top.doc.ref !== ref && this.byRef.get(top.doc.ref);
    if (own && words.every((w) => holds(saidBy(own), w))) return undefined;
    const { payFor: _, ...rest } = answer;
    return { ...rest, decision: { kind: 'refuse', beyond: [fold(asked).replace(/^(?:a|an|the|my|your|their)\s+/, '').replace(/[?!.]+$/, '')] }, confident: false };
  }

  private read(typed: string, options: AskOptions): Answer {
    // "What do these engineers earn?" right after the DevOps card: that role, not the guide's own.
    const shown = options.previous && this.otherRole(options.previous);
    // So is "do they earn more than backend devs?" after the DBA card: "they" is the role shown,
    // compared with the one named (the words alone are the front-vs-back comparison).
    const title = shown ? ` ${this.byRef.get(shown)?.title ?? ''} ` : '';
    const question = shown ? typed.replace(THIS_ROLE, title).replace(PAY_COMPARED_THEY, (m, they: string) => m.replace(they, title)) : typed;
    // "And 8 years?" after pay: years alone are years of experience there (and only there: "5 years?" alone says nothing).
    const next = nextLevelAsked(question, options.previous);
    // After pay with no level after it (the experienced band, one role's pay, the whole table), the same pay: not the step after a word of it.
    const ofPay = next ? `${next} salary` : afterPay(question, options.previous) ? 'how much do they make?' : options.previous?.terms.includes('salary') && BARE_YEARS.test(question) ? question.replace(/\b(years?|yrs?)\b/i, '$1 of experience') : question;
    const analysis = this.rangeEnd(this.payPointedAt(this.analyzer.analyse(ofPay), question, options.previous), question, options.previous);
    const whole = this.run(analysis);
    const alone = this.asked(question, whole, analysis);
    // Read by its last question, a long message is a question of its own, not a follow-up.
    if (alone !== whole) return alone;
    const previous = options.previous;
    // "And in 2027?" after pay: pay in a year to come is a prediction, as "salaries in 2027" is.
    const saidYears = [...analysis.terms, ...analysis.unknown];
    if (previous?.terms.includes('salary') && saidYears.length > 0 && saidYears.every((t) => YEAR.test(t) && Number(t) > THIS_YEAR)) {
      return { ...alone, payFor: undefined, decision: { kind: 'refuse', outside: 'future' }, confident: false, analysis: { ...alone.analysis, outside: ['future'], outsideWords: saidYears } };
    }
    // Named rule "pay by a technology": "and for python devs?", "what about java?" after pay ask
    // pay by language, which the articles never give (see namedNotAnswered): their figures under
    // that caveat, not the languages card the words alone find.
    if (previous?.terms.includes('salary') && onlyTechnology(analysis.terms) && (FOLLOW_LEADS.test(question) || analysis.terms.some((t) => WHO_WORKS.has(t)))) {
      const together = this.readWith(analysis, previous);
      if (together.decision.kind === 'partial') return together;
    }
    // Named rule "names nothing": "which concepts?", "give me an example", "what does it stand
    // for?" with no turn before say nothing of a subject; whatever entry their words half-match
    // is no answer (they had got databases, a roadmap step, HTTP/3).
    // So does a first line that only points back ("how long does that take?", "why?", "what about the other source?").
    // After a reply with no answer of its own (a refusal, a caveat), "why?" points at nothing either.
    if (!previous || (!previous.topic && WHY_ALONE.test(question))) return (this.namesNothing(analysis) || this.onlyPoints(analysis, question)) && alone.decision.kind === 'answer' ? { ...alone, decision: { kind: 'refuse', vague: true }, confident: false } : alone;
    // Named rule "the entry after": "and after that?", "going further than that?" after an entry
    // the knowledge says leads on to another (its `then`: a bachelor's to a master's, a promotion
    // to senior to the roles above it) ask for that one, not the roadmap step the words alone find.
    const onward = previous.topic && GOES_ON.test(question) ? this.byRef.get(previous.topic)?.then : undefined;
    const then = onward ? this.byRef.get(onward) : undefined;
    if (then) return this.answeredBy(alone, then);
    // Named rule "without a degree": after whether a degree is needed, "so how did the others
    // learn?" asks how people get there without one (the self-study card: self-study and
    // on-the-job training), and "what's the alternative then?" or "then why would anyone get one?"
    // weigh the degree against the other routes (the bootcamp-vs-degree card). Alone, their words
    // find mentors and other careers.
    const degreeAsked = previous.topic === 'question:degree-needed' || (!!previous.topic && DEGREE_CARDS.has(previous.topic) && previous.terms.includes('need'));
    const route = degreeAsked ? (LEARNED_ELSE.test(question) && analysis.terms.every((t) => LEARNING_ELSE_TERMS.has(t)) ? 'learning:self-study' : ROUTE_ELSE.test(question) ? 'learning:bootcamp-vs-degree' : undefined) : undefined;
    const routeDoc = route ? this.byRef.get(route) : undefined;
    if (routeDoc) return this.answeredBy(alone, routeDoc);
    // Named rule "against every job": "compared to other jobs?" after the outlook or after pay
    // weighs that figure against all occupations (the outlook's "almost double the average", the
    // national median for all occupations), not the other careers the words alone find.
    if (AGAINST_ALL_JOBS.test(question)) {
      const against = previous.topic?.startsWith('outlook:') ? previous.topic : previous.terms.includes('salary') ? 'salary:all-occupations' : undefined;
      const doc = against ? this.byRef.get(against) : undefined;
      if (doc) return this.answeredBy(this.readWith(analysis, previous), doc);
    }
    // Named rule "asked of the answer before": "which one is cheapest?" after the certifications
    // asks a price of what was just listed; that answer gives none, so the bot says it does not
    // know rather than asking which one was meant or answering about something else's cost.
    // Named rule "how is that different": after another role's card, "how's that different from a
    // regular backend dev?" asks what that card says of it (the Backend Engineer is "more innovative
    // and creative"), not a pick between the two roles.
    // Not where an entry compares them itself (front end and back end: the comparison FAQ).
    const shownRole = this.otherRole(previous);
    const comparedByEntry = alone.confident && alone.decision.kind === 'answer' && !alone.decision.top.doc.ref.startsWith('role:');
    // Front end against back end is the articles' own comparison, read as before.
    if (shownRole && !COMPARED_ROLES.has(shownRole.slice('role:'.length)) && DIFFERS.test(question) && !comparedByEntry) {
      // (Read with the role's name: the question's own words name the other role.)
      const named = this.run(this.analyzer.analyse(`${question} ${this.byRef.get(shownRole)?.title ?? ''}`));
      const same = this.answeredWith(this.readWith(analysis, previous), shownRole) ?? this.answeredWith(named, shownRole);
      if (same) return same;
    }
    const before = previous.topic ? this.models.get(previous.topic) : undefined;
    // Not how long: "how long does that take?" after a bootcamp is answered by how long it all takes.
    // Nor pay, unless the question picks among what was listed ("which one pays the most?" after
    // other careers: the articles give no pay for them; "how much do they make?" after a role is
    // that role's pay, which the pay rule answers).
    // A time, too, when the answer about times in general does not name it: "how long does that
    // take?" after the Meta certificate (the articles give it no length; how long it all takes
    // speaks of bootcamps and degrees, not of it).
    const timed = (t: string) => t === 'duration' && !!previous.topic && alone.decision.kind === 'answer' && !this.holdsName(alone.decision.top, previous.topic, true);
    // So is "how much do they pay?" after a list of other things (the alternative careers): they
    // are what was listed, and the articles give no pay for them.
    const people = previous.items?.filter((item) => PEOPLE_LISTED.test(item)).length ?? 0;
    const listed = people > 1 && people * 2 >= previous.items!.length && !previous.topic?.startsWith('salary:') && !previous.topic?.startsWith('role:');
    const priced = analysis.terms.filter((t) => (ASKED_FOR.includes(t) && t !== 'duration' && asksFor(t, analysis)) || timed(t) || (t === 'salary' && (SELECTS.test(question) || listed)));
    const missing = before ? priced.filter((t) => !gives(t, before.content, before.content.has('salary'))) : [];
    // Not "does that include tuition reimbursement?" (see beyondAnswerBefore), nor a question
    // naming something with a price of its own ("how much does a bootcamp cost to get that?").
    // Nor "how long does it take to become one?" after the outlook: becoming one is the field's own
    // question (after a role's card, "one" is that role, and the rule stands).
    const becoming = analysis.terms.includes('become') && !previous.topic?.startsWith('role:') && missing.every((t) => t === 'duration');
    if (before && missing.length && !becoming && pointsBack(question) && analysis.terms.length <= POINTING_TERMS && !INCLUDES.test(question) && !analysis.terms.some((t) => PRICED.has(t))) {
      // Unless, read with the question before, another entry gives it about the same things:
      // "which one is cheapest?" after "bootcamp or degree?" (bootcamps, "at a lower cost than
      // an associate or bachelor's degree").
      const together = this.readWith(analysis, previous);
      const top = together.decision.kind === 'answer' ? together.decision.top : undefined;
      // The same things: what the question before asked that names the answer before.
      const named = new Set((this.nameTerms.get(previous.topic!) ?? []).flat());
      const same = previous.terms.filter((t) => named.has(t));
      if (top && missing.every((t) => gives(t, top.content, top.doc.kind === 'salary')) && same.length > 0 && same.every((t) => top.content.has(t))) return together;
      return { ...alone, decision: { kind: 'refuse', beyond: ASKED_WORDS[missing[0]!] ? [ASKED_WORDS[missing[0]!]!] : [] }, confident: false };
    }
    // The same rule the other way: "how long is that?" after community college, "by how much?"
    // after who earns more ask that of the answer before, and it gives it (two-year degrees; both
    // figures): that answer again, not the general one (how long it all takes, the pay table).
    const ofThe = !POINTERS.test(question) && OF_THE.test(question);
    const other = this.otherOne(question, analysis, previous);
    if (other) return other;
    const picked = before && this.theOne(question, alone, previous, before.vocabulary);
    if (picked) return picked;
    const again = before && !previous.topic!.startsWith('role:') && (pointsBack(question) || BY_HOW_MUCH.test(question) || ofThe) && this.askedAgain(analysis, previous, before, ofThe);
    if (again) return again;
    // Named rule "the years of a level": "how many years is that?" after one level's pay asks that
    // level's bracket ("Mid-career (4-6 years)"), which its figures give; not how long it all takes.
    if (previous.topic && previous.level && previous.level !== 'overall' && previous.terms.includes('salary') && pointsBack(question) && analysis.terms.length > 0 && analysis.terms.every((t) => t === 'duration')) {
      const same = this.answeredWith(this.readWith(analysis, previous, true), figuresOf(previous.topic, previous));
      if (same) return same;
    }
    // Named rule "and as they move up?": after an answer to a question about one level ("what do
    // entry-level devs work on?"), a short "and ..." whose words that answer holds asks it of the
    // same answer ("Entry-level developers ... gain more responsibility as they advance"),
    // read with the question before, not the promotion FAQ the words alone find.
    // Only moving up asks this ("and apis?" names a topic of its own), and not of pay, whose table
    // shows every level when asked without one.
    const onCard = before && previous.level && !previous.terms.includes('salary') && FOLLOW_LEADS.test(question) && analysis.terms.length > 0 && analysis.terms.length <= 2;
    if (onCard && analysis.terms.some((t) => MOVING_UP.has(t)) && analysis.terms.every((t) => before.content.has(t) && (MOVING_UP.has(t) || !ASK_TERMS.has(t)) && !this.subjectTerms.has(t) && !LEVEL_TERMS[t])) {
      const same = this.answeredWith(this.readWith(analysis, previous, true), previous.topic);
      if (same) return same;
    }
    // "Which one's about security?" after other careers names a role ("security"), so it does not
    // look like a follow-up; but "which one" picks among what was just listed.
    // Named rule "a word of the answer before": "any ranking to start from?" after how to choose a
    // CS program (whose point names U.S. News's ranking) asks about that point, whatever else the
    // word alone finds; only a short question, naming no subject of its own.
    // Not after pay (its figures have rules of their own), nor with words it does not know ("role astronaut pilot").
    const held = before && !previous.terms.includes('salary') && !analysis.unknown.length && !analysis.outside.length && analysis.terms.length > 0 && analysis.terms.length <= 2 && analysis.terms.every((t) => before.content.has(t) && !this.subjectTerms.has(t) && !ASK_TERMS.has(t) && !LEVEL_TERMS[t] && !this.topicless.has(t));
    // Not when the words are another entry's name ("and the cover letter?" after the resume, "sql or nosql?").
    const own = new Set(analysis.terms);
    const naming = (n: string[]) => n.filter((t) => !FIELD_NAME_TERMS.has(t));
    const namedElsewhere = alone.hits.slice(0, COMPARED_CANDIDATES).some((h) => h.doc.ref !== previous.topic && (this.nameTerms.get(h.doc.ref) ?? []).some((n) => naming(n).length > 0 && naming(n).every((t) => own.has(t))));
    const inAnswer = held && !namedElsewhere ? this.answeredWith(this.readWith(analysis, previous), previous.topic) : undefined;
    if (inAnswer) return inAnswer;
    // Named rule "choosing among them": "how do I pick between them?", "which should I start with?"
    // after the frameworks ask how to choose among what was just shown; the answer before says how
    // ("pick one ... the languages you know help decide"). Alone, the words found choosing a CS
    // programme or a path. Only when that answer speaks of choosing.
    // Read with the question before, an entry on choosing that thing ("Which back-end framework
    // should I learn?") is sure of it first.
    if (before && CHOOSING_AMONG.test(question) && CHOOSE_TERMS.some((t) => before.content.has(t))) {
      const together = this.readWith(analysis, previous);
      const top = together.confident && together.decision.kind === 'answer' ? together.decision.top : undefined;
      const named = (this.nameTerms.get(previous.topic!) ?? []).flat().filter((t) => !FIELD_NAME_TERMS.has(t));
      if (top && top.doc.ref !== previous.topic && CHOOSE_TERMS.some((t) => top.content.has(t)) && named.some((t) => (this.nameTerms.get(top.doc.ref) ?? []).flat().includes(t))) return together;
      const same = this.answeredWith(together, previous.topic);
      if (same) return same;
    }
    if (!this.looksLikeFollowUp(question, analysis, alone, previous)) return (SELECTS.test(question) && this.pointsWithin(question, analysis, previous)) || alone;
    // "Is docker worth learning for this?" names an entry of its own: "this" is context, not the topic.
    // But "how do they compare to bootcamps?" names what "they" are compared with, not the topic.
    const compares = POINTERS.test(question) && analysis.terms.includes('comparison');
    // A level alone after a pay question ("entry level?") is that pay, whatever entry its words name.
    const levelOfFigures = namesOnlyLevels(analysis) && previous.terms.some((t) => TIME_TERMS.has(t));
    // A source alone ("what does Career Karma say?") names its article's plan, but asks what it says of this.
    const ofIt = ASKS_OF_IT.test(question);
    if (!FOLLOW_LEADS.test(question) && !ofIt && !compares && !levelOfFigures && !this.asksSource(analysis) && this.namesOwnEntry(alone)) return this.pointsWithin(question, analysis, previous) ?? alone;
    // "What languages do they use?" after the front-end card: "they" are front-end developers, read
    // by the role's name (not the whole question before, "how do I become one", which pulls elsewhere).
    const role = this.otherRole(previous);
    if (role && POINTERS.test(question) && !analysis.terms.some((t) => this.subjectTerms.has(t))) {
      const named = (this.nameTerms.get(role) ?? [])[0] ?? [];
      const asRole = this.run({ ...analysis, terms: [...analysis.terms, ...named], groups: [...analysis.groups, ...named.map((t) => [t])] });
      if (asRole.confident) return asRole;
    }
    // Named rule "a level the answer before does not hold": "and for seniors?" after the duties
    // had got what comes after senior (its words); the articles give no duties by level beyond the
    // entry level. A level alone, after an answer that is not pay and never speaks of that level,
    // is told the answer before is all there is.
    // Seniors only: the role cards speak of entry-level work, and "the average" is no level of duties.
    const levelAlone = analysis.level === 'experienced' && analysis.terms.length > 0 && analysis.terms.every((t) => LEVEL_TERMS[t] || LEVEL_WORDS.has(t)) && !levelOfFigures;
    if (levelAlone && before && !previous.topic!.startsWith('salary:') && !previous.terms.some((t) => TIME_TERMS.has(t)) && !analysis.terms.some((t) => before.content.has(t))) {
      const asked = question.replace(FOLLOW_LEADS, '').replace(/^[\s,]*(?:for|of|about)\s+/i, '').replace(/[?!.\s]+$/, '').trim();
      return { ...alone, payFor: undefined, decision: { kind: 'refuse', beyond: [asked || question.trim()] }, confident: false };
    }
    const together = this.readWith(analysis, previous, true);
    // "What does the acronym stand for?" names no subject of its own: it asks about the answer
    // before, or the two read together; never, surely, about something else.
    if (this.namesNothing(analysis)) {
      const same = this.answeredWith(together, previous.topic);
      if (same) return same;
      // Read together, they may still land elsewhere: that is no answer about the answer before.
      return together.decision.kind === 'answer' ? { ...together, decision: { kind: 'refuse' }, confident: false } : together;
    }
    // Named rule "the same, for X": "and for X?" asks the question before of X, not X alone: read
    // together, when that answer is sure and holds every word the line names. (It finds what the
    // articles hold: "what about for javascript?" after the frameworks gets the languages card, which
    // names JavaScript, since no article ties Express to it.)
    if (forLead(question) && together.confident && together.decision.kind === 'answer' && analysis.terms.length > 0 && analysis.terms.every((t) => together.decision.kind === 'answer' && together.decision.top.content.has(t))) return together;
    // "What does PayScale say?", "and according to Indeed?" after a pay question: the same
    // figures, which name each source, not whichever entry mentions that source most.
    // So do "is that more than the Indeed number?" and "what about the other sources?": the
    // figures show every source side by side.
    // Before the confidence checks below: read with the pay question, the words may land between two entries.
    const figures = previous.terms.some((t) => TIME_TERMS.has(t));
    // "Which is higher?" after two sources' figures too: the table shows them side by side.
    // "The guide" is a source's name there too ("what does the guide say?").
    const guide = namesTheGuide(analysis.raw);
    if (figures && previous.topic && analysis.terms.length > 0 && analysis.terms.every((t) => this.sourceTerms.has(t) || (guide && t === 'guide') || SOURCE_ASKING.has(t) || FIGURES_COMPARED.has(t) || t === 'other' || t === 'same')) {
      // A pay answer is remembered by its role (for "what do they do?"); its figures are the salary entry.
      const shown = figuresOf(previous.topic, previous);
      // "Is that more than the Indeed number?" after entry-level pay: Indeed gives one average, no
      // entry-level figure, so every level is shown (with it) rather than the same three again.
      const named = analysis.terms.filter((t) => this.sourceTerms.has(t));
      const atLevel = together.analysis.level && named.length && !this.levelSources.get(`${shown}/${together.analysis.level}`)?.some((t) => named.includes(t));
      const same = this.answeredWith(atLevel ? { ...together, analysis: { ...together.analysis, level: undefined } } : together, shown);
      if (same) return same;
    }
    // "What about London?" after pay in Germany: the same figures under the same caveat.
    // "Per month?" alone finds an entry that says "per"; after pay it is that pay by the month.
    // Read together it may ask which one was meant ("how do I choose between them?" after the
    // frameworks: two framework entries); that beats a sure answer about something else.
    // "rest vs soap", "how does docker work?": a line that ranks technologies or asks how one works
    // names what it asks about; what the articles say of it is read from the line alone.
    if (alone.decision.kind === 'partial' && OWN_CAVEATS.has(alone.decision.outside)) return alone;
    if (!together.confident) return (together.decision.kind === 'partial' && (!alone.confident || this.onlyOutside(analysis))) || (together.decision.kind === 'clarify' && this.aloneElsewhere(question, analysis, alone, previous)) ? together : alone;
    // "How much do they make?": the role comes from the turn before.
    if (!alone.confident || (together.payFor && !alone.payFor)) return together;
    // "and backend?" after front-end pay, "and seniors?" or a bare "4-6?" after a salary: after a
    // question about figures, an opening "and" with nothing but a role or a level (or a level
    // alone) swaps that into the question before, however well the bare words read alone
    // ("and databases?" after web servers does not).
    const moved = together.decision.kind === 'answer' && (together.decision.top.doc.ref !== previous.topic || together.analysis.level !== previous.level);
    const onlyLevels = namesOnlyLevels(analysis);
    const onlyWhom = analysis.terms.every((t) => this.subjectTerms.has(t) || LEVEL_TERMS[t] || t === 'developer' || t === 'dev');
    if (figures && moved && (FOLLOW_LEADS.test(question) || onlyLevels) && onlyWhom) return together;
    // "And the server-side ones?" after the front-vs-back pay comparison: read with it, the
    // question lands on that comparison again, which gives their figure; read alone, the role's
    // name finds only what the role is.
    const sameFigures = together.decision.kind === 'answer' && together.decision.top.doc.ref === previous.topic;
    if (previous.terms.includes('salary') && sameFigures && FOLLOW_LEADS.test(question) && onlyWhom && analysis.terms.some((t) => this.subjectTerms.has(t))) return together;
    // "n front end devs?" after "what do back end devs do all day": the same ask (duties, skills,
    // pay...) about the one named now, when the two read together land on an answer.
    const asked = previous.terms.some((t) => ASK_TERMS.has(t));
    if (asked && moved && FOLLOW_LEADS.test(question) && onlyWhom && analysis.terms.some((t) => this.subjectTerms.has(t))) return together;
    // "What credentials can I get there?" after community college: a word pointing back, and the
    // question read with the one before lands on the same entry: that entry is what it meant.
    // Not when the question names its own entry ("is docker worth learning for this").
    if (POINTERS.test(question) && previous.topic && together.decision.kind === 'answer' && together.decision.top.doc.ref === previous.topic && (compares || !this.namesOwnEntry(alone)) && !this.clearAlone(alone)) return together;
    // Not when the line alone names an entry of its own ("and which frameworks does it say to
    // start with?" after the languages: "it" is the article, the frameworks are asked).
    const within = this.namesOwnEntry(alone) && alone.decision.kind === 'answer' && alone.decision.top.doc.ref !== previous.topic ? undefined : this.pointsWithin(question, analysis, previous);
    if (within) return within;

    // "What does Career Karma say?" after the outlook: what that article says of it, when it says
    // something there (its points first); not Career Karma's own plan, which its name finds alone.
    const sources = this.asksSource(analysis);
    if (sources && together.decision.kind === 'answer') {
      const by = this.spokenBy.get(together.decision.top.doc.ref);
      if (sources.every((name) => name.every((t) => by?.has(t)))) return together;
    }
    // "How do I pick between them?" after the frameworks: alone, its words find an entry about
    // something else (choosing a CS programme) that holds no word of the question before; "them"
    // are what was just shown, and read with it the question lands on its own entry.
    if (together.confident && this.aloneElsewhere(question, analysis, alone, previous)) return together;
    // "What's the catch?" after freelancing asks it of freelancing, however well "catch" reads
    // alone (the stress FAQ).
    if (ofIt && together.confident) return together;
    // Both read well ("and databases?" after web servers names a topic of its own): the closer wins.
    return topScore(together) >= topScore(alone) ? together : alone;
  }

  /**
   * A short question pointing back ("how do I choose between them?") whose words alone land on an
   * entry holding no word of what the question before asked about (its name's words first:
   * "frameworks"; "common" in a CS programme's text does not make it about them).
   */
  private aloneElsewhere(question: string, analysis: Analysis, alone: Answer, previous: Turn): boolean {
    if (!POINTERS.test(question) || alone.decision.kind !== 'answer' || analysis.terms.length > POINTING_TERMS || analysis.terms.some((t) => this.subjectTerms.has(t))) return false;
    const aloneTop = alone.decision.top;
    const topical = previous.terms.filter((t) => !this.topicless.has(t) && !LEVEL_TERMS[t] && !this.sourceTerms.has(t) && !GUIDE_SUBJECT.has(t));
    const named = new Set((this.nameTerms.get(previous.topic ?? '') ?? []).flat());
    const naming = topical.filter((t) => named.has(t));
    const asked = naming.length ? naming : topical;
    return asked.length > 0 && !asked.some((t) => aloneTop.content.has(t));
  }

  /**
   * Named rule "pointing back within the answer": a short question with a word pointing back
   * ("which one", "it", "they") whose words the entry answered before all hold (in its names or
   * text) asks about that entry. The answer before, not a neighbour that reads the words alone.
   * Not after a role's card ("it", "they" are the role, whose card holds nearly every word: "do
   * they use sql?" asks about SQL) unless the question picks one of what it listed ("which one").
   */
  private pointsWithin(question: string, analysis: Analysis, previous: Turn): Answer | undefined {
    // "Which ones are worth getting?" picks among what was shown, as "which one" does; and may ask
    // something of them that the answer before says ("worth" of the certifications).
    const selects = SELECTS.test(question);
    if (!previous.topic || !(POINTERS.test(question) || selects) || !analysis.terms.length || analysis.terms.length > POINTING_TERMS) return undefined;
    if (previous.topic.startsWith('role:') && !SELECTS.test(question)) return undefined;
    // "What should I work on after that?" asks for the step after it (see stepAfter); "are they
    // in demand?", "how much do they make?" ask something new of it (the outlook, the pay).
    const before = this.models.get(previous.topic);
    if (analysis.terms.some((t) => NEXT_TERMS.has(t) || (ASK_TERMS.has(t) && !(selects && t !== 'salary' && before?.content.has(t))))) return undefined;
    if (!before || !analysis.terms.every((t) => before.vocabulary.has(t) || this.topicless.has(t))) return undefined;
    // Read with the question before, so the entry's points are picked by both.
    return this.answeredWith(this.readWith(analysis, previous), previous.topic);
  }

  /**
   * The question read with the one before it, as a follow-up is: the earlier terms it does not
   * replace merged in (see mergeTerms), each a word of its own. With `levelBefore`, a level the
   * earlier question named holds too ("and as they move up?" after entry-level duties).
   */
  private readWith(analysis: Analysis, previous: Turn, levelBefore = false): Answer {
    const merged = this.mergeTerms(analysis, previous);
    const read: Analysis = { ...analysis, terms: merged, groups: [...analysis.groups, ...merged.slice(analysis.terms.length).map((t) => [t])], joined: { own: analysis.terms } };
    const level = analysis.level ?? (levelBefore && merged.some((t) => LEVEL_TERMS[t]) ? previous.level : undefined);
    if (level) read.level = level;
    return this.run(read);
  }

  /**
   * Named rule "the X one": "how do i answer the deadlock one?" after the interview questions, "is
   * the aws one hard?" after the certifications pick, by its name, one of the things the answer
   * before listed that has an entry of its own: that entry (of the answer's own kind first: the AWS
   * certification, not the cloud skill), not the list again.
   */
  /**
   * Named rule "the other one": "what about the other cloud one?" after the AWS certification is
   * the other entry of its kind that the word describes too (Azure's), not AWS again. Only with a
   * describing word both share; "the other one" alone could be anything.
   */
  private otherOne(question: string, analysis: Analysis, previous: Turn): Answer | undefined {
    const said = OTHER_ONE.exec(question)?.[1];
    if (!said || !previous.topic) return undefined;
    const words = this.terms(said).filter((t) => !KIND_TERMS.has(t));
    const kind = previous.topic.slice(0, previous.topic.indexOf(':'));
    // Things of a kind, named alike ("the other cloud one": both certifications' names say cloud);
    // not answers to questions, and not words an entry merely mentions ("the other python one"
    // after the frameworks is Django, a name in that card, not another entry).
    if (kind === 'question') return undefined;
    const has = (ref: string) => words.length > 0 && words.every((t) => (this.nameTerms.get(ref) ?? []).some((name) => name.includes(t)));
    if (!has(previous.topic)) return undefined;
    // (Things, not questions about them: "Are certifications worth it?" names every certification.)
    const others = this.kind(kind as Kind).filter((d) => d.ref !== previous.topic && d.ref !== EXPLAINED_ROLE && !d.title.trim().endsWith('?') && has(d.ref));
    // Several: the one named most like it (Azure's certification after AWS's, not "are
    // certifications worth it?"), then the one the two questions read together rank first.
    const together = this.readWith(analysis, previous);
    const before = new Set((this.nameTerms.get(previous.topic) ?? []).flat());
    const alike = (d: Doc) => new Set((this.nameTerms.get(d.ref) ?? []).flat().filter((t) => before.has(t))).size;
    const most = Math.max(0, ...others.map(alike));
    const closest = others.filter((d) => alike(d) === most);
    const pick = closest.length === 1 ? closest[0] : together.hits.find((h) => closest.includes(h.doc))?.doc;
    if (!pick) return undefined;
    return this.answeredBy(together, pick);
  }

  private theOne(question: string, alone: Answer, previous: Turn, listed: ReadonlySet<string>): Answer | undefined {
    // An article's numbered plan picks its own steps ("the practice one" after Indeed's eight steps).
    if (NUMBERED_PLAN.test(this.byRef.get(previous.topic!)?.body ?? '')) return undefined;
    const m = question.match(THE_ONE);
    const words = m?.[1] ?? m?.[2];
    // "The http one" after the trends is HTTP/3: a name the answer listed with its version number.
    const versioned = (t: string) => (listed.has(t) ? t : ([...listed].find((l) => l.length > t.length && l.startsWith(t) && /^\d+$/.test(l.slice(t.length))) ?? t));
    const asked = words ? this.terms(words).map(versioned) : [];
    // "What does the database one do?" after other careers: only a role does things, so a kind
    // word names the role the answer listed by it (the database administrator).
    if (asked.length && alone.analysis.terms.includes('duty')) {
      // (Not the back-end developer, whose aliases hold every kind word: "Database Developer".)
      const roles = this.kind('role').filter((d) => d.ref !== previous.topic && d.ref !== EXPLAINED_ROLE && (this.nameTerms.get(d.ref) ?? []).some((name) => asked.every((t) => name.includes(t)) && name.every((t) => listed.has(t))));
      const role = roles.length === 1 ? roles[0]! : undefined;
      if (role) return this.answeredBy(alone, role);
    }
    // A name, not a kind of thing ("the framework one" after the trends is Nest.js; "the secure one"
    // after the protocols is HTTPS): those are read as before, within the answer.
    if (!asked.length || !asked.every((t) => listed.has(t)) || asked.every((t) => GENERIC_NAME_TERMS.has(t) || KIND_TERMS.has(t))) return undefined;
    // A level ("the senior one" after pay) or a source ("the indeed one") is read as before: a
    // level's figures, a source's.
    if (asked.some((t) => LEVEL_TERMS[t] || LEVEL_WORDS.has(t) || this.sourceTerms.has(t))) return undefined;
    // The answer before is itself about the thing ("the soap one?" after "Web protocols (HTTP,
    // HTTPS, REST, SOAP)", which names it in its title): that answer, as before.
    const titled = (ref: string) => asked.every((t) => (this.nameTerms.get(ref)?.[0] ?? []).includes(t));
    if (titled(previous.topic!)) return undefined;
    const kindOf = (ref: string) => ref.slice(0, ref.indexOf(':'));
    // A thing the answer listed by a whole name of it: the longest such name it has.
    const fit = (h: Scored) => Math.max(0, ...(this.nameTerms.get(h.doc.ref) ?? []).filter((name) => asked.every((t) => name.includes(t)) && name.every((t) => listed.has(t))).map((name) => name.length));
    // Best of those: of the answer's own kind (the AWS certification after the certifications, not
    // the cloud skill), then named by its own title ("Backend Engineer", not the developer's alias
    // for it), then by the longest name ("the information security one" after other careers: the
    // analyst role, not the security skill); the better-ranked candidate on a tie.
    const rank = (h: Scored) => [kindOf(h.doc.ref) === kindOf(previous.topic!) ? 1 : 0, titled(h.doc.ref) ? 1 : 0, fit(h)];
    const better = (a: number[], b: number[]) => {
      const j = a.findIndex((x, i) => x !== b[i]);
      return j >= 0 && a[j]! > b[j]!;
    };
    const named = alone.hits.slice(0, COMPARED_CANDIDATES).filter((h) => h.doc.ref !== previous.topic && fit(h) > 0);
    const best = named.reduce<Scored | undefined>((b, h) => (!b || better(rank(h), rank(b)) ? h : b), undefined);
    return best && this.answeredWith(alone, best.doc.ref);
  }

  /** `together` answered with the entry `ref` (the answer before), when it is among its candidates. */
  private answeredWith(together: Answer, ref: string | undefined): Answer | undefined {
    const same = together.hits.find((h) => h.doc.ref === ref);
    return same && { ...together, decision: { kind: 'answer', top: same }, confident: true };
  }

  /**
   * A question asking only a time or a sum (ASKED_AGAIN: "how long is that?", "by how much?") of
   * the answer before, whose own text gives it: that answer, read with both questions (see ask).
   */
  private askedAgain(analysis: Analysis, previous: Turn, before: EntryModel, named = false): Answer | undefined {
    const terms = analysis.terms;
    // Words of the answer before may come along, as its own ("how long are their degrees?" after
    // community college); "and how long is it for a degree?" after bootcamps names a subject of its own.
    const asks = terms.filter((t) => ASKED_AGAIN.includes(t));
    // "How long does that take?": "take" is how a time is asked, no subject.
    // "By how much, according to PayScale?" after who earns more: a source the answer before quotes
    // says where, no subject of its own.
    const where = (t: string) => (this.sourceTerms.has(t) && before.content.has(t)) || SOURCE_ASKING.has(t);
    const rest = terms.filter((t) => !ASKED_AGAIN.includes(t) && t !== 'take' && !where(t));
    if (rest.length && !/\b(?:their|its|those|these|the)\b/i.test(analysis.raw)) return undefined;
    if (!asks.length || asks.length + rest.length > 2 || !asks.every((t) => gives(t, before.content, before.content.has('salary'))) || !rest.every((t) => before.content.has(t) && !this.subjectTerms.has(t))) return undefined;
    // "How long are the degrees?" with no word pointing back: "the degrees" must be what the answer
    // before is called ("Associate degree"), not something it mentions ("how long is the bootcamp?").
    if (named && !rest.every((t) => before.names.some((n) => n.includes(t)))) return undefined;
    // The answer before, as it was: not one role's pay table because the question said "how much".
    const { payFor: _, ...together } = this.readWith(analysis, previous);
    return this.answeredWith(together, previous.topic);
  }

  compared(answer: Answer): Scored[] {
    const asked = new Set(answer.analysis.terms);
    // The two sides of "A or B", "A vs B", "A compared to B": each thing is named on its side
    // ("do they mentor or teach colleagues?" names one thing twice).
    const sides = answer.analysis.raw.split(COMPARING_WORDS);
    if (sides.length < 2) return [];
    const [left, right] = [new Set(this.analyzer.terms(sides[0]!)), new Set(this.analyzer.terms(sides.slice(1).join(' ')))];
    // Each candidate by the longest of its names the question holds whole.
    const named = answer.hits.slice(0, COMPARED_CANDIDATES).flatMap((h) => {
      const names = (this.nameTerms.get(h.doc.ref) ?? []).filter((n) => n.length > 0 && n.every((t) => asked.has(t)));
      const name = names.sort((a, b) => b.length - a.length)[0];
      return name ? [{ hit: h, name: new Set(name) }] : [];
    });
    // Two things, each named by a word the other's name lacks ("aws" and "azure"; "cloud" and
    // "certification" they share). An entry whose name holds both sides is no side.
    const own = (x: Set<string>, y: Set<string>) => [...x].filter((t) => !y.has(t) && !GENERIC_NAME_TERMS.has(t));
    const on = (terms: string[], side: Set<string>) => terms.length > 0 && terms.every((t) => side.has(t));
    // An entry named from both sides ("bootcamp or college": "Bootcamp vs degree vs self-study";
    // "rest vs soap": the web protocols) compares them itself: it answers, not two side by side.
    const both = (name: Set<string>) => [...name].some((t) => left.has(t) && !right.has(t)) && [...name].some((t) => right.has(t) && !left.has(t));
    const top = answer.decision.kind === 'answer' ? answer.decision.top : undefined;
    if (top && both(new Set((this.nameTerms.get(top.doc.ref) ?? []).flat()))) return [];
    for (const [i, a] of named.entries()) {
      for (const b of named.slice(i + 1)) {
        const [ofA, ofB] = [own(a.name, b.name), own(b.name, a.name)];
        // And the question is about those two, not something else they are words of.
        const rest = [...asked].filter((t) => !a.name.has(t) && !b.name.has(t) && !GENERIC_NAME_TERMS.has(t) && !COMPARING_TERMS.has(t));
        if (rest.length > COMPARED_REST) continue;
        if ((on(ofA, left) && on(ofB, right)) || (on(ofA, right) && on(ofB, left))) return [a.hit, b.hit];
      }
    }
    return [];
  }

  /** A line of words that ask without naming a subject ("what does the acronym stand for?"). */
  private namesNothing(analysis: Analysis): boolean {
    return analysis.terms.length > 0 && analysis.terms.every((t) => this.topicless.has(t));
  }

  /**
   * A line that only points back at an answer: "why?", "how long does that take?", "what about
   * the other source?": a time, a price, a reason or a source of "that", and nothing it is of.
   */
  private onlyPoints(analysis: Analysis, question: string): boolean {
    if (WHY_ALONE.test(question)) return true;
    const pointing = POINTS_BACK.test(question);
    return pointing && analysis.terms.length > 0 && analysis.terms.every((t) => this.topicless.has(t) || ASKED_FOR.includes(t) || POINTING_WORDS.has(t));
  }

  /**
   * Named rule "how much is that": after pay, "how much is that per month?" asks that pay (by the
   * month, which the articles do not give), not a price, which "how much is" asks elsewhere.
   */
  private payPointedAt(analysis: Analysis, question: string, previous: Turn | undefined): Analysis {
    // Only "how much is that?" alone or by the month: "how much is that after tax?" is not the figures again.
    const bare = analysis.terms.every((t) => t === 'cost');
    if (!previous?.terms.includes('salary') || !POINTERS.test(question) || !this.costIsPay(analysis) || !(bare || analysis.outside.includes('period'))) return analysis;
    const swap = (t: string) => (t === 'cost' ? 'salary' : t);
    return { ...analysis, terms: [...new Set(analysis.terms.map(swap))], groups: analysis.groups.map((g) => [...new Set(g.map(swap))]) };
  }

  /**
   * Named rule "the ends of the range": "and the top?", "the lowest?" after pay are its highest
   * level (experienced) or its lowest (entry), as "top earners" is; alone, "the top" names nothing.
   */
  private rangeEnd(analysis: Analysis, question: string, previous: Turn | undefined): Analysis {
    // Only after the back-end figures, the one table with levels ("the top one?" after the
    // certifications that raise pay picks a certification; the front end has one figure).
    if (!previous?.topic || !previous.terms.includes('salary') || figuresOf(previous.topic, previous) !== 'salary:backend-developer') return analysis;
    const end = RANGE_END.exec(question)?.[1]?.toLowerCase();
    // So is "and after like 5 yrs?": the level whose band holds those years (mid: 4-6).
    const years = YEARS_AFTER.exec(question)?.[1];
    const level = end ? (/^(?:top|highest|max|maximum|most|high end)$/.test(end) ? 'experienced' : 'entry') : years ? levelOfYears(Number(years)) : undefined;
    if (!level) return analysis;
    return { ...analysis, terms: [level], groups: [[level]], level: LEVEL_TERMS[level]! };
  }

  /**
   * Whether the "cost" a question asks is only its "how much" (see payAsked, payPointedAt): no
   * price is named in words ("cost", "fee", "tuition") and nothing that has one (a course, a
   * bootcamp, a degree, a course site).
   */
  private costIsPay(analysis: Analysis): boolean {
    return analysis.terms.includes('cost') && !PRICE_WORDS.test(analysis.raw) && !analysis.terms.some((t) => PRICED.has(t));
  }

  /** Whether `hit`'s own text names the entry `ref` (every word of one of its names). */
  private holdsName(hit: Scored, ref: string, own = false): boolean {
    // `own`: by the words that tell the entry apart, not the field's ("back-end developer" is in
    // how long it takes to become one; "promoted" is not, and "how long does that take?" after
    // promotion is no question about becoming one).
    const names = (this.nameTerms.get(ref) ?? []).map((name) => (own ? name.filter((t) => !GUIDE_SUBJECT.has(t) && !FIELD_NAME_WORDS.has(t)) : name));
    return names.some((name) => name.length > 0 && name.every((t) => hit.content.has(t)));
  }

  /** Whether the question names the entry it was answered with (one of its names, every word of it). */
  private namesOwnEntry(answer: Answer): boolean {
    if (answer.decision.kind !== 'answer') return false;
    const asked = new Set(answer.analysis.terms);
    return (this.nameTerms.get(answer.decision.top.doc.ref) ?? []).some((name) => name.length > 0 && name.every((t) => asked.has(t)));
  }

  /** Read alone, the question has one clear answer, far ahead of the next ("what benefits come with it?"). */
  private clearAlone(answer: Answer): boolean {
    const [top, next] = answer.hits;
    return answer.confident && !!top && top.score - (next?.score ?? 0) >= CLEAR_LEAD;
  }

  /**
   * Named rule "the asking sentence": a long message whose story drowns its question ("I've been a
   * barista for 5 years... What would you recommend I do first and how long before I could get
   * hired?") is read by its last question when the whole does not read clearly and that does. The
   * story may go on after it ("... which route gets me there fastest? My wife thinks I'm crazy, so
   * I want real numbers."): the last sentence that asks is the question.
   */
  private asked(question: string, read: Answer, typed: Analysis): Answer {
    // Unsure once the pay in its story is set aside, the message is read by its question as below.
    const whole = read.confident ? this.payInStory(question, read, typed) : read;
    const sentences = sentencesOf(question);
    // "other job titles for backend dev? for my linkedin search": a short question and then why it
    // is asked; the why's words (LinkedIn) are no topic, however well they read.
    const purpose = whole.confident && sentences.length === 2 && sentences[0]!.trim().endsWith('?') && PURPOSE.test(sentences[1]!.trim()) && question.split(/\s+/).length < LONG_MESSAGE_WORDS;
    if (purpose) {
      const asked = this.analyzer.analyse(sentences[0]!);
      const byQuestion = asked.terms.length >= ASKING_TERMS ? this.run(asked) : undefined;
      if (byQuestion?.confident) return byQuestion;
    }
    if (whole.confident) return whole;
    const at = sentences.findLastIndex((s) => s.trim().endsWith('?'));
    const last = sentences[at]?.trim();
    // A short message too, when a remark follows its question ("other job titles for backend devs?
    // need em for linkedin search"): the remark says why it is asked, not what. Not a request
    // ("sites for courses? drop some"): that asks for more.
    const short = question.split(/\s+/).length < LONG_MESSAGE_WORDS;
    if (sentences.length < 2 || !last || (short && (at === sentences.length - 1 || sentences.slice(at + 1).some((s) => REQUEST.test(s.trim()))))) return whole;
    // A sentence after it that asks in other words ("Anyway, I'd like to know which ...") makes the
    // one with the question mark rhetorical ("My dad asked me what's the point of coding?").
    if (sentences.slice(at + 1).some((s) => ASKS_WITHOUT_MARK.test(s.trim()))) return whole;
    // "Is he right?" alone says too little to stand for the message. Read with the sentence
    // before it ("...idk if i even need one. do i?"), it may: when that reading is sure of the
    // entry the whole message leaned to (the portfolio), that is the answer.
    const analysis = this.analyzer.analyse(last);
    if (analysis.terms.length < ASKING_TERMS) {
      const withBefore = at > 1 ? this.run(this.analyzer.analyse(`${sentences[at - 1]} ${last}`)) : undefined;
      const leaned = whole.hits[0]?.doc.ref;
      return withBefore?.confident && withBefore.decision.kind === 'answer' && withBefore.decision.top.doc.ref === leaned ? withBefore : whole;
    }
    // "I live in Berlin... What is the average salary?": the place in the story still counts (but
    // not the teachers in "his teachers worry he's antisocial": a profession named in a story is
    // no question about it).
    const partly = whole.analysis.outside.filter((o) => PARTLY.includes(o));
    analysis.outside = [...new Set([...analysis.outside, ...partly])];
    analysis.outsideWords = [...new Set([...analysis.outsideWords, ...(partly.length ? whole.analysis.outsideWords : [])])];
    const alone = this.run(analysis);
    return alone.confident ? alone : whole;
  }

  /**
   * Named rule "pay in the story": "My cousin says you can't get hired without a CS degree. I
   * don't have the money for four years of school. Is he right?" and "My partner is nervous about
   * money ... Are they?" speak of money in the story, not of what back-end developers earn; they
   * had got the pay table. When every sentence with a word of pay is a statement of the asker's
   * own (no question mark, no "I'd like to know"; "I", "my"), the message is read again without those words, and that reading
   * stands when it is sure.
   */
  private payInStory(question: string, whole: Answer, analysis: Analysis): Answer {
    if (whole.decision.kind !== 'answer' || whole.decision.top.doc.kind !== 'salary' || question.split(/\s+/).length < LONG_MESSAGE_WORDS) return whole;
    const sentences = sentencesOf(question);
    if (sentences.length < 2) return whole;
    const paid = sentences.filter((s) => this.analyzer.analyse(s).terms.includes('salary'));
    // A yearly sum in the story ("I need to earn at least 80k"; not "$200 a month" on tickets) is the pay asked about.
    if (!paid.length || paid.some((s) => s.trim().endsWith('?') || ASKS_WITHOUT_MARK.test(s.trim()) || !FIRST_PERSON_STORY.test(s) || PAY_FIGURE.test(s))) return whole;
    // "... Is back-end development a realistic path to get there?": the question points at the sum.
    if (sentences.some((s) => !paid.includes(s) && PAY_POINTED.test(s))) return whole;
    const dropped = new Set(analysis.groups.filter((g) => g.includes('salary')).flat());
    const terms = analysis.terms.filter((t) => !dropped.has(t));
    if (!terms.length) return whole;
    const again = this.run({ ...analysis, terms, groups: analysis.groups.filter((g) => !g.includes('salary')) });
    // Unsure without them, it asks which was meant rather than show pay nobody asked about.
    return again.decision.kind === 'clarify' || (again.confident && again.decision.kind === 'answer' && again.decision.top.doc.kind !== 'salary') ? again : whole;
  }

  /** The role card the turn before showed, when it is another role than the guide's own (back-end developer). */
  private otherRole(previous: Turn): string | undefined {
    return previous.topic?.startsWith('role:') && previous.topic !== 'role:backend-developer' ? previous.topic : undefined;
  }

  /** A follow-up opens with "and"/"what about", points back ("they"), or is too short to stand alone. */
  private looksLikeFollowUp(question: string, analysis: Analysis, alone: Answer, previous: Turn): boolean {
    if (FOLLOW_LEADS.test(question) || ASKS_OF_IT.test(question)) return true;
    // "monthly?", "in london?" alone: the question before, somewhere else or by another measure.
    // "per month?" too: its only words are what marked it outside.
    if (this.onlyOutside(analysis)) return true;
    // "salary?", "skills?" right after another role's card (`role dba`) ask it of that role; after
    // anything else they are the guide's own question (back-end pay).
    if (this.otherRole(previous) && analysis.terms.length > 0 && analysis.terms.every((t) => ASK_TERMS.has(t))) return true;
    // "4-6?", "seniors?": a level alone only makes sense about the question before; so does
    // "what does PayScale say?".
    // "For juniors?" too: "junior" keeps its own term beside the level's.
    if ((analysis.terms.length > 0 && analysis.terms.every((t) => LEVEL_TERMS[t] || (analysis.level && LEVEL_WORDS.has(t)))) || namesOnlyLevels(analysis)) return true;
    if (this.asksSource(analysis)) return true;
    // "Which is higher?" after figures compares them.
    if (previous.terms.some((t) => TIME_TERMS.has(t)) && analysis.terms.length > 0 && analysis.terms.every((t) => FIGURES_COMPARED.has(t))) return true;
    const names = analysis.terms.some((t) => this.subjectTerms.has(t));
    // "Is that just backend?" after the outlook asks whom the answer before is about.
    const onlyWhom = analysis.terms.length > 0 && analysis.terms.every((t) => this.subjectTerms.has(t) || t === 'developer' || t === 'dev' || LEVEL_TERMS[t]);
    if (POINTERS.test(question) && onlyWhom && previous.topic) return true;
    // "How does that compare to backend?" names the other side of a comparison, not a new subject.
    // ("How does entry-level backend pay compare to it?" names what is weighed in more terms: its
    // words count, "pay" and its concept once; "... compare with that in other countries?" says more.)
    const weighs = analysis.terms.includes('comparison');
    if (POINTERS.test(question) && (!names || weighs) && (weighs ? analysis.groups.length : analysis.terms.length) <= 4) return true;
    if (this.namesNothing(analysis)) return true;
    // Too short to stand alone, and not nonsense: words nothing in the articles uses ("asdfgh",
    // "istanbul") are a new question the bot cannot answer, not a follow-up.
    // A line of no words that say anything follows up only as a question ("by when?"): "halp" does not.
    if (!analysis.terms.length && !analysis.unknown.length && !question.includes('?')) return false;
    return !alone.confident && analysis.terms.length <= 3 && analysis.unknown.length === 0;
  }

  /** The sources' names said whole: a publisher's ("career karma"), a rare source word ("payscale"), the spotlight. */
  private namedSources(terms: readonly string[]): string[][] {
    return this.sourceCalls.filter((name) => name.every((t) => terms.includes(t)));
  }

  /**
   * Whether a question asks only what a source says: "what does PayScale say?", "does Career Karma
   * say the same?" (a source's whole name: "career" of "Career Karma" too), "any other source?".
   * The names it said, if so.
   */
  private asksSource(analysis: Analysis): string[][] | undefined {
    const terms = analysis.terms;
    // "What does the guide say?": the Guide article, by the only name it has.
    const said = [...this.namedSources(terms), ...(terms.includes('guide') && namesTheGuide(analysis.raw) ? [['guide']] : [])];
    const other = terms.includes('other') && terms.includes('source');
    if (!terms.length || !(said.length || other)) return undefined;
    const words = new Set(said.flat());
    return terms.every((t) => words.has(t) || SOURCE_ASKING.has(t) || t === 'same' || t === 'other') ? said : undefined;
  }

  /** Whether a question says nothing but what marks it outside the articles ("monthly?", "per month?", "in london?"). */
  private onlyOutside(analysis: Analysis): boolean {
    // A level beside it says whose ("and for remote seniors?" after pay).
    return analysis.outside.length > 0 && analysis.terms.every((t) => analysis.outsideWords.some((w) => this.analyzer.terms(w).includes(t)) || LEVEL_TERMS[t] || LEVEL_WORDS.has(t));
  }

  /** The follow-up's terms, plus the earlier question's where the follow-up does not replace them. */
  private mergeTerms(analysis: Analysis, previous: Turn): string[] {
    const now = new Set(analysis.terms);
    // "How do they compare to bootcamps?" after community college compares, keeping what was asked.
    const asksNew = analysis.terms.some((t) => ASK_TERMS.has(t) && t !== 'comparison');
    // "How does that compare to backend?" after the front end compares the two: both stay.
    const namesNew = !analysis.terms.includes('comparison') && analysis.terms.some((t) => this.subjectTerms.has(t));
    // "How does entry-level pay compare to it?" after the national median weighs one level against
    // the other: the median stays.
    const levelNew = analysis.terms.some((t) => LEVEL_TERMS[t]) && !(analysis.terms.includes('comparison') && POINTERS.test(analysis.raw));
    // "And technical skills?" after soft skills asks the other kind instead, not both.
    const contrasted = new Set(CONTRASTS.flatMap((pair) => (pair.some((t) => now.has(t)) ? pair : [])));
    const kept = previous.terms.filter((t) => {
      if (now.has(t)) return false;
      if (contrasted.has(t)) return false;
      // The word that asked it goes too: "hard" (difficult) when "is it worth it?" asks anew.
      if (asksNew && (ASK_TERMS.has(t) || ASK_TERMS.has(this.analyzer.canonical(t)))) return false;
      if (namesNew && this.subjectTerms.has(t)) return false;
      if (levelNew && LEVEL_TERMS[t]) return false;
      return true;
    });
    return [...analysis.terms, ...kept];
  }

  private run(typedAnalysis: Analysis): Answer {
    const asked = this.payAsked(this.levelAlone(typedAnalysis));
    // A source named says where, not what: "what perks come with the job according to Indeed?" is
    // about perks, ranked without "indeed" (which would pull Indeed's eight steps), then the
    // entries Indeed speaks in go first (fromNamedSource). A source alone is what is asked.
    // But a question about an article's own plan ("how many steps in Indeed's guide?") names it.
    const analysis = this.withoutBackground(this.withoutSource(asked));
    const raw = this.weights.raw ? this.retriever.rawScores(analysis.raw) : new Map<string, number>();
    const found = this.retriever.retrieve(analysis.terms);
    // Entries the raw words rank high are candidates too, even when the analysed terms missed them.
    const seen = new Set(found.map((c) => c.doc.ref));
    const extra = [...raw.keys()].filter((ref) => !seen.has(ref)).slice(0, RAW_CANDIDATES).map((ref) => ({ doc: this.byRef.get(ref)!, bm25: 0, matched: [] as string[] }));
    const hits = technologyNamed(analysis, this.fromNamedSource(asked, rerank(analysis, [...found, ...extra], this.models, this.idf, this.weights, raw)));
    const next = this.stepAfter(analysis, hits);
    const decision = next ? ({ kind: 'answer', top: next } as Decision) : analysis.terms.length ? decide(analysis, hits, this.thresholds) : ({ kind: 'refuse', ...(analysis.outside[0] ? { outside: analysis.outside[0] } : {}) } as Decision);
    // The question as asked, source and all: its short answer picks that source's points.
    const answer: Answer = { analysis: asked, hits, decision, confident: decision.kind === 'answer' };
    this.roleFiguresByDefault(analysis, answer);
    if (!next) this.conceptDefined(analysis, answer);
    this.otherWayIn(analysis, answer);
    // Pay in London of a role named ("salary dba in london") is that role's pay, under the caveat.
    // Not when another entry answers it outright: "do freelance devs get paid for time finding
    // clients?" asks about freelancing, whose text says that time is unpaid.
    // A pay level named ("0-1 yr") is a pay question whatever else it names.
    // "ck vs indeed salary", "payscale vs indeed pay": sources compared on pay ask the figures,
    // which name each source side by side (not who earns more, nor how old the articles are).
    // "Career Karma's salary compared to the guide's": beside another source and a comparison, "guide"
    // is the Guide article. "How does Indeed's number compare with the spotlight?": two sources
    // weighed on a figure, with nothing else asked, weigh their pay (the figures are where they differ).
    const guideWeighed = asked.terms.includes('comparison') && namesTheGuide(analysis.raw) ? 1 : 0;
    const sourcesWeighed = this.namedSources(asked.terms).length + guideWeighed >= 2;
    const sourceWord = (t: string) => this.sourceCalls.some((name) => name.includes(t));
    const figuresWeighed = asked.terms.some((t) => FIGURE_WORDS.has(t) || FIGURES_COMPARED.has(t)) && asked.terms.every((t) => sourceWord(t) || SOURCE_ASKING.has(t) || FIGURES_COMPARED.has(t) || JUDGING_WORDS.has(t) || SOURCE_DESCRIBED.has(t));
    const sourcesOnPay = (asked.terms.includes('salary') || figuresWeighed) && sourcesWeighed;
    const elsewhere = !sourcesOnPay && decision.kind === 'answer' && !analysis.level && decision.top.doc.kind !== 'salary' && decision.top.doc.kind !== 'role' && decision.top.score >= this.thresholds.sure;
    const elsewhereThanPay = decision.kind === 'clarify' || (decision.kind === 'answer' && decision.top.doc.kind !== 'salary');
    if (sourcesOnPay && elsewhereThanPay) {
      // The figures of the role the question names, if it names one (a role's name holds its subject words).
      const named = (h: Scored) => (this.nameTerms.get(h.doc.ref) ?? []).flat();
      const figures = hits.find((h) => h.doc.kind === 'salary' && analysis.terms.every((t) => !this.subjectTerms.has(t) || named(h).includes(t)));
      if (figures) [answer.decision, answer.confident] = [{ kind: 'answer', top: figures }, true];
    }
    const payFor = (decision.kind !== 'refuse' && !elsewhere ? this.payOf(analysis) : undefined) ?? this.earnsMoreOf(analysis, decision);
    if (payFor) {
      answer.payFor = payFor;
      if (decision.kind !== 'partial') {
        const figures = hits.find((h) => h.doc.ref === `salary:${payFor}`);
        if (figures) answer.decision = { kind: 'answer', top: figures };
        answer.confident = true;
      }
    }
    return answer;
  }

  /**
   * Named rule "where the asker comes from": "I'm a security guard, can I become a backend dev?"
   * names a profession as background (see changesCareer); its words ("security") say nothing of
   * what is asked, and had pulled the security skill or the alternative careers.
   */
  private withoutBackground(analysis: Analysis): Analysis {
    if (!analysis.outside.includes('profession') || !changesCareer(analysis)) return analysis;
    // Once each: "a security guard interested in cyber security" still asks about security.
    const terms = [...analysis.terms];
    const groups = [...analysis.groups];
    for (const t of analysis.outsideWords.filter((w) => this.analyzer.outsideKind(w) === 'profession').flatMap((w) => this.analyzer.terms(w))) {
      const at = terms.indexOf(t);
      if (at >= 0) terms.splice(at, 1);
      const g = groups.findIndex((group) => group.includes(t));
      if (g >= 0) groups.splice(g, 1);
    }
    return terms.length ? { ...analysis, terms, groups } : analysis;
  }

  /**
   * A source named says where, not what: "what perks come with the job according to Indeed?" is
   * about perks, ranked without "indeed" (which would pull Indeed's eight steps), then the
   * entries Indeed speaks in go first (fromNamedSource). A source alone is what is asked, and so
   * is an article's own plan ("how many steps in Indeed's guide?").
   */
  private withoutSource(asked: Analysis): Analysis {
    // A source's whole name goes, not only its rare word: "career karma" says no "career"; and
    // only once: "what kinds of careers does the ck guide describe?" still asks about careers.
    // ("karma" is no rare word, Career Karma being cited everywhere; its whole name is a source's.)
    const names = this.sourceNames.filter((name) => name.every((t) => asked.terms.includes(t)));
    const terms = [...asked.terms];
    const groups = [...asked.groups];
    for (const name of names) {
      for (const t of name) {
        terms.splice(terms.lastIndexOf(t), 1);
        const g = groups.findLastIndex((group) => group.includes(t) && group.every((x) => name.includes(x)));
        if (g >= 0) groups.splice(g, 1);
      }
    }
    // "According to" goes with it: it says where too, and every example that names a source has it.
    // So do the words that describe the source ("the job-search guide from April 2020").
    // A year goes only with its month: "should I start in 2021, says Indeed?" asks of that year.
    const dated = asked.terms.some((t) => MONTHS.has(t));
    const where = (t: string) => this.sourceTerms.has(t) || t === 'accord' || SOURCE_DESCRIBED.has(t) || MONTHS.has(t) || (dated && /^20[0-2]\d$/.test(t));
    const topical = terms.filter((t) => !this.sourceTerms.has(t) && !SOURCE_ASKING.has(t));
    // Two sources named ("indeed vs career karma on salary") are what is asked about; one word
    // left ("what does indeed say to learn") says too little alone.
    const sources = new Set(asked.terms.filter((t) => this.sourceTerms.has(t))).size + names.length;
    // "What does the guide say about salary?", "according to the guide, ...": the Guide article named
    // as where, its "guide" no subject. (Not "which framework does the guide mention?": there the
    // word still ranks the Guide's own points.)
    const guide = guideNamed(asked.raw) === 'asked';
    const named = names.length > 0 || asked.terms.some((t) => this.sourceTerms.has(t)) || guide;
    // One word left is enough when it names a subject: a role, a skill, or what is asked of one
    // ("what does indeed say about the cloud?", "what does career karma say about security?").
    const enough = topical.length >= 2 || topical.some((t) => this.subjectTerms.has(t) || this.skillTerms.has(t) || (ASK_TERMS.has(t) && t !== 'comparison'));
    // "Is Glassdoor better than Indeed?" weighs two job boards: Indeed is one of them, not a source.
    if (!enough || !named || sources >= 2 || asked.terms.some((t) => this.planTerms.has(t)) || namedNotAnswered(asked) === 'ranking') return asked;
    return { ...asked, terms: terms.filter((t) => !where(t)), groups: groups.filter((g) => !g.every(where)) };
  }

  /**
   * Named rule "how much is it, of pay": "which source quotes the highest pay, and how much is it?"
   * asks a sum of pay, not a price: with pay asked and nothing that has a price (a course, a
   * bootcamp, a degree, a certificate), "how much" is the pay.
   */
  private payAsked(analysis: Analysis): Analysis {
    const { terms } = analysis;
    if (!terms.includes('salary') || !this.costIsPay(analysis)) return analysis;
    return { ...analysis, terms: terms.filter((t) => t !== 'cost'), groups: analysis.groups.map((g) => g.filter((t) => t !== 'cost')).filter((g) => g.length) };
  }

  /**
   * Named rule "a level alone": "Indeed average?", "payscale entry?", "which is higher, the Indeed
   * average or the spotlight median?" name a source and a pay level and nothing else: they ask
   * that source's figure (not Indeed's eight steps, the entry its name reads closest to). "What
   * year range does 'early career' cover?" asks a level's years, which
   * the pay figures give beside each figure ("1-3 years").
   */
  private levelAlone(analysis: Analysis): Analysis {
    const { terms } = analysis;
    if (!analysis.level || terms.includes('salary')) return analysis;
    // The spotlight is a source too ("Median, Spotlight page?"), though its name is a word of many entries.
    const source = (t: string) => this.sourceTerms.has(t) || t === 'spotlight';
    // "What does the Guide list for one to three years?": an article by its kind names a source too.
    const sourced = terms.some((t) => source(t) || SOURCE_DESCRIBED.has(t));
    // A band of years typed as one ("4-6 yrs", "1 to 3 years") is read by the lexicon into its level, years and all.
    const years = analysis.level !== 'overall' && (terms.some((t) => LEVEL_YEARS.has(t)) || YEAR_BAND.test(analysis.raw));
    if (!sourced && !years) return analysis;
    if (!terms.every((t) => source(t) || LEVEL_TERMS[t] || SOURCE_ASKING.has(t) || LEVEL_YEARS.has(t) || FIGURES_COMPARED.has(t) || SOURCE_DESCRIBED.has(t) || LEVEL_GIVEN.has(t) || t === 'backend' || t === 'developer' || t === 'dev')) return analysis;
    return { ...analysis, terms: [...terms, 'salary'], groups: [...analysis.groups, ['salary']] };
  }

  /**
   * Named rule "the source named": "which perks come with these jobs, per the job-listing site?"
   * asks what Indeed says. Of entries about as close (benefits, from Indeed; the perks of the
   * work, from the spotlight), one that article says nothing in falls back by SOURCE_MISSING.
   */
  private fromNamedSource(analysis: Analysis, hits: Scored[]): Scored[] {
    // Not a source set aside ("job boards besides Indeed", "other than LinkedIn and Indeed"): that names it as a thing, not as where.
    const named = analysis.terms.filter((t) => this.sourceTerms.has(t) && !setAside(analysis.raw, t));
    // "What does the guide say about devops?": the Guide asked of, by the only name it has.
    const guide = guideNamed(analysis.raw) === 'asked';
    if (!named.length && !guide) return hits;
    const says = (ref: string) => named.some((t) => this.sourcedBy.get(ref)?.has(t)) || (guide && this.byGuide.has(ref));
    const out = hits.map((h) => (says(h.doc.ref) ? h : { ...h, score: h.score * SOURCE_MISSING }));
    return out.sort((a, b) => b.score - a.score);
  }

  /**
   * Named rule "pay means back-end pay": this is a back-end developer's guide, so "median pay?"
   * naming no one is the back-end figures; the national median for all jobs answers only a
   * question that speaks of the nation, every job or the average worker.
   */
  /**
   * Named rule "another role's way in": the articles explain how to become a back-end developer
   * only. "How do I become a front-end developer / a DBA?" (that role's card on top), or "what are
   * the steps to become a DevOps engineer?" (which reads closest to the back-end way in, but names
   * a role by a word no name of the back-end developer has: "devops", "frontend", "dba"), gets
   * that role's card under that caveat, not answered (it reaches `unanswered`). A way into
   * back-end work by any name ("backend engineer", "I'm a DBA, how do I become a backend
   * developer?") is the way the articles explain: no caveat.
   */
  private otherWayIn(analysis: Analysis, answer: Answer): void {
    const { decision } = answer;
    if (decision.kind !== 'answer' || analysis.joined || !BECOME.test(analysis.raw) || analysis.terms.includes('backend')) return;
    if (decision.top.doc.kind === 'role' && decision.top.doc.ref !== EXPLAINED_ROLE) {
      answer.decision = { kind: 'partial', top: decision.top, outside: 'path' };
      return;
    }
    if (decision.top.doc.ref !== BACKEND_WAY_IN) return;
    const own = new Set((this.nameTerms.get(EXPLAINED_ROLE) ?? []).flat());
    const asked = new Set(analysis.terms);
    const named = this.kind('role').find((d) => d.ref !== EXPLAINED_ROLE && (this.nameTerms.get(d.ref) ?? []).some((name) => name.length > 0 && name.every((t) => asked.has(t)) && name.some((t) => !own.has(t) && !FIELD_NAME_TERMS.has(t))));
    if (named) answer.decision = { kind: 'partial', top: this.scoredFor(answer, named), outside: 'path' };
  }

  /** An entry as the answer's ranking scores it, ranked now if the answer's candidates left it out. */
  private scoredFor({ analysis, hits }: { analysis: Analysis; hits: readonly Scored[] }, doc: Doc): Scored {
    return hits.find((h) => h.doc === doc) ?? rerank(analysis, [{ doc, bm25: 0, matched: [] }], this.models, this.idf, this.weights)[0]!;
  }

  /** The answer with `doc` as its entry (see scoredFor). */
  private answeredBy(answer: Answer, doc: Doc): Answer {
    return { ...answer, decision: { kind: 'answer', top: this.scoredFor(answer, doc) }, confident: true };
  }

  /**
   * Named rule "a definition asked": "whats an api", "what's a framework" ask what the thing is,
   * which the skill's card says; the roadmap step on it (what to do about it) ranks level with it
   * because it names it as often. The skill wins when it is that close.
   */
  private conceptDefined(analysis: Analysis, answer: Answer): void {
    const { decision } = answer;
    // (Or a question about it, "do back-end developers need APIs and REST?", level with REST's own card.)
    if (decision.kind !== 'answer' || (decision.top.doc.kind !== 'step' && decision.top.doc.kind !== 'question') || !DEFINITION.test(analysis.raw)) return;
    const concept = answer.hits.find((h) => h.doc.kind === 'skill' && h.score >= decision.top.score - DEFINITION_SLACK);
    if (concept) answer.decision = { kind: 'answer', top: concept };
  }

  /**
   * Named rule "whose figures": a pay question the national median took ("what's the median
   * salary for back-end developers?", "Indeed's average or the spotlight's median?") is about the
   * role it names, back end's when it names none but a source of back-end figures.
   */
  private roleFiguresByDefault(analysis: Analysis, answer: Answer): void {
    const d = answer.decision;
    // Or "which pays more, Indeed's average or the spotlight's median?", between the two.
    const between = d.kind === 'clarify' && d.options[0]?.doc.ref === 'salary:backend-developer' && d.options[1]?.doc.ref === 'salary:all-occupations';
    if (!between && (d.kind !== 'answer' || d.top.doc.ref !== 'salary:all-occupations')) return;
    // Between the two, a source named (Indeed, whose one figure is back-end pay) says which.
    // So does the spotlight anywhere: it gives back-end figures only ("the guide average or the spotlight median?").
    const sourced = (between && answer.analysis.terms.some((t) => this.sourceTerms.has(t) && t !== 'bls')) || answer.analysis.terms.includes('spotlight');
    if (!sourced && analysis.terms.some((t) => this.nationalTerms.has(t))) return;
    // A role named says whose median ("what's the median salary for back-end developers?" had got
    // the national median, which the word "median" pulls): that role's figures, back end's by default.
    const role = analysis.terms.some((t) => this.subjectTerms.has(t)) ? (this.payOf(analysis) ?? (analysis.terms.includes('backend') ? 'backend-developer' : undefined)) : undefined;
    if (!sourced && role === undefined && analysis.terms.some((t) => this.subjectTerms.has(t))) return;
    const figures = answer.hits.find((h) => h.doc.ref === `salary:${role ?? 'backend-developer'}`);
    if (figures) [answer.decision, answer.confident] = [{ kind: 'answer', top: figures }, true];
  }

  /**
   * Named rule "pay of a named role": "what does a DBA earn", or "how much do they make?" after
   * the full-stack card, asks the pay of that role, whether or not the articles give figures for
   * it. A comparison of pay is left to the FAQ that compares it; two roles named, to the ranking.
   */
  private payOf(analysis: Analysis): string | undefined {
    if (!analysis.terms.includes('salary') || analysis.terms.includes('comparison')) return undefined;
    const asked = new Set(analysis.terms);
    let best: { id: string; size: number } | undefined;
    let tie = false;
    for (const role of this.kind('role')) {
      for (const name of this.nameTerms.get(role.ref)!) {
        if (!name.length || !name.every((t) => asked.has(t))) continue;
        if (!best || name.length > best.size) [best, tie] = [{ id: role.id, size: name.length }, false];
        else if (name.length === best.size && best.id !== role.id) tie = true;
      }
    }
    return best && !tie ? best.id : undefined;
  }

  /**
   * Named rule "who earns more, of another role": the comparison the articles make is front end
   * against back end. "Do they earn more?" after the full-stack card had got that comparison, and
   * "do full stack devs earn more than backend devs?" the two roles' cards, neither of which says
   * anything of full-stack pay: a pay comparison naming another role (by a word of its own) is
   * that role's pay (the plain word that the articles give it none).
   */
  private earnsMoreOf(analysis: Analysis, decision: Decision): string | undefined {
    if (decision.kind !== 'answer' || decision.top.doc.kind === 'salary' || !analysis.terms.includes('salary') || !analysis.terms.includes('comparison')) return undefined;
    const asked = new Set(analysis.terms);
    // Named by a word of its own: "backend engineer" is one of the back-end developer's names.
    const compared = this.comparedNames;
    const named = this.kind('role').filter((r) => !COMPARED_ROLES.has(r.id) && (this.nameTerms.get(r.ref) ?? []).some((name) => name.length > 0 && name.every((t) => asked.has(t)) && name.some((t) => !compared.has(t))));
    return named.length === 1 ? named[0]!.id : undefined;
  }

  /**
   * Named rule "step after": "what comes after databases?", "portfolio done, what next?" name a
   * roadmap step and ask for the one after it. Pay, outlook and time questions say "after five
   * years" about time, and are left alone.
   */
  private stepAfter(analysis: Analysis, hits: readonly Scored[]): Scored | undefined {
    // "What should I learn before databases?": the step before the one named, the same way.
    const back = BEFORE_ASKED.test(analysis.raw) && !analysis.terms.some((t) => NEXT_TERMS.has(t));
    if ((!analysis.terms.some((t) => NEXT_TERMS.has(t)) && !back) || analysis.terms.some((t) => TIME_TERMS.has(t)) || analysis.level) return undefined;
    // What was done names the step, not that it was done ("finished" is a word of the portfolio step).
    const named = analysis.terms.filter((t) => !NEXT_TERMS.has(t) && t !== BEFORE_TERM && t !== 'step' && !DONE_TERMS.has(t));
    // "I finished that, what next?": nothing named to go on from (the turn before says what, if anything).
    if (named.every((t) => FIELD_NAME_TERMS.has(t))) return undefined;
    // Nor when a question of its own follows the "after" clause ("After an internship, what
    // should you ask your supervisor for?"): what it asks is the subject, which the whole
    // question's best entry holds and the step does not (it had got the job-search step).
    const asks = (analysis.raw.split(back ? /\bbefore\b/i : /\bafter\b/i)[1] ?? '').split(',').slice(1).join(' ');
    const own = this.analyzer.terms(asks).filter((t) => !FIELD_NAME_TERMS.has(t) && !NEXT_TERMS.has(t));
    const top = hits[0];
    const asksOwn = (step: Doc) => {
      const content = this.models.get(step.ref)?.content;
      return top !== undefined && top.doc.kind !== 'step' && own.some((t) => top.content.has(t) && !content?.has(t));
    };
    // Named rule "after the studies": "finished a bootcamp, what next?", "done with my degree, what
    // comes after?" name a program, not a step (a bootcamp is in the security step only as a cyber
    // security one); Career Karma's plan says what comes after the studies: earn some experience.
    if (!back && named.some((t) => EDUCATION_TERMS.has(t)) && named.every((t) => EDUCATION_TERMS.has(t) || FIELD_NAME_TERMS.has(t))) {
      const experience = this.byRef.get('step:earn-experience');
      if (experience && asksOwn(experience)) return undefined;
      if (experience) return this.scoredFor({ analysis, hits }, experience);
    }
    const found = rerank({ ...analysis, terms: named }, this.retriever.retrieve(named, 3, (d) => d.kind === 'step'), this.models, this.idf, this.weights)[0];
    if (!found || found.features.coverage < STEP_AFTER_COVERAGE) return undefined;
    // "What should a cover letter add after researching the company?": "after" says when within
    // another entry's subject, which the whole question ranks far ahead of any step (unless it
    // asks about steps, "what comes after learning a language in the indeed steps?", or says
    // "next": "i know html css, whats next for backend").
    const best = hits[0];
    // Only when the question has a subject before its "after" ("what should a cover letter add ...
    // after"): "what do I do after my internship?" asks the step after it, however well the
    // internship FAQ reads.
    const before = analysis.raw.split(back ? /\bbefore\b/i : /\bafter\b/i)[0] ?? '';
    const ownSubject = this.analyzer.terms(before).some((t) => !FIELD_NAME_TERMS.has(t));
    if (ownSubject && best && best.doc.kind !== 'step' && !analysis.terms.includes('step') && !analysis.terms.includes('next') && best.score - (hits.find((h) => h.doc === found.doc)?.score ?? 0) > STEP_AFTER_BEHIND) return undefined;
    // Named rule "front-end first": "i know html css, whats next for backend" knows front-end
    // languages, which the language step names only as what the server side is not; the next step
    // is that one, a server-side language (not the step after it).
    const known = named.filter((t) => !FIELD_NAME_TERMS.has(t));
    const language = this.byRef.get('step:learn-language');
    if (!back && language && found.doc === language && known.length > 0 && known.every((t) => FRONT_END_TERMS.has(t))) return found;
    const steps = this.kind('step');
    const next = steps[steps.indexOf(found.doc) + (back ? -1 : 1)];
    return next && !asksOwn(next) ? { ...found, doc: next } : undefined;
  }

  private kind(kind: Kind): Doc[] {
    return this.ofKind.get(kind) ?? [];
  }

  private fuseFor(kind: Kind): Fuse<Doc> {
    let fuse = this.byKind.get(kind);
    if (!fuse) {
      fuse = new Fuse(this.kind(kind), {
        keys: [
          { name: 'title', weight: 3 },
          { name: 'aliases', weight: 3 },
          { name: 'id', weight: 2 },
          { name: 'keywords', weight: 1 },
        ],
        threshold: 0.45,
        includeScore: true,
        ignoreLocation: true,
      });
      this.byKind.set(kind, fuse);
    }
    return fuse;
  }

  resolve(kind: Kind, text: string): Resolution {
    const key = nameKey(text);
    if (!key) return { guessed: false, suggestions: [] };
    const exact = this.names.get(kind)?.get(key);
    if (exact) return { match: exact, guessed: false, suggestions: [] };
    // Words typed out of order or with extra words ("back end dev") still meet a name's terms.
    const wanted = this.analyzer.terms(text);
    const byTerms = this.kind(kind).filter((d) => this.nameTerms.get(d.ref)!.some((n) => sameTerms(n, wanted)));
    if (byTerms.length === 1) return { match: byTerms[0]!, guessed: false, suggestions: [] };
    const hits = this.fuseFor(kind).search(text.slice(0, 64), { limit: 5 });
    const suggestions = hits.map((h) => h.item);
    const [first, second] = hits;
    const clear = first && (first.score ?? 1) <= 0.3 && (!second || (second.score ?? 1) - (first.score ?? 1) >= 0.05);
    // A guess must share a word with the entry's names, typos corrected ("framwork" is one):
    // fuse.js alone takes "NaN" for "Learn a server-side programming language".
    return clear && this.sharesAName(text, first.item) ? { match: first.item, guessed: true, suggestions } : { guessed: false, suggestions };
  }

  private sharesAName(text: string, doc: Doc): boolean {
    const names = new Set([...this.nameTerms.get(doc.ref)!.flat(), ...doc.keywords.flatMap((k) => this.analyzer.terms(k))]);
    return this.analyzer.analyse(text).terms.some((t) => names.has(t));
  }

  complete(kind: Kind, partial: string, limit = 25): Doc[] {
    const all = this.kind(kind);
    if (!partial.trim()) return all.slice(0, limit);
    const prefix = nameKey(partial);
    const starts = all.filter((d) => this.nameKeys.get(d.ref)!.some((n) => n.startsWith(prefix)));
    const fuzzy = this.fuseFor(kind).search(partial.slice(0, 64), { limit }).map((h) => h.item);
    return [...new Set([...starts, ...fuzzy])].slice(0, limit);
  }
}

/** The score of the entry an answer would show (0 when it shows none). */
function topScore(a: Answer): number {
  return a.decision.kind === 'answer' ? a.decision.top.score : 0;
}

/** Names compare without case, accents, punctuation or spacing: "Back-End Dev" ~ "back end dev". */
function nameKey(text: string): string {
  return split(fold(text).replace(/\bback[\s-]?end\b/g, 'backend').replace(/\bfront[\s-]?end\b/g, 'frontend').replace(/\bfull[\s-]?stack\b/g, 'fullstack')).join(' ');
}

function sameTerms(a: string[], b: string[]): boolean {
  if (!a.length || a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((t) => set.has(t));
}

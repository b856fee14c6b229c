// Stage 1, analyse: a question (or an entry's text) -> canonical terms. Case and accents are folded,
// the question-form rules run, the lexicon (knowledge/lexicon.json) maps what people type to the
// knowledge base's concepts, plurals fold, stop words go, and a misspelt word is replaced by the
// closest word the entries use. Both sides, entries and questions, go through the same analyser,
// so they agree on every term.
import type { LexiconEntry, Outside, SalaryLevel } from '../knowledge/schema.js';
import { applyRules, fold, RULES, split, stem, STOP_WORDS } from './normalize.js';

export interface Analysis {
  /** The question as typed (cut to the length read), for the raw-word ranking. */
  raw: string;
  /** Canonical terms in order, stop words removed, misspellings corrected. */
  terms: string[];
  /** Content words neither the entries nor the lexicon know, even after correction. */
  unknown: string[];
  /**
   * The terms each word of the question gave, one group a word ("aws" gives aws and cloud): how
   * much of the question an entry covers is counted by word, so a word is never counted twice.
   */
  groups: string[][];
  /** The experience level the question names, if any ("junior" -> entry). */
  level?: SalaryLevel;
  /** What the question names that the articles do not cover (a city, a company, a profession...). */
  outside: Outside[];
  /** The words that marked it outside ("london", "amazon"), to check against the best entry. */
  outsideWords: string[];
  /**
   * Read with the question before (its terms joined to these): what the line alone asks is not all
   * of it. The line's own terms, to tell what it adds ("and for python devs?" after pay).
   */
  joined?: { own: readonly string[] };
}

/** A sum as people type pay: "124k", "200k", "150000". */
const SUM = /^(?:\d{2,3}k|\d{5,6})$/;

/** Terms that name a salary level. */
export const LEVEL_TERMS: Readonly<Record<string, SalaryLevel>> = {
  entry: 'entry',
  early: 'early',
  mid: 'mid',
  experienced: 'experienced',
  average: 'overall',
  median: 'overall',
};

/** A calendar year ("2025"), and this one. */
export const YEAR = /^(?:19|20)\d\d$/;
export const THIS_YEAR = new Date().getUTCFullYear();

/** A time to come, without a year: "next year", "in five years", "in the coming years". */
const LATER = /\b(?:next year|next (?:few|couple(?: of)?|two|three|five|ten|\d+) years|(?:in|within) (?:a few|the next|two|three|five|ten|\d+) years|(?:the )?coming years?|years from now|in the future|a decade from now)\b/gi;
/** Pay going up or down (with LATER, a prediction). */
const CHANGE = /\b(?:go(?:es|ing)? (?:up|down)|rise|rising|increase|increasing|grow|growing|drop|dropping|fall|falling|change|changing|climb|keep up|cheaper|pricier|more expensive|less expensive|cost (?:more|less))\b/i;
/** One's own pay or career ("my salary", "will I"): not a forecast for everyone. */
const OWN = /\b(?:my|i|i'll|i'm|me)\b/i;
/** A time to come that is no point in one's own career ("next year"; "in five years" can be one: see LATER). */
const NEXT_YEARS = /\b(?:next year|(?:the )?coming years?|years from now|a decade from now)\b/gi;
/** What can turn without a time said: the market, hiring ("will the job market recover?"; not "will a portfolio improve my chances?"). */
const MARKET_SUBJECT = /\b(?:market|hiring|economy|industry|demand|tech jobs|layoffs?|recession)\b/i;
/** The market falling or booming: a prediction even of the outlook, which the articles give only as growth to 2030. */
const MARKET_TURN = /\b(?:crash(?:es|ing)?|collapse|tank|bubble|burst|recession|downturn|layoffs?|recover(?:s|y|ing)?|rebound|bounce back|pick(?:s|ing)? (?:back )?up|get(?:s|ting)? better|improve)\b/i;
/**
 * Named rule "at a company the articles name": Meta (the certificate's maker), Microsoft (Azure),
 * Netflix (an example), Oracle (MySQL), Google (PageSpeed) are in the articles, but working
 * there, their pay, hiring or culture are not ("how much does Meta pay a junior?", "what is it
 * like to work at Microsoft?"). Career Karma only as an employer ("Career Karma's salary" is the
 * article's figure); Indeed never (a job board: "jobs at indeed" are its listings). Working there
 * alone is no question about it ("is the azure cert useful if I work at amazon?").
 */
const EMPLOYERS = 'meta|facebook|microsoft|netflix|oracle|google|amazon|apple|career karma';
const PAYERS = 'meta|facebook|microsoft|netflix|oracle|google|amazon|apple';
const EMPLOYED = new RegExp(
  String.raw`\b(?:(?:what(?:'s| is)|how(?:'s| is)) it like to work (?:at|for)|internships? at|hired (?:at|by)|employees? (?:at|of)|salary at|pay at|paid at|culture at|interview(?:s|ing)? (?:at|with)) (?:${EMPLOYERS})\b` +
    String.raw`|\b(?:${PAYERS})(?:'s)? (?:pay|pays|paid|hire|hires|hiring|interview|interviews|culture|employees|staff|engineers|tech stack|stack|users|salary|salaries)\b` +
    String.raw`|\b(?:does|do|did|will|would) (?:${PAYERS}) (?:pay|hire|use|ask|test|look for)\b|\b(?:${EMPLOYERS})\b[^?.!]{0,20}\bgood (?:company|place|employer) (?:to work(?: (?:for|at))?|for (?:a |an )?(?:back[\s-]?end |junior |new )?(?:developers?|devs?|engineers?|programmers?|juniors?|interns?|grads?))\b|\bhow many employees (?:does|do) (?:${EMPLOYERS})\b` +
    // "And at Meta?" after pay: the same pay, at a company.
    String.raw`|^\s*(?:and\s+|what about\s+|how about\s+|or\s+)?(?:at|for) (?:${PAYERS})\s*[?!.]*\s*$`,
  'i',
);
/** What an article or its figures are called: their dates are the articles' own. */
const OWN_DATES = /\b(?:article|articles|guide|guides|page|piece|post|spotlight|profile|information|info|data|figures?|numbers?|list|projection|outlook|source|sources|indeed|career karma)\b/i;
/**
 * Remote work ("can I get a fully remote backend job?", "do backend devs work remotely?"): the
 * articles speak of learning from home, never of working from it. Of pay, the lexicon's `setting`
 * marks it (their figures, under that caveat).
 */
const REMOTE_WORK = /\bremote(?:ly)?(?:\s+(?:backend|back-end|dev|developer|developers|engineering|software|tech))?\s+(?:jobs?|roles?|positions?|gigs?|opportunities|companies|employers)\b|\bwork(?:s|ing)?\s+(?:from\s+home|(?:fully\s+)?remote(?:ly)?)\b|\b(?:jobs?|roles?|positions?|work)\s+(?:are|is)\s+(?:fully\s+)?remote\b/i;
/**
 * Named rule "trivia": who founded or created a thing, when it was made ("what year was Rails
 * created?", "who designed HTTP/3?"): the articles say none of it. Not the articles' own dates
 * ("when was the Indeed article written?"), nor who owns or runs a thing ("who owns MySQL?":
 * Oracle maintains it, Career Karma says). A dotted name is one word ("what year did Nest.js come out?").
 */
const TRIVIA = /\bwho (?:founded|invented|designed)\b(?! (?:you|this|devpath|the roadmap)\b)|\bwho (?:is|was|are|were) the (?:founders?|creators?|inventors?|ceo|owners?) of\b|\bwhat year (?:was|were|did)\b(?:[^?.!]|\.(?=\w))*\b(?:created|founded|invented|released|launched|come out|start)\b|\bwhen (?:was|were|did)\b(?:[^?.!]|\.(?=\w))*\b(?:created|founded|invented|released|launched|come out)\b|\b(?:when|what year) did\s+[\w.&-]+(?:\s+[\w.&-]+)?\s+(?:buy|acquire)\b/i;
/**
 * Named rule "a task for the bot": a line that asks the bot to do a piece of work rather than to
 * say what the articles say: to write or fix code ("can u write a python function that reverses a
 * linked list", "fix my SQL: SELECT ..."), to design something for the asker's own app ("design a
 * database schema for my e-commerce app"), or an error message quoted after what printed it
 * ("Laravel says "419 Page Expired" every time", "my build fails with ..."). The articles hold no
 * code. Only at the start of a sentence and naming a piece of code, so "how do I write a function"
 * (a how-to), "what should I fix on my resume", "fix my roadmap" and "create a roadmap for my
 * project" stay what they are. A quote is an error only with a code or a word of failing in it, and
 * not as something an article or a person says ("the guide says "soft skills": which ones?").
 * (Typed lines lose their quotes in parsing; the lexicon's error words catch those.)
 */
const TASK_START = String.raw`(?:^|[.!?]\s+)(?:(?:hey|hi|yo|ok|okay|so|bot|pls|please|plz)[,!]?\s+)*(?:(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+|plz\s+|just\s+|quickly\s+)?|i\s+need\s+you\s+to\s+)?`;
/** What code is made of: a task must name one ("fix my roadmap" or "create a roadmap for my project" is no code). */
const CODE_NOUN = String.raw`(?:code|codebase|sql|query|queries|function|functions|script|scripts|program|bug|bugs|api|apis|schema|schemas|endpoint|endpoints|database|db|regex|class|method|loop|unit\s+tests?|tests?|dockerfile|config|server|backend|back-end|microservices?|data\s+model|tables?|app|application)\b`;
/** An error message as quoted: a code or a word of failing inside the quotes ("419 Page Expired", "EADDRINUSE"), not a phrase an article says. */
const QUOTED_ERROR = String.raw`["“][^"”]{0,60}?(?:\d|error|exception|failed|failure|denied|refused|expired|not\s+found|undefined|null|invalid|cannot|can't|unable|timeout|timed\s+out|fatal|traceback|eaddrinuse|econnrefused|enoent|eacces)[^"”]{0,60}["”]`;
const CODE_TASK = new RegExp(
  [
    String.raw`${TASK_START}(?:write|implement|code|generate)\s+(?:me\s+|us\s+)?(?:a|an|the|some|my)?\s*(?:[\w+#.-]+\s+){0,4}?(?:function|script|program|query|class|method|regex|snippet|endpoint|algorithm|loop|unit\s+tests?)\b`,
    // An API, a schema: one piece of work, for the asker ("can you write APIs in Python?" asks what is done).
    String.raw`${TASK_START}(?:write|implement|code|generate|build)\s+(?:me\s+|us\s+)?(?:a|an|the|my)\s+(?:[\w+#.-]+\s+){0,4}?(?:(?:rest\s+)?api|crud\s+app|schema|resolvers?|jenkinsfile|dockerfile)\b`,
    String.raw`${TASK_START}(?:fix|debug|refactor|optimi[sz]e|rewrite|correct|speed\s+up)\s+(?:my|this|these|the\s+following|our)\s+(?:[\w-]+\s+){0,2}?${CODE_NOUN}`,
    String.raw`${TASK_START}(?:design|build|create|make|set\s+up|architect|structure)\s+(?:me\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?${CODE_NOUN}[^?!.]{0,40}?\bfor\s+(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:app|application|website|site|project|startup|store|shop|business|company|client|saas)\b`,
    String.raw`(?<!\b(?:guide|article|articles|spotlight|indeed|karma|profile|piece|friend|teacher|mentor|dad|mom|mum|cousin|boss|he|she|they|everyone|people)\s+)\b(?:says|said|shows|showed|gives|gave|returns|returned|throws|threw|prints|printed|fails\s+with|failing\s+with|failed\s+with|crashes\s+with|errors?\s+(?:out\s+)?with)\s*:?\s*${QUOTED_ERROR}`,
  ].join('|'),
  'i',
);

/**
 * Named rule "a sentence of background": "I'm a nurse thinking about switching. Do two-year
 * schools offer anything shorter?", "Quick context, I'm a barista who codes on weekends. Does the
 * job-board article treat a portfolio as a must?" A sentence that only says who asks ("I'm a",
 * "I work as", "as a": it asks nothing), before the one that asks, holds the asker's life, not the
 * question: a profession there marks nothing. Not where the asker is going ("I'm thinking of
 * becoming a nurse instead."), nor when the question points at people ("I'm a nurse. How much do
 * they make?"), nor when it is said again there ("... How much do nurses make?"). Someone else's
 * job told the same way ("my dad is an electrician and says coding is a fad, is backend in
 * demand?") is background too.
 */
const FIRST_PERSON = /^(?:(?:ok(?:ay)?|so|hi|hey|well|quick context|some context|context|background|fyi)[\s,:!-]+)*(?:i'?m|i am|i work as|i worked as|i've been|ive been|i was|as an?)\b/;
/** A sentence with the profession as where the asker is going, not where they come from. */
const GOING_TO = /\b(?:becom\w*|instead|want to be|wanna be|train(?:ing)? (?:as|to be)|study(?:ing)? to be|switch(?:ing)? to|move into)\b/;
/** A question pointing at people ("how much do they make?"): the profession before may be whom it asks of. */
const POINTS_AT_PEOPLE = /\b(?:they|them|their|she|he|her|his)\b/;
/** What a sentence that asks opens with, when it has no question mark ("can I ...", "what should ..."). */
const ASKS = /^(?:what|whats|hows|which|who|whom|whose|where|when|why|how|is|are|do|does|did|can|could|should|would|will|may|might)\b/;
/** Where each sentence of a text starts and ends. */
const SENTENCE = /[^.!?;\n]+[.!?;\n]*/g;

/**
 * Named rule "a place, a company or a technology in the story": "I work at Amazon in the warehouse
 * and I'm tired of it. How long does it take to become a backend developer?", "I live in Texas.
 * Do backend developers need a degree?", "Last year I tried learning Rust and gave up. Which
 * language should I learn first?" A first-person sentence before the question tells the asker's
 * life; the name there marks nothing. Still marked when a later sentence points back at it ("do
 * they pay well there?", "is it used for backend?", "either?") or asks pay, the outlook or jobs (in
 * Texas or at Amazon, what the articles give only in part); when the story sentence says where the
 * asker is going or what they are choosing ("I'm learning Rust", "I'm thinking about Elixir", "I
 * have an offer from Amazon"); and when the question names it again. ("Does it take" points at
 * nothing.)
 */
const STORY_KINDS: readonly Outside[] = ['company', 'place', 'tech'];
/** A sentence told in the first person: its subject, in its first few words, is the asker. */
const TOLD = /^(?:[\w',-]+\s+){0,3}?(?:i|i'm|im|i've|ive|i'd|my)\b/;
/** A later sentence pointing back at something named before it, or asking pay, the outlook or jobs. */
const POINTS_BACK_OR_PAY = /\bit\b(?!\s+(?:take|takes|took))|\b(?:its|either|between|there|they|them|those|these|he|she|pay|pays|paid|salary|salaries|make|makes|earn|earns|money|wage|wages|outlook|demand|jobs?|market|hiring|hire)\b|\$/;
/** A story sentence about where the asker is going, or choosing: the name there is what is asked. */
const STORY_GOING = /\b(?:want|wanna|going to|gonna|plan|planning|thinking (?:about|of)|considering|choosing|deciding|(?:i'm|im|i am) learning|offer|moving|move to|apply(?:ing)? (?:to|at))\b/;

/**
 * The sentences of a text, where it starts and ends, a comma before a question's opening word
 * ending one too: "my dad is an electrician and says coding is a fad, is backend development in
 * demand?" is a story, then a question.
 */
function clauses(text: string): { at: number; text: string }[] {
  return [...text.matchAll(SENTENCE)].flatMap((m) => {
    const parts: { at: number; text: string }[] = [];
    let from = 0;
    for (const c of m[0].matchAll(QUESTION_AFTER_COMMA)) {
      parts.push({ at: m.index + from, text: m[0].slice(from, c.index + 1) });
      from = c.index + 1;
    }
    parts.push({ at: m.index + from, text: m[0].slice(from) });
    return parts;
  });
}
/** A comma and a question's opening word after it. */
const QUESTION_AFTER_COMMA = /,(?=\s+(?:so\s+)?(?:what|whats|which|who|where|when|why|how|is|are|do|does|can|could|should|would|will)\b)/g;

/** The stretches of `text` that are a story's first-person sentences (see "a place, a company or a technology in the story"). */
function storySpans(text: string): [number, number][] {
  return spansBefore(text, (x) => TOLD.test(x.trim()) && !STORY_GOING.test(x), POINTS_BACK_OR_PAY);
}

/**
 * Where the sentences of `text` are that `told` accepts, that ask nothing, come before one that
 * asks, and have no later sentence `heldBy` finds (pointing back at them): the shape shared by
 * "a sentence of background" and "a place, a company or a technology in the story".
 */
function spansBefore(text: string, told: (sentence: string) => boolean, heldBy: RegExp): [number, number][] {
  const sentences = clauses(text);
  const asks = sentences.map((x) => x.text.includes('?') || ASKS.test(x.text.trim()));
  const story = (x: { text: string }, i: number) => !asks[i] && told(x.text) && asks.slice(i + 1).some(Boolean) && !sentences.slice(i + 1).some((later) => heldBy.test(later.text));
  return sentences.flatMap((x, i) => (story(x, i) ? [[x.at, x.at + x.text.length] as [number, number]] : []));
}

/** The stretches of `text` that are sentences of background (see "a sentence of background"). */
function backgroundSpans(text: string): [number, number][] {
  return spansBefore(text, (x) => (FIRST_PERSON.test(x.trim()) || TOLD.test(x.trim())) && !GOING_TO.test(x), POINTS_AT_PEOPLE);
}

/** The preposition and article of WITH_COLLEAGUES, cut to see who does the working. */
const WITH_TAIL = /\s*(?:with|to|alongside)(?: (?:the|other|a|an|some|many|lots of|their|our))? *$/;
/** The people the articles say back-end developers work with (the guide: designers, project managers). */
const COLLEAGUES: ReadonlySet<string> = new Set(['designer', 'designers', 'ux designer', 'ux designers', 'graphic designer', 'project manager', 'project managers', 'product manager', 'product managers', 'ui/ux']);
/**
 * Named rule "colleagues": a profession back-end developers work with ("do backend devs talk to
 * designers and PMs?", "do they work with project managers?") is no question about that profession.
 */
const WITH_COLLEAGUES = /\b(?:talk|speak|work|communicate|collaborate|coordinate|interact|deal|liaise|cooperate|meet|team up)(?:s|es|ing|ed)? (?:with|to|alongside)(?: (?:the|other|a|an|some|many|lots of|their|our))? *$/;

/**
 * Named rule "who is behind a source": who owns or runs Indeed, Career Karma, a course site... The
 * articles say nothing of it (their own dates they do give: see the lexicon's "published").
 */
const SOURCE_OWNER = /\bwho (?:owns|own|runs|run|operates|is behind|are behind|publishes)\s+(?:the\s+)?(?:indeed|career karma|ck|payscale|glassdoor|monster|ziprecruiter|linkedin|udemy|coursera|udacity|edx|general assembly|tech elevator|betamore)(?:\s+(?:site|website|company))?\s*[?!.]*\s*$/i;

/** Words that ask about the future: "what will pay be", "is it going to", "predicted". */
const FUTURE = /\b(?:will|gonna|going to|predict(?:ed|ion|s)?|forecast|by the year|in the future)\b/i;

/**
 * The rules whose reading the outside markers need even as typed: an article described rather
 * than named ("the bootcamp-matching site"), and a school's teachers (its faculty, no profession).
 */
const DESCRIBED = RULES.filter((r) => r.name.endsWith('-described') || r.name === 'school-teachers');

/** Terms that ask for a figure without saying of what (see "a level's figure"). */
const FIGURE_TERMS: ReadonlySet<string> = new Set(['figure', 'number', 'amount', 'bracket', 'band', 'sum']);

/**
 * The outside kinds a sentence of background can hold without marking the question: a profession
 * (who asks). Not chat words: "My mortgage is due. Should I pay it off first?" asks of the mortgage.
 */
const BACKGROUND_KINDS: readonly Outside[] = ['profession'];

/** The outside kinds that are names, where a corrected word marks the question (see "a misspelt name"). */
const CORRECTED_OUTSIDE: readonly Outside[] = ['company', 'profession', 'place'];

/** A message with this many words that are not stop words tells a story around its question (see "everyday words of a story"). */
const STORY_WORDS = 16;

/** Fuzzy correction is only tried on words this long; shorter ones mis-correct too easily. */
const MIN_CORRECTABLE = 5;

/** Longer "words" are not typos of anything the articles use (and would cost time to look up). */
const MAX_CORRECTABLE = 30;

/** Words this long may have two slips corrected; shorter ones one. */
const LONG_WORD = 9;

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as the lexicon keys it: spaces and hyphens between its words are one space. */
const phraseKey = (s: string) => fold(s).trim().replace(/[\s-]+/g, ' ');

/**
 * Many phrases, longest first, matched on whole words only. A phrase in `plurals` also matches
 * with -s or -es on its last word ("electricians" is still a profession; only professions, so
 * "exceptions" in a question about APIs is not asking to debug code).
 *
 * One regex per first character, tried only where a word starts: one alternation of every phrase
 * grew past what V8 compiles to native code (about a thousand phrases), and its bytecode
 * interpreter made building the index five times slower. At a given place only phrases starting
 * with that character can match, so this finds what the single alternation found.
 */
class PhraseMatcher {
  private readonly byFirst = new Map<string, RegExp>();

  constructor(phrases: string[], plurals: ReadonlySet<string>) {
    const sorted = [...new Set(phrases)].filter(Boolean).sort((a, b) => b.length - a.length);
    const groups = new Map<string, string[]>();
    for (const p of sorted) {
      const first = String.fromCodePoint(p.codePointAt(0)!);
      const pattern = p.split(' ').map(escape).join('[\\s-]+') + (plurals.has(p) && /[\p{L}]$/u.test(p) ? '(?:e?s)?' : '');
      const list = groups.get(first);
      if (list) list.push(pattern);
      else groups.set(first, [pattern]);
    }
    for (const [first, patterns] of groups) this.byFirst.set(first, new RegExp(`(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'uy'));
  }

  /** Each match in order, left to right, none overlapping (as a global regex's matchAll). */
  *matches(text: string): Generator<{ index: number; text: string }> {
    let i = 0;
    while (i < text.length) {
      const code = text.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      const re = this.byFirst.get(char);
      // Whole words only: nothing of a word just before (a character before may take two units).
      if (re && !/[\p{L}\p{N}]$/u.test(text.slice(Math.max(0, i - 2), i))) {
        re.lastIndex = i;
        const m = re.exec(text);
        if (m && m[0].length) {
          yield { index: i, text: m[0] };
          i += m[0].length;
          continue;
        }
      }
      i += char.length;
    }
  }

  replace(text: string, to: (matched: string) => string): string {
    let out = '';
    let last = 0;
    for (const m of this.matches(text)) {
      out += text.slice(last, m.index) + to(m.text);
      last = m.index + m.text.length;
    }
    return last ? out + text.slice(last) : text;
  }
}

function phraseMatcher(phrases: string[], plurals: ReadonlySet<string> = new Set()): PhraseMatcher | null {
  return phrases.length ? new PhraseMatcher(phrases, plurals) : null;
}

export class Analyzer {
  /** Single words -> their concept term ("comp" -> salary). */
  private readonly wordMap = new Map<string, string>();
  /** Phrases of several words or with symbols ("ui folks", "c++") -> their concept term. */
  private readonly phraseMap = new Map<string, string>();
  private readonly phrases: PhraseMatcher | null;
  private readonly conceptTerms: Set<string>;
  private readonly outsideMap = new Map<string, Outside>();
  private readonly outsideMatch: PhraseMatcher | null;
  private vocabulary = new Set<string>();
  /** Spelling index (symmetric deletes): each known word under itself with one or two letters left out. */
  private deletes = new Map<string, string[]>();
  private readonly corrections = new Map<string, string | null>();
  private spellingReady = false;
  /** The same index over the longer stop words, for isStopTypo. */
  private stopDeletes: Map<string, string[]> | undefined;

  /** Words spelt right, once read (see `common` in the constructor). */
  private commonWords: ReadonlySet<string> | undefined;
  private plainWords: ReadonlySet<string> | undefined;

  /**
   * `common`: words spelt right (common English), never corrected into a knowledge-base word; a
   * function is called the first time a word needs correcting, so a question spelt right (most
   * one-shot commands) never reads the word lists.
   */
  constructor(
    lexicon: readonly LexiconEntry[],
    private readonly common: ReadonlySet<string> | (() => ReadonlySet<string>) = new Set(),
    /** The everyday words among them (see "everyday words of a story"), read when first needed too. */
    private readonly plain: ReadonlySet<string> | (() => ReadonlySet<string>) = new Set(),
  ) {
    const outsidePhrases: string[] = [];
    for (const entry of lexicon) {
      for (const said of entry.says) {
        const key = phraseKey(said);
        if (entry.outside) {
          this.outsideMap.set(key, entry.outside);
          outsidePhrases.push(key);
        } else if (/^[\p{L}\p{N}]+$/u.test(key)) this.wordMap.set(key, entry.means!);
        else this.phraseMap.set(key, entry.means!);
      }
    }
    this.conceptTerms = new Set(lexicon.flatMap((e) => (e.means ? [e.means] : [])));
    this.phrases = phraseMatcher([...this.phraseMap.keys()]);
    this.outsideMatch = phraseMatcher(outsidePhrases, new Set(outsidePhrases.filter((p) => this.outsideMap.get(p) === 'profession')));
  }

  /** What an outside word of an analysis marked ("security guard": a profession). */
  outsideKind(word: string): Outside | undefined {
    return this.outsideMap.get(word);
  }

  /** The concept terms the lexicon maps to: every one must lead to an entry (a test checks). */
  get concepts(): Set<string> {
    return new Set(this.conceptTerms);
  }

  /** Words correction may aim at: every term the entries use, and every word the lexicon knows. */
  /** The last year the articles name (see setVocabulary). */
  private lastYear = THIS_YEAR;

  setVocabulary(vocabulary: Set<string>): void {
    this.vocabulary = vocabulary;
    // The last year the articles name (their projection's, 2030): later ones are a prediction.
    this.lastYear = Math.max(THIS_YEAR, ...[...vocabulary].filter((w) => YEAR.test(w)).map(Number));
    this.deletes.clear();
    this.corrections.clear();
    this.spellingReady = false;
  }

  /**
   * The spelling index, built the first time a word needs correcting: a question spelt right (and
   * a one-shot `devpath` command that asks none) never pays for it.
   */
  private buildSpelling(): void {
    this.spellingReady = true;
    const words = [...new Set([...this.vocabulary, ...this.wordMap.keys()])].filter((word) => word.length >= MIN_CORRECTABLE - 1 && !/\d/.test(word));
    // A query of LONG_WORD letters may have two slips, so may a known word two shorter.
    this.deletes = deletesIndex(words, (word) => (word.length >= LONG_WORD - 2 ? 2 : 1));
  }

  /** A word -> its canonical term: the lexicon first, then its stem, then the lexicon on the stem. */
  canonical(word: string): string {
    const direct = this.wordMap.get(word);
    if (direct) return direct;
    // A concept's own term stays as it is ("nodejs" must not become "nodej").
    if (this.conceptTerms.has(word)) return word;
    const stemmed = stem(word);
    return this.wordMap.get(stemmed) ?? stemmed;
  }

  /**
   * The terms of an entry's text (no correction: entries are spelt right). A word the lexicon maps
   * to a broader concept keeps its own term too ("AWS" is cloud, and still AWS), so an entry
   * about AWS is told apart from one about Azure.
   */
  terms(text: string): string[] {
    return this.words(text).flatMap((w) => this.termsOf(w, () => true));
  }

  /** A word's terms: its concept, and the word itself when it is a name worth keeping. */
  private termsOf(word: string, keep: (own: string) => boolean): string[] {
    const term = this.canonical(word);
    if (STOP_WORDS.has(term)) return [];
    const own = stem(word);
    return own !== term && !STOP_WORDS.has(own) && this.wordMap.has(word) && keep(own) ? [own, term] : [term];
  }

  /** Words after the rules and the lexicon's phrases, stop words removed. */
  private words(text: string): string[] {
    return this.wordsOfRead(applyRules(fold(text)));
  }

  /** The same, of a text the rules have already read. */
  private wordsOfRead(read: string): string[] {
    const t = this.phrases ? this.phrases.replace(read, (m) => ` ${this.phraseMap.get(phraseKey(m)) ?? m} `) : read;
    return split(t).filter((w) => !STOP_WORDS.has(w));
  }

  /** A question -> its analysis. Long pastes are cut: the first words carry the question. */
  analyse(question: string): Analysis {
    const text = question.slice(0, 500);
    const outside = new Set<Outside>();
    const outsideWords: string[] = [];
    // The rules read the question once, for the outside markers and for its words.
    const folded = fold(text);
    const read = applyRules(folded);
    // As typed, and as the rules read it ("is go used": Go the language, "golang"). As typed
    // less the articles described ("the guide recommending the Facebook parent's credential"):
    // the company there names a source, not an employer.
    const typed = applyRules(folded, DESCRIBED);
    if (this.outsideMatch) {
      let colleagues = -1;
      for (const [m, source] of [...[...this.outsideMatch.matches(typed)].map((x) => [x, typed] as const), ...(read === typed ? [] : [...this.outsideMatch.matches(read)].map((x) => [x, read] as const))]) {
        const key = this.outsideKey(phraseKey(m.text));
        if (outsideWords.includes(key)) continue;
        // One of the people back-end developers work with, or the next on that list ("designers
        // and PMs"): not "I work with nurses" (a career changer's background), nor a lawyer.
        const before = source.slice(Math.max(0, m.index - 40), m.index);
        const colleague = source === typed && COLLEAGUES.has(key) && ((WITH_COLLEAGUES.test(before) && !/\b(?:i|i'm|im)\s+(?:\w+\s+)?\w+$/.test(before.replace(WITH_TAIL, ''))) || (colleagues >= 0 && /^\s*(?:,|and|n|&|or|\/)?\s*(?:other\s+)?$/.test(source.slice(colleagues, m.index))));
        if (colleague) {
          colleagues = m.index + m.text.length;
          continue;
        }
        outside.add(this.outsideMap.get(key)!);
        outsideWords.push(key);
      }
    }
    const background = this.inBackground(typed, outside, outsideWords);
    const out: string[] = [];
    const unknown: string[] = [];
    const groups: string[][] = [];
    const words = this.wordsOfRead(read);
    for (const word of words.slice(0, 40)) {
      // "Still worth it in 2025?": a year the articles never name, up to this one, says when, not
      // what. A later one ("salaries in 2028") asks a prediction, and still counts against the entries.
      if (YEAR.test(word) && !this.vocabulary.has(word) && Number(word) <= THIS_YEAR) continue;
      // "Do they make 200k?": a sum the articles never give says which figure is meant (the
      // money-figure rule reads it as pay, or not beside a price); unknown, it had counted
      // against every entry.
      if (SUM.test(word) && !this.vocabulary.has(word)) continue;
      // A lexicon word keeps its own term only where the entries use it ("aws"; not "comp").
      const group: string[] = [];
      for (const term of this.termsOf(word, (own) => this.vocabulary.has(own))) {
        // "ctos", "apis": a plural the stemmer leaves whole (short, an acronym) is its singular.
        const singular = /^[a-z0-9]{2,6}s$/.test(word) && this.vocabulary.has(word.slice(0, -1)) ? word.slice(0, -1) : undefined;
        // "languges": a plural typed wrong is one slip from its singular's stem ("languge"), two from "language".
        const known = this.vocabulary.has(term) ? term : (singular ?? this.correct(word) ?? (term !== word ? this.correct(term) : null));
        if (!known && this.isStopTypo(word)) continue;
        // Named rule "everyday words of a story": in a long message ("OK so my cousin got a job
        // right out of a bootcamp ..."), an everyday word no entry uses is the story's, not the
        // subject's; it had counted against every entry. Not a name ("istanbul"), nor in a short
        // line, where each word is the question.
        if (!known && words.length >= STORY_WORDS && this.everyday().has(word)) continue;
        if (known && known !== term) this.markCorrected(word, known, outside, outsideWords);
        if (known) out.push(known), group.push(known);
        else unknown.push(term), group.push(term);
      }
      if (group.length) groups.push(group);
    }
    // A background word's own terms go too, once each ("nurse"): they say who asks, not what.
    for (const t of background.flatMap((w) => this.terms(w))) {
      const at = out.indexOf(t);
      if (at >= 0) out.splice(at, 1);
      const g = groups.findIndex((group) => group.includes(t));
      if (g >= 0) groups.splice(g, 1);
    }
    // "The source with the $132K median: what do new people start at?" asks the entry level: a
    // named level wins over "average" or "median", which often only say which figure is meant.
    // A question naming two levels or more ("in the 0-1, 1-3, 4-6, 7-9 breakdown, what do 7-9
    // get?", "entry vs senior") is answered with every level, each on its line: none is picked.
    const named = new Set(out.flatMap((t) => (LEVEL_TERMS[t] && LEVEL_TERMS[t] !== 'overall' ? [LEVEL_TERMS[t]] : [])));
    // So is one that compares a level with the median ("top earners versus the median").
    const versusMedian = named.size === 1 && out.includes('comparison') && out.some((t) => LEVEL_TERMS[t] === 'overall');
    const levelTerm = named.size > 1 || versusMedian ? undefined : (out.find((t) => LEVEL_TERMS[t] && LEVEL_TERMS[t] !== 'overall') ?? out.find((t) => LEVEL_TERMS[t]));
    // Named rule "a prediction": "what will salaries be in 2030?", "will devs be needed in 2035?"
    // ask what the articles do not say. They project only job growth, to 2030; pay in a later year,
    // or anything in a year past theirs, is a guess the bot will not make.
    const future = FUTURE.test(text) ? words.filter((w) => YEAR.test(w) && Number(w) > THIS_YEAR) : [];
    // So is pay going up or down "next year", "in the coming years": the articles give today's
    // figures only. ("What will I make in five years?" asks the figure five years in.)
    // Not one's own pay ("how much will my salary grow in the next five years?"): the figures by years on the job answer that.
    // So is pay "next year" at all ("what will backend pay be next year?"), and the market crashing
    // or booming next year ("will the job market crash next year?"): the outlook is growth to 2030.
    const ahead = FUTURE.test(text) && !OWN.test(text);
    const priced = (out.includes('salary') || out.includes('cost')) && !out.includes('outlook');
    const later: string[] = ahead && priced ? [...(text.match(CHANGE.test(text) ? LATER : NEXT_YEARS) ?? [])] : ahead && MARKET_TURN.test(text) ? [...(text.match(LATER) ?? [])] : [];
    // With no time said, a turn of the market is still where it is going ("will the job market
    // recover?"). Not pay going up: "will salaries go up with experience?" is the figures by years.
    const turn = ahead && !later.length && !priced && MARKET_SUBJECT.test(text) ? text.match(MARKET_TURN) : null;
    if (turn) later.push(turn[0]);
    // Pay going up or down this year or a later one ("will backend salaries go up in 2026?"): the
    // articles' figures say what pay is, not where it is going.
    if (ahead && out.includes('salary') && !out.includes('outlook') && CHANGE.test(text)) later.push(...words.filter((w) => YEAR.test(w) && Number(w) >= THIS_YEAR && !future.includes(w)));
    const guessed = [...future.filter((y) => !this.vocabulary.has(y) || (out.includes('salary') && !out.includes('outlook'))), ...later];
    // "And for 2040?" after the outlook: a year past the articles' own (2030), asked alone.
    // So is the outlook for a year past its own ("job outlook for backend developers in 2035").
    const farYear = !future.length && (out.length <= 1 || out.includes('outlook')) ? words.filter((w) => YEAR.test(w) && Number(w) > this.lastYear) : [];
    guessed.push(...farYear);
    if (guessed.length) outside.add('future'), outsideWords.push(...guessed);
    const employed = text.match(EMPLOYED)?.[0];
    if (employed) outside.add('company'), outsideWords.push(employed.toLowerCase());
    // Named rule "a company's thing": "Microsoft's .NET", "Microsoft's typed superset of JavaScript",
    // "Facebook's parent company" name a thing by its maker, which is no question about the company.
    else this.ownedBy(folded, outside, outsideWords);
    // Not the articles' own dates ("when did the indeed article come out?").
    const trivia = text.match(TRIVIA)?.[0];
    if (trivia && !OWN_DATES.test(trivia)) outside.add('chat'), outsideWords.push(trivia.toLowerCase());
    const task = text.match(CODE_TASK)?.[0];
    if (task) outside.add('code-help'), outsideWords.push(task.trim().toLowerCase());
    const remote = out.includes('salary') ? undefined : text.match(REMOTE_WORK)?.[0];
    if (remote) outside.add('chat'), outsideWords.push(remote.toLowerCase());
    const owner = text.match(SOURCE_OWNER)?.[0];
    if (owner) outside.add('chat'), outsideWords.push(owner.toLowerCase());
    const analysis: Analysis = { raw: text, terms: out, unknown, groups, outside: [...outside], outsideWords };
    if (levelTerm) analysis.level = LEVEL_TERMS[levelTerm]!;
    // Named rule "a level's figure": "what's the number for folks four to six years in?", "what
    // figure is given for the 7-9 bracket?" ask pay, though no word of pay is in them.
    if (named.size && !out.includes('salary') && out.some((t) => FIGURE_TERMS.has(t))) out.push('salary'), groups.push(['salary']);
    return analysis;
  }

  /** Takes out each company named only as the maker of a thing ("microsoft's .net"), and the company mark with the last. */
  private ownedBy(folded: string, outside: Set<Outside>, outsideWords: string[]): void {
    if (!outside.has('company')) return;
    const makers = outsideWords.filter((w) => this.outsideMap.get(w) === 'company' && new RegExp(String.raw`(?<![a-z0-9])${escape(w)}'s\s+(?![\w\s-]{0,25}?\b(?:pay|salary|salaries|wages?|compensation|hiring|hires|interviews?|culture|employees|engineers|developers|devs|sde|offers?|jobs?|internships?|office|offices|team|teams)\b)`).test(folded));
    if (!makers.length) return;
    outsideWords.splice(0, outsideWords.length, ...outsideWords.filter((w) => !makers.includes(w)));
    if (!outsideWords.some((w) => this.outsideMap.get(w) === 'company')) outside.delete('company');
  }

  /**
   * Named rule "a misspelt name": a word corrected to a company, a profession or a place the
   * articles never cover ("googel" is Google, "nurce" a nurse) marks the question as the
   * name typed right would. The phrase matcher reads only what was typed; the correction comes later.
   */
  private markCorrected(word: string, known: string, outside: Set<Outside>, outsideWords: string[]): void {
    const kind = this.outsideMap.get(known);
    if (!kind || !CORRECTED_OUTSIDE.includes(kind) || outsideWords.includes(known)) return;
    // The name with an ending is a word of its own ("googling", "googled"): no slip in the name.
    if (word.startsWith(known) || known.startsWith(word.replace(/(?:ing|ed|es|s|er|ers)$/, ''))) return;
    outside.add(kind);
    outsideWords.push(known);
  }

  /**
   * The professions said only in sentences of background (see "a sentence of background"): taken
   * off the outside markers, and returned so that their terms go too.
   */
  private inBackground(typed: string, outside: Set<Outside>, outsideWords: string[]): string[] {
    const who = backgroundSpans(typed);
    const story = storySpans(typed);
    if (!who.length && !story.length) return [];
    const background = outsideWords.filter((w) => {
      const kind = this.outsideMap.get(w)!;
      const spans = BACKGROUND_KINDS.includes(kind) ? who : STORY_KINDS.includes(kind) ? story : [];
      if (!spans.length) return false;
      const at = [...typed.matchAll(new RegExp(String.raw`(?<![a-z0-9])${escape(w)}(?:e?s)?(?![a-z0-9])`, 'g'))].map((m) => m.index);
      return at.length > 0 && at.every((i) => spans.some(([from, to]) => i >= from && i < to));
    });
    if (!background.length) return [];
    outsideWords.splice(0, outsideWords.length, ...outsideWords.filter((w) => !background.includes(w)));
    outside.clear();
    for (const w of outsideWords) outside.add(this.outsideMap.get(w)!);
    return background;
  }

  /** The outside phrase a match is, its plural ending taken off when the phrase itself has none. */
  private outsideKey(matched: string): string {
    if (this.outsideMap.has(matched)) return matched;
    const singular = [matched.replace(/es$/, ''), matched.replace(/s$/, '')].find((k) => this.outsideMap.has(k));
    return singular ?? matched;
  }

  /**
   * A slip in a word that carries no topic ("shoud", "wich", "whta"): dropped like the word meant,
   * rather than counted as a word no entry knows (which reads as a question about something else).
   */
  private isStopTypo(word: string): boolean {
    if (word.length < 4 || word.length > 8 || /\d/.test(word)) return false;
    const common = this.spelledRight();
    if (common.has(word)) return false;
    // Only real words ("which", "should"), not the slang the stop list also holds ("yall",
    // "smth"), which a technical word is one letter from ("yaml", "smtp").
    this.stopDeletes ??= deletesIndex([...STOP_WORDS].filter((stop) => stop.length >= 4 && common.has(stop)), () => 1);
    return nearest(word, this.stopDeletes, 1) !== undefined;
  }

  /** The everyday English words, read the first time they are needed. */
  private everyday(): ReadonlySet<string> {
    return (this.plainWords ??= typeof this.plain === 'function' ? this.plain() : this.plain);
  }

  /** The common English words, read the first time they are needed. */
  private spelledRight(): ReadonlySet<string> {
    return (this.commonWords ??= typeof this.common === 'function' ? this.common() : this.common);
  }

  /**
   * A word the index has never seen -> its closest known word, if it is a typo of one: one slip in
   * a word ("salery", "senoir"), two in a long one ("certifcatoins"); "keyboard" is not "keyword".
   * Candidates come from the symmetric-delete index (a word and a typo of it share a form with a
   * letter or two left out), checked with the edit distance: a lookup, not a scan of the vocabulary.
   */
  private correct(word: string): string | null {
    const short = word.length === MIN_CORRECTABLE - 1;
    if ((word.length < MIN_CORRECTABLE && !short) || word.length > MAX_CORRECTABLE || /\d/.test(word)) return null;
    if (this.spelledRight().has(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    if (!this.spellingReady) this.buildSpelling();
    if (short) return this.remember(word, this.restored(word));
    return this.remember(word, nearest(word, this.deletes, word.length >= LONG_WORD ? 2 : 1));
  }

  /**
   * A four-letter word is corrected only by putting back one dropped letter, and only when one
   * known word fits ("lern" is learn); any other slip in so short a word is too often another word.
   */
  private restored(word: string): string | undefined {
    const fits = (this.deletes.get(word) ?? []).filter((w) => w.length === word.length + 1 && w[0] === word[0]);
    return fits.length === 1 ? fits[0] : undefined;
  }

  private remember(word: string, corrected: string | undefined): string | null {
    const fixed = corrected ? this.canonical(corrected) : null;
    const known = fixed && this.vocabulary.has(fixed) ? fixed : null;
    if (this.corrections.size < 10_000) this.corrections.set(word, known);
    return known;
  }
}

/**
 * The closest word in a symmetric-delete index within `allowed` slips (see Analyzer.correct): the
 * fewest slips, then the preferred (same first letter, closer length, first alphabetically).
 */
function nearest(word: string, index: ReadonlyMap<string, string[]>, allowed: number): string | undefined {
  let best: { word: string; slips: number } | undefined;
  for (const variant of deletesOf(word, allowed)) {
    for (const candidate of index.get(variant) ?? []) {
      if (best?.word === candidate) continue;
      const slips = editDistance(word, candidate);
      if (slips > allowed) continue;
      if (!best || slips < best.slips || (slips === best.slips && preferred(word, candidate, best.word))) best = { word: candidate, slips };
    }
  }
  return best?.word;
}

/** Each word under itself with up to `depth(word)` letters left out: the lookup `nearest` uses. */
function deletesIndex(words: Iterable<string>, depth: (word: string) => number): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of words) {
    for (const variant of deletesOf(word, depth(word))) {
      const list = index.get(variant);
      if (list) list.push(word);
      else index.set(variant, [word]);
    }
  }
  return index;
}

/** A word and every form of it with up to `depth` letters left out. */
function deletesOf(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Between two candidates as close: the same first letter, then the closer length, then the first alphabetically. */
function preferred(word: string, a: string, b: string): boolean {
  const first = Number(b[0] === word[0]) - Number(a[0] === word[0]);
  if (first) return first < 0;
  const length = Math.abs(a.length - word.length) - Math.abs(b.length - word.length);
  if (length) return length < 0;
  return a < b;
}

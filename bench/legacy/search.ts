// The search as it was before the ranking pipeline (commit d071de9), kept only so `npm run bench`
// can print the old search beside the new one on the same sets: its ask() alone (names and
// autocomplete did not change). Not used by the bot.
// The search: built once at start, then pure lookups.
//
// Two tools, each where it is strong (measured in bench/search.ts):
// - fuse.js for short strings: correcting a misspelt word against the index's vocabulary, and
//   resolving command arguments (role names, steps) with "did you mean".
// - MiniSearch (BM25) for ranking whole questions over the normalised terms, with cue words in
//   the question ("how much", "how long", "degree") steering it to the right kind of entry.
// A question is answered only when enough of its terms are matched by the best entry; otherwise
// the caller says it does not know and offers the closest topics.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Knowledge, SalaryLevel } from '../../src/knowledge/schema.js';
import { buildDocuments, type Doc, type Kind } from '../../src/search/documents.js';
import { canonical, KNOWN_WORDS, questionTerms, terms } from './normalize.js';

export type { Doc, Kind } from '../../src/search/documents.js';

export type Intent = 'salary' | 'paycomparison' | 'outlook' | 'duration' | 'degree' | 'certification' | 'interview' | 'step' | 'role';

/** Cue terms (after normalisation) and the kind of entry each steers to. */
const CUES: Record<Intent, { terms: string[]; kinds: Partial<Record<Kind, number>> }> = {
  salary: { terms: ['salary'], kinds: { salary: 4 } },
  // "Do backend devs earn more than frontend devs?" compares pay: the FAQ that compares it, not one role's figures.
  paycomparison: { terms: [], kinds: { question: 4 } },
  outlook: { terms: ['outlook'], kinds: { outlook: 4 } },
  duration: { terms: ['duration'], kinds: { question: 1.5, learning: 1.3 } },
  degree: { terms: ['degree', 'computerscience'], kinds: { learning: 1.5, question: 1.3 } },
  certification: { terms: ['certification'], kinds: { learning: 1.8 } },
  interview: { terms: ['interview'], kinds: { question: 1.5 } },
  step: { terms: ['step'], kinds: { step: 1.5 } },
  role: { terms: ['role'], kinds: { role: 1.5 } },
};

const LEVEL_TERMS: Record<string, SalaryLevel> = {
  entry: 'entry',
  new: 'entry',
  early: 'early',
  mid: 'mid',
  experienced: 'experienced',
  average: 'overall',
  median: 'overall',
};

/** Terms so common in this domain that matching them alone says little about the question. */
const GENERIC = new Set(['become', 'professional', 'job', 'work', 'career', 'good', 'best', 'new', 'year', 'time', 'web', 'learn', 'thing', 'role', 'question']);

/** A plain question is usually a question: the FAQ's focused answer beats a long card on a tie. */
const PRIOR: Partial<Record<Kind, number>> = { question: 1.1 };
/** Pay and outlook entries only answer when the question asks about pay or the outlook. */
const UNASKED = 0.4;
/** An entry whose whole title the question names gets up to 1 + this: all when the title is the whole question. */
const TITLE_WEIGHT = 2;
/** A title word found in more than this share of entries ("backend", "developer") names none of them. */
const NAMING_SHARE = 0.5;

/** Words that ask for the step after the one named: "what comes after databases?" */
const NEXT_CUES = new Set(['after', 'next']);

/** The best entry must match more than this share of a question's weight to count as an answer. */
export const MIN_COVERAGE = 0.5;
/** ...or match at least this many distinctive terms and this share (see ask()). */
const MIN_DISTINCTIVE = 3;
const MIN_COVERAGE_DISTINCTIVE = 0.25;

export interface Hit {
  doc: Doc;
  score: number;
  /** The question's terms this entry matched. */
  matched: string[];
}

export interface Answer {
  /** The question's terms after normalisation and spelling correction. */
  terms: string[];
  intents: Intent[];
  level?: SalaryLevel;
  hits: Hit[];
  /** True when the best hit covers enough of the question to be stated as an answer. */
  confident: boolean;
}

export interface Search {
  readonly docs: readonly Doc[];
  get(ref: string): Doc | undefined;
  ask(question: string): Answer;
}

export function createSearch(kb: Knowledge): Search {
  return new KnowledgeSearch(buildDocuments(kb));
}

/** Fuzzy correction is only tried on words this long; shorter ones mis-correct too easily. */
const MIN_CORRECTABLE = 5;

class KnowledgeSearch implements Search {
  readonly docs: readonly Doc[];
  private readonly byRef: Map<string, Doc>;
  private readonly mini: MiniSearch<Doc>;
  /** Every term the index holds, gathered while indexing: what spelling correction aims at. */
  private readonly vocab = new Set<string>();
  private readonly ofKind = new Map<Kind, Doc[]>();
  /** Words spelling correction may aim at, bucketed by first letter and length (see correct()). */
  private readonly targets = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();
  private readonly titleTerms = new Map<string, string[]>();
  /** Terms that tell entries apart: not domain-wide ("career"), in at most half the entries ("backend"). */
  private readonly distinctive = new Set<string>();

  constructor(docs: Doc[]) {
    this.docs = docs;
    this.byRef = new Map(docs.map((d) => [d.ref, d]));
    // Every text's terms are worked out once: names, entry counts and MiniSearch all use them.
    const termsOf = new Map<string, string[]>();
    const termsOnce = (text: string) => {
      let found = termsOf.get(text);
      if (!found) termsOf.set(text, (found = terms(text)));
      return found;
    };
    const entriesWith = new Map<string, number>();
    for (const d of docs) {
      const same = this.ofKind.get(d.kind);
      if (same) same.push(d);
      else this.ofKind.set(d.kind, [d]);
      const inEntry = new Set(FIELDS.flatMap((field) => termsOnce(fieldText(d, field))));
      for (const t of inEntry) entriesWith.set(t, (entriesWith.get(t) ?? 0) + 1);
    }
    this.mini = new MiniSearch<Doc>({
      idField: 'ref',
      fields: [...FIELDS],
      storeFields: [],
      extractField: (doc, field) => fieldText(doc, field),
      // Names and keywords count each term once: an entry listing "backend" six times among its
      // keywords would otherwise outrank the entry a question is really about.
      tokenize: (text, field) => {
        const found = field ? termsOnce(text) : terms(text);
        if (field) for (const t of found) this.vocab.add(t); // documents, not queries
        return field === 'body' ? found : [...new Set(found)];
      },
      processTerm: (term) => term,
      searchOptions: { boost: { title: 3, aliases: 3, keywords: 2, body: 1 }, combineWith: 'OR', tokenize: (t) => t.split(' '), processTerm: (t) => t },
    });
    this.mini.addAll(docs);
    // Only distinctive title words name an entry: nearly every FAQ title says "back-end developer",
    // so "how do I become a backend developer?" must not be named by every question with "backend".
    for (const [t, n] of entriesWith) if (!GENERIC.has(t) && n <= NAMING_SHARE * docs.length) this.distinctive.add(t);
    for (const d of docs) this.titleTerms.set(d.ref, termsOnce(d.title).filter((t) => this.distinctive.has(t)));

    for (const cue of Object.values(CUES)) cue.terms.forEach((t) => this.vocab.add(t));
    for (const cue of NEXT_CUES) this.vocab.add(cue);
    const buckets = new Map<string, string[]>();
    for (const word of new Set([...this.vocab, ...KNOWN_WORDS])) {
      if (word.length < MIN_CORRECTABLE - 1 || /\d/.test(word)) continue;
      const key = bucketKey(word[0]!, word.length);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(word);
      else buckets.set(key, [word]);
    }
    for (const [key, list] of buckets) {
      this.targets.set(key, new Fuse(list, { threshold: 0.34, includeScore: true, ignoreLocation: true }));
    }
  }

  get(ref: string): Doc | undefined {
    return this.byRef.get(ref);
  }

  /**
   * A word the index has never seen is replaced by its closest known word, if one is close.
   * fuse.js compares it only with known words of the same first letter and a length within two:
   * typos rarely hit the first letter, and the small buckets keep a first-seen typo well under a
   * millisecond (measured in bench/search.ts).
   */
  private correct(term: string): string | null {
    if (this.vocab.has(term)) return term;
    if (term.length < MIN_CORRECTABLE || /\d/.test(term)) return null;
    const cached = this.corrections.get(term);
    if (cached !== undefined) return cached;
    let best: { item: string; score: number } | undefined;
    for (let len = term.length - 2; len <= term.length + 2; len++) {
      const hit = this.targets.get(bucketKey(term[0]!, len))?.search(term, { limit: 1 })[0];
      if (hit && (hit.score ?? 1) < (best?.score ?? 1)) best = { item: hit.item, score: hit.score ?? 1 };
    }
    const fixed = best && best.score <= 0.3 ? canonical(best.item) : null;
    const known = fixed && this.vocab.has(fixed) ? fixed : null;
    if (this.corrections.size < 10_000) this.corrections.set(term, known);
    return known;
  }

  ask(question: string): Answer {
    // Long pastes are cut: the first words carry the question, and the cost stays bounded.
    const raw = questionTerms(question.slice(0, 500)).slice(0, 24);
    const corrected = raw.map((t) => this.correct(t));
    const known = [...new Set(corrected.filter((t): t is string => t !== null))];
    let intents = (Object.keys(CUES) as Intent[]).filter((i) => CUES[i].terms.some((t) => known.includes(t)));
    if (intents.includes('salary') && known.includes('comparison')) intents = intents.map((i) => (i === 'salary' ? 'paycomparison' : i));
    const levelTerm = known.find((t) => LEVEL_TERMS[t]);
    const level = levelTerm ? LEVEL_TERMS[levelTerm] : undefined;
    const answer: Answer = { terms: known, intents, hits: [], confident: false };
    if (level) answer.level = level;
    if (!known.length) return answer;

    const kindBoost = (kind: Kind) => intents.reduce((f, i) => f * (CUES[i].kinds[kind] ?? 1), PRIOR[kind] ?? 1);
    const asked = new Set(known);
    const results = this.mini.search(known.join(' '), {
      boostDocument: (ref) => {
        const doc = this.byRef.get(ref)!;
        // A question that names an entry's whole title ("backend engineer role") means that entry,
        // the more surely the more of the question the title is ("nosql database" names "NoSQL
        // databases" wholly, "Which databases should I learn?" by half).
        const title = this.titleTerms.get(ref)!;
        const named = title.length && title.every((t) => asked.has(t)) ? 1 + (TITLE_WEIGHT * title.length) / asked.size : 1;
        const prior = doc.kind === 'salary' && !intents.includes('salary') ? UNASKED : doc.kind === 'outlook' && !intents.includes('outlook') ? UNASKED : 1;
        return kindBoost(doc.kind) * named * prior;
      },
    });
    answer.hits = results.slice(0, 10).map((r) => ({ doc: this.byRef.get(r.id)!, score: r.score, matched: r.queryTerms }));

    // Domain-wide words ("career", "become") count half, so they alone never make an answer.
    const weight = (t: string) => (GENERIC.has(t) || NEXT_CUES.has(t) ? 0.5 : 1);
    const total = [...new Set(raw.map((t, i) => corrected[i] ?? t))].reduce((sum, t) => sum + weight(t), 0);
    const share = (hit: Hit, of: number) => hit.matched.reduce((sum, t) => sum + weight(t), 0) / of;
    const specific = (hit: Hit | undefined): hit is Hit => !!hit && hit.matched.some((t) => !GENERIC.has(t));
    const top = answer.hits[0];
    // A long question in someone's own words has many words the articles never use; an entry that
    // matches several of its distinctive words is still the answer, even when they are the lesser part.
    const distinctive = (hit: Hit) => hit.matched.filter((t) => this.distinctive.has(t)).length;
    answer.confident = specific(top) && (share(top, total) > MIN_COVERAGE || (distinctive(top) >= MIN_DISTINCTIVE && share(top, total) >= MIN_COVERAGE_DISTINCTIVE));

    // "What comes after databases?": find the step named, answer with the one after it.
    // Pay, outlook and duration questions say "after five years" or "next decade" about time.
    const aboutTime = intents.some((i) => i === 'salary' || i === 'paycomparison' || i === 'outlook' || i === 'duration');
    if (!aboutTime && known.some((t) => NEXT_CUES.has(t))) {
      const named = known.filter((t) => !NEXT_CUES.has(t) && t !== 'step');
      const stepHit = this.searchKind(named, 'step');
      const topic = [...new Set(named)].reduce((sum, t) => sum + weight(t), 0);
      if (specific(stepHit) && share(stepHit, topic) >= MIN_COVERAGE) {
        const step = this.kind('step');
        const next = step[step.indexOf(stepHit.doc) + 1] ?? stepHit.doc;
        answer.hits = [{ doc: next, score: stepHit.score, matched: stepHit.matched }, ...answer.hits.filter((h) => h.doc !== next)];
        answer.confident = true;
      }
    }
    return answer;
  }

  /** The best entry of one kind for these terms. */
  private searchKind(terms: string[], kind: Kind): Hit | undefined {
    if (!terms.length) return undefined;
    const r = this.mini.search(terms.join(' '), { filter: (result) => this.byRef.get(result.id)?.kind === kind })[0];
    return r && { doc: this.byRef.get(r.id)!, score: r.score, matched: r.queryTerms };
  }

  private kind(kind: Kind): Doc[] {
    return this.ofKind.get(kind) ?? [];
  }
}

const FIELDS = ['title', 'aliases', 'keywords', 'body'] as const;

/** A document field as one text; list items are kept apart so no phrase spans two of them. */
function fieldText(doc: Doc, field: string): string {
  const value = doc[field as keyof Doc];
  return Array.isArray(value) ? value.join(' | ') : String(value ?? '');
}

const bucketKey = (letter: string, length: number) => `${letter}${length}`;

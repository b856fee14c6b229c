// Stage 3, rerank: how close a question is to each candidate's example questions (its title, its
// other names and its `asks`), how much of the question the candidate covers, and the few named
// rules about kinds of entry. Pure functions of the analysed question and the candidates.
import { LEVEL_TERMS, type Analysis } from './analyse.js';
import type { Doc, Kind } from './documents.js';
import type { Candidate } from './retrieve.js';

/** A sparse vector: term -> weight, with its length worked out once. */
export interface Vector {
  weights: Map<string, number>;
  norm: number;
}

export interface Features {
  /** BM25 relative to the best candidate's (0..1]. */
  bm25: number;
  /** Cosine closeness to the entry's nearest example question (0..1). */
  example: number;
  /** Cosine closeness to the centre of all the entry's examples (0..1): a small classifier. */
  centroid: number;
  /** The share of the question's weight (by rarity) that the entry's own words cover (0..1). */
  coverage: number;
  /** BM25 over the question's raw words, relative to the best candidate's (0..1]. */
  raw: number;
  /** The kind rules' factor (see kindFactor). */
  prior: number;
}

export interface Scored extends Candidate {
  features: Features;
  score: number;
  /** The terms of what the entry itself says (title, names, keywords, text; not its example questions). */
  content: ReadonlySet<string>;
  /** The same, weighted by rarity (see EntryModel.contentVector). */
  contentVector: Vector;
}

/** How the features add up to one score; chosen on the development sets (bench/). */
export const WEIGHTS = { bm25: 0.1, example: 0.25, centroid: 0.3, coverage: 0.2, raw: 0.1 } as const;
export type Weights = { -readonly [K in keyof typeof WEIGHTS]: number };

/** Bigrams count this much of their words' weight: word order says a little, words say most. */
const BIGRAM_WEIGHT = 0.5;

/** Unigram and bigram features of a term list, weighted by rarity. */
export function vectorOf(terms: readonly string[], idf: (t: string) => number): Vector {
  const weights = new Map<string, number>();
  const add = (key: string, w: number) => weights.set(key, (weights.get(key) ?? 0) + w);
  const unique = [...new Set(terms)];
  for (const t of unique) add(t, idf(t));
  for (let i = 0; i + 1 < terms.length; i++) {
    const [a, b] = [terms[i]!, terms[i + 1]!];
    if (a !== b) add(`${a}_${b}`, BIGRAM_WEIGHT * Math.min(idf(a), idf(b)));
  }
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  return { weights, norm: Math.sqrt(norm) };
}

export function cosine(a: Vector, b: Vector): number {
  if (!a.norm || !b.norm) return 0;
  // forEach, not for-of with [k, w]: no entry array per term (this runs for every candidate).
  const small = a.weights.size <= b.weights.size ? a : b;
  const large = small === a ? b : a;
  let dot = 0;
  small.weights.forEach((w, k) => {
    const o = large.weights.get(k);
    if (o) dot += w * o;
  });
  return dot / (a.norm * b.norm);
}

/** Terms alone, weighted by rarity, without word order: what an entry's content is about. */
export function bagOf(terms: Iterable<string>, idf: (t: string) => number): Vector {
  const weights = new Map<string, number>();
  for (const t of terms) weights.set(t, idf(t));
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  return { weights, norm: Math.sqrt(norm) };
}

/** The mean of normalised vectors: an entry's examples in one vector. */
export function centroidOf(vectors: readonly Vector[]): Vector {
  const weights = new Map<string, number>();
  for (const v of vectors) {
    if (!v.norm) continue;
    for (const [k, w] of v.weights) weights.set(k, (weights.get(k) ?? 0) + w / v.norm);
  }
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  return { weights, norm: Math.sqrt(norm) };
}

/**
 * An entry's example vectors turned around: term -> (example, weight) pairs, flat, so the closest
 * example is found by visiting only the examples that share a term with the question (the
 * back-end developer card has about 150 examples; most share nothing with a given question).
 */
export interface ExampleIndex {
  postings: Map<string, number[]>;
  norms: Float64Array;
}

export function indexExamples(examples: readonly Vector[]): ExampleIndex {
  const postings = new Map<string, number[]>();
  examples.forEach((e, i) => {
    for (const [term, w] of e.weights) {
      const list = postings.get(term);
      if (list) list.push(i, w);
      else postings.set(term, [i, w]);
    }
  });
  return { postings, norms: Float64Array.from(examples, (e) => e.norm) };
}

/** Dot products of one question with one entry's examples, reused across calls: no allocation per candidate. */
let dots = new Float64Array(256);

/** The cosine closeness of `q` to the nearest of an entry's examples (what cosine() would give for the best). */
export function nearestExample(q: Vector, index: ExampleIndex): number {
  if (!q.norm) return 0;
  const n = index.norms.length;
  if (dots.length < n) dots = new Float64Array(Math.max(n, 2 * dots.length));
  dots.fill(0, 0, n);
  q.weights.forEach((w, term) => {
    const list = index.postings.get(term);
    if (list) for (let i = 0; i < list.length; i += 2) dots[list[i]!]! += w * list[i + 1]!;
  });
  let best = 0;
  for (let i = 0; i < n; i++) if (dots[i]! > 0) best = Math.max(best, dots[i]! / (q.norm * index.norms[i]!));
  return best;
}

/** What the reranker knows about each entry, built once at start. */
export interface EntryModel {
  examples: ExampleIndex;
  centroid: Vector;
  /** Every term in any of the entry's fields. */
  vocabulary: Set<string>;
  /** The terms of what the entry says, without its example questions. */
  content: Set<string>;
  /** The same terms weighted by rarity: how alike two entries' contents are (decide's siblings rule). */
  contentVector: Vector;
  /** The terms of the entry's names (title and aliases), each name as a list. */
  names: string[][];
}

/** Cue terms that say what kind of answer a question wants. */
export const PAY = 'salary';
export const OUTLOOK = 'outlook';

/**
 * Named kind rules. Pay and outlook entries answer only questions about pay or the outlook (a
 * question about a role that mentions "money" once is still about the role); a question that
 * compares pay is answered by the FAQ that compares it, not by one role's figures.
 */
export function kindFactor(kind: Kind, terms: readonly string[]): number {
  const asksPay = terms.includes(PAY);
  // "Who earns more, front or back end?" compares roles (an FAQ); "new vs super experienced
  // ones?" and "top earners versus the median?" compare figures, which the salary entry shows
  // side by side. Front-end or full-stack named: the roles are compared, whatever levels.
  const levels = new Set(terms.flatMap((t) => (LEVEL_TERMS[t] ? [LEVEL_TERMS[t]] : [])));
  const roles = terms.includes('frontend') || terms.includes('fullstack');
  const compares = terms.includes('comparison') && (levels.size < 2 || roles);
  if (kind === 'salary') return asksPay ? (compares ? 0.6 : 1.3) : 0.5;
  if (kind === 'outlook') return terms.includes(OUTLOOK) ? 1.3 : 0.6;
  return 1;
}

/** A role card answers only when some name of the role is in the question, or this much less. */
export const UNNAMED_ROLE = 0.85;

/**
 * Named rule "roles are named": a question that shares one word with a role's title ("how much do
 * I need to care about security") is not about that role ("Information Security Analyst").
 */
export function roleFactor(kind: Kind, names: readonly string[][], asked: ReadonlySet<string>): number {
  if (kind !== 'role') return 1;
  return names.some((n) => n.length > 0 && n.every((t) => asked.has(t))) ? 1 : UNNAMED_ROLE;
}

/** Rarity of a term among entries; a term no entry has counts as rarest of all. */
export type Idf = (term: string) => number;

export function rerank(analysis: Analysis, candidates: readonly Candidate[], models: { get(ref: string): EntryModel | undefined }, idf: Idf, weights: Weights = WEIGHTS, raw: ReadonlyMap<string, number> = new Map()): Scored[] {
  if (!candidates.length) return [];
  const q = vectorOf(analysis.terms, idf);
  const best = Math.max(...candidates.map((c) => c.bm25));
  const bestRaw = Math.max(0, ...raw.values());
  // Each word counts once, by its rarest term; words nothing in the articles uses ("pharmacist",
  // "keyerror") count against every entry.
  const groups = [...new Map(analysis.groups.map((g) => [g.join(' '), g])).values()].map((terms) => ({ terms, weight: Math.max(...terms.map(idf)) }));
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  const askedSet = new Set(analysis.terms);
  const scored = candidates.map((c) => {
    const model = models.get(c.doc.ref)!;
    const example = nearestExample(q, model.examples);
    let covered = 0;
    for (const g of groups) if (g.terms.some((t) => model.vocabulary.has(t))) covered += g.weight;
    const features: Features = {
      bm25: best ? c.bm25 / best : 0,
      example,
      centroid: cosine(q, model.centroid),
      coverage: total ? covered / total : 0,
      raw: bestRaw ? (raw.get(c.doc.ref) ?? 0) / bestRaw : 0,
      prior: kindFactor(c.doc.kind, analysis.terms) * roleFactor(c.doc.kind, model.names, askedSet),
    };
    return { ...c, features, score: scoreOf(features, weights), content: model.content, contentVector: model.contentVector };
  });
  return scored.sort((a, b) => b.score - a.score);
}

export function scoreOf(f: Features, weights: Weights = WEIGHTS): number {
  return f.prior * (weights.bm25 * f.bm25 + weights.example * f.example + weights.centroid * f.centroid + weights.coverage * f.coverage + weights.raw * f.raw);
}

/** An entry's examples: how people name it and ask about it. */
export function examplesOf(doc: Doc): string[] {
  return [doc.title, ...doc.aliases, ...doc.asks];
}

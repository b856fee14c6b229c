// Stage 2, retrieve: BM25 (MiniSearch) over each entry's title, names, example questions, keywords
// and text, giving a short list of candidates for the reranker. Every field is analysed by the same
// Analyzer as the question, so both sides agree on every term.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Analyzer } from './analyse.js';
import type { Doc } from './documents.js';
import { Postings } from './postings.js';

export interface Candidate {
  doc: Doc;
  /** BM25 score, boosted by field. */
  bm25: number;
  /** The question's terms this entry matched. */
  matched: string[];
}

export const FIELDS = ['title', 'aliases', 'asks', 'keywords', 'body'] as const;
/** How much a match in each field counts: names and example questions say what an entry is about. */
export const FIELD_BOOST = { title: 3, aliases: 2, asks: 2, keywords: 1.5, body: 1 } as const;
/** Words too common to rank anything by, left out of the raw-word index (question words stay). */
const RAW_SKIP = new Set('a an the and or but of to in on at by for with from as is are was were be been am it its this that i me my you your we our they them their he she do does did can could should would will not no so if than then there here about into'.split(' '));

/** How many candidates go on to the reranker. */
export const CANDIDATES = 12;

/** A document field as one text; list items are kept apart so no phrase spans two of them. */
export function fieldText(doc: Doc, field: string): string {
  const value = doc[field as keyof Doc];
  return Array.isArray(value) ? value.join(' | ') : String(value ?? '');
}

export class Retriever {
  /** MiniSearch's index of the analysed fields, as plain data (what the prebuilt index saves). */
  private readonly index: AsPlainObject;
  /**
   * The same fields as people wrote them, words lower-cased and nothing else: question words
   * ("who", "which", "where") and word forms the analyser folds away still say something.
   */
  private readonly raw: AsPlainObject;
  /** Both searched through flat posting lists (postings.ts): MiniSearch's scores, without its per-question cost. */
  private readonly analysed: Postings;
  private readonly rawWords: Postings;
  private readonly byRef: Map<string, Doc>;

  /** `termsOf` gives an entry text's terms (worked out once per text by the caller). */
  /** `saved`: both indexes as saveable() gave them for these same documents (the prebuilt index). */
  constructor(docs: readonly Doc[], termsOf: (text: string) => string[], analyzer: Analyzer, saved?: { index: unknown; raw: unknown }) {
    this.byRef = new Map(docs.map((d) => [d.ref, d]));
    if (saved) {
      this.index = saved.index as AsPlainObject;
      this.raw = saved.raw as AsPlainObject;
    } else {
      const extractField = (doc: Doc, field: string) => fieldText(doc, field);
      // Names, keywords and examples count each term once: an entry listing "backend" in twelve
      // example questions would otherwise outrank the entry a question is really about.
      const tokenize = (text: string, field?: string) => {
        const found = field ? termsOf(text) : analyzer.terms(text);
        return field === 'body' ? found : [...new Set(found)];
      };
      const options: Options<Doc> = { idField: 'ref', fields: [...FIELDS], storeFields: [], extractField, tokenize, processTerm: (term: string) => term };
      const mini = new MiniSearch<Doc>(options);
      mini.addAll([...docs]);
      const rawMini = new MiniSearch<Doc>({ idField: 'ref', fields: [...FIELDS], storeFields: [], extractField, processTerm: rawTerm });
      rawMini.addAll([...docs]);
      this.index = mini.toJSON();
      this.raw = rawMini.toJSON();
    }
    this.analysed = new Postings(this.index, FIELDS, FIELD_BOOST);
    this.rawWords = new Postings(this.raw, FIELDS, FIELD_BOOST);
  }

  /** Both indexes as plain data, for the prebuilt index. */
  saveable(): { index: AsPlainObject; raw: AsPlainObject } {
    return { index: this.index, raw: this.raw };
  }

  /** BM25 over the raw words of the question: entry ref -> score, best first. */
  rawScores(text: string, limit = CANDIDATES): Map<string, number> {
    const words = splitWords(text.slice(0, 500)).flatMap((w) => rawTerm(w) ?? []);
    return new Map(this.rawWords.search(words, limit).map((r) => [r.id, r.score]));
  }

  /** The best candidates for these (already analysed) terms, best first. */
  retrieve(terms: readonly string[], limit = CANDIDATES, filter?: (doc: Doc) => boolean): Candidate[] {
    if (!terms.length) return [];
    const results = this.analysed.search(terms.join(' ').split(' ').filter(Boolean), limit, filter && ((ref) => filter(this.byRef.get(ref)!)));
    return results.map((r) => ({ doc: this.byRef.get(r.id)!, bm25: r.score, matched: r.queryTerms }));
  }
}

/** MiniSearch's own word splitting, which built the raw-word index. */
const splitWords = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Function words ("the", "is", "a") are in nearly every entry: they would only cost time. */
function rawTerm(term: string): string | null {
  const t = term.toLowerCase();
  return RAW_SKIP.has(t) || !t ? null : t;
}

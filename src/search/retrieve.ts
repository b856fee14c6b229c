// Stage 2, retrieve: BM25 (MiniSearch) over each entry's title, names, example questions, keywords
// and text, giving a short list of candidates for the reranker. Every field is analysed by the same
// Analyzer as the question, so both sides agree on every term.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Analyzer } from './analyse.js';
import type { Doc } from './documents.js';

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
  private readonly mini: MiniSearch<Doc>;
  /**
   * The same fields as people wrote them, words lower-cased and nothing else: question words
   * ("who", "which", "where") and word forms the analyser folds away still say something.
   */
  private readonly rawMini: MiniSearch<Doc>;
  private readonly byRef: Map<string, Doc>;

  /** `termsOf` gives an entry text's terms (worked out once per text by the caller). */
  /** `saved`: both indexes as saveable() gave them for these same documents (the prebuilt index). */
  constructor(docs: readonly Doc[], termsOf: (text: string) => string[], analyzer: Analyzer, saved?: { index: unknown; raw: unknown }) {
    this.byRef = new Map(docs.map((d) => [d.ref, d]));
    const options: Options<Doc> = {
      idField: 'ref',
      fields: [...FIELDS],
      storeFields: [],
      extractField: (doc: Doc, field: string) => fieldText(doc, field),
      // Names, keywords and examples count each term once: an entry listing "backend" in twelve
      // example questions would otherwise outrank the entry a question is really about.
      tokenize: (text: string, field?: string) => {
        const found = field ? termsOf(text) : analyzer.terms(text);
        return field === 'body' ? found : [...new Set(found)];
      },
      processTerm: (term: string) => term,
      searchOptions: { boost: { ...FIELD_BOOST }, combineWith: 'OR', tokenize: (t: string) => t.split(' '), processTerm: (t: string) => t },
    };
    // Function words ("the", "is", "a") are in nearly every entry: they would only cost time.
    const processTerm = (term: string) => {
      const t = term.toLowerCase();
      return RAW_SKIP.has(t) ? null : t;
    };
    const rawOptions: Options<Doc> = { idField: 'ref', fields: [...FIELDS], storeFields: [], extractField: (doc: Doc, field: string) => fieldText(doc, field), processTerm, searchOptions: { boost: { ...FIELD_BOOST }, processTerm } };
    if (saved) {
      this.mini = MiniSearch.loadJS<Doc>(saved.index as AsPlainObject, options);
      this.rawMini = MiniSearch.loadJS<Doc>(saved.raw as AsPlainObject, rawOptions);
      return;
    }
    this.mini = new MiniSearch<Doc>(options);
    this.mini.addAll([...docs]);
    this.rawMini = new MiniSearch<Doc>(rawOptions);
    this.rawMini.addAll([...docs]);
  }

  /** Both indexes as plain data, for the prebuilt index. */
  saveable(): { index: AsPlainObject; raw: AsPlainObject } {
    return { index: this.mini.toJSON(), raw: this.rawMini.toJSON() };
  }

  /** BM25 over the raw words of the question: entry ref -> score, best first. */
  rawScores(text: string, limit = CANDIDATES): Map<string, number> {
    return new Map(this.rawMini.search(text.slice(0, 500)).slice(0, limit).map((r) => [r.id as string, r.score]));
  }

  /** The best candidates for these (already analysed) terms, best first. */
  retrieve(terms: readonly string[], limit = CANDIDATES, filter?: (doc: Doc) => boolean): Candidate[] {
    if (!terms.length) return [];
    const results = this.mini.search(terms.join(' '), filter ? { filter: (r) => filter(this.byRef.get(r.id)!) } : {});
    return results.slice(0, limit).map((r) => ({ doc: this.byRef.get(r.id)!, bm25: r.score, matched: r.queryTerms }));
  }
}

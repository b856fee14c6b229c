// Stage 2, retrieve: BM25 (MiniSearch) over each entry's title, names, example questions, keywords
// and text, giving a short list of candidates for the reranker. Every field is analysed by the same
// Analyzer as the question, so both sides agree on every term.
import MiniSearch from 'minisearch';
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
/** How many candidates go on to the reranker. */
export const CANDIDATES = 12;

/** A document field as one text; list items are kept apart so no phrase spans two of them. */
export function fieldText(doc: Doc, field: string): string {
  const value = doc[field as keyof Doc];
  return Array.isArray(value) ? value.join(' | ') : String(value ?? '');
}

export class Retriever {
  private readonly mini: MiniSearch<Doc>;
  private readonly byRef: Map<string, Doc>;

  /** `termsOf` gives an entry text's terms (worked out once per text by the caller). */
  constructor(docs: readonly Doc[], termsOf: (text: string) => string[], analyzer: Analyzer) {
    this.byRef = new Map(docs.map((d) => [d.ref, d]));
    this.mini = new MiniSearch<Doc>({
      idField: 'ref',
      fields: [...FIELDS],
      storeFields: [],
      extractField: (doc, field) => fieldText(doc, field),
      // Names, keywords and examples count each term once: an entry listing "backend" in twelve
      // example questions would otherwise outrank the entry a question is really about.
      tokenize: (text, field) => {
        const found = field ? termsOf(text) : analyzer.terms(text);
        return field === 'body' ? found : [...new Set(found)];
      },
      processTerm: (term) => term,
      searchOptions: { boost: { ...FIELD_BOOST }, combineWith: 'OR', tokenize: (t) => t.split(' '), processTerm: (t) => t },
    });
    this.mini.addAll([...docs]);
  }

  /** The best candidates for these (already analysed) terms, best first. */
  retrieve(terms: readonly string[], limit = CANDIDATES, filter?: (doc: Doc) => boolean): Candidate[] {
    if (!terms.length) return [];
    const results = this.mini.search(terms.join(' '), filter ? { filter: (r) => filter(this.byRef.get(r.id)!) } : {});
    return results.slice(0, limit).map((r) => ({ doc: this.byRef.get(r.id)!, bm25: r.score, matched: r.queryTerms }));
  }
}

// The flat posting lists (src/search/postings.ts) stand in for MiniSearch's search(): the same
// entries, scores to the last bit, and the same order of equal scores, or answers would change.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { Analyzer } from '../src/search/analyse.js';
import { buildDocuments, type Doc } from '../src/search/documents.js';
import { Postings } from '../src/search/postings.js';
import { FIELD_BOOST, FIELDS, fieldText, Retriever } from '../src/search/retrieve.js';

const FIELD_LIST = ['title', 'body'] as const;
const BOOST = { title: 3, body: 1 };

/** A small index with repeated words, equal documents (ties) and a field boost. */
function small() {
  const docs = [
    { id: 'a', title: 'backend pay', body: 'backend developers earn a salary' },
    { id: 'b', title: 'frontend pay', body: 'frontend developers earn a salary salary' },
    { id: 'c', title: 'roadmap', body: 'learn git then learn sql' },
    { id: 'd', title: 'roadmap', body: 'learn git then learn sql' },
    { id: 'e', title: 'salary', body: 'pay pay pay backend' },
  ];
  const mini = new MiniSearch({ fields: [...FIELD_LIST], searchOptions: { boost: BOOST } });
  mini.addAll(docs);
  return { mini, postings: new Postings(mini.toJSON(), FIELD_LIST, BOOST) };
}

const same = (mini: MiniSearch, postings: Postings, terms: string[], limit = 50, filter?: (id: string) => boolean) => {
  const want = mini.search(terms.join(' '), filter ? { filter: (r) => filter(r.id as string) } : {}).slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, queryTerms: r.queryTerms }));
  expect(postings.search(terms, limit, filter)).toEqual(want);
};

describe('posting lists give MiniSearch’s results', () => {
  it.each([
    [['backend']],
    [['salary', 'pay']],
    [['pay', 'salary', 'pay']], // a term said twice counts twice, and is one matched term
    [['learn', 'git']], // c and d tie: first matched first
    [['nothing', 'matches']],
    [['backend', 'frontend', 'roadmap', 'salary', 'pay', 'developers']],
  ])('for %j', (terms) => {
    const { mini, postings } = small();
    same(mini, postings, terms);
  });

  it('keeps the best `limit` and filters before cutting', () => {
    const { mini, postings } = small();
    same(mini, postings, ['pay', 'salary', 'roadmap'], 2);
    same(mini, postings, ['pay', 'salary', 'roadmap'], 2, (id) => id !== 'e');
  });

  it('on the real index, for every example question, analysed and raw', () => {
    const kb = loadKnowledge();
    const analyzer = new Analyzer(kb.lexicon);
    const docs = buildDocuments(kb);
    const retriever = new Retriever(docs, (t) => analyzer.terms(t), analyzer);
    const saved = retriever.saveable();
    const options = { idField: 'ref', fields: [...FIELDS], extractField: (d: Doc, f: string) => fieldText(d, f) };
    const analysed = MiniSearch.loadJS<Doc>(saved.index, { ...options, searchOptions: { boost: { ...FIELD_BOOST }, tokenize: (t: string) => t.split(' '), processTerm: (t: string) => t } });
    const skip = new Set('a an the and or but of to in on at by for with from as is are was were be been am it its this that i me my you your we our they them their he she do does did can could should would will not no so if than then there here about into'.split(' '));
    const rawTerm = (t: string) => (skip.has(t.toLowerCase()) ? null : t.toLowerCase());
    const raw = MiniSearch.loadJS<Doc>(saved.raw, { ...options, processTerm: rawTerm, searchOptions: { boost: { ...FIELD_BOOST }, processTerm: rawTerm } });
    let compared = 0;
    for (const doc of docs) {
      for (const q of doc.asks) {
        const terms = analyzer.analyse(q).terms;
        if (terms.length) {
          const want = analysed.search(terms.join(' ')).slice(0, 12).map((r) => [r.id, r.score, r.queryTerms]);
          expect(retriever.retrieve(terms).map((c) => [c.doc.ref, c.bm25, c.matched]), q).toEqual(want);
        }
        const rawWant = raw.search(q).slice(0, 12).map((r) => [r.id, r.score]);
        expect([...retriever.rawScores(q)], q).toEqual(rawWant);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });
});

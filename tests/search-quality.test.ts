// Answer quality on the labelled question set (bench/question-set.json): the share of questions
// answered with the right entry first, and off-topic questions refused. Latency is measured by
// `npm run bench`, not here (timed tests flake on shared machines).
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadQuestionSet, type Labelled, type Score } from '../bench/evaluate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createSearch } from '../src/search/index.js';

/**
 * The issue's goal is 95% top-1. Measured now: 91.1% (245/269), so this floor guards against
 * regressions while the goal stays open; raise it as the search improves, never lower it.
 */
const TOP1_FLOOR = 0.9;

let set: Labelled[];
let score: Score;
beforeAll(() => {
  set = loadQuestionSet();
  const search = createSearch(loadKnowledge());
  score = evaluate((q) => {
    const a = search.ask(q);
    return a.confident ? (a.hits[0]?.doc.ref ?? null) : null;
  }, set);
});

describe('question set', () => {
  it('has at least 150 questions of every style, each labelled with an entry that exists', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(new Set(set.map((s) => s.style))).toEqual(new Set(['natural', 'terse', 'misspelt', 'off-topic', 'unicode']));
    const search = createSearch(loadKnowledge());
    for (const s of set) if (s.expect) expect(search.get(s.expect), s.expect).toBeDefined();
  });

  it('refuses every off-topic question', () => {
    const wrong = score.misses.filter((m) => m.expect === null);
    expect(wrong, JSON.stringify(wrong, null, 2)).toEqual([]);
    expect(score.refused).toBe(score.offTopic);
  });

  it(`answers at least ${TOP1_FLOOR * 100}% with the right entry first`, () => {
    const share = score.correct / score.total;
    expect(share, `top-1 ${(share * 100).toFixed(1)}%; misses:\n${score.misses.map((m) => `${m.q} -> ${m.got}`).join('\n')}`).toBeGreaterThanOrEqual(TOP1_FLOOR);
  });
});

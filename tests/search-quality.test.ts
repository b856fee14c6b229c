// Answer quality on the labelled question set (bench/question-set.json): the share of questions
// answered with the right entry first, and off-topic questions refused. Latency is measured by
// `npm run bench`, not here (timed tests flake on shared machines).
import { beforeAll, describe, expect, it } from 'vitest';
import { botRanker, evaluate, loadQuestionSet, type Labelled, type Ranker, type Score } from '../bench/evaluate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createSearch, type Search } from '../src/search/index.js';

/** The issue's goal: 95% top-1 on the question set (measured 256/269, 95.2%). */
const TOP1_GOAL = 0.95;

/**
 * Floors at the figures measured on the two later blind sets (see bench/evaluate.ts), so a change
 * that helps the tuned set by hurting questions nobody tuned for shows up. Raise them as the search
 * improves; never lower them to make a change pass.
 */
const BLIND_FLOORS = {
  a: { top1: 170, refused: 31 }, // of 200; 34 not to be answered
  b: { top1: 142, refused: 33 }, // of 200; 37 not to be answered
} as const;

let set: Labelled[];
let score: Score;
let search: Search;
let rank: Ranker;
beforeAll(() => {
  set = loadQuestionSet();
  search = createSearch(loadKnowledge());
  rank = botRanker(search);
  score = evaluate(rank, set);
});

describe('question set', () => {
  it('has at least 150 questions of every style, each labelled with an entry that exists', () => {
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(new Set(set.map((s) => s.style))).toEqual(new Set(['natural', 'terse', 'misspelt', 'off-topic', 'unicode']));
    for (const s of set) if (s.expect) expect(search.get(s.expect), s.expect).toBeDefined();
  });

  it('refuses every off-topic question', () => {
    const wrong = score.misses.filter((m) => m.expect === null);
    expect(wrong, JSON.stringify(wrong, null, 2)).toEqual([]);
    expect(score.refused).toBe(score.offTopic);
  });

  it(`answers at least ${TOP1_GOAL * 100}% with the right entry first`, () => {
    const share = score.correct / score.total;
    expect(share, `top-1 ${(share * 100).toFixed(1)}%; misses:\n${score.misses.map((m) => `${m.q} -> ${m.got}`).join('\n')}`).toBeGreaterThanOrEqual(TOP1_GOAL);
  });
});

describe.each(['a', 'b'] as const)('blind set %s', (name) => {
  it('labels only entries that exist, in every style', () => {
    const blind = loadQuestionSet(name);
    expect(blind.length).toBeGreaterThanOrEqual(150);
    expect(new Set(blind.map((s) => s.style))).toEqual(new Set(['natural', 'terse', 'misspelt', 'off-topic', 'unicode']));
    for (const s of blind) if (s.expect) expect(search.get(s.expect), s.expect).toBeDefined();
  });

  it('answers and refuses no fewer questions than when it was measured', () => {
    const s = evaluate(rank, loadQuestionSet(name));
    // Only the counts are printed: reading set B's misses would tune the search to it.
    expect(s.correct, 'answered with the right entry first').toBeGreaterThanOrEqual(BLIND_FLOORS[name].top1);
    expect(s.refused, 'refused of those not to be answered').toBeGreaterThanOrEqual(BLIND_FLOORS[name].refused);
  });
});

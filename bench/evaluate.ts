// Scores a ranker on the labelled question set: the share answered with the right entry first,
// and whether off-topic questions were refused. Shared by the quality test and `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';
import type { Search } from '../src/search/index.js';

export interface Labelled {
  q: string;
  /** `kind:id` of the entry that should answer, or null when the bot should say it doesn't know. */
  expect: string | null;
  style: string;
}

/** A ranker answers a question with an entry ref, or null when it refuses. */
export type Ranker = (question: string) => string | null;

/** The bot's own answer to a question, as `ask` gives it: the best entry when confident. */
export function botRanker(search: Search): Ranker {
  return (q) => {
    const a = search.ask(q);
    return a.confident ? (a.hits[0]?.doc.ref ?? null) : null;
  };
}

export interface Score {
  total: number;
  correct: number;
  /** Off-topic questions refused / off-topic questions. */
  refused: number;
  offTopic: number;
  misses: { q: string; expect: string | null; got: string | null }[];
  /** Milliseconds per question, sorted. */
  latencies: number[];
}

/**
 * The labelled sets in bench/:
 * - question-set.json: the set the goal is measured on (written blind by a helper, then
 *   read miss by miss while tuning the search, so it flatters it);
 * - blind-set-a.json: a second set written blind; its misses were read while tuning too;
 * - blind-set-b.json: a third set written blind and only ever scored, never read while tuning:
 *   the honest estimate of how the search does on questions nobody tuned for.
 */
export const QUESTION_SETS = { own: 'question-set.json', a: 'blind-set-a.json', b: 'blind-set-b.json' } as const;

export function loadQuestionSet(name: keyof typeof QUESTION_SETS = 'own'): Labelled[] {
  return JSON.parse(readFileSync(join(packageRoot(), 'bench', QUESTION_SETS[name]), 'utf8')) as Labelled[];
}

export function evaluate(rank: Ranker, set: Labelled[]): Score {
  const score: Score = { total: set.length, correct: 0, refused: 0, offTopic: 0, misses: [], latencies: [] };
  for (const item of set) {
    const start = process.hrtime.bigint();
    const got = rank(item.q);
    score.latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (item.expect === null) {
      score.offTopic++;
      if (got === null) score.refused++;
    }
    if (got === item.expect) score.correct++;
    else score.misses.push({ q: item.q, expect: item.expect, got });
  }
  score.latencies.sort((a, b) => a - b);
  return score;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

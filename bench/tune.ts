// `npm run bench:tune`: chooses the reranker's weights and the decision thresholds on the
// development sets only: the three fact-graded dev sets (bench/sets/dev.json, dev-2.json, dev-3.json) and the
// three entry-labelled sets. Never on the blind set. Prints the best settings found; copy them into rerank.ts and
// decide.ts by hand, so every change of a tuned number is a reviewed commit.
import { Bot } from '../src/bot.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { THRESHOLDS, type Thresholds } from '../src/search/decide.js';
import { createSearch, type Search } from '../src/search/index.js';
import { WEIGHTS, type Weights } from '../src/search/rerank.js';
import { botRanker, evaluate, loadQuestionSet } from './evaluate.js';
import { botAnswerer, gradeFacts, loadFactSet, type FactGrade } from './facts.js';

const kb = loadKnowledge();
const base = createSearch(kb);
const devSets = [loadFactSet('dev'), loadFactSet('dev2'), loadFactSet('dev3')];
const dev = { questions: devSets.flatMap((d) => d.questions), conversations: devSets.flatMap((d) => d.conversations) };
const labelled = (['own', 'a', 'b'] as const).flatMap((name) => loadQuestionSet(name));

/** A confident wrong answer costs this many right ones (--wrong-cost=N): a refusal is honest, a wrong answer is not. */
const WRONG_COST = Number(process.argv.find((a) => a.startsWith("--wrong-cost="))?.split("=")[1] ?? 1.5);

async function value(search: Search) {
  const g: FactGrade = await gradeFacts(botAnswerer(new Bot({ knowledge: kb, search, logError: () => {} })), dev);
  const facts = g.casual.right + g.hard.right + g.outOfScope.right + g.conversations.right - WRONG_COST * (g.casual.wrong + g.hard.wrong + g.outOfScope.total - g.outOfScope.right + g.conversations.wrong);
  const e = evaluate(botRanker(search), labelled);
  const entries = e.correct - WRONG_COST * e.misses.filter((m) => m.got !== null).length;
  // The fact-graded sets are graded as a user grades: they weigh as much as the rest, or alone
  // with --facts-only (the entry labels count a near neighbour with the same facts as wrong).
  const factsShare = process.argv.includes('--facts-only') ? 1 : 0.5;
  return { value: facts * (labelled.length / (dev.questions.length + dev.conversations.length)) * factsShare + entries * (1 - factsShare), facts, entries, g, e };
}

const range = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => +(from + i * step).toFixed(3));
const show = async (label: string, t: Thresholds, w: Weights) => {
  const v = await value(base.with({ thresholds: t, weights: w }));
  const pc = (x: { right: number; total: number }) => `${x.right}/${x.total}`;
  console.log(`${label}: value ${v.value.toFixed(1)}; dev casual ${pc(v.g.casual)} hard ${pc(v.g.hard)} out-of-scope ${pc(v.g.outOfScope)} conv ${pc(v.g.conversations)}; labelled top-1 ${v.e.correct}/${v.e.total}, refused ${v.e.refused}/${v.e.offTopic}`);
  console.log(`  thresholds ${JSON.stringify(t)}\n  weights ${JSON.stringify(w)}`);
  return v;
};

let bestT: Thresholds = { ...THRESHOLDS };
let bestW: Weights = { ...WEIGHTS };
let best = (await show('current', bestT, bestW)).value;
// Coordinate search: one setting at a time over its range, twice round.
const grids: Record<string, number[]> = {
  'w.example': range(0.2, 0.7, 0.05),
  'w.centroid': range(0, 0.4, 0.05),
  'w.bm25': range(0, 0.4, 0.05),
  'w.coverage': range(0, 0.4, 0.05),
  'w.raw': range(0, 0.3, 0.05),
  't.answer': range(0.3, 0.65, 0.025),
  't.sure': range(0.5, 1, 0.05),
  't.margin': range(0, 0.08, 0.01),
  't.clarify': range(0.25, 0.5, 0.025),
  't.coverage': range(0.2, 0.6, 0.02),
};
for (let round = 0; round < 2; round++) {
  for (const [key, values] of Object.entries(grids)) {
    const [which, name] = key.split('.') as ['w' | 't', string];
    for (const v of values) {
      const t = { ...bestT };
      const w = { ...bestW };
      if (which === 't') (t as Record<string, number>)[name] = v;
      else (w as Record<string, number>)[name] = v;
      const got = (await value(base.with({ thresholds: t, weights: w }))).value;
      if (got > best) [best, bestT, bestW] = [got, t, w];
    }
  }
}
await show('best', bestT, bestW);

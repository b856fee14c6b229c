// `npm run bench`: answer quality and speed of the understanding pipeline, on every set, beside the
// old search and two baselines over the same entries (fuse.js and MiniSearch with default options),
// with what each stage and each kind of data adds, and latency. Prints figures; asserts nothing
// (timed tests flake on shared machines; quality floors are in tests/search-quality.test.ts).
//
// `npm run bench:blind` (search.js --blind) also scores the blind test set (bench/sets/blind-ae.json), counts only,
// whole and on its lines no older set has word for word (short casual questions are often typed
// alike by writers who never saw each other's sets; those lines were tuned against elsewhere).
// Run it once, for the figure you report; never tune against it. Once scored it is spent: blind-c
// to blind-ae are (blind-ae at stop 44, on 74f0cba). The next figure
// needs a new set: add it to FACT_SETS in bench/facts.ts, point the line below at it, and add it
// to the leak test.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Bot } from '../src/bot.js';
import type { Services } from '../src/command.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { packageRoot } from '../src/paths.js';
import { buildDocuments, type Doc } from '../src/search/documents.js';
import { createSearch, type Search } from '../src/search/index.js';
import { WEIGHTS } from '../src/search/rerank.js';
import { botRanker, evaluate, loadQuestionSet, percentile, type Ranker } from './evaluate.js';
import { botAnswerer, FACT_SETS, gradeFacts, loadFactSet, rankerAnswerer, type Answerer, type EntryRanker, type FactGrade, type FactSet, type Tally } from './facts.js';
import { createSearch as createLegacySearch } from './legacy/search.js';

const blind = process.argv.includes('--blind');
const kb = loadKnowledge();
const docs = buildDocuments(kb);
const search = createSearch(kb);
const bot = new Bot({ knowledge: kb, search, logError: () => {} });
const services: Services = bot.services;

/** A row: an entry ranker for the labelled sets, and an answerer for the fact-graded ones. */
interface Row {
  name: string;
  rank: Ranker;
  answer: Answerer;
}

const asEntry = (rank: Ranker): EntryRanker => (q) => {
  const ref = rank(q);
  return ref ? { ref } : null;
};

function pipelineRow(name: string, s: Search, withConversation = false): Row {
  const rank = botRanker(s);
  const answer = withConversation ? botAnswerer(new Bot({ knowledge: kb, search: s, logError: () => {} })) : rankerAnswerer(services, (q) => {
    const a = s.ask(q);
    const top = a.confident ? a.hits[0] : undefined;
    const level = a.analysis.level;
    return top ? { ref: top.doc.ref, ...(level ? { level } : {}) } : null;
  });
  return { name, rank, answer };
}

const without = (strip: (k: Knowledge) => Knowledge) => createSearch(strip(structuredClone(kb)));
const noAsks = (k: Knowledge): Knowledge => {
  for (const list of [k.roles, k.salaries, k.outlook, k.learning, k.skills, k.roadmap, k.questions]) for (const e of list) e.asks = [];
  return k;
};
const noLexicon = (k: Knowledge): Knowledge => ({ ...k, lexicon: k.lexicon.filter((e) => e.outside) });

const legacy = createLegacySearch(kb);
const legacyRank: Ranker = (q) => {
  const a = legacy.ask(q);
  return a.confident ? (a.hits[0]?.doc.ref ?? null) : null;
};
const fuse = new Fuse(docs, { keys: ['title', 'aliases', 'asks', 'keywords', 'body'] });
const fuseRank: Ranker = (q) => fuse.search(q, { limit: 1 })[0]?.item.ref ?? null;
const mini = new MiniSearch<Doc>({
  idField: 'ref',
  fields: ['title', 'aliases', 'asks', 'keywords', 'body'],
  extractField: (doc, field) => {
    const v = doc[field as keyof Doc];
    return Array.isArray(v) ? v.join(' ') : String(v ?? '');
  },
});
mini.addAll(docs);
const miniRank: Ranker = (q) => (mini.search(q)[0]?.id as string | undefined) ?? null;

const only = (w: Partial<typeof WEIGHTS>) => ({ bm25: 0, example: 0, centroid: 0, coverage: 0, raw: 0, ...w });
const rows: Row[] = [
  pipelineRow('devpath pipeline (with conversation)', search, true),
  pipelineRow('  retrieve only (BM25)', search.with({ weights: only({ bm25: WEIGHTS.bm25, coverage: WEIGHTS.coverage }) })),
  pipelineRow('  + example closeness', search.with({ weights: only({ bm25: WEIGHTS.bm25, example: WEIGHTS.example, coverage: WEIGHTS.coverage }) })),
  pipelineRow('  + centroid classifier', search.with({ weights: { ...WEIGHTS, raw: 0 } })),
  pipelineRow('  + raw-word BM25 (all stages)', search),
  pipelineRow('  without example questions (asks)', without(noAsks)),
  pipelineRow('  without the lexicon', without(noLexicon)),
  { name: 'old search (before the pipeline)', rank: legacyRank, answer: rankerAnswerer(services, (q) => {
    const a = legacy.ask(q);
    const top = a.confident ? a.hits[0] : undefined;
    return top ? { ref: top.doc.ref, ...(a.level ? { level: a.level } : {}) } : null;
  }) },
  { name: 'fuse.js, default options', rank: fuseRank, answer: rankerAnswerer(services, asEntry(fuseRank)) },
  { name: 'MiniSearch, default BM25', rank: miniRank, answer: rankerAnswerer(services, asEntry(miniRank)) },
];

const pc = (t: Tally) => (t.total ? `${((100 * t.right) / t.total).toFixed(1)}%` : 'n/a');
const ms = (n: number) => `${n.toFixed(3)} ms`;
const col = (s: string, n: number) => s.padStart(n);

/** The set without the lines some other set has word for word (a conversation by all its turns). */
function newLines(set: FactSet): FactSet {
  const key = (text: string) => text.toLowerCase().trim();
  const others = (Object.keys(FACT_SETS) as (keyof typeof FACT_SETS)[]).filter((name) => name !== 'blindAE').map(loadFactSet);
  const seen = new Set(others.flatMap((o) => [...o.questions.map((q) => key(q.q)), ...o.conversations.map((c) => key(c.turns.join(' / ')))]));
  return { questions: set.questions.filter((q) => !seen.has(key(q.q))), conversations: set.conversations.filter((c) => !seen.has(key(c.turns.join(' / ')))) };
}

async function factTable(title: string, set: FactSet, slow: boolean) {
  console.log(`\n${title}: ${set.questions.length} questions (${set.questions.filter((q) => q.style === 'out-of-scope').length} out of scope), ${set.conversations.length} conversations; a reply passes when it answers and states the facts`);
  console.log([''.padEnd(40), col('casual', 8), col('hard', 8), col('refused', 8), col('follow-ups', 11), col('wrong', 6)].join(' '));
  for (const row of rows) {
    if (row.name.includes('fuse.js') && !slow) continue; // ~100 ms a question: once is enough
    const g: FactGrade = await gradeFacts(row.answer, set);
    const wrong = g.casual.wrong + g.hard.wrong + g.conversations.wrong + (g.outOfScope.total - g.outOfScope.right);
    console.log([row.name.padEnd(40), col(pc(g.casual), 8), col(pc(g.hard), 8), col(pc(g.outOfScope), 8), col(pc(g.conversations), 11), col(String(wrong), 6)].join(' '));
  }
}

console.log(`${docs.length} entries, ${docs.reduce((n, d) => n + d.asks.length, 0)} example questions, ${kb.lexicon.length} lexicon entries`);
await factTable('Development set (bench/sets/dev.json, written blind, tuned against)', loadFactSet('dev'), true);
await factTable('Development set 3 (bench/sets/dev-3.json, written blind, tuned against)', loadFactSet('dev3'), false);
if (blind) {
  const set = loadFactSet('blindAE');
  await factTable('BLIND TEST SET (bench/sets/blind-ae.json, written blind, never read or tuned against)', set, false);
  await factTable('BLIND TEST SET, only its lines no older set has word for word', newLines(set), false);
}

console.log('\nEntry-labelled sets (earlier sets; all three now read while tuning): right entry first / refused');
console.log([''.padEnd(40), col('own', 16), col('A', 16), col('B', 16)].join(' '));
for (const row of rows) {
  if (row.name.includes('fuse.js')) continue;
  const cells = (['own', 'a', 'b'] as const).map((name) => {
    const s = evaluate(row.rank, loadQuestionSet(name));
    return col(`${((100 * s.correct) / s.total).toFixed(1)}% ${s.refused}/${s.offTopic}`, 16);
  });
  console.log([row.name.padEnd(40), ...cells].join(' '));
}

// Latency: the pipeline alone, per question, after warming on other questions (the JIT has
// compiled the paths; the measured questions' own words, first-seen typos included, are new).
// Every entry's model built first, as a service does at start (search.warm()).
search.warm();
const warm = loadQuestionSet('a').map((l) => l.q);
for (const q of warm) search.ask(q);
const timed = [...loadQuestionSet('own'), ...loadQuestionSet('b')].map((l) => l.q);
const lat: number[] = [];
for (const q of timed) {
  const start = process.hrtime.bigint();
  search.ask(q);
  lat.push(Number(process.hrtime.bigint() - start) / 1e6);
}
lat.sort((a, b) => a - b);
console.log(`\nPipeline latency per question (${timed.length} questions): p50 ${ms(percentile(lat, 50))}, p99 ${ms(percentile(lat, 99))}, max ${ms(lat[lat.length - 1]!)}`);

// Start-up included: a one-shot CLI answer, as a user runs it, timed over a few runs.
const bin = join(packageRoot(), 'bin', 'devpath.js');
const walls: number[] = [];
for (let i = 0; i < 7; i++) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'ask', 'how much do backend developers earn'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`devpath ask failed: ${run.stderr}`);
  walls.push(Number(process.hrtime.bigint() - start) / 1e6);
}
walls.sort((a, b) => a - b);
console.log(`One-shot "devpath ask ..." wall time, start included: median ${ms(percentile(walls, 50))}, max ${ms(walls[walls.length - 1]!)} (7 runs)`);
console.log(`Resident memory of this process (every index above loaded): ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MB`);
const rssOne = spawnSync(process.execPath, ['-e', `import('${join(packageRoot(), 'dist', 'src', 'bot.js').replace(/\\/g, '/')}').then(async (m) => { const b = new m.Bot(); await b.dispatchText('how much do juniors make', { platform: 'terminal', userId: 'u', userName: 'u', isModerator: true, communityId: 'local' }, { fallbackToAsk: true }); console.log(process.memoryUsage().rss); })`], { encoding: 'utf8' });
if (rssOne.status === 0) console.log(`Resident memory of one bot with its pipeline, after a question: ${(Number(rssOne.stdout.trim()) / 1024 / 1024).toFixed(1)} MB`);

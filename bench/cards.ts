// `npm run bench:cards` (and the end of `npm run bench`): how long drawing a card takes, from data
// to PNG bytes (drawing, text measuring and cutting, PNG encoding), p50 and p99 over 200 renders
// of each card, after the first (which loads @napi-rs/canvas and the font, timed on its own).
// Each render has a name of its own, so none is served from the cache of recent cards.
// Prints figures; asserts nothing (timed tests flake on shared machines).
import { groupCard, type GroupCardData } from '../src/cards/group.js';
import type { ImageNode } from '../src/cards/draw.js';
import { progressCard, type ProgressCardData } from '../src/cards/progress.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { percentile } from './evaluate.js';

const RENDERS = 200;
const roadmap = loadKnowledge().roadmap;

const progress: ProgressCardData = {
  userId: 'U0BENCH',
  name: 'Alice Wonderland, a learner with a long display name',
  steps: roadmap.map((s, i) => ({ order: s.order, title: s.title, done: i < 5 })),
  next: roadmap[5],
  tip: 'Build one small REST API end to end, then add authentication, tests and a database',
  plan: { status: { state: 'behind', by: 2, expected: 7, left: 7, over: false, msLeft: 180 * 86_400_000 }, day: '2027-06-01', pace: 'about 0.3 steps a week' },
};

const group: GroupCardData = {
  name: 'backend-club',
  total: roadmap.length,
  members: Array.from({ length: 12 }, (_, i) => ({ name: `Member number ${i + 1}`, done: 12 - i })),
};

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time(name: string, draw: (i: number) => Promise<ImageNode | undefined>): Promise<void> {
  const first = process.hrtime.bigint();
  const sample = await draw(-1);
  const firstMs = Number(process.hrtime.bigint() - first) / 1e6;
  if (!sample) {
    console.log(`${name}: not drawn (@napi-rs/canvas could not load; see the warning above)`);
    return;
  }
  const times: number[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const start = process.hrtime.bigint();
    await draw(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${name}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times.at(-1)!)} over ${RENDERS} renders (${(sample.png.byteLength / 1024).toFixed(0)} KB PNG, ${sample.width}x${sample.height}; first ${ms(firstMs)})`,
  );
}

console.log('\nCard render time, data to PNG bytes:');
await time('Progress card', (i) => progressCard({ ...progress, name: `${progress.name} ${i}` }));
await time('Group card', (i) => groupCard({ ...group, name: `${group.name}-${i}` }));

// `npm run bench:store`: write latency (p50/p99), the longest event-loop block, and the file size of
// the lowdb store with 1k, 10k and 100k tips, for one write at a time and for 50 concurrent writes.
// Goal: write p99 <= 20 ms with 10k tips, and no event-loop block over 50 ms under 50 concurrent writes.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { addTip } from '../src/store/community.js';
import { DATA_FILE_NAME, openLowdbStore } from '../src/store/lowdb.js';
import { freezeTip } from '../src/store/schema.js';

const STEPS = ['choose-path', 'learn-language', 'data-structures', 'learn-framework', 'databases', 'apis-and-protocols', 'security', 'devops-and-tools', 'practice-and-portfolio', 'earn-experience', 'job-search', 'keep-learning'];
const WORDS = 'learn build ship test deploy index query cache route model schema migrate profile review refactor document practise read write explain'.split(' ');
const text = () => `${Array.from({ length: 14 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ')} ${randomUUID()}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function run(tips: number, fsync: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'devpath-bench-'));
  try {
    const store = await openLowdbStore(dir, { fsync });
    const now = new Date().toISOString();
    await store.write('bench', (c) => {
      for (let i = 0; i < tips; i++) {
        c.tips.push(freezeTip({ id: c.nextTipId++, step: STEPS[i % STEPS.length]!, text: text(), author: `user${i % 500}`, createdAt: now, votes: i % 7 ? [] : ['someone'] }));
      }
      return { value: undefined, changed: true };
    });
    const add = (i: number) => store.write('bench', (c) => addTip(c, { id: `w${i}`, name: `W${i}` }, STEPS[i % STEPS.length]!, text(), new Date().toISOString()));
    // Warm up (JIT, trigram cache).
    for (let i = 0; i < STEPS.length; i++) await add(i);

    const loop = monitorEventLoopDelay({ resolution: 1 });
    const sequential: number[] = [];
    const samples = tips >= 100_000 ? 40 : 200;
    loop.enable();
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await add(i);
      sequential.push(performance.now() - t0);
    }
    loop.disable();
    const seqBlock = loop.max / 1e6;

    loop.reset();
    const concurrent: number[] = [];
    const rounds = tips >= 100_000 ? 3 : 10;
    const writesBefore = store.stats.writes;
    loop.enable();
    for (let r = 0; r < rounds; r++) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const t0 = performance.now();
          await add(r * 50 + i);
          concurrent.push(performance.now() - t0);
        }),
      );
    }
    loop.disable();
    const fileWrites = store.stats.writes - writesBefore;
    await store.close();
    const size = statSync(join(dir, DATA_FILE_NAME)).size;
    return { sequential, seqBlock, concurrent, concBlock: loop.max / 1e6, fileWrites, rounds, size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fsync = !process.argv.includes('--no-fsync');
console.log('devpath store benchmark (lowdb file store: serialised queue, coalesced batches, cross-process lock, atomic rename' + (fsync ? ', fsync' : ', no fsync') + ')');
console.log('tips     file      one at a time: p50 / p99 / max loop block      50 concurrent: p50 / p99 / max loop block / file writes');
let ok = true;
for (const tips of [1_000, 10_000, 100_000]) {
  const r = await run(tips, fsync);
  console.log(
    `${String(tips).padEnd(8)} ${`${(r.size / 1e6).toFixed(1)} MB`.padEnd(9)} ${ms(pct(r.sequential, 50))} / ${ms(pct(r.sequential, 99))} / ${ms(r.seqBlock)}`.padEnd(68) +
      `${ms(pct(r.concurrent, 50))} / ${ms(pct(r.concurrent, 99))} / ${ms(r.concBlock)} / ${r.fileWrites} for ${r.rounds * 50} writes`,
  );
  if (tips === 10_000 && (pct(r.sequential, 99) > 20 || r.concBlock > 50)) ok = false;
}
console.log(ok ? 'Goal met at 10k tips: write p99 <= 20 ms, no event-loop block over 50 ms.' : 'Goal NOT met at 10k tips.');

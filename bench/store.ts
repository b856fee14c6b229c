// `npm run bench:store [-- --no-fsync]`: the file store (lowdb) and PostgreSQL side by side, through
// the Store contract's addTip, with 10k, 100k and 1M tips already in one community. For each: write
// latency p50 / p99 and the longest event-loop block (monitorEventLoopDelay, 1 ms resolution), one
// write at a time, and 50 writes at once (rounds of Promise.all of 50).
//
// Goals (the verdict lines): PostgreSQL write p99 <= 10 ms at 1M tips one at a time, and no
// event-loop block over 20 ms under 50 concurrent writes; the file store p99 <= 20 ms at 10k tips,
// and no block over 50 ms under 50 concurrent writes. The file store at 1M tips is beyond its
// intended range: it runs there only when one write is quick enough for the run to end in minutes.
//
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
// is used only to create a fresh database (devpath_bench_<random>) that the store migrates and SQL
// seeds (generate_series: users, tips with norm = normalizeText(text), votes), dropped at the end,
// also on failure or Ctrl-C. No server there: PostgreSQL is skipped, and the file store still runs.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { DATA_FILE_NAME, openLowdbStore, type LowdbStore } from '../src/store/lowdb.js';
import { parseTarget, reasonOf, redact } from '../src/store/postgres/connection.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { normalizeText } from '../src/store/rules.js';
import { freezeTip } from '../src/store/schema.js';
import type { RateLimit, Store } from '../src/store/store.js';

/** What the bench uses of a store: only these, so the bench builds whatever else the contract grows. */
type Writer = Pick<Store, 'addTip' | 'close' | 'location'>;

const STEPS = ['choose-path', 'learn-language', 'data-structures', 'learn-framework', 'databases', 'apis-and-protocols', 'security', 'devops-and-tools', 'practice-and-portfolio', 'earn-experience', 'job-search', 'keep-learning'];
// Lower-case ASCII words and a uuid: normalizeText only turns the uuid's dashes into spaces, which
// is what the SQL seeding computes (checked on a sample after each seeding).
const WORDS = 'learn build ship test deploy index query cache route model schema migrate profile review refactor document practise read write explain'.split(' ');
const text = () => `${Array.from({ length: 14 }, () => WORDS[Math.floor(Math.random() * WORDS.length)]).join(' ')} ${randomUUID()}`;

const COMMUNITY = 'bench';
/** Seeded authors (and voters): user0 .. user499. */
const AUTHORS = 500;
/** Writers are limited actors, counted against a limit that never refuses: the path real users take. */
const RATE_LIMIT: RateLimit = { max: 1e9, windowMs: 60_000 };
/** Seeded tips are dated one second apart, the newest well before the run: the bench's own are the newest. */
const ORIGIN = Date.now() - 1000;
const createdAt = (id: number) => new Date(ORIGIN - (2_000_000 - id) * 1000).toISOString();
/** One tip in seven has 1 to 3 votes, by users other than its author. */
const votesOf = (id: number) => (id % 7 ? 0 : 1 + (Math.floor(id / 7) % 3));

const SIZES = [10_000, 100_000, 1_000_000];
const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/** Samples per size: sequential writes, and rounds of 50 concurrent ones. */
const FILE_SAMPLES: Record<number, { seq: number; rounds: number }> = { 10_000: { seq: 200, rounds: 10 }, 100_000: { seq: 40, rounds: 3 }, 1_000_000: { seq: 20, rounds: 2 } };
// PostgreSQL writes are cheap to sample: 1000 at each size make p99 the 10th slowest, not the 2nd.
const PG_SAMPLES: Record<number, { seq: number; rounds: number }> = { 10_000: { seq: 1000, rounds: 10 }, 100_000: { seq: 1000, rounds: 10 }, 1_000_000: { seq: 1000, rounds: 10 } };
/** The file store runs at 1M tips only when this many seconds would do for one write there (~40 writes in all). */
const FILE_1M_MAX_WRITE_S = 5;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const f1 = (x: number) => (x >= 1000 ? x.toFixed(0) : x.toFixed(1));
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

// ------------------------------------------------------------------------------ measuring

interface Phase {
  lat: number[];
  /** The longest event-loop block, ms. */
  block: number;
}
interface Measured {
  seq: Phase;
  conc: Phase;
  /** Writes the store refused (a duplicate, say): cheaper than an accepted one, so they would flatter. */
  refused: number;
  samples: { seq: number; rounds: number };
}

let writer = 0;
/** One addTip through the contract by a limited actor; resolves true when the tip was added. */
async function add(store: Writer): Promise<boolean> {
  const i = writer++;
  const r = await store.addTip(COMMUNITY, { id: `w${i % 2000}`, name: `Writer ${i % 2000}`, limited: true }, STEPS[i % STEPS.length]!, text(), new Date().toISOString());
  return r.ok && r.value.ok;
}

/** One write per step, timed (JIT, the stores' caches; the file store ranks its tips once). */
async function warmUp(store: Writer): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < STEPS.length; i++) {
    const t0 = performance.now();
    await add(store);
    times.push(performance.now() - t0);
  }
  return times;
}

async function measure(store: Writer, samples: { seq: number; rounds: number }): Promise<Measured> {
  let refused = 0;
  const timed = async (into: number[]) => {
    const t0 = performance.now();
    if (!(await add(store))) refused++;
    into.push(performance.now() - t0);
  };
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const seq: number[] = [];
  loop.enable();
  for (let i = 0; i < samples.seq; i++) await timed(seq);
  loop.disable();
  const seqBlock = loop.max / 1e6;

  loop.reset();
  const conc: number[] = [];
  loop.enable();
  for (let r = 0; r < samples.rounds; r++) await Promise.all(Array.from({ length: 50 }, () => timed(conc)));
  loop.disable();
  return { seq: { lat: seq, block: seqBlock }, conc: { lat: conc, block: loop.max / 1e6 }, refused, samples };
}

// ------------------------------------------------------------------------------ cleanup

/** Undone on the way out: the temp folder, the bench database. Also run on Ctrl-C. */
const cleanups = new Set<() => Promise<void>>();
/** Set by Ctrl-C: nothing new is started while the cleanup runs. */
let stopping = false;
async function cleanUp(): Promise<void> {
  // Until none is left: one may be added while another runs.
  for (let fn = [...cleanups].pop(); fn; fn = [...cleanups].pop()) {
    cleanups.delete(fn);
    await fn().catch((error) => console.error(`bench: cleanup failed: ${reasonOf(error)}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    console.error(`\nbench: ${signal}, cleaning up`);
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// ------------------------------------------------------------------------------ the file store

const notes: string[] = [];

async function fileRun(tips: number, fsync: boolean, maxWriteS?: number): Promise<Measured | { skipped: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'devpath-bench-'));
  const remove = async () => rmSync(dir, { recursive: true, force: true });
  cleanups.add(remove);
  let store: LowdbStore | undefined;
  try {
    store = await openLowdbStore(dir, { fsync, rateLimit: RATE_LIMIT });
    const t0 = performance.now();
    // Seeded as the PostgreSQL database is: the same authors, dates and votes, in one write.
    await store.write(COMMUNITY, (c) => {
      for (let u = 0; u < AUTHORS; u++) c.users[`user${u}`] = { name: `User ${u}`, lastActive: new Date(ORIGIN).toISOString() };
      for (let i = 0; i < tips; i++) {
        const id = c.nextTipId++;
        const votes = Array.from({ length: votesOf(id) }, (_, k) => `user${(id + k + 1) % AUTHORS}`);
        c.tips.push(freezeTip({ id, step: STEPS[id % STEPS.length]!, text: text(), author: `user${id % AUTHORS}`, createdAt: createdAt(id), votes }));
      }
      return { value: undefined, changed: true };
    });
    const seeded = seconds(t0);
    const warm = await warmUp(store);
    const perWrite = pct(warm.slice(-6), 50) / 1000;
    if (maxWriteS !== undefined && perWrite > maxWriteS) {
      return { skipped: `skipped: one write takes ${perWrite.toFixed(1)} s with ${label(tips)} tips (over ${maxWriteS} s: the run would take minutes)` };
    }
    const writesBefore = store.stats.writes;
    const samples = FILE_SAMPLES[tips]!;
    const m = await measure(store, samples);
    const fileWrites = store.stats.writes - writesBefore;
    await store.close();
    const size = statSync(join(dir, DATA_FILE_NAME)).size;
    notes.push(
      `file ${label(tips)}: ${(size / 1e6).toFixed(0)} MB file, seeded in ${seeded}; ${samples.seq} sequential + ${samples.rounds} x 50 concurrent writes in ${fileWrites} file writes` +
        (m.refused ? `; ${m.refused} refused` : ''),
    );
    return m;
  } finally {
    await store?.close().catch(() => undefined);
    cleanups.delete(remove);
    await remove();
  }
}

// ------------------------------------------------------------------------------ PostgreSQL

interface Bench {
  store: Writer;
  /** Adds SQL-seeded tips until the community has `tips`. */
  seedTo(tips: number): Promise<void>;
}

/** A fresh database on the server at `baseUrl`, migrated by the store and dropped afterwards; a string when there is no server. */
async function openBench(baseUrl: string): Promise<Bench | string> {
  let target;
  try {
    target = parseTarget(baseUrl);
  } catch (error) {
    return reasonOf(error);
  }
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5000 });
  admin.on('error', () => undefined);
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    return `no server answers at ${target.location}: ${redact(reasonOf(error), target.secrets)}`;
  }
  const name = `devpath_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    return `cannot create a database at ${target.location}: ${redact(reasonOf(error), target.secrets)}`;
  }
  let store: Writer | undefined;
  let seeder: pg.Client | undefined;
  let seederPid = 0;
  cleanups.add(async () => {
    await store?.close().catch(() => undefined);
    // The pool's connections go a moment after close() resolves: a forced drop before that would
    // make each of them report a failed idle connection. The seeder may be busy (Ctrl-C during
    // seeding): the drop ends it.
    for (const until = Date.now() + 3000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      const left = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> $2', [name, seederPid]);
      if (!left.rows[0]?.n) break;
    }
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch {
      await seeder?.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name}`); // before PostgreSQL 13
    }
    await seeder?.end().catch(() => undefined);
    await admin.end();
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  // Opened first: its migrations make the schema the seeding fills.
  store = await openPostgresStore(url.toString(), { rateLimit: RATE_LIMIT });
  seeder = new pg.Client({ connectionString: url.toString() });
  seeder.on('error', () => undefined);
  await seeder.connect();
  seederPid = Number((await seeder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
  const c = seeder;
  await c.query(
    `INSERT INTO devpath.users (community, id, name, name_key, last_active)
     SELECT $1, 'user' || u, 'User ' || u, 'user ' || u, $2::timestamptz FROM generate_series(0, $3::int - 1) u`,
    [COMMUNITY, new Date(ORIGIN).toISOString(), AUTHORS],
  );
  const count = async () => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM devpath.tips WHERE community = $1', [COMMUNITY])).rows[0]!.n);
  notes.push(`PostgreSQL: ${store.location} (a fresh database, dropped at the end)`);

  async function seedTo(tips: number): Promise<void> {
    const t0 = performance.now();
    const missing = tips - (await count());
    if (missing <= 0) return;
    const next = await c.query<{ next_id: string }>('SELECT next_id FROM devpath.tip_counters WHERE community = $1', [COMMUNITY]);
    const from = Number(next.rows[0]?.next_id ?? 1);
    const to = from + missing - 1;
    await c.query('BEGIN');
    try {
      // 14 random words and a uuid per tip (the LATERAL names g, so it runs again for every row);
      // norm: the uuid's dashes as spaces, as normalizeText gives for such a text.
      await c.query(
        `INSERT INTO devpath.tips (community, id, step, text, norm, author, created_at, votes)
         SELECT $1, g, ($2::text[])[1 + g % 12], x.text, replace(x.text, '-', ' '), 'user' || (g % $3::int),
                $4::timestamptz - ($5::bigint - g) * interval '1 second',
                CASE WHEN g % 7 = 0 THEN 1 + (g / 7) % 3 ELSE 0 END
         FROM generate_series($6::bigint, $7::bigint) g,
         LATERAL (SELECT string_agg(($8::text[])[1 + floor(random() * $9::int)::int], ' ') || ' ' || gen_random_uuid() AS text
                  FROM generate_series(1, 14) WHERE g > 0) x`,
        [COMMUNITY, STEPS, AUTHORS, new Date(ORIGIN).toISOString(), 2_000_000, from, to, WORDS, WORDS.length],
      );
      await c.query(
        `INSERT INTO devpath.votes (community, tip_id, voter, author, voted_at)
         SELECT t.community, t.id, 'user' || ((t.id + k) % $4::int), t.author, t.created_at
         FROM devpath.tips t, generate_series(1, 3) k
         WHERE t.community = $1 AND t.id BETWEEN $2 AND $3 AND t.votes >= k`,
        [COMMUNITY, from, to, AUTHORS],
      );
      await c.query(
        `INSERT INTO devpath.tip_counters (community, next_id) VALUES ($1, $2)
         ON CONFLICT (community) DO UPDATE SET next_id = EXCLUDED.next_id`,
        [COMMUNITY, to + 1],
      );
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    // The norm column must be what the store would have stored.
    const ids = Array.from({ length: 1000 }, () => from + Math.floor(Math.random() * missing));
    const sample = await c.query<{ text: string; norm: string }>('SELECT text, norm FROM devpath.tips WHERE community = $1 AND id = ANY($2::bigint[])', [COMMUNITY, ids]);
    const wrong = sample.rows.find((r) => normalizeText(r.text) !== r.norm);
    if (wrong) throw new Error(`seeded norm ${JSON.stringify(wrong.norm)} is not normalizeText(${JSON.stringify(wrong.text)})`);
    await c.query('VACUUM (ANALYZE) devpath.tips, devpath.votes, devpath.users, devpath.tip_counters');
    await c.query('CHECKPOINT').catch(() => undefined); // not a superuser: the next checkpoint may land in a phase
    notes.push(`PostgreSQL ${label(tips)}: ${missing} tips seeded (with votes, VACUUM ANALYZE, CHECKPOINT) in ${seconds(t0)}`);
  }

  return { store, seedTo };
}

async function pgRun(bench: Bench, tips: number): Promise<Measured> {
  await bench.seedTo(tips);
  await warmUp(bench.store);
  const samples = PG_SAMPLES[tips]!;
  const m = await measure(bench.store, samples);
  if (m.refused) notes.push(`PostgreSQL ${label(tips)}: ${m.refused} writes refused`);
  return m;
}

// ------------------------------------------------------------------------------ the run

const fsync = !process.argv.includes('--no-fsync');
const baseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

console.log(
  `devpath store benchmark: Store.addTip latency p50 / p99 and the longest event-loop block (monitorEventLoopDelay, 1 ms), one write at a time and 50 at once (Promise.all rounds), ` +
    `with 10k, 100k and 1M tips in one community; file = lowdb (serialised queue, coalesced batches, cross-process lock, atomic rename${fsync ? ', fsync' : ', no fsync'}), PostgreSQL = one transaction per write`,
);
const COLS = [12, 7, 40];
const row = (store: string, tips: string, seq: string, conc: string) => `${store.padEnd(COLS[0]!)}${tips.padEnd(COLS[1]!)}${seq.padEnd(COLS[2]!)}${conc}`.trimEnd();
const phase = (p: Phase) => `${f1(pct(p.lat, 50))} / ${f1(pct(p.lat, 99))} / ${f1(p.block)} ms`;

const results: Record<'file' | 'pg', Map<number, Measured | { skipped: string }>> = { file: new Map(), pg: new Map() };
const show = (store: string, tips: number, r: Measured | { skipped: string }) => console.log('skipped' in r ? row(store, label(tips), r.skipped, '') : row(store, label(tips), phase(r.seq), phase(r.conc)));

const progress = (what: string) => process.stderr.write(`bench: ${what}\n`);
// Other work on the machine shows up in every tail latency: the load is printed with the results.
const loadAtStart = loadavg()[0]!;
let failed = false;
/** Why PostgreSQL did not run at all (no server), if it did not. */
let pgSkipped: string | undefined;
try {
  // PostgreSQL first, all sizes: the file store's garbage (hundreds of MB at 1M tips) is then not
  // collected during PostgreSQL's phases, where a major GC would show as PostgreSQL's event-loop block.
  try {
    const bench = await openBench(baseUrl);
    if (typeof bench === 'string') notes.push((pgSkipped = `PostgreSQL skipped: ${bench}`));
    else {
      for (const tips of SIZES) {
        if (stopping) break;
        progress(`PostgreSQL, ${label(tips)} tips`);
        results.pg.set(tips, await pgRun(bench, tips));
      }
    }
  } catch (error) {
    // The file store still runs.
    failed = true;
    notes.push(stopping ? 'PostgreSQL: interrupted' : `PostgreSQL failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await cleanUp(); // the bench database, before the file store runs
  }
  for (const tips of SIZES) {
    if (stopping) break;
    progress(`file, ${label(tips)} tips`);
    if (tips < 1_000_000) results.file.set(tips, await fileRun(tips, fsync));
    else {
      // Beyond the file store's range: predicted from 100k (a write rewrites the whole file), then checked on the warm-up writes.
      const at100k = results.file.get(100_000);
      const predicted = at100k && !('skipped' in at100k) ? (pct(at100k.seq.lat, 50) * 10) / 1000 : 0;
      results.file.set(
        tips,
        predicted > FILE_1M_MAX_WRITE_S ? { skipped: `skipped: one write would take ~${predicted.toFixed(1)} s (10 x 100k's p50; the limit is ${FILE_1M_MAX_WRITE_S} s)` } : await fileRun(tips, fsync, FILE_1M_MAX_WRITE_S),
      );
    }
  }
} catch (error) {
  failed = true;
  if (!stopping) console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanUp();
}

console.log(row('store', 'tips', 'one at a time p50 / p99 / max block', '50 at once p50 / p99 / max block'));
for (const tips of SIZES) {
  const file = results.file.get(tips);
  const pgr = results.pg.get(tips);
  if (file) show('file', tips, file);
  else console.log(row('file', label(tips), 'not measured (see above)', ''));
  if (pgr) show('PostgreSQL', tips, pgr);
  else console.log(row('PostgreSQL', label(tips), pgSkipped ? 'skipped: no server (see below)' : 'not measured (see below)', ''));
}

// ------------------------------------------------------------------------------ verdicts

const measured = (r: Measured | { skipped: string } | undefined): r is Measured => r !== undefined && !('skipped' in r);
const sampleNote = (r: Measured) => `${r.samples.seq} + ${r.samples.rounds} x 50 writes`;
console.log('');
notes.push(`machine: 1-minute load average ${loadAtStart.toFixed(2)} before the run, ${loadavg()[0]!.toFixed(2)} at its end (this run itself makes 1 to 2 of it), on ${availableParallelism()} CPUs`);
for (const n of notes) console.log(`note: ${n}`);
console.log('');
const pg1m = results.pg.get(1_000_000);
if (pgSkipped) console.log(`PostgreSQL goals (write p99 <= 10 ms at 1M tips; no event-loop block over 20 ms under 50 concurrent writes): not measured, ${pgSkipped}.`);
else {
  if (measured(pg1m)) {
    const p99 = pct(pg1m.seq.lat, 99);
    console.log(`PostgreSQL goal, write p99 <= 10 ms at 1M tips one at a time: ${p99 <= 10 ? 'met' : 'NOT met'} (p99 ${f1(p99)} ms over ${pg1m.samples.seq} writes).`);
  } else console.log('PostgreSQL goal, write p99 <= 10 ms at 1M tips one at a time: not measured.');
  for (const tips of SIZES) {
    const r = results.pg.get(tips);
    if (measured(r)) console.log(`PostgreSQL goal, no event-loop block over 20 ms under 50 concurrent writes, ${label(tips)} tips: ${r.conc.block <= 20 ? 'met' : 'NOT met'} (${f1(r.conc.block)} ms; ${sampleNote(r)}).`);
    else console.log(`PostgreSQL goal, no event-loop block over 20 ms under 50 concurrent writes, ${label(tips)} tips: not measured.`);
  }
}
const file10k = results.file.get(10_000);
if (measured(file10k)) {
  const p99 = pct(file10k.seq.lat, 99);
  const ok = p99 <= 20 && file10k.conc.block <= 50;
  console.log(`File store goal at 10k tips, write p99 <= 20 ms and no event-loop block over 50 ms under 50 concurrent writes: ${ok ? 'met' : 'NOT met'} (p99 ${f1(p99)} ms, block ${f1(file10k.conc.block)} ms).`);
} else console.log('File store goal at 10k tips: not measured.');
if (failed) process.exitCode = 1;

// Durability of the lowdb store with real processes: 500 concurrent writes in one process, a child
// killed with SIGKILL in the middle of its write loop, and two processes writing one data file in
// turn and interleaved. What a user would notice: every acknowledged record is there, and the file
// still parses. And due jobs: two stores, and two processes, claiming from one file never both
// get the same job.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTip } from '../src/store/community.js';
import { DATA_FILE_NAME, openLowdbStore, validateData, type LowdbStore } from '../src/store/lowdb.js';
import type { DueJob } from '../src/store/store.js';

const root = join(import.meta.dirname, '..');
const writer = join(import.meta.dirname, 'fixtures', 'store-writer.mjs');
const claimer = join(import.meta.dirname, 'fixtures', 'job-claimer.mjs');
const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'devpath-durable-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

beforeAll(() => {
  // The fixtures run the compiled store; build it when dist/ is missing or older than the source.
  const built = join(root, 'dist', 'src', 'store', 'lowdb.js');
  const sources = readdirSync(join(root, 'src', 'store')).map((f) => statSync(join(root, 'src', 'store', f)).mtimeMs);
  if (!existsSync(built) || statSync(built).mtimeMs < Math.max(...sources)) {
    const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    if (!existsSync(built)) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  }
}, 120_000);

/** A child running the writer fixture, answering one line per command. */
function child(dir: string, name: string, mode: string, preload = 0) {
  return childOf([writer, dir, name, mode, String(preload)], name);
}

/** A child running a fixture with these arguments, answering one line per command. */
function childOf(args: string[], name: string) {
  const proc = spawn(process.execPath, args, { cwd: root });
  children.push(proc);
  const lines: string[] = [];
  const waiters: Array<(line: string) => void> = [];
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  createInterface({ input: proc.stdout }).on('line', (line) => {
    const w = waiters.shift();
    if (w) w(line);
    else lines.push(line);
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const l = lines.shift();
      if (l !== undefined) return resolve(l);
      const timer = setTimeout(() => reject(new Error(`${name}: no answer; stderr: ${stderr}`)), 15_000);
      waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const ask = async (line: string) => {
    proc.stdin.write(`${line}\n`);
    return next();
  };
  return { proc, next, ask, stderr: () => stderr };
}

/** Alice and Bob, two script children on one new data directory, both ready. */
async function twoScripts() {
  const dir = tempDir();
  const a = child(dir, 'alice', 'script');
  const b = child(dir, 'bob', 'script');
  expect([await a.next(), await b.next()]).toEqual(['ready', 'ready']);
  return { dir, a, b };
}

const readData = (dir: string) => validateData(join(dir, DATA_FILE_NAME), JSON.parse(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')));
const tipsIn = (dir: string) => readData(dir).communities.local?.tips ?? [];

describe('lowdb store durability', () => {
  it('loses nothing with 500 concurrent writes in one process, and coalesces them into few file writes', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir);
    const now = new Date().toISOString();
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => store.write('local', (c) => addTip(c, { id: `u${i}`, name: `U${i}` }, 'databases', `${randomUUID()} concurrent tip ${i}`, now))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = results.map((r) => (r.ok ? r.tip.id : 0));
    expect(new Set(ids).size).toBe(500);
    await store.close();
    const tips = tipsIn(dir);
    expect(tips).toHaveLength(500);
    expect(store.stats.writes).toBeLessThan(50);
  });

  it('leaves the last good file when a writer is killed (SIGKILL) in the middle of its write loop', async () => {
    const dir = tempDir();
    let acked = 0;
    for (let round = 0; round < 3; round++) {
      const w = child(dir, `killer${round}`, 'loop', round === 0 ? 20_000 : 0);
      expect(await w.next()).toBe('ready');
      const target = 3 + Math.floor(Math.random() * 8);
      let last = 0;
      while (last < target) last = Number((await w.next()).split(' ')[1]);
      // Kill it while its temp file is open, i.e. in the middle of writing the next version.
      const temp = new RegExp(`^devpath\\.json\\.${w.proc.pid}\\.\\d+\\.tmp$`);
      const deadline = Date.now() + 10_000;
      while (!readdirSync(dir).some((f) => temp.test(f)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      w.proc.kill('SIGKILL');
      await new Promise((r) => w.proc.once('exit', r));
      expect(readdirSync(dir).some((f) => temp.test(f))).toBe(true);
      // The file parses and validates, and holds every write the child was told was done.
      const mine = tipsIn(dir).filter((t) => t.author === `killer${round}` && t.text.includes(' loop '));
      expect(mine.length).toBeGreaterThanOrEqual(last);
      acked += last;
    }
    // A new process reads everything at once; its first write takes over the dead one's lock
    // (once stale) and removes its temp file.
    const store = await openLowdbStore(dir, { lockStaleMs: 2000 });
    const count = await store.read('local', (c) => c.tips.filter((t) => t.text.includes(' loop ')).length);
    expect(count).toBeGreaterThanOrEqual(acked);
    await store.write('local', (c) => addTip(c, { id: 'after', name: 'After' }, 'security', `${randomUUID()} after the kills`, new Date().toISOString()));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.close();
  }, 60_000);

  it('two processes writing in turn see each other\'s writes (each write re-reads the latest file under the lock)', async () => {
    const { dir, a, b } = await twoScripts();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(Number((await a.ask(`add ${randomUUID()} alice ${i}`)).split(' ')[1]));
      ids.push(Number((await b.ask(`add ${randomUUID()} bob ${i}`)).split(' ')[1]));
    }
    // Ids come from the file's counter: consecutive only if each write saw the other's.
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await a.ask('count')).toBe('count 20');
    expect(await b.ask('count')).toBe('count 20');
    // A near-duplicate of the other process's tip is refused: the check ran on the latest data.
    expect(await b.ask('add Use an index for every foreign key you join on')).toBe('ok 21');
    expect(await a.ask('add use an index for every foreign key you join on!')).toBe('refused duplicate');
    await a.ask('exit');
    await b.ask('exit');
    const tips = tipsIn(dir);
    expect(tips.filter((t) => t.author === 'alice')).toHaveLength(10);
    expect(tips.filter((t) => t.author === 'bob')).toHaveLength(11);
  }, 60_000);

  it('two processes writing at the same time, 50 each plus 100 from this process, lose nothing', async () => {
    const { dir, a, b } = await twoScripts();
    const here = await openLowdbStore(dir);
    const now = new Date().toISOString();
    const [ra, rb, rc] = await Promise.all([
      a.ask('burst 50 a'),
      b.ask('burst 50 b'),
      Promise.all(Array.from({ length: 100 }, (_, i) => here.write('local', (c) => addTip(c, { id: 'carol', name: 'Carol' }, 'security', `${randomUUID()} carol ${i}`, now)))),
    ]);
    expect(ra.split(',')).not.toContain('x');
    expect(rb.split(',')).not.toContain('x');
    expect(rc.every((r) => r.ok)).toBe(true);
    await here.close();
    await a.ask('exit');
    await b.ask('exit');
    const tips = tipsIn(dir);
    expect(tips.filter((t) => t.author === 'alice')).toHaveLength(50);
    expect(tips.filter((t) => t.author === 'bob')).toHaveLength(50);
    expect(tips.filter((t) => t.author === 'carol')).toHaveLength(100);
    expect(new Set(tips.map((t) => t.id)).size).toBe(200);
  }, 60_000);

  it('a writer paused while it holds the lock does not put its older copy over what another saved meanwhile', async () => {
    const { dir, a, b } = await twoScripts();
    expect(await a.ask('add alice before the pause')).toMatch(/^ok/);
    expect(await a.ask('pause-next')).toBe('armed');
    a.proc.stdin.write(`add ${randomUUID()} alice paused mid-write\n`); // stops itself holding the lock
    await until(() => processState(a.proc.pid!) === 'T');
    // Bob waits out the stale lock (2 s in the fixture), takes it over and saves five tips.
    const bobs: string[] = [];
    for (let i = 0; i < 5; i++) bobs.push(await b.ask(`add ${randomUUID()} bob saved while alice slept ${i}`));
    expect(bobs.every((r) => r.startsWith('ok'))).toBe(true);
    process.kill(a.proc.pid!, 'SIGCONT');
    expect(await a.next()).toMatch(/^ok \d+/);
    expect(await a.ask(`add ${randomUUID()} alice after the pause`)).toMatch(/^ok/);
    await a.ask('exit');
    await b.ask('exit');
    const tips = tipsIn(dir);
    expect(tips.filter((t) => t.author === 'bob')).toHaveLength(5);
    expect(tips.filter((t) => t.author === 'alice')).toHaveLength(3);
    expect(new Set(tips.map((t) => t.id)).size).toBe(tips.length);
  }, 60_000);
});

/** A process's state letter from /proc (T: stopped). */
function processState(pid: number): string {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').charAt(0);
}

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('claiming due jobs from one data file', () => {
  const seededAt = '2026-03-01T12:00:00.000Z';
  const due = '2026-03-01T13:00:00.000Z';
  const COMMUNITIES = ['guild-1', 'guild-2'];

  /** 60 Discord reminders, due at distinct times, spread over two communities and three users in each. */
  async function seed(dir: string): Promise<string[]> {
    const store = await openLowdbStore(dir, { fsync: false });
    const keys: string[] = [];
    for (let i = 0; i < 60; i++) {
      const community = COMMUNITIES[i % 2]!;
      const who = { id: `u${i % 3}`, name: `U${i % 3}`, limited: false };
      const r = await store.addReminder(community, who, { door: 'discord', text: `reminder ${i}`, dueAt: new Date(Date.parse(seededAt) + (i + 1) * 1000).toISOString() }, seededAt);
      if (!r.ok || !r.value.ok) throw new Error(`reminder ${i} refused`);
      keys.push(`reminder:${community}:${r.value.reminder.id}`);
    }
    await store.close();
    return keys;
  }

  /**
   * Every job of the file claimed by one and only one of the claimers. (How they split depends on
   * who gets the lock: the lock is not fair, and under load one may be given them all.)
   */
  function expectSplit(all: string[], mine: string[], theirs: string[]): void {
    expect(mine.filter((k) => theirs.includes(k))).toEqual([]);
    expect([...mine, ...theirs].sort()).toEqual([...all].sort());
  }

  it('two stores on the same file, claiming at the same time, never get the same job', async () => {
    const dir = tempDir();
    const all = await seed(dir);
    const [a, b] = await Promise.all([openLowdbStore(dir, { fsync: false }), openLowdbStore(dir, { fsync: false })]);
    const claimAll = async (store: LowdbStore, owner: string): Promise<DueJob[]> => {
      const claimed: DueJob[] = [];
      for (;;) {
        const jobs = await store.claimDue({ door: 'discord', owner, now: due, leaseMs: 60 * 60_000, limit: 2 });
        if (!jobs.length) return claimed;
        claimed.push(...jobs);
      }
    };
    const [mine, theirs] = await Promise.all([claimAll(a, 'a'), claimAll(b, 'b')]);
    expectSplit(
      all,
      mine.map((j) => j.key),
      theirs.map((j) => j.key),
    );
    // A job is not finished by an owner that did not claim it; each owner's own reports are accepted.
    const [job, other] = mine.length ? [mine[0]!, 'b'] : [theirs[0]!, 'a'];
    expect(await a.finishJob(job, other, { type: 'sent' }, due)).toBe(false);
    const finished = await Promise.all([...mine.map((j) => a.finishJob(j, 'a', { type: 'sent' }, due)), ...theirs.map((j) => b.finishJob(j, 'b', { type: 'sent' }, due))]);
    expect(finished.every(Boolean)).toBe(true);
    await Promise.all([a.close(), b.close()]);
    expect(readData(dir).communities['guild-1']?.reminders).toEqual([]);
    expect(readData(dir).communities['guild-2']?.reminders).toEqual([]);
  }, 60_000);

  it('two processes on the same file, claiming at the same time, never get the same job', async () => {
    const dir = tempDir();
    const all = await seed(dir);
    const a = childOf([claimer, dir, 'a', due], 'a');
    const b = childOf([claimer, dir, 'b', due], 'b');
    expect([await a.next(), await b.next()]).toEqual(['ready', 'ready']);
    const [ra, rb] = await Promise.all([a.ask('claim'), b.ask('claim')]);
    const keysOf = (line: string) => JSON.parse(line.replace(/^claimed /, '')) as string[];
    expectSplit(all, keysOf(ra), keysOf(rb));
    // What each was given is what the file says it holds.
    const claims = Object.values(readData(dir).communities).flatMap((c) => c.reminders.map((r) => r.claim?.owner));
    expect(claims.filter((o) => o === 'a')).toHaveLength(keysOf(ra).length);
    expect(claims.filter((o) => o === 'b')).toHaveLength(keysOf(rb).length);
    expect([await a.ask('finish'), await b.ask('finish')]).toEqual([`finished ${keysOf(ra).length}`, `finished ${keysOf(rb).length}`]);
    await a.ask('exit');
    await b.ask('exit');
    expect(Object.values(readData(dir).communities).flatMap((c) => c.reminders)).toEqual([]);
  }, 60_000);
});

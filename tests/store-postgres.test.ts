// What only the PostgreSQL store has to show, against a real server (the contract itself is
// tests/store-contract.test.ts): migrations applied once when instances start together, tip
// numbers without gaps from four processes at once, one vote, one write limit and one delivery
// record shared by every store on the database, the constraints that hold even against SQL
// written by hand, and a connection error that never shows the password.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/store/postgres/migrations.js';
import { openPostgresStore, type PostgresStore } from '../src/store/postgres/store.js';
import { DOOR_MAX } from '../src/store/schema.js';
import { StoreError, type Actor, type RateLimit } from '../src/store/store.js';
import { testDatabase } from './support/postgres.js';

const root = join(import.meta.dirname, '..');
const writer = join(import.meta.dirname, 'fixtures', 'postgres-writer.mjs');
const claimer = join(import.meta.dirname, 'fixtures', 'postgres-claimer.mjs');

const db = await testDatabase();
const skip = 'skip' in db ? db.skip : undefined;
if (skip) console.warn(skip);
const url = 'url' in db ? db.url : '';

const ana: Actor = { id: 'u-ana', name: 'Ana', limited: true };
const ben: Actor = { id: 'u-ben', name: 'Ben', limited: true };
const now = () => new Date().toISOString();

const stores: PostgresStore[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
const open = async (options: { rateLimit?: RateLimit; poolSize?: number } = {}, at = url) => {
  const s = await openPostgresStore(at, options);
  stores.push(s);
  return s;
};

/** One query on the test database, outside any store. */
async function sql<R extends pg.QueryResultRow>(text: string, params: unknown[] = [], at = url): Promise<R[]> {
  const client = new pg.Client({ connectionString: at });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The compiled store for the child processes: dist/ when it is newer than the sources (npm test
 * builds first), else these files alone compiled into node_modules/.cache (a full build can fail
 * on an unrelated file being edited; node still resolves `pg` from there).
 */
function compiledStore(): string {
  const built = join(root, 'dist', 'src', 'store', 'postgres', 'store.js');
  const sources = [
    ...readdirSync(join(root, 'src', 'store', 'postgres')).map((f) => join('src', 'store', 'postgres', f)),
    ...['rules.ts', 'schema.ts', 'store.ts'].map((f) => join('src', 'store', f)),
    join('src', 'confusable.ts'),
  ].map((f) => statSync(join(root, f)).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return built;
  const out = join(root, 'node_modules', '.cache', 'devpath-postgres-test');
  const args = ['tsc', '--outDir', out, '--rootDir', '.', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck', '--esModuleInterop', '--resolveJsonModule', '--types', 'node', '--noCheck', 'src/store/postgres/store.ts'];
  const r = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
  const compiled = join(out, 'src', 'store', 'postgres', 'store.js');
  if (r.status !== 0 || !existsSync(compiled)) throw new Error(`could not compile the store for the child processes: ${r.stdout}${r.stderr}`);
  return compiled;
}

/** A child running the writer fixture, answering one line per command. */
function writerProcess(module: string, name: string, count: number) {
  return child(writer, module, name, [String(count)]);
}

/** A child running `fixture` on the test database as `name`, answering one line per command. */
function child(fixture: string, module: string, name: string, args: string[]) {
  const proc = spawn(process.execPath, [fixture, url, name, ...args], { cwd: root, env: { ...process.env, DEVPATH_PG_STORE: module } });
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
      const timer = setTimeout(() => reject(new Error(`${name}: no answer; stderr: ${stderr}`)), 30_000);
      waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  return { proc, next, send: (line: string) => proc.stdin.write(`${line}\n`) };
}

describe.skipIf(skip)('the PostgreSQL store', () => {
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await Promise.all(stores.map((s) => s.close().catch(() => undefined)));
    if ('drop' in db) await db.drop();
  });

  it('applies the migrations once when three instances open a new database at once', async () => {
    const fresh = await testDatabase();
    if ('skip' in fresh) throw new Error(fresh.skip);
    try {
      const three = await Promise.all([1, 2, 3].map(() => openPostgresStore(fresh.url)));
      try {
        const applied = await sql<{ version: number }>('SELECT version FROM devpath.schema_migrations ORDER BY version', [], fresh.url);
        expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
        // Each works, and all three see one database.
        for (const [i, s] of three.entries()) await s.markDone('g', { ...ana, limited: false }, `step-${i}`, now());
        expect(Object.keys(await three[0]!.progress('g', ana.id)).sort()).toEqual(['step-0', 'step-1', 'step-2']);
        // The latest version's tables too (reminders, version 3): one counter for the three.
        const soon = (i: number) => new Date(Date.now() + (i + 1) * 60_000).toISOString();
        await Promise.all(three.map((s, i) => s.addReminder('g', { ...ana, limited: false }, { door: 'terminal', text: `reminder ${i}`, dueAt: soon(i) }, now())));
        expect((await three[2]!.reminders('g', ana.id)).map((r) => r.id).sort()).toEqual([1, 2, 3]);
        // Opening again applies nothing and changes nothing.
        const again = await openPostgresStore(fresh.url);
        await again.close();
        expect(await sql('SELECT version FROM devpath.schema_migrations', [], fresh.url)).toHaveLength(MIGRATIONS.length);
      } finally {
        await Promise.all(three.map((s) => s.close()));
      }
    } finally {
      await fresh.drop();
    }
  });

  it('numbers 1,200 tips added by four processes at once 1 to 1,200, without a gap or a repeat', async () => {
    const module = compiledStore();
    const four = ['p1', 'p2', 'p3', 'p4'].map((name) => writerProcess(module, name, 300));
    expect(await Promise.all(four.map((w) => w.next()))).toEqual(['ready', 'ready', 'ready', 'ready']);
    four.forEach((w) => w.send('go'));
    const answers = await Promise.all(four.map((w) => w.next()));
    const ids = answers.flatMap((a) => {
      expect(a).toMatch(/^done \d/);
      return a.slice('done '.length).split(',').map(Number);
    });
    expect(ids).toHaveLength(1200);
    expect([...ids].sort((a, b) => a - b)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    const stored = await sql<{ id: string }>("SELECT id FROM devpath.tips WHERE community = 'local' ORDER BY id");
    expect(stored.map((r) => Number(r.id))).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    const store = await open();
    expect(await store.addTip('local', { ...ana, limited: false }, 'databases', 'One more after the rush', now())).toMatchObject({ ok: true, value: { ok: true, tip: { id: 1201 } } });
  }, 60_000);

  it('gives each of 300 due reminders to exactly one of four processes claiming at once, and none that is not due or not its door', async () => {
    const store = await open();
    const t0 = Date.parse('2026-03-01T12:00:00.000Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    // 3 communities x 4 users x 25 reminders (the most one user may have), due over five hours.
    const expected: string[] = [];
    await Promise.all(
      ['claims-1', 'claims-2', 'claims-3'].map(async (community) => {
        for (let u = 0; u < 4; u++) {
          const who = { id: `u-${u}`, name: `User ${u}`, limited: false };
          for (let i = 0; i < 25; i++) {
            const r = await store.addReminder(community, who, { door: 'discord', text: `reminder ${u}-${i}`, dueAt: at(1 + ((u * 25 + i) % 300)) }, at(0));
            if (!r.ok || !r.value.ok) throw new Error(`reminder not added: ${JSON.stringify(r)}`);
            expected.push(`reminder:${community}:${r.value.reminder.id}@1`);
          }
        }
      }),
    );
    // Not due yet at the claims' time, and another door's: neither is claimed.
    const other = { id: 'u-other', name: 'Other', limited: false };
    await store.addReminder('claims-1', other, { door: 'discord', text: 'tomorrow', dueAt: at(60 * 24) }, at(0));
    await store.addReminder('claims-1', other, { door: 'slack', text: 'on slack', dueAt: at(5) }, at(0));
    expect(expected).toHaveLength(300);

    const module = compiledStore();
    const four = ['c1', 'c2', 'c3', 'c4'].map((name) => child(claimer, module, name, [at(6 * 60), '7', '3']));
    expect(await Promise.all(four.map((w) => w.next()))).toEqual(['ready', 'ready', 'ready', 'ready']);
    four.forEach((w) => w.send('go'));
    const answers = await Promise.all(four.map((w) => w.next()));
    const claimed = answers.map((a) => {
      expect(a).toMatch(/^done /);
      return a.slice('done '.length).split(',').filter(Boolean);
    });
    const all = claimed.flat();
    // Each once, every one of them, each as its first attempt.
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect([...all].sort()).toEqual([...expected].sort());
    // The database agrees: each is held by the process that reported it.
    const held = await sql<{ community: string; id: string; owner: string | null; attempts: number }>(
      "SELECT community, id, owner, attempts FROM devpath.reminders WHERE community LIKE 'claims-%' AND door = 'discord' ORDER BY community, id",
    );
    const owners = new Map(claimed.flatMap((keys, i) => keys.map((k) => [k.replace(/@\d+$/, ''), `c${i + 1}`] as const)));
    for (const r of held) {
      const key = `reminder:${r.community}:${r.id}`;
      if (r.owner === null) {
        expect(owners.has(key)).toBe(false);
        expect(r.attempts).toBe(0);
      } else expect([key, r.owner, r.attempts]).toEqual([key, owners.get(key), 1]);
    }
    expect(held.filter((r) => r.owner !== null)).toHaveLength(300);
    // Nothing is left to claim until the first lease ends; the reminder not yet due comes first.
    expect(await store.claimDue({ door: 'discord', owner: 'late', now: at(6 * 60), leaseMs: 60_000, limit: 10 })).toEqual([]);
    expect(await store.nextDue('discord')).toBe(at(6 * 60 + 60));
    expect(await store.nextDue('discord', ['claims-2'])).toBe(at(6 * 60 + 60));
    expect(await store.nextDue('slack')).toBe(at(5));
  }, 60_000);

  it('claims a job whose lease ended again, as attempt 2, and refuses the first owner\'s late report', async () => {
    // Only this test's community: the database holds the other tests' jobs too.
    const [a, b] = [await open(), await open()];
    const owner = { ...ana, limited: false };
    const t0 = Date.parse('2026-03-01T12:00:00.000Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    await a.addReminder('lease', owner, { door: 'discord', channel: 'c-1', text: 'review joins', dueAt: at(10) }, at(0));
    await a.createGroup('lease', owner, 'Backend Club', at(0));
    await a.setDigest('lease', owner, 'backend club', { door: 'discord', channel: 'c-news', nextAt: at(20) }, at(0));

    const first = await a.claimDue({ door: 'discord', owner: 'instance-a', now: at(30), leaseMs: 60_000, limit: 10, communities: ['lease'] });
    expect(first.map((j) => [j.key, j.attempt])).toEqual([
      ['reminder:lease:1', 1],
      ['digest:lease:backend-club:2026-03-01T12:20:00.000Z', 1],
    ]);
    // Held: another instance gets nothing until the lease ends, and learns when that is.
    expect(await b.claimDue({ door: 'discord', owner: 'instance-b', now: at(30.5), leaseMs: 60_000, limit: 10, communities: ['lease'] })).toEqual([]);
    expect(await b.nextDue('discord', ['lease'])).toBe(at(31));
    // Instance a stalls past its lease: b takes both, as their second attempt, under the same keys.
    const second = await b.claimDue({ door: 'discord', owner: 'instance-b', now: at(31), leaseMs: 60_000, limit: 10, communities: ['lease'] });
    expect(second.map((j) => [j.key, j.attempt])).toEqual([
      ['reminder:lease:1', 2],
      ['digest:lease:backend-club:2026-03-01T12:20:00.000Z', 2],
    ]);
    expect(second[0]).toMatchObject({ kind: 'reminder', community: 'lease', dueAt: at(10), reminder: { id: 1, user: owner.id, channel: 'c-1', text: 'review joins' } });
    expect(second[1]).toMatchObject({ kind: 'digest', dueAt: at(20), group: { key: 'backend-club', name: 'Backend Club', members: 1 }, digest: { channel: 'c-news', by: owner.id, since: at(0) } });
    // a's late reports change nothing.
    const before = await sql('SELECT community, id, owner, lease_until, attempts, retry_at FROM devpath.reminders ORDER BY community, id');
    for (const job of first) expect(await a.finishJob(job, 'instance-a', { type: 'sent' }, at(31.5))).toBe(false);
    expect(await a.finishJob(second[0]!, 'instance-a', { type: 'sent' }, at(31.5))).toBe(false);
    expect(await sql('SELECT community, id, owner, lease_until, attempts, retry_at FROM devpath.reminders ORDER BY community, id')).toEqual(before);
    expect(await a.reminders('lease', owner.id)).toHaveLength(1);
    expect(await a.digest('lease', 'backend club')).toMatchObject({ nextAt: at(20) });
    // b's count: the reminder asks to be retried (claimed again as attempt 3), the digest was sent.
    expect(await b.finishJob(second[0]!, 'instance-b', { type: 'retry', at: at(45) }, at(31.5))).toBe(true);
    expect(await b.finishJob(second[1]!, 'instance-b', { type: 'sent' }, at(31.5))).toBe(true);
    expect(await a.digest('lease', 'backend club')).toEqual({ door: 'discord', channel: 'c-news', by: owner.id, nextAt: at(20 + 7 * 24 * 60), since: at(20) });
    expect(await a.nextDue('discord', ['lease'])).toBe(at(45));
    expect(await a.claimDue({ door: 'discord', owner: 'instance-a', now: at(44), leaseMs: 60_000, limit: 10, communities: ['lease'] })).toEqual([]);
    const third = await a.claimDue({ door: 'discord', owner: 'instance-a', now: at(45), leaseMs: 60_000, limit: 10, communities: ['lease'] });
    expect(third.map((j) => [j.key, j.attempt, j.dueAt])).toEqual([['reminder:lease:1', 3, at(10)]]);
    expect(await b.finishJob(second[0]!, 'instance-b', { type: 'sent' }, at(45.5))).toBe(false);
    expect(await a.finishJob(third[0]!, 'instance-a', { type: 'sent' }, at(45.5))).toBe(true);
    expect(await a.reminders('lease', owner.id)).toEqual([]);
    expect(await a.nextDue('discord', ['lease'])).toBe(at(20 + 7 * 24 * 60));
  });

  it('holds the rules of reminders, digests and settings as constraints, even against SQL written by hand', async () => {
    const store = await open();
    const owner = { ...ana, limited: false };
    const t0 = Date.parse('2026-03-01T12:00:00.000Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    await store.addReminder('rules', owner, { door: 'discord', text: 'review joins', dueAt: at(10) }, at(0));
    await store.createGroup('rules', owner, 'Backend Club', at(0));
    await store.setDigest('rules', owner, 'backend club', { door: 'discord', channel: 'c-news', nextAt: at(20) }, at(0));
    await store.setTimeZone('rules', owner, 'Europe/Berlin', at(0));
    const reminder = (columns: string, values: string) =>
      sql(`INSERT INTO devpath.reminders (community, id, user_id, door, text, due_at, created_at${columns}) VALUES ('rules', 2, 'u-ana', 'discord', 'x', $1, $2${values})`, [at(10), at(0)]);
    await expect(reminder('', '')).resolves.toEqual([]);
    await sql("DELETE FROM devpath.reminders WHERE community = 'rules' AND id = 2");
    // A claim without a lease, a lease without an owner, a claim that is no attempt, a door name no store keeps.
    await expect(reminder(', owner, attempts', ", 'x', 1")).rejects.toMatchObject({ code: '23514' });
    await expect(reminder(', lease_until, attempts', ", now(), 1")).rejects.toMatchObject({ code: '23514' });
    await expect(reminder(', owner, lease_until', ", 'x', now()")).rejects.toMatchObject({ code: '23514' });
    await expect(sql("UPDATE devpath.reminders SET door = '' WHERE community = 'rules'")).rejects.toMatchObject({ code: '23514' });
    await expect(sql(`UPDATE devpath.reminders SET door = repeat('d', ${DOOR_MAX + 1}) WHERE community = 'rules'`)).rejects.toMatchObject({ code: '23514' });
    // Due by the time it was made, or more than REMINDER_AHEAD_MAX_DAYS after.
    await expect(sql("UPDATE devpath.reminders SET due_at = created_at WHERE community = 'rules'")).rejects.toMatchObject({ code: '23514' });
    await expect(sql("UPDATE devpath.reminders SET due_at = created_at + interval '367 days' WHERE community = 'rules'")).rejects.toMatchObject({ code: '23514' });
    // A reminder of a user the community does not have.
    await expect(sql("INSERT INTO devpath.reminders (community, id, user_id, door, text, due_at, created_at) VALUES ('rules', 3, 'u-nobody', 'discord', 'x', $1, $2)", [at(10), at(0)])).rejects.toMatchObject({ code: '23503' });
    // One digest per group; none for a group that is not there.
    const digest = (group: string) =>
      sql("INSERT INTO devpath.digests (community, group_key, door, channel, by_user, next_at, since) VALUES ('rules', $1, 'discord', 'c', 'u-ana', $2, $3)", [group, at(20), at(0)]);
    await expect(digest('backend-club')).rejects.toMatchObject({ code: '23505' });
    await expect(digest('no-such-group')).rejects.toMatchObject({ code: '23503' });
    await expect(sql("UPDATE devpath.settings SET time_zone = '' WHERE community = 'rules'")).rejects.toMatchObject({ code: '23514' });
    // A digest goes with its group.
    await sql("DELETE FROM devpath.groups WHERE community = 'rules'");
    expect(await sql("SELECT count(*)::int AS n FROM devpath.digests WHERE community = 'rules'")).toEqual([{ n: 0 }]);
  });

  it('numbers reminders added by two stores at once 1 to N without a gap, refused ones included', async () => {
    const [a, b] = [await open(), await open()];
    const t0 = Date.parse('2026-03-01T12:00:00.000Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const people = Array.from({ length: 6 }, (_, i) => ({ id: `u-${i}`, name: `User ${i}`, limited: false }));
    // Six people, 30 tries each (5 over their limit of 25), and a refused one every fifth try.
    const results = await Promise.all(
      people.flatMap((who, p) =>
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).addReminder('numbers', who, { door: 'slack', text: i % 5 === 4 ? '   ' : `note ${p}-${i}`, dueAt: at(10 + i) }, at(0))),
      ),
    );
    const values = results.map((r) => (r.ok ? r.value : undefined));
    const ids = values.flatMap((v) => (v?.ok ? [v.reminder.id] : []));
    expect(ids).toHaveLength(6 * 24);
    expect(values.filter((v) => v && !v.ok && v.reason === 'invalid')).toHaveLength(6 * 6);
    expect([...ids].sort((x, y) => x - y)).toEqual(Array.from({ length: 6 * 24 }, (_, i) => i + 1));
  });

  it('counts the same vote sent 40 times through two stores once', async () => {
    const [a, b] = [await open(), await open()];
    const added = await a.addTip('votes', ana, 'databases', 'Learn how indexes work', now());
    expect(added).toMatchObject({ ok: true, value: { ok: true, tip: { id: 1 } } });
    const voter = { ...ben, limited: false };
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).voteTip('votes', voter, 1, now())));
    const values = results.map((r) => (r.ok ? r.value : undefined));
    expect(values.filter((v) => v?.ok)).toHaveLength(1);
    expect(values.filter((v) => v && !v.ok && v.reason === 'already')).toHaveLength(39);
    expect((await b.tips('votes', { limit: 5 })).items[0]).toMatchObject({ id: 1, votes: 1 });
    expect(await sql("SELECT voter FROM devpath.votes WHERE community = 'votes'")).toEqual([{ voter: ben.id }]);
  });

  it('holds one write limit for a user across every store on the database', async () => {
    const limit = { max: 3, windowMs: 60_000 };
    const [a, b] = [await open({ rateLimit: limit }), await open({ rateLimit: limit })];
    const t0 = Date.parse('2026-03-01T12:00:00.000Z');
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    expect(await a.markDone('limit', ana, 'databases', at(0))).toMatchObject({ ok: true, value: { already: false } });
    expect(await b.markDone('limit', ana, 'security', at(1))).toMatchObject({ ok: true, value: { already: false } });
    // A no-op costs nothing.
    expect(await b.markDone('limit', ana, 'security', at(1))).toMatchObject({ ok: true, value: { already: true } });
    expect(await a.markDone('limit', ana, 'apis', at(2))).toMatchObject({ ok: true, value: { already: false } });
    expect(await b.markDone('limit', ana, 'testing', at(10))).toEqual({ ok: false, waitMs: 50_000 });
    expect(await a.progress('limit', ana.id)).toEqual({ databases: at(0), security: at(1), apis: at(2) });
    // A minute after the first write, one more may pass.
    expect(await b.markDone('limit', ana, 'testing', at(60))).toMatchObject({ ok: true, value: { already: false } });

    // Ten writes at once, half through each store: three pass.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).markDone('limit', ben, `step-${i}`, at(0))));
    expect(burst.filter((r) => r.ok)).toHaveLength(3);
    expect(burst.filter((r) => !r.ok && r.waitMs > 0)).toHaveLength(7);
    expect(Object.keys(await a.progress('limit', ben.id))).toHaveLength(3);
  });

  it('says a delivery is the first only once across stores', async () => {
    const [a, b] = [await open(), await open()];
    const t = Date.now();
    const seen = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).firstDelivery('event:EvShared', t)));
    expect(seen.filter(Boolean)).toHaveLength(1);
    expect(await a.firstDelivery('event:EvShared', t + 59 * 60_000)).toBe(false);
    expect(await b.firstDelivery('event:EvShared', t + 60 * 60_000)).toBe(true);
    expect(await a.firstDelivery(`command:T1:${'x'.repeat(1000)}`, t)).toBe(true);
    expect(await b.firstDelivery(`command:T1:${'x'.repeat(1000)}`, t)).toBe(false);
  });

  it('deletes a removed tip with its votes, and refuses votes by the author even in SQL written by hand', async () => {
    const store = await open();
    const owner = { ...ana, limited: false };
    await store.addTip('cascade', owner, 'databases', 'Learn how indexes work', now());
    await store.voteTip('cascade', ben, 1, now());
    await store.voteTip('cascade', { id: 'u-cy', name: 'Cy', limited: true }, 1, now());
    expect(await sql("SELECT count(*)::int AS n FROM devpath.votes WHERE community = 'cascade'")).toEqual([{ n: 2 }]);
    // By hand: a vote by the author, a second vote by one voter, a vote naming the wrong author.
    const vote = (voter: string, author: string) =>
      sql("INSERT INTO devpath.votes (community, tip_id, voter, author, voted_at) VALUES ('cascade', 1, $1, $2, now())", [voter, author]);
    await expect(vote(ana.id, ana.id)).rejects.toMatchObject({ code: '23514' }); // check_violation
    await expect(vote(ben.id, ana.id)).rejects.toMatchObject({ code: '23505' }); // unique_violation
    await expect(vote(ana.id, ben.id)).rejects.toMatchObject({ code: '23503' }); // foreign_key_violation
    expect(await store.removeTip('cascade', owner, 1, false, now())).toMatchObject({ ok: true, value: { ok: true, tip: { id: 1, votes: 2 } } });
    expect(await sql("SELECT count(*)::int AS n FROM devpath.votes WHERE community = 'cascade'")).toEqual([{ n: 0 }]);
  });

  it('keeps looks-alike group names apart from a second group, also when two stores create them at once', async () => {
    const [a, b] = [await open(), await open()];
    const owner = { ...ana, limited: false };
    const other = { ...ben, limited: false };
    const made = await Promise.all([a.createGroup('groups', owner, 'backend-club', now()), b.createGroup('groups', other, 'b\u0430ckend club', now())]);
    const values = made.map((r) => (r.ok ? r.value : undefined));
    expect(values.filter((v) => v?.ok)).toHaveLength(1);
    expect(values.filter((v) => v && !v.ok && v.reason === 'exists')).toHaveLength(1);
    expect(await a.groups('groups')).toHaveLength(1);
  });

  it('refuses a write that another instance holds up past the lock timeout as busy, and keeps serving reads and the health check meanwhile', async () => {
    const store = await open();
    const owner = { ...ana, limited: false };
    await store.addTip('held', owner, 'databases', 'A tip that makes the counter row', now());
    await store.addTip('free', owner, 'databases', 'A tip in another community', now());
    // Another instance, paused in the middle of adding a tip: it holds the counter row.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query("SELECT next_id FROM devpath.tip_counters WHERE community = 'held' FOR UPDATE");
      const started = Date.now();
      const blocked = store.addTip('held', owner, 'databases', 'This one waits for the lock', now()).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 200));
      const t0 = Date.now();
      expect((await store.tips('free', { limit: 5 })).total).toBe(1);
      await store.ping();
      expect(Date.now() - t0).toBeLessThan(1_000);
      const error = await blocked;
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).problem).toBe('busy');
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
    expect((await store.tips('held', { limit: 5 })).items.map((t) => t.text)).toEqual(['A tip that makes the counter row']);
    expect(await store.addTip('held', owner, 'databases', 'Free again after the other instance let go', now())).toMatchObject({ ok: true, value: { ok: true, tip: { id: 2 } } });
  }, 20_000);

  it('cuts a question between characters, keeps a name cut in half an emoji as UTF-8 keeps it, and refuses a tip it cannot store exactly', async () => {
    const store = await open();
    const owner = { ...ana, limited: false };
    const question = `${'why '.repeat(74)}abc\u{1F600} and more`; // QUESTION_MAX falls inside the emoji
    expect(await store.recordUnanswered('text', owner, question, now())).toEqual({ ok: true, value: { count: 1 } });
    expect(await store.recordUnanswered('text', owner, question, now())).toEqual({ ok: true, value: { count: 2 } });
    // Cut between characters (rules.ts questionKey), as every store keeps it: never half an emoji.
    expect((await store.unanswered('text', 0, 5)).items[0]?.text.endsWith('abc')).toBe(true);
    await store.markDone('text', { ...owner, name: `${'n'.repeat(199)}\u{1F600}` }, 'databases', now());
    expect((await store.member('text', owner.id))?.name).toBe(`${'n'.repeat(199)}\uFFFD`);
    expect(await store.addTip('text', owner, 'databases', 'a tip with a \u0000 in it', now())).toEqual({ ok: true, value: { ok: false, reason: 'length' } });
    expect(await store.addTip('text', owner, 'databases', 'half a pair \uD83D here', now())).toEqual({ ok: true, value: { ok: false, reason: 'length' } });
  });

  it('names the database without its password, and fails to open with a StoreError that never shows it', async () => {
    // Trust authentication ignores the password, so a URL with one opens: its location must not show it.
    const withPassword = new URL(url);
    withPassword.password = 'pw-in-the-url';
    const store = await openPostgresStore(withPassword.toString());
    stores.push(store);
    expect(store.location).not.toContain('pw-in-the-url');
    expect(store.location).toContain(withPassword.host);
    await expect(store.ping()).resolves.toBeUndefined();
    const closed = await openPostgresStore(url);
    await closed.close();
    await expect(closed.ping()).rejects.toBeInstanceOf(StoreError);
    const secret = 'pw-Sup3r$ecret';
    const unreachable = `postgres://devpath:${encodeURIComponent(secret)}@127.0.0.1:1/devpath`;
    const error = await openPostgresStore(unreachable, { connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain('postgres://devpath@127.0.0.1:1/devpath');
    expect((error as Error).message).not.toContain('Sup3r');
    for (const bad of [`not a url ${secret}`, `mysql://root:${secret}@127.0.0.1/db`]) {
      const e = await openPostgresStore(bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(StoreError);
      expect((e as Error).message).not.toContain('Sup3r');
    }
  });

  it('refuses to open a database that a newer devpath migrated', async () => {
    const fresh = await testDatabase();
    if ('skip' in fresh) throw new Error(fresh.skip);
    try {
      await (await openPostgresStore(fresh.url)).close();
      await sql("INSERT INTO devpath.schema_migrations (version, name) VALUES (999, 'from the future')", [], fresh.url);
      await expect(openPostgresStore(fresh.url)).rejects.toThrow(/newer devpath/);
    } finally {
      await fresh.drop();
    }
  });
});

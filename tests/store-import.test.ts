// `devpath db import <file>`: a REAL data file, made by the file store through its own operations,
// copied into PostgreSQL reads back through the Store contract exactly as the file store reads it;
// a second import copies nothing and changes nothing; a database already in use keeps its tips and
// the file's tip that collides is renumbered, never dropped; a bad file stops before anything is
// written; and the command itself, as a child process, says what it did without a password.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../adapters/terminal/cli.js';
import { DATA_FILE_NAME, openLowdbStore } from '../src/store/lowdb.js';
import { describeImport, ImportError, importFile } from '../src/store/postgres/import.js';
import { openPostgresStore, type PostgresStore } from '../src/store/postgres/store.js';
import type { Actor, Door, Store } from '../src/store/store.js';
import { testDatabase } from './support/postgres.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'devpath.js');

const probe = await testDatabase();
const skip = 'skip' in probe ? probe.skip : undefined;
if ('skip' in probe) console.warn(probe.skip);
else await probe.drop();

const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
  for (const d of drops) await d().catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'devpath-import-'));
  dirs.push(d);
  return d;
};

/** A fresh, empty database of this test's own. */
async function freshDatabase(): Promise<string> {
  const db = await testDatabase();
  if ('skip' in db) throw new Error(db.skip);
  drops.push(() => db.drop());
  return db.url;
}

async function openPg(url: string): Promise<PostgresStore> {
  const s = await openPostgresStore(url);
  stores.push(s);
  return s;
}

async function sql<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every community table, in a fixed order: to show that nothing changed. */
async function dump(url: string): Promise<Record<string, unknown[]>> {
  const tables: Record<string, string> = {
    users: 'community, id',
    progress: 'community, user_id, step',
    tip_counters: 'community',
    tips: 'community, id',
    votes: 'community, tip_id, voter',
    groups: 'community, key',
    group_members: 'community, group_key, user_id',
    unanswered: 'community, key',
    plans: 'community, user_id',
    settings: 'community, user_id',
    reminder_counters: 'community',
    reminders: 'community, id',
    digests: 'community, group_key',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(tables)) out[table] = await sql(url, `SELECT * FROM devpath.${table} ORDER BY ${order}`);
  return out;
}

const ana: Actor = { id: 'u-ana', name: 'Ana', limited: false };
const ben: Actor = { id: 'u-ben', name: 'Ben', limited: false };
const cy: Actor = { id: 'u-cy', name: 'Çy', limited: false };

/** A clock that moves one second a call, from a fixed start: the same times on every run. */
function clock(start = '2024-03-01T10:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => new Date((t += 1000)).toISOString();
}

/** A real data file, made by the file store through its public operations, in two communities. */
async function makeDataFile(dir: string): Promise<string> {
  const now = clock();
  const file = await openLowdbStore(dir, { fsync: false });
  const ok = <T>(r: { ok: true; value: T } | { ok: false; waitMs: number }): T => {
    if (!r.ok) throw new Error('over the write limit');
    return r.value;
  };
  // local: three tips (one removed after, so the file's counter is past its highest tip), votes,
  // progress, two groups, questions.
  expect(ok(await file.addTip('local', ana, '1', 'Learn SQL joins before you reach for an ORM', now()))).toMatchObject({ ok: true, tip: { id: 1 } });
  expect(ok(await file.addTip('local', ben, '2', 'Write a failing test for every bug before you fix it', now()))).toMatchObject({ ok: true, tip: { id: 2 } });
  expect(ok(await file.addTip('local', cy, '1', 'Read the query plan: EXPLAIN ANALYZE shows what the database did', now()))).toMatchObject({ ok: true, tip: { id: 3 } });
  expect(ok(await file.addTip('local', cy, '4', 'Keep your first API small and boring', now()))).toMatchObject({ ok: true, tip: { id: 4 } });
  expect(ok(await file.removeTip('local', cy, 4, false, now()))).toMatchObject({ ok: true });
  expect(ok(await file.voteTip('local', ben, 1, now()))).toMatchObject({ ok: true });
  expect(ok(await file.voteTip('local', cy, 1, now()))).toMatchObject({ ok: true });
  expect(ok(await file.voteTip('local', ana, 2, now()))).toMatchObject({ ok: true });
  await file.markDone('local', ana, '1', now());
  await file.markDone('local', ana, '2', now());
  await file.markDone('local', ben, '1', now());
  expect(ok(await file.createGroup('local', ana, 'Backend Club', now()))).toMatchObject({ ok: true });
  expect(ok(await file.joinGroup('local', ben, 'backend club', now()))).toMatchObject({ ok: true });
  expect(ok(await file.createGroup('local', cy, 'Night Owls', now()))).toMatchObject({ ok: true });
  await file.recordUnanswered('local', ben, 'What is Kafka for?', now());
  await file.recordUnanswered('local', cy, 'what is kafka for', now());
  await file.recordUnanswered('local', cy, 'Is Go worth learning in 2024?', now());
  // A later name for Ana: the file keeps the latest.
  await file.markDone('local', { ...ana, name: 'Ana M.' }, '3', now());
  // guild-2: another community, the same people.
  expect(ok(await file.addTip('guild-2', ben, '3', 'Deploy something small to a real server early', now()))).toMatchObject({ ok: true, tip: { id: 1 } });
  expect(ok(await file.voteTip('guild-2', ana, 1, now()))).toMatchObject({ ok: true });
  await file.markDone('guild-2', ana, '3', now());
  expect(ok(await file.createGroup('guild-2', ben, 'Study Hall', now()))).toMatchObject({ ok: true });
  await file.recordUnanswered('guild-2', ana, 'Do I need Kubernetes?', now());
  // Pace plans (last, so the times above stay as they were): Ana's in local set twice (the file
  // keeps the later), Ben's, and Ana's in guild-2.
  const ana2 = { ...ana, name: 'Ana M.' };
  expect(ok(await file.setPlan('local', ana2, { target: '2024-09-01T23:59:59.999Z', doneAtStart: 0 }, now()))).toMatchObject({ ok: true });
  expect(ok(await file.setPlan('local', ana2, { target: '2024-12-01T23:59:59.999Z', doneAtStart: 3 }, now()))).toMatchObject({ ok: true, previous: { doneAtStart: 0 } });
  expect(ok(await file.setPlan('local', ben, { target: '2024-10-01T23:59:59.999Z', doneAtStart: 1 }, now()))).toMatchObject({ ok: true });
  expect(ok(await file.setPlan('guild-2', ana, { target: '2025-03-01T23:59:59.999Z', doneAtStart: 1 }, now()))).toMatchObject({ ok: true });
  await file.close();
  return join(dir, DATA_FILE_NAME);
}

/**
 * Data version 3's records, added to a file makeDataFile made, through the file store's own
 * operations: time zones, reminders (one cancelled, so the counter is past the highest), weekly
 * digests, and a running bot's delivery state (a reminder claimed and put off, jobs held by a lease).
 */
async function addJobs(dir: string): Promise<void> {
  const now = clock('2024-06-01T00:00:00.000Z');
  const file = await openLowdbStore(dir, { fsync: false });
  const ok = <T>(r: { ok: true; value: T } | { ok: false; waitMs: number }): T => {
    if (!r.ok) throw new Error('over the write limit');
    return r.value;
  };
  expect(ok(await file.setTimeZone('local', ana, 'europe/berlin', now()))).toEqual({ ok: true, previous: undefined });
  expect(ok(await file.setTimeZone('guild-2', ben, 'America/New_York', now()))).toEqual({ ok: true, previous: undefined });
  const remind = async (community: string, who: Actor, reminder: { door: Door; channel?: string; text: string; dueAt: string }, id: number) =>
    expect(ok(await file.addReminder(community, who, reminder, now()))).toMatchObject({ ok: true, reminder: { id } });
  await remind('local', ana, { door: 'discord', channel: 'c-general', text: 'Review SQL joins', dueAt: '2024-06-02T09:00:00.000Z' }, 1);
  await remind('local', ben, { door: 'slack', text: 'Write the failing test first', dueAt: '2024-06-01T12:00:00.000Z' }, 2);
  await remind('local', ana, { door: 'terminal', text: 'Stretch', dueAt: '2024-07-01T00:00:00.000Z' }, 3);
  await remind('local', cy, { door: 'discord', text: 'Read the query plan', dueAt: '2024-06-03T00:00:00.000Z' }, 4);
  expect(ok(await file.cancelReminder('local', cy, 4, now()))).toMatchObject({ ok: true });
  await remind('guild-2', ana, { door: 'discord', channel: 'c-2', text: 'Deploy something small', dueAt: '2024-06-05T00:00:00.000Z' }, 1);
  expect(ok(await file.setDigest('local', ana, 'backend club', { door: 'discord', channel: 'c-news', nextAt: '2024-06-03T09:00:00.000Z' }, now()))).toMatchObject({ ok: true });
  expect(ok(await file.setDigest('guild-2', ben, 'study hall', { door: 'slack', channel: 'c-study', nextAt: '2024-06-04T09:00:00.000Z' }, now()))).toMatchObject({ ok: true });
  // Ben's reminder was claimed and put off half an hour; Ana's and the local digest are held by a lease.
  const [slack] = await file.claimDue({ door: 'slack', owner: 'file-bot', now: '2024-06-01T12:00:00.000Z', leaseMs: 60_000, limit: 1 });
  expect(slack).toMatchObject({ key: 'reminder:local:2', attempt: 1 });
  expect(await file.finishJob(slack!, 'file-bot', { type: 'retry', at: '2024-06-01T12:30:00.000Z' }, '2024-06-01T12:00:05.000Z')).toBe(true);
  const held = await file.claimDue({ door: 'discord', owner: 'file-bot', now: '2024-06-03T09:00:00.000Z', leaseMs: 10 * 60_000, limit: 10, communities: ['local'] });
  expect(held.map((j) => j.key)).toEqual(['reminder:local:1', 'digest:local:backend-club:2024-06-03T09:00:00.000Z']);
  await file.close();
}

const COMMUNITIES = ['local', 'guild-2'];
/** The doors the data file's reminders and digests name. */
const DOORS: readonly Door[] = ['terminal', 'discord', 'slack'];
const USERS = [ana.id, ben.id, cy.id, 'nobody'];
const GROUP_NAMES = ['Backend Club', 'backend-club', 'Night Owls', 'Study Hall', 'bаckend club' /* Cyrillic а */, 'missing'];

/** Every read of the Store contract, on every community, user and group of the file. */
async function snapshot(store: Store): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const c of COMMUNITIES) {
    out[c] = {
      tips: await store.tips(c, { limit: 100 }),
      step1: await store.tips(c, { step: '1', limit: 100 }),
      byBen: await store.tips(c, { authors: [ben.id], limit: 100 }),
      matching: await store.tips(c, { matching: 'sql', limit: 100 }),
      page2: await store.tips(c, { offset: 1, limit: 1 }),
      near: await store.tipsNear(c, 4, 3),
      progress: await Promise.all(USERS.map((u) => store.progress(c, u))),
      members: await Promise.all([...USERS, 'ana m.', 'BEN', 'çy'].map((u) => store.member(c, u))),
      names: await store.memberNames(c, 10),
      groups: await store.groups(c),
      groupsOf: await Promise.all(USERS.map((u) => store.groupsOf(c, u))),
      boards: await Promise.all(GROUP_NAMES.map((g) => store.group(c, g))),
      unanswered: await store.unanswered(c, 0, 10),
      plans: await Promise.all(USERS.map((u) => store.plan(c, u))),
      timeZones: await Promise.all(USERS.map((u) => store.timeZone(c, u))),
      reminders: await Promise.all(USERS.map((u) => store.reminders(c, u))),
      digests: await Promise.all(GROUP_NAMES.map((g) => store.digest(c, g))),
      since: await store.tips(c, { since: '2024-03-01T10:00:02.000Z', limit: 100 }),
    };
  }
  // When each door's next job can be claimed, everywhere and per community.
  for (const door of DOORS) out[`next:${door}`] = [await store.nextDue(door), ...(await Promise.all(COMMUNITIES.map((c) => store.nextDue(door, [c]))))];
  return out;
}

describe.skipIf(skip)('devpath db import', () => {
  it('copies a real data file: PostgreSQL answers every read as the file store does; a second import copies nothing', async () => {
    const dir = tempDir();
    const path = await makeDataFile(dir);
    const url = await freshDatabase();

    const report = await importFile(url, path);
    expect(report.file).toBe(path);
    expect(report.changed).toBe(true);
    expect(report.communities.map((c) => c.community)).toEqual(COMMUNITIES);
    expect(report.total).toEqual({
      users: { copied: 5, already: 0, updated: 0, placeholders: 0 },
      progress: { copied: 5, already: 0 },
      tips: { copied: 4, already: 0, renumbered: 0 },
      votes: { copied: 4, already: 0 },
      groups: { copied: 3, already: 0 },
      members: { copied: 4, already: 0 },
      questions: { copied: 3, already: 0, updated: 0 },
      plans: { copied: 3, already: 0, updated: 0 },
      settings: { copied: 0, already: 0 },
      reminders: { copied: 0, already: 0, renumbered: 0 },
      digests: { copied: 0, already: 0 },
      skipped: 0,
    });
    const [line] = describeImport(report);
    expect(line).toBe(
      `Copied from ${path} into ${report.location}: 2 communities, 5 users, 5 steps marked done, 4 tips, 4 votes, 3 groups, 4 group members, 3 unanswered questions, 3 pace plans.`,
    );

    const file = await openLowdbStore(dir, { fsync: false });
    stores.push(file);
    const postgres = await openPg(url);
    const expected = await snapshot(file);
    expect(await snapshot(postgres)).toEqual(expected);
    // What the comparison covers, so an empty answer on both sides cannot pass it.
    const local = (expected as Record<string, { tips: { items: { id: number; authorName: string; votes: number }[] } }>).local!;
    expect(local.tips.items.map((t) => [t.id, t.authorName, t.votes])).toEqual([
      [1, 'Ana M.', 2],
      [2, 'Ben', 1],
      [3, 'Çy', 0],
    ]);
    const plans = (expected as Record<string, { plans: unknown[] }>).local!.plans;
    expect(plans).toMatchObject([{ target: '2024-12-01T23:59:59.999Z', doneAtStart: 3 }, { target: '2024-10-01T23:59:59.999Z', doneAtStart: 1 }, undefined, undefined]);

    // Again: nothing copied, not a row changed, every read the same.
    const before = await dump(url);
    const again = await importFile(url, path);
    expect(again.changed).toBe(false);
    expect(again.total.tips).toEqual({ copied: 0, already: 4, renumbered: 0 });
    expect(again.total.votes).toEqual({ copied: 0, already: 4 });
    expect(again.total.users).toEqual({ copied: 0, already: 5, updated: 0, placeholders: 0 });
    expect(again.total.plans).toEqual({ copied: 0, already: 3, updated: 0 });
    expect(describeImport(again)).toEqual([`Nothing to copy: everything in ${path} is already in ${report.location} (2 communities).`]);
    expect(await dump(url)).toEqual(before);
    expect(await snapshot(postgres)).toEqual(expected);

    // The counter went past the file's (tip #4 was removed there): the next tip is #5 on both.
    const next = { id: 'u-dan', name: 'Dan', limited: false };
    expect(await postgres.addTip('local', next, '5', 'Automate the boring deployment steps', '2024-04-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, tip: { id: 5 } } });
    expect(await file.addTip('local', next, '5', 'Automate the boring deployment steps', '2024-04-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, tip: { id: 5 } } });
    expect(await postgres.addTip('guild-2', next, '5', 'Automate the boring deployment steps', '2024-04-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, tip: { id: 2 } } });
  });

  it('into a database already in use: a tip whose number is taken is renumbered, nothing there is overwritten, and a second import copies nothing', async () => {
    const dir = tempDir();
    const path = await makeDataFile(dir);
    const url = await freshDatabase();
    const postgres = await openPg(url);
    const dan: Actor = { id: 'u-dan', name: 'Dan', limited: false };
    // Before the import: two tips of the database's own (#1, #2), a vote, a group that looks like
    // the file's, Ana active later under another name, a question asked once, later.
    await postgres.addTip('local', dan, '1', 'Index the columns you filter on', '2024-02-01T00:00:00.000Z');
    await postgres.addTip('local', dan, '2', 'Pair with someone more senior once a week', '2024-02-01T00:00:01.000Z');
    await postgres.voteTip('local', { ...ana, name: 'Ana Banana' }, 1, '2024-05-01T00:00:00.000Z');
    await postgres.createGroup('local', dan, 'Bаckend Club' /* Cyrillic а */, '2024-02-01T00:00:02.000Z');
    await postgres.recordUnanswered('local', dan, 'what is kafka for', '2024-05-02T00:00:00.000Z');
    const theirs = (await postgres.tips('local', { limit: 10 })).items;

    const report = await importFile(url, path);
    const local = report.communities.find((c) => c.community === 'local')!;
    // File #1 and #2 collide with the database's; #3 is free. New numbers start past the file's counter (5).
    expect(local.renumbered).toEqual([
      { from: 1, to: 5 },
      { from: 2, to: 6 },
    ]);
    expect(local.tips).toEqual({ copied: 3, already: 0, renumbered: 2 });
    expect(local.groups).toEqual({ copied: 1, already: 1 });
    expect(local.users).toMatchObject({ copied: 2, already: 1 }); // Ana: the database's activity is later
    expect(local.questions).toEqual({ copied: 1, already: 0, updated: 1 });
    const lines = describeImport(report);
    expect(lines[0]).toContain('(2 renumbered, listed below)');
    expect(lines.join('\n')).toContain('"local": 2 users (1 already there)');
    expect(lines.join('\n')).toContain('2 renumbered: #1 -> #5, #2 -> #6');

    const tips = (await postgres.tips('local', { limit: 10 })).items;
    // The database's own tips are untouched.
    for (const t of theirs) expect(tips.find((x) => x.id === t.id)).toEqual(t);
    // The file's, under their new numbers, with their votes.
    expect(tips.find((t) => t.id === 5)).toMatchObject({ text: 'Learn SQL joins before you reach for an ORM', author: ana.id, authorName: 'Ana Banana', votes: 2, createdAt: '2024-03-01T10:00:01.000Z' });
    expect(tips.find((t) => t.id === 6)).toMatchObject({ text: 'Write a failing test for every bug before you fix it', author: ben.id, votes: 1 });
    expect(tips.find((t) => t.id === 3)).toMatchObject({ author: cy.id, votes: 0 });
    expect(tips).toHaveLength(5);
    // Ana was active in the database after the file's last write: that name stays.
    expect(await postgres.member('local', ana.id)).toMatchObject({ name: 'Ana Banana', lastActive: '2024-05-01T00:00:00.000Z' });
    // The look-alike group keeps its record (Dan's) and has the file's members.
    const club = await postgres.group('local', 'Backend Club');
    expect(club).toMatchObject({ key: 'bаckend-club', name: 'Bаckend Club' });
    expect(club!.people.map((p) => p.id).sort()).toEqual([ana.id, ben.id, dan.id].sort());
    // The question: the higher count, the earliest first and the latest last time.
    expect((await postgres.unanswered('local', 0, 10)).items.find((q) => q.text.toLowerCase().includes('kafka'))).toEqual({
      text: 'what is kafka for',
      count: 2,
      firstAsked: '2024-03-01T10:00:15.000Z',
      lastAsked: '2024-05-02T00:00:00.000Z',
    });
    // The counter is past every tip: the next one is #7.
    expect(await postgres.addTip('local', dan, '9', 'Learn one cloud provider well', '2024-06-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, tip: { id: 7 } } });
    const [counts] = await sql<{ bad: number }>(url, 'SELECT count(*)::int AS bad FROM devpath.tips t WHERE votes <> (SELECT count(*) FROM devpath.votes v WHERE v.community = t.community AND v.tip_id = t.id)');
    expect(counts?.bad).toBe(0);

    // Again: the renumbered tips are found under their new numbers; nothing is copied twice.
    const before = await dump(url);
    const again = await importFile(url, path);
    expect(again.changed).toBe(false);
    expect(again.communities.find((c) => c.community === 'local')!.renumbered).toEqual([]);
    expect(again.total.tips).toEqual({ copied: 0, already: 4, renumbered: 0 });
    expect(await dump(url)).toEqual(before);
  });

  it('pace plans: of two for one user the one set later is kept; a second import copies nothing', async () => {
    const dir = tempDir();
    const path = await makeDataFile(dir);
    const url = await freshDatabase();
    const postgres = await openPg(url);
    const file = await openLowdbStore(dir, { fsync: false });
    stores.push(file);
    // In the database first: Ana's plan set after the file's (kept), Ben's before it (replaced).
    const anaLater = { target: '2025-06-01T23:59:59.999Z', doneAtStart: 4 };
    expect(await postgres.setPlan('local', ana, anaLater, '2024-05-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true } });
    expect(await postgres.setPlan('local', ben, { target: '2024-06-01T23:59:59.999Z', doneAtStart: 0 }, '2024-02-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true } });

    const report = await importFile(url, path);
    expect(report.total.plans).toEqual({ copied: 1, already: 1, updated: 1 });
    expect(report.communities.find((c) => c.community === 'local')!.plans).toEqual({ copied: 0, already: 1, updated: 1 });
    expect(describeImport(report).join('\n')).toContain('"local": ');
    expect(describeImport(report).join('\n')).toContain('1 pace plan (1 updated, 1 already there)');
    expect(await postgres.plan('local', ana.id)).toEqual({ ...anaLater, setAt: '2024-05-01T00:00:00.000Z' });
    expect(await postgres.plan('local', ben.id)).toEqual(await file.plan('local', ben.id));
    expect(await postgres.plan('guild-2', ana.id)).toEqual(await file.plan('guild-2', ana.id));
    expect(await postgres.plan('guild-2', ana.id)).toMatchObject({ target: '2025-03-01T23:59:59.999Z', doneAtStart: 1 });

    const before = await dump(url);
    const again = await importFile(url, path);
    expect(again.changed).toBe(false);
    expect(again.total.plans).toEqual({ copied: 0, already: 3, updated: 0 });
    expect(await dump(url)).toEqual(before);
  });

  it('reminders, time zones and weekly digests: copied with their delivery state, read back as the file store reads them; a second import copies nothing', async () => {
    const dir = tempDir();
    const path = await makeDataFile(dir);
    await addJobs(dir);
    const url = await freshDatabase();

    const report = await importFile(url, path);
    expect(report.total).toMatchObject({
      settings: { copied: 2, already: 0 },
      reminders: { copied: 4, already: 0, renumbered: 0 },
      digests: { copied: 2, already: 0 },
      users: { copied: 5, placeholders: 0 },
      skipped: 0,
    });
    expect(describeImport(report)[0]).toContain(', 2 time zones, 4 reminders, 2 weekly digests.');
    expect(describeImport(report)).toContain('  "local": 3 users, 4 steps marked done, 3 tips, 3 votes, 2 groups, 3 group members, 2 unanswered questions, 2 pace plans, 1 time zone, 3 reminders, 1 weekly digest.');

    const file = await openLowdbStore(dir, { fsync: false });
    stores.push(file);
    const postgres = await openPg(url);
    const expected = await snapshot(file);
    expect(await snapshot(postgres)).toEqual(expected);
    // What the comparison covers, so an empty answer on both sides cannot pass it.
    const local = (expected as Record<string, { timeZones: unknown[]; reminders: { id: number }[][]; digests: unknown[] }>).local!;
    expect(local.timeZones).toEqual(['Europe/Berlin', undefined, undefined, undefined]);
    expect(local.reminders.map((list) => list.map((r) => r.id))).toEqual([[1, 3], [2], [], []]);
    expect(local.digests[0]).toEqual({ door: 'discord', channel: 'c-news', by: ana.id, nextAt: '2024-06-03T09:00:00.000Z', since: expect.any(String) });
    // The lease the file's bot holds holds here too: nothing of it is claimable before it ends.
    expect((expected as Record<string, unknown>)['next:discord']).toEqual(['2024-06-03T09:10:00.000Z', '2024-06-03T09:10:00.000Z', '2024-06-05T00:00:00.000Z']);
    expect(await postgres.claimDue({ door: 'discord', owner: 'db-bot', now: '2024-06-03T09:05:00.000Z', leaseMs: 60_000, limit: 10, communities: ['local'] })).toEqual([]);

    // Again: nothing copied, not a row changed.
    const before = await dump(url);
    const again = await importFile(url, path);
    expect(again.changed).toBe(false);
    expect(again.total).toMatchObject({ settings: { copied: 0, already: 2 }, reminders: { copied: 0, already: 4, renumbered: 0 }, digests: { copied: 0, already: 2 } });
    expect(await dump(url)).toEqual(before);

    // Claimed later, each job is the same job on both, as the same attempt: the file's count went with it.
    for (const door of DOORS) {
      const claim = { door, owner: 'db-bot', now: '2024-06-10T00:00:00.000Z', leaseMs: 60_000, limit: 10 };
      const theirs = await file.claimDue(claim);
      expect(await postgres.claimDue(claim)).toEqual(theirs);
      if (door !== 'terminal') expect(theirs.length).toBeGreaterThan(0);
    }
    // The reminder counter went past the file's (#4 was cancelled there): the next one is #5 on both.
    const next = { door: 'terminal' as Door, text: 'One more', dueAt: '2024-06-20T00:00:00.000Z' };
    expect(await postgres.addReminder('local', cy, next, '2024-06-10T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 5 } } });
    expect(await file.addReminder('local', cy, next, '2024-06-10T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 5 } } });
  });

  it('reminders into a database already in use: one whose number is taken is renumbered and listed; a time zone and a digest there stay; a second import copies nothing', async () => {
    const dir = tempDir();
    const path = await makeDataFile(dir);
    await addJobs(dir);
    const url = await freshDatabase();
    const postgres = await openPg(url);
    const dan: Actor = { id: 'u-dan', name: 'Dan', limited: false };
    // Before the import: Dan's reminder #1, Ana's own time zone, and a digest on a group the file has too.
    const dans = { door: 'discord' as Door, text: 'Index the columns you filter on', dueAt: '2024-06-02T00:00:00.000Z' };
    expect(await postgres.addReminder('local', dan, dans, '2024-05-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 1 } } });
    await postgres.setTimeZone('local', ana, 'Asia/Tokyo', '2024-05-01T00:00:00.000Z');
    await postgres.createGroup('local', dan, 'Backend Club', '2024-05-01T00:00:00.000Z');
    const dansDigest = { door: 'slack' as Door, channel: 'c-dan', nextAt: '2024-06-06T09:00:00.000Z' };
    await postgres.setDigest('local', dan, 'backend club', dansDigest, '2024-05-01T00:00:00.000Z');

    const report = await importFile(url, path);
    const local = report.communities.find((c) => c.community === 'local')!;
    // #2 and #3 are free; #1 is Dan's: the file's #1 gets the first number past the file's counter (5).
    expect(local.renumberedReminders).toEqual([{ from: 1, to: 5 }]);
    expect(local.reminders).toEqual({ copied: 3, already: 0, renumbered: 1 });
    expect(local.settings).toEqual({ copied: 0, already: 1 });
    expect(local.digests).toEqual({ copied: 0, already: 1 });
    const lines = describeImport(report).join('\n');
    expect(lines).toContain('3 reminders (1 renumbered: #1 -> #5)');
    expect(lines).toContain('Renumbered reminders had a number another reminder already had in the database');

    expect(await postgres.reminders('local', dan.id)).toMatchObject([{ id: 1, ...dans }]);
    expect((await postgres.reminders('local', ana.id)).map((r) => [r.id, r.text])).toEqual([
      [5, 'Review SQL joins'],
      [3, 'Stretch'],
    ]);
    expect(await postgres.timeZone('local', ana.id)).toBe('Asia/Tokyo');
    expect(await postgres.timeZone('guild-2', ben.id)).toBe('America/New_York');
    expect(await postgres.digest('local', 'backend club')).toEqual({ ...dansDigest, by: dan.id, since: '2024-05-01T00:00:00.000Z' });
    expect(await postgres.digest('guild-2', 'study hall')).toMatchObject({ door: 'slack', channel: 'c-study', by: ben.id });
    // The renumbered reminder kept its claim: it is the same job, held until the lease ends.
    expect(await postgres.nextDue('discord', ['local'])).toBe('2024-06-02T00:00:00.000Z');
    const due = await postgres.claimDue({ door: 'discord', owner: 'db-bot', now: '2024-06-03T09:05:00.000Z', leaseMs: 60_000, limit: 10, communities: ['local'] });
    expect(due.map((j) => [j.key, j.attempt])).toEqual([['reminder:local:1', 1]]);
    // The counter is past every reminder.
    expect(await postgres.addReminder('local', dan, { ...dans, text: 'And one more' }, '2024-05-02T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 6 } } });

    const before = await dump(url);
    const again = await importFile(url, path);
    expect(again.changed).toBe(false);
    expect(again.communities.find((c) => c.community === 'local')!.renumberedReminders).toEqual([]);
    expect(again.total.reminders).toEqual({ copied: 0, already: 4, renumbered: 0 });
    expect(await dump(url)).toEqual(before);
  });

  it('a hand-edited file: what the database cannot hold is skipped and listed, the rest is copied', async () => {
    const dir = tempDir();
    const path = join(dir, DATA_FILE_NAME);
    const url = await freshDatabase();
    const at = '2024-01-01T00:00:00.000Z';
    const local = {
      users: { 'u-ana': { name: 'Ana', lastActive: at } },
      progress: {},
      tips: [
        // Ana's vote for her own tip (the schema's CHECK refuses it), and Ben's twice.
        { id: 1, step: '1', text: 'A tip its author voted for', author: 'u-ana', createdAt: at, votes: ['u-ana', 'u-ben', 'u-ben'] },
        { id: 2, step: 'x'.repeat(300), text: 'A step id longer than any key', author: 'u-ana', createdAt: at, votes: [] },
      ],
      nextTipId: 3,
      groups: {},
      unanswered: {},
    };
    writeFileSync(path, JSON.stringify({ version: 1, revision: 3, communities: { local } }));
    const report = await importFile(url, path);
    expect(report.total).toMatchObject({ tips: { copied: 1 }, votes: { copied: 1 }, users: { copied: 1, placeholders: 1 }, skipped: 3 });
    const lines = describeImport(report);
    expect(lines).toContain('Skipped 3 records the database cannot hold:');
    expect(lines).toContain('  a vote on tip #1 by its own author "u-ana"');
    expect(lines).toContain('  1 repeated vote on tip #1 (one vote a person)');
    expect(lines.some((l) => l.startsWith('  tip #2: its step id'))).toBe(true);
    const postgres = await openPg(url);
    expect((await postgres.tips('local', { limit: 10 })).items).toEqual([expect.objectContaining({ id: 1, votes: 1 })]);
    expect(await postgres.addTip('local', ana, '2', 'The next tip takes the next number', '2024-02-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, tip: { id: 3 } } });
    expect((await importFile(url, path)).changed).toBe(false);
  });

  it('a file that is missing, not JSON or not a data file: an error naming it, and nothing written', async () => {
    const url = await freshDatabase();
    const dir = tempDir();
    const cases: [string, string | undefined, RegExp][] = [
      [join(dir, 'missing.json'), undefined, /there is no such file/],
      [join(dir, 'broken.json'), '{"version": 1, "communities": {', /not valid JSON/],
      [join(dir, 'wrong.json'), '{"version": 1, "revision": 0, "communities": 3}', /not a valid data file/],
      [join(dir, 'newer.json'), '{"version": 99, "revision": 0, "communities": {}}', /newer devpath/],
    ];
    for (const [path, content, why] of cases) {
      if (content !== undefined) writeFileSync(path, content);
      const error = await importFile(url, path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(why);
      expect((error as Error).message).toContain('Nothing was copied');
    }
    // Not even the schema: the database was never written to.
    const [found] = await sql<{ schema: string | null }>(url, "SELECT to_regnamespace('devpath')::text AS schema");
    expect(found?.schema).toBeNull();
  });

  it('an older data file is migrated in memory as the file store reads it (the file stays as it was); a voter it does not list gets a user row', async () => {
    const dir = tempDir();
    const path = join(dir, DATA_FILE_NAME);
    const url = await freshDatabase();
    // Version 0 (src/store/migrations.ts): no "version", no communities, progress as lists of steps,
    // and users only for authors and progress: Ben voted, and is listed nowhere.
    const v0 = JSON.stringify({
      tips: [
        { id: 1, step: '1', text: 'An old tip about SQL joins', author: 'u-ana', createdAt: '2023-01-01T00:00:00.000Z', votes: ['u-ben', 'u-ana'] },
        { id: 3, step: '2', text: 'Another old tip, about testing', author: 'u-cy', createdAt: '2023-01-02T00:00:00.000Z', votes: [] },
      ],
      progress: { 'u-cy': ['1', '2'] },
    });
    writeFileSync(path, v0);
    const report = await importFile(url, path);
    expect(readFileSync(path, 'utf8')).toBe(v0);
    expect(report.total).toMatchObject({ users: { copied: 2, placeholders: 1 }, tips: { copied: 2 }, votes: { copied: 1 }, progress: { copied: 2 }, skipped: 0 });
    expect(describeImport(report)[0]).toContain('2 users (1 more named by their id)');

    const postgres = await openPg(url);
    const file = await openLowdbStore(dir, { fsync: false }); // migrates the file itself, as a start would
    stores.push(file);
    for (const read of [(s: Store) => s.tips('local', { limit: 10 }), (s: Store) => s.progress('local', 'u-cy'), (s: Store) => s.tipsNear('local', 2, 5)]) {
      expect(await read(postgres)).toEqual(await read(file));
    }
    expect(await postgres.member('local', 'u-ben')).toEqual({ id: 'u-ben', name: 'u-ben', lastActive: '2023-01-01T00:00:00.000Z' });
    // The file's counter (past #3) holds in the database.
    expect(await postgres.addTip('local', ana, '3', 'A new tip after the move', '2024-01-01T00:00:00.000Z')).toMatchObject({ ok: true, value: { ok: true, tip: { id: 4 } } });
  });
});

// ---------------------------------------------------------------------------------------------
// The command, as a user runs it (npm test builds dist/ first)

function devpath(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, cwd, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment without any DATABASE_URL of the machine's. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  return env;
}

describe('devpath db (the command)', () => {
  it.skipIf(skip)('imports a file and says what it copied; a second run copies nothing; db migrate says the schema is ready', async () => {
    const dir = tempDir();
    const path = await makeDataFile(dir);
    const url = await freshDatabase();
    const cwd = tempDir();
    const env = cleanEnv({ DATABASE_URL: url });
    const location = new URL(url).toString();

    const migrated = devpath(['db', 'migrate'], env, cwd);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toBe(`${location}: applied migrations 1, 2, 3, 4; the schema is at version 4.\n`);

    const first = devpath(['db', 'import', path], env, cwd);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(
      `Copied from ${path} into ${location}: 2 communities, 5 users, 5 steps marked done, 4 tips, 4 votes, 3 groups, 4 group members, 3 unanswered questions, 3 pace plans.`,
    );
    expect(first.stdout).toContain('  "local": 3 users, 4 steps marked done, 3 tips, 3 votes, 2 groups, 3 group members, 2 unanswered questions, 2 pace plans.');

    // A relative path, from the folder it is in (the data folder itself works too).
    const second = devpath(['db', 'import', DATA_FILE_NAME], env, dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(`Nothing to copy: everything in ${path} is already in ${location} (2 communities).\n`);
    expect(devpath(['db', 'import', dir], env, cwd).stdout).toContain('Nothing to copy');

    expect(devpath(['db', 'migrate'], env, cwd).stdout).toBe(`${location}: the schema was already at version 4; nothing to do.\n`);
  }, 60_000);

  it('an unreachable database: exit 1, a message naming it, and never its password', () => {
    const dir = tempDir();
    const path = join(dir, DATA_FILE_NAME);
    writeFileSync(path, JSON.stringify({ version: 1, revision: 0, communities: {} }));
    for (const args of [['db', 'import', path], ['db', 'migrate']]) {
      const r = devpath(args, cleanEnv({ DATABASE_URL: 'postgres://u:secretpw@127.0.0.1:1/x' }), dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('cannot connect to the PostgreSQL database postgres://u@127.0.0.1:1/x');
      expect(`${r.stdout}${r.stderr}`).not.toContain('secretpw');
    }
  });

  it('a corrupt file: exit 1 and its name, before the database is even asked', () => {
    const dir = tempDir();
    const path = join(dir, 'devpath.json');
    writeFileSync(path, '{"version": 1, "communities": 3}');
    const r = devpath(['db', 'import', path], cleanEnv({ DATABASE_URL: 'postgres://u:secretpw@127.0.0.1:1/x' }), dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain('Nothing was copied');
    expect(r.stderr).not.toContain('cannot connect');
  });

  it('without DATABASE_URL: exit 2 and a message saying to set it', () => {
    const dir = tempDir();
    for (const args of [['db', 'import', 'devpath.json'], ['db', 'migrate']]) {
      const r = devpath(args, cleanEnv(), dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/DATABASE_URL is not set\. Set it \(in the environment or in \.env\)/);
      expect(r.stdout).toBe('');
    }
  });

  it('a wrong db command line: exit 2 with the usage; the usage names both commands', async () => {
    const io = () => {
      const out = new PassThrough();
      const err = new PassThrough();
      let stdout = '';
      let stderr = '';
      out.on('data', (d) => (stdout += d));
      err.on('data', (d) => (stderr += d));
      return { io: { stdin: new PassThrough(), stdout: out, stderr: err }, text: () => ({ stdout, stderr }) };
    };
    for (const argv of [['db', 'import'], ['db', 'import', 'a.json', 'b.json'], ['db', 'migrate', 'now']]) {
      const x = io();
      expect(await runCli(argv, x.io)).toBe(2);
      expect(x.text().stderr).toContain('Usage: devpath db migrate   or   devpath db import <file>');
    }
    expect(USAGE).toContain('devpath db migrate');
    expect(USAGE).toContain('devpath db import <file>');
  });
});

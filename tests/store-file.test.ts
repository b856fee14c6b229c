// The data file at start: created on first run, refused (and left byte-for-byte untouched) when it
// is unreadable, invalid or from a newer devpath, migrated from v0, v1 and v2 with a backup copy
// first; and the sliced, cached serialiser writes exactly the bytes of JSON.stringify plus a newline.
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addReminder, addTip, createGroup, markDone, rankedTips, recordUnanswered, removeTip, setDigest, setTimeZone, voteTip } from '../src/store/community.js';
import { DATA_FILE_NAME, openLowdbStore, validateData, writeAll, writeAtomic } from '../src/store/lowdb.js';
import { fileLock } from '../src/store/lock.js';
import { MemoryStore } from '../src/store/memory.js';
import { CURRENT_VERSION, DOOR_MAX, emptyCommunity, GROUP_NAME_MAX, KEY_MAX, NAME_MAX, QUESTION_MAX, REMINDER_TEXT_MAX, TIME_ZONE_MAX, TIP_MAX, type CommunityData } from '../src/store/schema.js';
import { StoreError } from '../src/store/store.js';
import type { DocumentStore as Store } from '../src/store/document.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'devpath-file-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const alice = { id: 'alice', name: 'Alice' };
const now = '2025-03-01T12:00:00.000Z';

describe('the data file at start', () => {
  it('is created by the first write, in a directory created too; opening and reading create nothing', async () => {
    const base = tempDir();
    const dir = join(base, 'nested', 'data');
    const store = await openLowdbStore(dir);
    expect(await store.read('g', (c) => c.tips.length)).toBe(0);
    expect(readdirSync(base)).toEqual([]);
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    await store.close();
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')).communities.g.progress).toEqual({ [alice.id]: { databases: now } });
  });

  it('reads a file that starts with a UTF-8 byte order mark', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATA_FILE_NAME), `\uFEFF${JSON.stringify({ version: CURRENT_VERSION, revision: 0, communities: { g: { ...emptyCommunity(), progress: { u: { databases: now } } } } })}`);
    const store = await openLowdbStore(dir);
    expect(await store.read('g', (c) => Object.keys(c.progress))).toEqual(['u']);
    await store.close();
  });

  it('numbers the next tip past the highest one when the counter lags behind, so no two tips share a number', async () => {
    const dir = tempDir();
    const tip = { id: 7, step: 'databases', text: 'index what you filter on', author: 'u', createdAt: now, votes: [] };
    writeFileSync(join(dir, DATA_FILE_NAME), JSON.stringify({ version: CURRENT_VERSION, revision: 0, communities: { g: { ...emptyCommunity(), tips: [tip], nextTipId: 1 } } }));
    const store = await openLowdbStore(dir);
    const r = await store.write('g', (c) => addTip(c, alice, 'security', 'hash every password', now));
    expect(r.ok && r.tip.id).toBe(8);
    await store.close();
  });

  it('numbers the next reminder past the highest one when the counter lags behind', async () => {
    const dir = tempDir();
    const reminder = { id: 4, user: 'u', door: 'terminal', text: 'stretch', dueAt: '2025-03-02T12:00:00.000Z', createdAt: now, attempts: 0 };
    writeFileSync(join(dir, DATA_FILE_NAME), JSON.stringify({ version: CURRENT_VERSION, revision: 0, communities: { g: { ...emptyCommunity(), reminders: [reminder], nextReminderId: 2 } } }));
    const store = await openLowdbStore(dir);
    const r = await store.addReminder('g', { ...alice, limited: false }, { door: 'terminal', text: 'review joins', dueAt: '2025-03-02T12:00:00.000Z' }, now);
    expect(r).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 5 } } });
    await store.close();
  });

  it('keeps time zones, reminders with their claims, and digests across a restart', async () => {
    const dir = tempDir();
    const who = { ...alice, limited: false };
    const store = await openLowdbStore(dir, { fsync: false });
    await store.setTimeZone('g', who, 'europe/berlin', now);
    await store.addReminder('g', who, { door: 'discord', channel: 'c1', text: 'review joins', dueAt: '2025-03-01T12:10:00.000Z' }, now);
    await store.addReminder('g', who, { door: 'discord', text: 'later', dueAt: '2025-03-09T12:00:00.000Z' }, now);
    await store.createGroup('g', who, 'club', now);
    await store.setDigest('g', who, 'club', { door: 'discord', channel: 'c2', nextAt: '2025-03-01T12:05:00.000Z' }, now);
    const claim = { door: 'discord' as const, now: '2025-03-01T12:20:00.000Z', leaseMs: 60 * 60_000, limit: 10 };
    const claimed = await store.claimDue({ ...claim, owner: 'one' });
    expect(claimed.map((j) => j.kind)).toEqual(['digest', 'reminder']);
    await store.finishJob(claimed[0]!, 'one', { type: 'retry', at: '2025-03-01T12:30:00.000Z' }, claim.now);
    await store.close();
    const again = await openLowdbStore(dir, { fsync: false });
    expect(await again.timeZone('g', alice.id)).toBe('Europe/Berlin');
    expect(await again.reminders('g', alice.id)).toEqual([
      { id: 1, user: alice.id, door: 'discord', channel: 'c1', text: 'review joins', dueAt: '2025-03-01T12:10:00.000Z', createdAt: now },
      { id: 2, user: alice.id, door: 'discord', text: 'later', dueAt: '2025-03-09T12:00:00.000Z', createdAt: now },
    ]);
    expect(await again.digest('g', 'club')).toEqual({ door: 'discord', channel: 'c2', by: alice.id, nextAt: '2025-03-01T12:05:00.000Z', since: now });
    // The reminder's claim held across the restart; the digest waits for its retry time.
    expect(await again.claimDue({ ...claim, owner: 'two' })).toEqual([]);
    expect(await again.nextDue('discord')).toBe('2025-03-01T12:30:00.000Z');
    expect(await again.claimDue({ ...claim, owner: 'two', now: '2025-03-01T12:30:00.000Z' })).toMatchObject([{ kind: 'digest', attempt: 2 }]);
    expect(await again.finishJob(claimed[1]!, 'one', { type: 'sent' }, claim.now)).toBe(true);
    expect((await again.reminders('g', alice.id)).map((r) => r.id)).toEqual([2]);
    await again.close();
  });

  it('a change counter at the largest safe number wraps, and the file opens again', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATA_FILE_NAME), JSON.stringify({ version: CURRENT_VERSION, revision: Number.MAX_SAFE_INTEGER, communities: {} }));
    const store = await openLowdbStore(dir);
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    await store.write('g', (c) => markDone(c, alice, 'security', now));
    await store.close();
    const again = await openLowdbStore(dir);
    expect(await again.read('g', (c) => Object.keys(c.progress[alice.id] ?? {}).length)).toBe(2);
    await again.close();
  });

  it.each([
    ['not JSON', '{"version": 1, "communities": {', /not valid JSON/],
    ['not an object', '[1, 2, 3]', /not a devpath data file/],
    ['a bad field', JSON.stringify({ version: 1, revision: 0, communities: { g: { users: {}, progress: {}, tips: [{ id: 'one' }], nextTipId: 1, groups: {}, unanswered: {} } } }), /communities\.g\.tips\.0\.id/],
    ['a newer version', JSON.stringify({ version: 99, revision: 0, communities: {} }), /newer devpath \(data version 99/],
    // As devpath 1 refuses a v2 file (with plans) rather than drop them on its next write.
    ['the next version', JSON.stringify({ version: CURRENT_VERSION + 1, revision: 0, communities: { g: { ...emptyCommunity(), future: {} } } }), new RegExp(`newer devpath \\(data version ${CURRENT_VERSION + 1}; this one reads up to ${CURRENT_VERSION}\\)`)],
    ['an empty file', '', /not valid JSON/],
    ['"__proto__" as a community', '{"version":1,"revision":0,"communities":{"__proto__":{"users":{},"progress":{},"tips":[],"nextTipId":1,"groups":{},"unanswered":{}}}}', /"communities.__proto__" as a key/],
    ['"__proto__" as a user', `{"version":1,"revision":0,"communities":{"g":{"users":{"__proto__":{"name":"x","lastActive":"2026-01-01T00:00:00.000Z"}},"progress":{},"tips":[],"nextTipId":1,"groups":{},"unanswered":{}}}}`, /"communities.g.users.__proto__" as a key/],
    ['a file holding null', 'null', /not a devpath data file/],
    ['two tips with one id', JSON.stringify({ version: 1, revision: 0, communities: { g: { ...emptyCommunity(), nextTipId: 3, tips: [1, 1].map((id) => ({ id, step: 'databases', text: `tip ${Math.random()}`, author: 'u', createdAt: now, votes: [] })) } } }), /tip #1 appears twice/],
    ['a tip counter past what a file can hold', JSON.stringify({ version: 1, revision: 0, communities: { g: { ...emptyCommunity(), nextTipId: Number.MAX_SAFE_INTEGER } } }), /nextTipId/],
  ])('refuses %s, naming the file, and leaves it untouched', async (_what, content, reason) => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    writeFileSync(file, content);
    const error = await openLowdbStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain('left untouched');
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(dir).sort()).toEqual([DATA_FILE_NAME]);
  });

  it('refuses a file that became invalid while running, without overwriting it', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir, { fsync: false });
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    writeFileSync(join(dir, DATA_FILE_NAME), 'oops');
    await expect(store.write('g', (c) => markDone(c, alice, 'security', now))).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')).toBe('oops');
  });

  it('migrates a v0 file to the current version, keeping a backup copy of the old file first', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    const v0 = JSON.stringify({
      tips: [{ id: 3, step: 'databases', text: 'Learn joins', author: 'alice', createdAt: now, votes: ['bob', 'alice'] }],
      progress: { alice: ['choose-path', 'learn-language'] },
    });
    writeFileSync(file, v0);
    const store = await openLowdbStore(dir);
    expect(readFileSync(join(dir, `${DATA_FILE_NAME}.v0.bak`), 'utf8')).toBe(v0);
    const migrated = JSON.parse(readFileSync(file, 'utf8'));
    expect(migrated.version).toBe(CURRENT_VERSION);
    expect(migrated.communities.local.plans).toEqual({});
    const local = await store.read('local', (c) => c);
    expect(Object.keys(local.progress.alice ?? {})).toEqual(['choose-path', 'learn-language']);
    expect(local.tips[0]).toMatchObject({ id: 3, text: 'Learn joins', votes: ['bob'] });
    // New tips continue after the old ids.
    const added = await store.write('local', (c) => addTip(c, alice, 'security', 'Hash passwords with a slow hash', now));
    expect(added.ok && added.tip.id).toBe(4);
    await store.close();
    // Opening again: already current, no second backup.
    await (await openLowdbStore(dir)).close();
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual([`${DATA_FILE_NAME}.v0.bak`]);
  });

  it('migrates a v1 file to the current version: everything kept, each community gains its (empty) plans, settings and reminders, a backup copy first', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    const at = '2025-01-02T03:04:05.000Z';
    // A v1 file as devpath 1 wrote it: no `plans` anywhere.
    const community = {
      users: { alice: { name: 'Alice', lastActive: at }, bob: { name: 'Bob', lastActive: at } },
      progress: { alice: { 'choose-path': at, databases: at } },
      tips: [{ id: 1, step: 'databases', text: 'Learn joins', author: 'alice', createdAt: at, votes: ['bob'] }],
      nextTipId: 2,
      groups: { 'backend-club': { name: 'backend-club', createdBy: 'alice', createdAt: at, members: { alice: at, bob: at } } },
      unanswered: { 'what is a monad': { text: 'what is a monad', count: 2, firstAsked: at, lastAsked: at } },
    };
    const v1 = JSON.stringify({ version: 1, revision: 7, communities: { g: community, local: { ...community, tips: [], nextTipId: 1 } } });
    writeFileSync(file, v1);
    const store = await openLowdbStore(dir, { fsync: false });
    expect(readFileSync(join(dir, `${DATA_FILE_NAME}.v1.bak`), 'utf8')).toBe(v1);
    const migrated = JSON.parse(readFileSync(file, 'utf8'));
    const added = { plans: {}, settings: {}, reminders: [], nextReminderId: 1 };
    expect(migrated).toEqual({ version: CURRENT_VERSION, revision: 7, communities: { g: { ...community, ...added }, local: { ...community, tips: [], nextTipId: 1, ...added } } });
    // Everything reads as before, and a plan can be set and kept.
    expect(await store.progress('g', 'alice')).toEqual({ 'choose-path': at, databases: at });
    expect((await store.tips('g', { limit: 10 })).items).toMatchObject([{ id: 1, votes: 1, authorName: 'Alice' }]);
    expect(await store.group('g', 'backend-club')).toMatchObject({ members: 2 });
    expect(await store.unanswered('g', 0, 10)).toMatchObject({ total: 1, items: [{ count: 2 }] });
    expect(await store.plan('g', 'alice')).toBeUndefined();
    const plan = { target: '2025-09-01T23:59:59.999Z', doneAtStart: 2 };
    expect(await store.setPlan('g', { id: 'alice', name: 'Alice', limited: false }, plan, now)).toMatchObject({ ok: true, value: { ok: true } });
    await store.close();
    const again = await openLowdbStore(dir, { fsync: false });
    expect(await again.plan('g', 'alice')).toEqual({ ...plan, setAt: now });
    await again.close();
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual([`${DATA_FILE_NAME}.v1.bak`]);
  });

  it('migrates a v2 file to v3: everything kept, each community gains empty settings and reminders, no group a digest, a backup copy first', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    const at = '2025-01-02T03:04:05.000Z';
    // A v2 file as devpath 2 wrote it: plans, but no settings, reminders or digests.
    const community = {
      users: { alice: { name: 'Alice', lastActive: at } },
      progress: { alice: { databases: at } },
      tips: [{ id: 1, step: 'databases', text: 'Learn joins', author: 'alice', createdAt: at, votes: [] }],
      nextTipId: 2,
      groups: { club: { name: 'club', createdBy: 'alice', createdAt: at, members: { alice: at } } },
      unanswered: {},
      plans: { alice: { target: '2025-09-01T23:59:59.999Z', setAt: at, doneAtStart: 1 } },
    };
    const v2 = JSON.stringify({ version: 2, revision: 4, communities: { g: community } });
    writeFileSync(file, v2);
    const store = await openLowdbStore(dir, { fsync: false });
    expect(readFileSync(join(dir, `${DATA_FILE_NAME}.v2.bak`), 'utf8')).toBe(v2);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 3, revision: 4, communities: { g: { ...community, settings: {}, reminders: [], nextReminderId: 1 } } });
    expect(await store.plan('g', 'alice')).toMatchObject({ doneAtStart: 1 });
    expect(await store.reminders('g', 'alice')).toEqual([]);
    expect(await store.timeZone('g', 'alice')).toBeUndefined();
    expect(await store.digest('g', 'club')).toBeUndefined();
    // The new records are kept from the first number on, and open again.
    const byAlice = { id: 'alice', name: 'Alice', limited: false };
    expect(await store.addReminder('g', byAlice, { door: 'terminal', text: 'review joins', dueAt: '2025-03-02T12:00:00.000Z' }, now)).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 1 } } });
    await store.setDigest('g', byAlice, 'club', { door: 'discord', channel: 'c1', nextAt: '2025-03-03T12:00:00.000Z' }, now);
    await store.close();
    const again = await openLowdbStore(dir, { fsync: false });
    expect(await again.reminders('g', 'alice')).toMatchObject([{ id: 1, text: 'review joins' }]);
    expect(await again.digest('g', 'club')).toMatchObject({ channel: 'c1', since: now });
    await again.close();
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual([`${DATA_FILE_NAME}.v2.bak`]);
  });

  it('refuses a plan that ends before it was set, or with a bad count of steps, naming where', () => {
    const withPlan = (plan: unknown) => ({ version: CURRENT_VERSION, revision: 0, communities: { g: { ...emptyCommunity(), plans: { alice: plan } } } });
    const good = { target: '2025-09-01T23:59:59.999Z', setAt: now, doneAtStart: 2 };
    expect(validateData('f.json', withPlan(good)).communities.g?.plans.alice).toEqual(good);
    for (const bad of [{ ...good, target: now }, { ...good, target: 'soon' }, { ...good, doneAtStart: -1 }, { ...good, doneAtStart: 1.5 }, { target: good.target, setAt: now }]) {
      expect(() => validateData('f.json', withPlan(bad))).toThrow(/communities\.g\.plans\.alice/);
    }
    expect(() => validateData('f.json', { version: CURRENT_VERSION, revision: 0, communities: { g: { ...emptyCommunity(), plans: { constructor: good } } } })).toThrow(/constructor|key/);
  });

  it('migrates under the lock from the file as it is then: a newer file saved meanwhile is kept, not migrated over', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    writeFileSync(file, JSON.stringify({ tips: [{ id: 1, step: 'databases', text: 'old tip', author: 'u', createdAt: now, votes: [] }], progress: {} }));
    const release = await fileLock(file); // another devpath holds the lock...
    const opening = openLowdbStore(dir); // ...while this one reads the v0 file and waits to migrate it
    await new Promise((r) => setTimeout(r, 200));
    const tips = ['old tip', 'saved meanwhile'].map((text, i) => ({ id: i + 1, step: 'databases', text, author: 'u', createdAt: now, votes: [] }));
    writeFileSync(file, JSON.stringify({ version: CURRENT_VERSION, revision: 3, communities: { local: { ...emptyCommunity(), tips, nextTipId: 3 } } }));
    await release();
    const store = await opening;
    expect(await store.read('local', (c) => c.tips.map((t) => t.text))).toEqual(['old tip', 'saved meanwhile']);
    await store.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).communities.local.tips).toHaveLength(2);
  });

  it('removes a temp file left by a dead process at the next write, but not the data', async () => {
    const dir = tempDir();
    const first = await openLowdbStore(dir);
    await first.write('g', (c) => markDone(c, alice, 'databases', now));
    await first.close();
    writeFileSync(join(dir, `${DATA_FILE_NAME}.999999.1.tmp`), '{"half": ');
    mkdirSync(join(dir, 'other'));
    const second = await openLowdbStore(dir);
    await second.write('g', (c) => markDone(c, alice, 'security', now));
    await second.close();
    expect(readdirSync(dir).sort()).toEqual([DATA_FILE_NAME, 'other']);
  });
});

describe('the ranked order of tips', () => {
  it('is kept, not sorted again per request: the same order is updated in place by a write', () => {
    const c = emptyCommunity();
    for (let i = 0; i < 2000; i++) c.tips.push(Object.freeze({ id: c.nextTipId++, step: 'databases', text: `t${i}`, author: 'u', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), votes: [] }));
    const order = rankedTips(c);
    expect(rankedTips(c)).toBe(order); // a second request reads the same kept order
    addTip(c, alice, 'databases', 'a brand new tip about indexes', '2027-01-01T00:00:00.000Z');
    expect(rankedTips(c)).toBe(order); // updated in place, not rebuilt
    expect(order[0]!.text).toBe('a brand new tip about indexes');
  });

  it('kept up to date by adds, votes and removals, is the order a fresh sort gives (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), step: fc.constantFrom('databases', 'security', 'apis-and-protocols'), n: fc.nat(1_000_000) }),
      fc.record({ kind: fc.constant('vote' as const), id: fc.nat(40), voter: fc.nat(5) }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const c = emptyCommunity();
        let t = 0;
        rankedTips(c); // a ranking exists from the start, as in a running bot
        for (const o of ops) {
          const at = new Date(Date.UTC(2026, 0, 1, 0, 0, t++)).toISOString();
          if (o.kind === 'add') addTip(c, alice, o.step, `tip ${o.n} ${t}`, at);
          else if (o.kind === 'vote') voteTip(c, { id: `v${o.voter}`, name: 'V' }, o.id, at);
          else removeTip(c, alice, o.id, true, at);
        }
        const fresh = { ...c, tips: [...c.tips] }; // another array: ranked from scratch
        expect(rankedTips(c).map((x) => x.id)).toEqual(rankedTips(fresh).map((x) => x.id));
        for (const step of ['databases', 'security', 'apis-and-protocols']) expect(rankedTips(c, step).map((x) => x.id)).toEqual(rankedTips(fresh, step).map((x) => x.id));
        expect(rankedTips(fresh).map((x) => x.id)).toEqual([...c.tips].sort((a, b) => b.votes.length - a.votes.length || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) || b.id - a.id).map((x) => x.id));
      }),
      { numRuns: 200 },
    );
  });
});

describe('a write keeps what the file is to others', () => {
  const who = { id: 'u1', name: 'Ana' };
  const add = (store: Store, text: string) => store.write('local', (c) => addTip(c, who, 'databases', text, new Date().toISOString()));

  /** A data file made by a first write, as a user's would be. */
  const made = async (dir: string) => {
    const store = await openLowdbStore(dir);
    await add(store, 'a first tip');
    await store.close();
  };

  it('keeps the file\'s mode, so another account sharing it can still read it', async () => {
    const dir = tempDir();
    await made(dir);
    const file = join(dir, DATA_FILE_NAME);
    chmodSync(file, 0o664);
    const store = await openLowdbStore(dir);
    await add(store, 'index the columns you filter on');
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o664);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps the file\'s owner when run as root', async () => {
    const dir = tempDir();
    await made(dir);
    const file = join(dir, DATA_FILE_NAME);
    chownSync(file, 1234, 1234);
    const store = await openLowdbStore(dir);
    await add(store, 'learn SQL joins well');
    await store.close();
    expect([statSync(file).uid, statSync(file).gid]).toEqual([1234, 1234]);
  });

  it('writes through a symlink whose target does not exist yet: the target is created, the link stays', async () => {
    const dir = tempDir();
    const shared = tempDir();
    const target = join(shared, 'team-devpath.json');
    symlinkSync(target, join(dir, DATA_FILE_NAME));
    const store = await openLowdbStore(dir);
    await add(store, 'name your migrations by date');
    await store.close();
    expect(lstatSync(join(dir, DATA_FILE_NAME)).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('name your migrations by date');
  });

  it('writes through a symlinked data file: the link stays and its target is updated', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    await made(elsewhere);
    const target = join(elsewhere, DATA_FILE_NAME);
    symlinkSync(target, join(dir, DATA_FILE_NAME));
    const store = await openLowdbStore(dir);
    await add(store, 'use migrations for every schema change');
    await store.close();
    expect(lstatSync(join(dir, DATA_FILE_NAME)).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('use migrations for every schema change');
    expect(readdirSync(elsewhere).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('length limits', () => {
  // What the writers store at their limits opens again, and one character more is refused on read:
  // the schema and the writers take their limits from the same constants.
  const fileWith = (edit: (c: CommunityData) => void) => {
    const c = emptyCommunity();
    edit(c);
    return { version: 1, revision: 0, communities: { g: c } };
  };
  const opens = (data: unknown) => () => validateData('f.json', JSON.parse(JSON.stringify(data)));

  it('a tip, a group name, a question and a user name at the writers\' limits open again; one more character is refused', () => {
    const atLimit = fileWith((c) => {
      const ana = { id: 'alice', name: 'A'.repeat(NAME_MAX + 50) };
      expect(addTip(c, ana, 'databases', 't'.repeat(TIP_MAX), now).changed).toBe(true);
      expect(addTip(c, ana, 'security', 't'.repeat(TIP_MAX + 1), now).changed).toBe(false);
      expect(createGroup(c, ana, 'g'.repeat(GROUP_NAME_MAX), now).changed).toBe(true);
      expect(createGroup(c, ana, 'h'.repeat(GROUP_NAME_MAX + 1), now).changed).toBe(false);
      expect(recordUnanswered(c, `why ${'q'.repeat(QUESTION_MAX * 2)}`, now).changed).toBe(true);
    });
    expect(opens(atLimit)).not.toThrow();
    const g = atLimit.communities.g;
    expect(Object.values(g.unanswered)[0]!.text).toHaveLength(QUESTION_MAX);
    expect(g.users.alice!.name).toHaveLength(NAME_MAX);
    const over = (edit: (c: CommunityData) => void) => opens(fileWith((c) => (Object.assign(c, structuredClone(g)), edit(c))));
    expect(over((c) => (c.tips[0] = { ...c.tips[0]!, text: 't'.repeat(TIP_MAX + 1) }))).toThrow(/communities\.g\.tips\.0\.text/);
    expect(over((c) => (Object.values(c.groups)[0]!.name = 'g'.repeat(GROUP_NAME_MAX + 1)))).toThrow(/communities\.g\.groups\..*\.name/);
    expect(over((c) => (Object.values(c.unanswered)[0]!.text = 'q'.repeat(QUESTION_MAX + 1)))).toThrow(/communities\.g\.unanswered\..*\.text/);
    expect(over((c) => (c.users.alice!.name = 'A'.repeat(NAME_MAX + 1)))).toThrow(/communities\.g\.users\.alice\.name/);
  });

  it('a reminder, a time zone and a digest at the writers\' limits open again; one more character is refused', () => {
    const later = '2025-03-02T12:00:00.000Z';
    const atLimit = fileWith((c) => {
      const ana = { id: 'alice', name: 'Alice' };
      expect(setTimeZone(c, ana, 'Europe/Berlin', now).changed).toBe(true);
      expect(addReminder(c, ana, { door: 'discord', channel: 'c'.repeat(KEY_MAX), text: 'r'.repeat(REMINDER_TEXT_MAX), dueAt: later }, now).changed).toBe(true);
      expect(addReminder(c, ana, { door: 'discord', text: 'r'.repeat(REMINDER_TEXT_MAX + 1), dueAt: later }, now).changed).toBe(false);
      expect(addReminder(c, ana, { door: 'discord', channel: 'c'.repeat(KEY_MAX + 1), text: 'r', dueAt: later }, now).changed).toBe(false);
      createGroup(c, ana, 'club', now);
      expect(setDigest(c, ana, 'club', { door: 'slack', channel: 'd'.repeat(KEY_MAX), nextAt: later }, now).changed).toBe(true);
      expect(setDigest(c, ana, 'club', { door: 'slack', channel: 'd'.repeat(KEY_MAX + 1), nextAt: later }, now).changed).toBe(false);
    });
    expect(opens(atLimit)).not.toThrow();
    const g = atLimit.communities.g;
    const over = (edit: (c: CommunityData) => void) => opens(fileWith((c) => (Object.assign(c, structuredClone(g)), edit(c))));
    expect(over((c) => (c.reminders[0]!.text = 'r'.repeat(REMINDER_TEXT_MAX + 1)))).toThrow(/communities\.g\.reminders\.0\.text/);
    expect(over((c) => (c.reminders[0]!.channel = 'c'.repeat(KEY_MAX + 1)))).toThrow(/communities\.g\.reminders\.0\.channel/);
    expect(over((c) => (c.reminders[0]!.door = 'd'.repeat(DOOR_MAX + 1)))).toThrow(/communities\.g\.reminders\.0\.door/);
    expect(over((c) => c.reminders.push({ ...c.reminders[0]! }))).toThrow(/reminder #1 appears twice/);
    expect(over((c) => (c.settings.alice = { timeZone: 'Z'.repeat(TIME_ZONE_MAX + 1) }))).toThrow(/communities\.g\.settings\.alice\.timeZone/);
    expect(over((c) => (c.groups.club!.digest!.channel = 'd'.repeat(KEY_MAX + 1)))).toThrow(/communities\.g\.groups\.club\.digest\.channel/);
    expect(over((c) => (c.groups.club!.digest!.claim = { owner: '', leaseUntil: now }))).toThrow(/communities\.g\.groups\.club\.digest\.claim\.owner/);
  });
});

describe('writes', () => {
  it('a refused or no-op write does not touch the file', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir);
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    const before = readFileSync(join(dir, DATA_FILE_NAME), 'utf8');
    const writes = store.stats.writes;
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    await store.write('g', (c) => addTip(c, alice, 'databases', '', now));
    expect(store.stats.writes).toBe(writes);
    expect(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before);
    await store.close();
  });

  // Seeded first, so the throwing callback changes a community that is already held, and with a
  // successful write in the same tick, so both land in one batch of the file store.
  const throwingBatch = async (store: Store, afterSeeding = () => {}) => {
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    afterSeeding();
    const failing = store.write('g', (c) => {
      c.tips.push({ id: 1, step: 's', text: 't', author: 'a', createdAt: now, votes: [] });
      c.progress.alice!['half-way'] = now;
      throw new Error('half-way');
    });
    const fine = store.write('g', (c) => markDone(c, alice, 'security', now));
    await expect(failing).rejects.toThrow('half-way');
    await expect(fine).resolves.toEqual({ already: false });
    expect(await store.read('g', (c) => c.tips.length)).toBe(0);
    expect(await store.read('g', (c) => Object.keys(c.progress.alice ?? {}).sort())).toEqual(['databases', 'security']);
  };

  it('a write that throws is rejected and leaves nothing behind (memory store)', async () => {
    await throwingBatch(new MemoryStore());
  });

  /** The throwing batch on a lowdb store, then the file as written: the good write only. */
  const throwingBatchOnFile = async (options: { fsync?: boolean }, deleteFile: boolean) => {
    const dir = tempDir();
    const store = await openLowdbStore(dir, options);
    await throwingBatch(store, deleteFile ? () => rmSync(join(dir, DATA_FILE_NAME)) : undefined);
    await store.close();
    const g = JSON.parse(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')).communities.g;
    expect(g.tips).toEqual([]);
    expect(Object.keys(g.progress.alice).sort()).toEqual(['databases', 'security']);
  };

  it('a write that throws is rejected and is not written (lowdb store)', async () => {
    await throwingBatchOnFile({}, false);
  });

  it('a write that throws after the data file was deleted leaves nothing behind either (lowdb store)', async () => {
    await throwingBatchOnFile({ fsync: false }, true);
  });

  it('writes exactly JSON.stringify(data) + newline, also after the cached slices changed', async () => {
    const dir = tempDir();
    const file = join(dir, 'out.json');
    const written = () => readFileSync(file);
    const expected = (data: unknown) => Buffer.from(`${JSON.stringify(data)}\n`);
    const deepFreeze = <T>(v: T): T => {
      if (v && typeof v === 'object') Object.values(v).forEach(deepFreeze);
      return Object.freeze(v);
    };
    const tip = fc.record({ id: fc.nat(), text: fc.string({ unit: 'binary' }), votes: fc.array(fc.string()) });
    const community = fc.record({
      users: fc.dictionary(fc.string(), fc.record({ name: fc.string({ unit: 'binary' }) }), { maxKeys: 700 }),
      tips: fc.array(tip, { maxLength: 1200 }),
    });
    const file0 = fc.record({ version: fc.constant(1), revision: fc.nat(), communities: fc.dictionary(fc.string(), community, { minKeys: 1, maxKeys: 3 }) });
    const edit = fc.record({ kind: fc.constantFrom('push', 'replace', 'remove', 'unfrozen', 'mutateUser'), at: fc.nat(), tip });
    await fc.assert(
      fc.asyncProperty(file0, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 6 }), async (data, frozen, edits) => {
        const tipsOf = Object.values(data.communities).map((c) => c.tips);
        if (frozen) tipsOf.forEach((tips) => tips.forEach(deepFreeze));
        await writeAtomic(file, data, false);
        expect(written().equals(expected(data))).toBe(true);
        // The same data again (every slice cached), then after each kind of change.
        await writeAtomic(file, data, false);
        expect(written().equals(expected(data))).toBe(true);
        for (const e of edits) {
          const c = Object.values(data.communities)[e.at % Math.max(1, tipsOf.length)];
          if (!c) break;
          const at = c.tips.length ? e.at % c.tips.length : 0;
          if (e.kind === 'push') c.tips.push(deepFreeze(e.tip));
          else if (e.kind === 'replace' && c.tips.length) c.tips[at] = deepFreeze(e.tip);
          else if (e.kind === 'remove') c.tips.splice(at, 1);
          else if (e.kind === 'unfrozen') c.tips.splice(at, 0, { ...e.tip });
          else if (e.kind === 'mutateUser') c.users[`u${e.at}`] = { name: e.tip.text };
          // An unfrozen record may change in place: it must never be served from the cache.
          const loose = c.tips.find((t) => !Object.isFrozen(t));
          if (loose) loose.text += 'x';
          await writeAtomic(file, data, false);
          expect(written().equals(expected(data))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('rewrites only what changed, and the result is always the whole file', async () => {
    const file = join(tempDir(), 'tips.json');
    const tip = (id: number, votes: string[] = []) => Object.freeze({ id, step: 'databases', text: `tip ${id} é ✓`, votes: Object.freeze(votes) });
    const c = { users: {} as Record<string, { name: string }>, tips: Array.from({ length: 1800 }, (_, i) => tip(i + 1)) as object[] };
    const data = { version: 1, revision: 0, communities: { g: c } };
    const check = async () => {
      await writeAtomic(file, data, false);
      expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(data)}\n`);
    };
    await check();
    await check();
    c.tips.push(tip(5000)); // the last slice
    await check();
    c.tips[700] = tip(701, ['bob']); // a vote replaces a record in the middle
    await check();
    c.tips.splice(3, 1); // every later slice shifts
    await check();
    c.tips.splice(10, 0, { id: 9, step: 'x', text: 'not frozen', votes: [] });
    await check();
    (c.tips[10] as { text: string }).text = 'changed in place';
    await check();
    c.users.alice = { name: 'Alice' };
    await check();
    c.tips.length = 400;
    await check();
  });

  it('resumes a short write where it stopped, inside a buffer or between two', async () => {
    const out = Buffer.alloc(64);
    let calls = 0;
    const handle = {
      writev: async (buffers: readonly NodeJS.ArrayBufferView[], position?: number | null) => {
        calls++;
        // A disk that takes at most 5 bytes at a time.
        const all = Buffer.concat(buffers as Buffer[]).subarray(0, 5);
        all.copy(out, position ?? 0);
        return { bytesWritten: all.length, buffers };
      },
    } as unknown as Parameters<typeof writeAll>[0];
    const parts = ['{"a":', '1', ',', '"bc":[1,2,3]', '}'].map((p) => Buffer.from(p));
    expect(await writeAll(handle, parts, 3)).toBe(20);
    expect(out.subarray(3, 23).toString()).toBe('{"a":1,"bc":[1,2,3]}');
    expect(calls).toBe(4);
  });

  it('writes a file of more pieces than one writev takes (IOV_MAX), in several flushes', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.json');
    // 1.5M numbers at depth 3: 3000 slices, about 6000 buffers.
    const data = { version: 1, revision: 0, communities: { g: { tips: Object.freeze(Array.from({ length: 1_500_000 }, (_, i) => i * 7)) } } };
    await writeAtomic(file, data, false);
    expect(readFileSync(file).equals(Buffer.from(`${JSON.stringify(data)}\n`))).toBe(true);
    await writeAtomic(file, data, false);
    expect(readFileSync(file).equals(Buffer.from(`${JSON.stringify(data)}\n`))).toBe(true);
  });
});

// One contract, one suite (abstract-level's way): every Store implementation runs these same tests
// through the Store interface alone: memory, the lowdb file in a temp folder, and PostgreSQL on a
// real server in a database of its own (skipped with a message saying how to run it when there is
// no server).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNANSWERED_MAX } from '../src/store/rules.js';
import { DIGEST_EVERY_MS, DOOR_MAX, KEY_MAX, REMINDER_AHEAD_MAX_DAYS, REMINDER_TEXT_MAX, REMINDERS_PER_USER, TIME_ZONE_MAX } from '../src/store/schema.js';
import type { Actor, ClaimOptions, Door, DueJob, RateLimit, Store } from '../src/store/store.js';
import { storeKinds } from './support/store-kinds.js';

/** A text no other test tip is similar to (the duplicate rule compares trigrams). */
const noise = (i: number) => Array.from({ length: 24 }, (_, k) => String.fromCharCode(97 + ((i * 7919 + k * 104_729 + k * k * 31) % 26))).join('');

const ana: Actor = { id: 'u-ana', name: 'Ana', limited: true };
const ben: Actor = { id: 'u-ben', name: 'Ben', limited: true };
const cy: Actor = { id: 'u-cy', name: 'Cy', limited: true };
const owner: Actor = { id: 'u-owner', name: 'Owner', limited: false };
const G = 'guild-1';
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const WEEK = DIGEST_EVERY_MS;
/** A time `weeks` weeks (and `minutes` minutes) after T0. */
const week = (weeks: number, minutes = 0) => new Date(T0 + weeks * WEEK + minutes * 60_000).toISOString();

/** The value of a write that was not over the limit. */
async function done<T>(p: Promise<{ ok: true; value: T } | { ok: false; waitMs: number }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`over the write limit (${r.waitMs} ms)`);
  return r.value;
}

/** Claim options: the Discord door, owner `one`, a 10-minute lease, up to 10 jobs, unless told otherwise. */
const claim = (o: Partial<ClaimOptions> & { now: string }): ClaimOptions => ({ door: 'discord', owner: 'one', leaseMs: 10 * 60_000, limit: 10, ...o });

describe.each(await storeKinds())('the Store contract ($name)', ({ open, skip }) => {
  let store: Store;
  const opened: Store[] = [];
  const make = async (rateLimit?: RateLimit) => {
    const s = await open(rateLimit ? { rateLimit } : {});
    opened.push(s);
    return s;
  };

  beforeEach(async (c) => {
    if (skip) {
      console.warn(skip);
      c.skip();
    }
    store = await make({ max: 1000, windowMs: 60_000 });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  it('marks a step done once, undoes it, and keeps when', async () => {
    expect(await done(store.markDone(G, ana, 'databases', at(0)))).toEqual({ already: false });
    expect(await done(store.markDone(G, ana, 'databases', at(1)))).toEqual({ already: true });
    expect(await store.progress(G, ana.id)).toEqual({ databases: at(0) });
    expect(await store.progress(G, ben.id)).toEqual({});
    expect(await done(store.markUndone(G, ana, 'databases', at(2)))).toEqual({ wasDone: true });
    expect(await done(store.markUndone(G, ana, 'databases', at(3)))).toEqual({ wasDone: false });
    expect(await store.progress(G, ana.id)).toEqual({});
  });

  it('keeps one pace plan per user: sets it, replaces it (saying which it replaced), removes it', async () => {
    const target = '2026-09-01T23:59:59.999Z';
    expect(await store.plan(G, ana.id)).toBeUndefined();
    expect(await done(store.setPlan(G, ana, { target, doneAtStart: 2 }, at(0)))).toEqual({ ok: true, plan: { target, setAt: at(0), doneAtStart: 2 }, previous: undefined });
    expect(await store.plan(G, ana.id)).toEqual({ target, setAt: at(0), doneAtStart: 2 });
    expect(await store.member(G, ana.id)).toEqual({ id: ana.id, name: 'Ana', lastActive: at(0) });
    // The same instant written another way is kept as one canonical ISO time.
    const later = await done(store.setPlan(G, ana, { target: '2026-12-31T23:59:59.999+00:00', doneAtStart: 3 }, at(5)));
    expect(later).toEqual({ ok: true, plan: { target: '2026-12-31T23:59:59.999Z', setAt: at(5), doneAtStart: 3 }, previous: { target, setAt: at(0), doneAtStart: 2 } });
    expect(await store.plan(G, ana.id)).toEqual({ target: '2026-12-31T23:59:59.999Z', setAt: at(5), doneAtStart: 3 });
    // Per user and per community.
    expect(await store.plan(G, ben.id)).toBeUndefined();
    expect(await store.plan('guild-2', ana.id)).toBeUndefined();
    expect(await done(store.clearPlan(G, ana, at(6)))).toEqual({ removed: { target: '2026-12-31T23:59:59.999Z', setAt: at(5), doneAtStart: 3 } });
    expect(await store.plan(G, ana.id)).toBeUndefined();
    expect(await done(store.clearPlan(G, ana, at(7)))).toEqual({ removed: undefined });
    expect(await store.member(G, ana.id)).toMatchObject({ lastActive: at(6) });
  });

  it('refuses a plan that ends by the time it is set, or with a bad count of steps, and changes nothing', async () => {
    await done(store.setPlan(G, ana, { target: '2026-09-01T23:59:59.999Z', doneAtStart: 1 }, at(0)));
    for (const bad of [
      { target: at(1), doneAtStart: 0 },
      { target: at(0.5), doneAtStart: 0 },
      { target: 'not a date', doneAtStart: 0 },
      { target: '+010000-01-01T00:00:00.000Z', doneAtStart: 0 },
      { target: '2026-09-01T00:00:00.000Z', doneAtStart: -1 },
      { target: '2026-09-01T00:00:00.000Z', doneAtStart: 1.5 },
      { target: '2026-09-01T00:00:00.000Z', doneAtStart: 10_001 },
    ]) {
      expect([bad, await done(store.setPlan(G, ana, bad, at(1)))]).toEqual([bad, { ok: false, reason: 'invalid' }]);
    }
    expect(await done(store.setPlan(G, ben, { target: at(-1), doneAtStart: 0 }, at(1)))).toEqual({ ok: false, reason: 'invalid' });
    expect(await store.plan(G, ana.id)).toEqual({ target: '2026-09-01T23:59:59.999Z', setAt: at(0), doneAtStart: 1 });
    expect(await store.plan(G, ben.id)).toBeUndefined();
    // A refused plan does not make anyone a member, nor touch their last activity.
    expect(await store.member(G, ben.id)).toBeUndefined();
    expect(await store.member(G, ana.id)).toMatchObject({ lastActive: at(0) });
  });

  it('counts setting and removing a plan against the write limit, and a removal of nothing not at all', async () => {
    const limited = await make({ max: 2, windowMs: 60_000 });
    expect(await limited.clearPlan(G, ana, at(0))).toEqual({ ok: true, value: { removed: undefined } });
    expect(await limited.setPlan(G, ana, { target: '2026-09-01T23:59:59.999Z', doneAtStart: 0 }, at(0))).toMatchObject({ ok: true, value: { ok: true } });
    expect(await limited.setPlan(G, ana, { target: at(-5), doneAtStart: 0 }, at(0))).toMatchObject({ ok: true, value: { ok: false } });
    expect(await limited.clearPlan(G, ana, at(0.5))).toMatchObject({ ok: true, value: { removed: { doneAtStart: 0 } } });
    expect(await limited.setPlan(G, ana, { target: '2026-10-01T23:59:59.999Z', doneAtStart: 0 }, at(0.5))).toEqual({ ok: false, waitMs: 30_000 });
    expect(await limited.plan(G, ana.id)).toBeUndefined();
  });

  it('keeps the name and last activity of whoever changed something, and only then', async () => {
    expect(await done(store.addTip(G, ben, 'databases', '   ', at(0)))).toEqual({ ok: false, reason: 'length' });
    expect(await store.member(G, ben.id)).toBeUndefined();
    await done(store.markDone(G, ana, 'databases', at(5)));
    expect(await store.member(G, ana.id)).toEqual({ id: ana.id, name: 'Ana', lastActive: at(5) });
    expect(await store.member(G, 'ANA')).toEqual({ id: ana.id, name: 'Ana', lastActive: at(5) });
    await done(store.markDone(G, { ...ana, name: 'Ana B' }, 'security', at(6)));
    expect(await store.member(G, 'ana b')).toMatchObject({ id: ana.id, lastActive: at(6) });
    expect(await store.memberNames(G, 10)).toEqual(['Ana B']);
    expect(await store.member(G, 'nobody')).toBeUndefined();
  });

  it('numbers tips 1, 2, 3 and ranks them best voted first, then newest, then highest number', async () => {
    const a = await done(store.addTip(G, ana, 'databases', 'Learn how indexes work', at(0)));
    const b = await done(store.addTip(G, ana, 'databases', 'Practise SQL joins every day', at(1)));
    const c = await done(store.addTip(G, ben, 'security', 'Read the OWASP top ten', at(1)));
    expect([a, b, c].map((r) => r.ok && r.tip.id)).toEqual([1, 2, 3]);
    expect(a).toEqual({ ok: true, tip: { id: 1, step: 'databases', text: 'Learn how indexes work', author: ana.id, authorName: 'Ana', createdAt: at(0), votes: 0 } });
    expect((await store.tips(G, { limit: 10 })).items.map((t) => t.id)).toEqual([3, 2, 1]);
    await done(store.voteTip(G, ben, 1, at(2)));
    const all = await store.tips(G, { limit: 10 });
    expect(all.items.map((t) => [t.id, t.votes])).toEqual([[1, 1], [3, 0], [2, 0]]);
    expect(all.total).toBe(3);
    expect(await store.tips(G, { step: 'databases', limit: 10 })).toMatchObject({ total: 2, items: [{ id: 1 }, { id: 2 }] });
    expect(await store.tips(G, { offset: 1, limit: 1 })).toMatchObject({ total: 3, items: [{ id: 3 }] });
    expect(await store.tips(G, { authors: [ben.id], limit: 10 })).toMatchObject({ total: 1, items: [{ id: 3, authorName: 'Ben' }] });
    expect((await store.tips(G, { matching: 'sql', limit: 10 })).items.map((t) => t.id)).toEqual([2]);
    expect((await store.tips(G, { matching: '3', limit: 10 })).items.map((t) => t.id)).toEqual([3]);
    expect((await store.tips(G, { matching: 'LEARN', limit: 10 })).items.map((t) => t.id)).toEqual([1]);
    expect(await store.tips(G, { matching: 'e', limit: 1, withTotal: false })).toMatchObject({ total: 1, items: [{ id: 1 }] });
    expect(await store.tips(G, { matching: 'e', limit: 1 })).toMatchObject({ total: 3, items: [{ id: 1 }] });
    expect(await store.tips(G, { step: 'nothing-here', limit: 10 })).toEqual({ items: [], total: 0 });
  });

  it('refuses the same tip twice on a step, by its text or a near copy, and shows the one there', async () => {
    await done(store.addTip(G, ana, 'databases', 'Build one small REST API end to end', at(0)));
    const same = await done(store.addTip(G, ben, 'databases', 'build one small rest api, end to end!!', at(1)));
    expect(same).toMatchObject({ ok: false, reason: 'duplicate', existing: { id: 1, authorName: 'Ana' } });
    const near = await done(store.addTip(G, ben, 'databases', 'Build one small REST API end-to-end first', at(1)));
    expect(near).toMatchObject({ ok: false, reason: 'duplicate', existing: { id: 1 } });
    expect(await done(store.addTip(G, ben, 'security', 'Build one small REST API end to end', at(1)))).toMatchObject({ ok: true, tip: { id: 2 } });
    expect(await done(store.addTip(G, ben, 'databases', 'x'.repeat(501), at(1)))).toEqual({ ok: false, reason: 'length' });
    expect((await store.tips(G, { limit: 10 })).total).toBe(2);
  });

  it('counts one vote per person, never the author, and says which rule refused it', async () => {
    await done(store.addTip(G, ana, 'databases', 'Learn how indexes work', at(0)));
    expect(await done(store.voteTip(G, ana, 1, at(1)))).toMatchObject({ ok: false, reason: 'own', tip: { id: 1 } });
    expect(await done(store.voteTip(G, ben, 1, at(1)))).toMatchObject({ ok: true, tip: { id: 1, votes: 1 } });
    expect(await done(store.voteTip(G, ben, 1, at(2)))).toMatchObject({ ok: false, reason: 'already', tip: { votes: 1 } });
    expect(await done(store.voteTip(G, cy, 1, at(2)))).toMatchObject({ ok: true, tip: { votes: 2 } });
    expect(await done(store.voteTip(G, cy, 99, at(2)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await done(store.voteTip('guild-2', cy, 1, at(2)))).toEqual({ ok: false, reason: 'unknown' });
  });

  it('removes a tip for its author or a moderator only, with its votes, and never reuses its number', async () => {
    await done(store.addTip(G, ana, 'databases', 'Learn how indexes work', at(0)));
    await done(store.addTip(G, ana, 'security', 'Read the OWASP top ten', at(0)));
    await done(store.voteTip(G, ben, 2, at(1)));
    expect(await done(store.removeTip(G, ben, 1, false, at(1)))).toMatchObject({ ok: false, reason: 'forbidden', tip: { id: 1 } });
    expect(await done(store.removeTip(G, ben, 2, true, at(1)))).toMatchObject({ ok: true, tip: { id: 2, votes: 1 } });
    expect(await done(store.removeTip(G, ana, 1, false, at(1)))).toMatchObject({ ok: true, tip: { id: 1 } });
    expect(await done(store.removeTip(G, ana, 1, false, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await done(store.addTip(G, ana, 'security', 'Read the OWASP top ten', at(2)))).toMatchObject({ ok: true, tip: { id: 3, votes: 0 } });
  });

  it('offers the tips one typo away from a number, then the nearest numbers', async () => {
    for (let i = 1; i <= 25; i++) await done(store.addTip(G, owner, 'databases', `Tip ${i}: ${noise(i)}`, at(i)));
    await done(store.removeTip(G, owner, 12, false, at(30)));
    expect((await store.tipsNear(G, 12, 3)).map((t) => t.id)).toEqual([11, 13, 10]);
    expect((await store.tipsNear(G, 200, 3)).map((t) => t.id)).toEqual([20, 25, 24]);
    expect(await store.tipsNear('guild-2', 5, 3)).toEqual([]);
  });

  it('creates, finds, joins and leaves groups by name, whatever the case, spaces or look-alike letters', async () => {
    expect(await done(store.createGroup(G, ana, 'Backend Club', at(0)))).toEqual({ ok: true, group: { key: 'backend-club', name: 'Backend Club', members: 1 } });
    expect(await done(store.createGroup(G, ben, 'backend-club', at(1)))).toMatchObject({ ok: false, reason: 'exists', group: { name: 'Backend Club' } });
    expect(await done(store.createGroup(G, ben, 'b\u0430ckend club', at(1)))).toMatchObject({ ok: false, reason: 'exists', group: { key: 'backend-club' } });
    expect(await done(store.createGroup(G, ben, 'join', at(1)))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await done(store.createGroup(G, ben, 'x', at(1)))).toMatchObject({ ok: false, reason: 'invalid' });
    // Characters, not UTF-16 units: one mathematical bold letter is one character.
    expect(await done(store.createGroup(G, ben, '\u{1D400}', at(1)))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await done(store.createGroup(G, ben, '\u{1D400}\u{1D401}', at(1)))).toMatchObject({ ok: true, group: { members: 1 } });
    await done(store.leaveGroup(G, ben, '\u{1D400}\u{1D401}', at(1)));
    expect(await done(store.joinGroup(G, ben, 'BACKEND_CLUB', at(2)))).toEqual({ ok: true, group: { key: 'backend-club', name: 'Backend Club', members: 2 } });
    expect(await done(store.joinGroup(G, ben, 'backend club', at(2)))).toMatchObject({ ok: false, reason: 'already' });
    expect(await done(store.joinGroup(G, ben, 'frontend club', at(2)))).toEqual({ ok: false, reason: 'unknown' });
    await done(store.createGroup(G, cy, 'algorithms', at(3)));
    expect((await store.groups(G)).map((g) => [g.name, g.members])).toEqual([['Backend Club', 2], ['algorithms', 1], ['\u{1D400}\u{1D401}', 0]]);
    expect((await store.groupsOf(G, ben.id)).map((g) => g.key)).toEqual(['backend-club']);
    await done(store.markDone(G, ben, 'databases', at(4)));
    const board = await store.group(G, 'b\u0430ckend-club');
    expect(board).toMatchObject({ key: 'backend-club', name: 'Backend Club', members: 2 });
    const people = [...board!.people].sort((a, b) => a.id.localeCompare(b.id));
    expect(people).toEqual([
      { id: ana.id, name: 'Ana', joinedAt: at(0), lastActive: at(0), done: [] },
      { id: ben.id, name: 'Ben', joinedAt: at(2), lastActive: at(4), done: ['databases'] },
    ]);
    expect(await done(store.leaveGroup(G, ben, 'backend-club', at(5)))).toMatchObject({ ok: true, group: { members: 1 } });
    expect(await done(store.leaveGroup(G, ben, 'backend-club', at(5)))).toMatchObject({ ok: false, reason: 'not-member' });
    expect(await store.group(G, 'nothing')).toBeUndefined();
    expect(await store.groups('guild-2')).toEqual([]);
  });

  it('counts unanswered questions, most asked first, and pages them', async () => {
    expect(await done(store.recordUnanswered(G, ana, 'How do I become a pharmacist?', at(0)))).toEqual({ count: 1 });
    expect(await done(store.recordUnanswered(G, ben, 'how do i become a pharmacist', at(1)))).toEqual({ count: 2 });
    await done(store.recordUnanswered(G, ben, 'what is a monad', at(2)));
    expect(await done(store.recordUnanswered(G, ben, '   ', at(2)))).toEqual({ count: 0 });
    const page = await store.unanswered(G, 0, 10);
    expect(page).toEqual({
      total: 2,
      items: [
        { text: 'How do I become a pharmacist?', count: 2, firstAsked: at(0), lastAsked: at(1) },
        { text: 'what is a monad', count: 1, firstAsked: at(2), lastAsked: at(2) },
      ],
    });
    expect(await store.unanswered(G, 1, 10)).toMatchObject({ total: 2, items: [{ text: 'what is a monad' }] });
  });

  it(`keeps at most ${UNANSWERED_MAX} unanswered questions, letting the least recently asked one-off go`, async () => {
    await done(store.recordUnanswered(G, owner, 'asked twice', at(0)));
    await done(store.recordUnanswered(G, owner, 'asked twice', at(0)));
    for (let i = 1; i < UNANSWERED_MAX; i++) await done(store.recordUnanswered(G, owner, `question ${i}`, at(i)));
    await done(store.recordUnanswered(G, owner, 'one more', at(UNANSWERED_MAX + 1)));
    const { items, total } = await store.unanswered(G, 0, UNANSWERED_MAX + 10);
    expect(total).toBe(UNANSWERED_MAX);
    const texts = new Set(items.map((q) => q.text));
    expect([texts.has('asked twice'), texts.has('question 1'), texts.has('question 2'), texts.has('one more')]).toEqual([true, false, true, true]);
  });

  it('holds each user to the write limit, counting only writes that changed something', async () => {
    const limited = await make({ max: 3, windowMs: 60_000 });
    expect(await limited.addTip(G, ana, 'databases', 'First tip here', at(0))).toMatchObject({ ok: true });
    expect(await limited.addTip(G, ana, 'databases', 'first tip here!', at(0))).toMatchObject({ ok: true, value: { ok: false, reason: 'duplicate' } });
    expect(await limited.markDone(G, ana, 'databases', at(0.25))).toMatchObject({ ok: true });
    expect(await limited.markDone(G, ana, 'databases', at(0.25))).toMatchObject({ ok: true, value: { already: true } });
    expect(await limited.createGroup(G, ana, 'club', at(0.5))).toMatchObject({ ok: true, value: { ok: true } });
    const over = await limited.markDone(G, ana, 'security', at(0.5));
    expect(over).toEqual({ ok: false, waitMs: 30_000 });
    expect(await limited.progress(G, ana.id)).toEqual({ databases: at(0.25) });
    // Others, the owner, and questions have allowances of their own; a minute later it is free again.
    expect(await limited.markDone(G, ben, 'security', at(0.5))).toMatchObject({ ok: true });
    expect(await limited.markDone(G, { ...ana, limited: false }, 'security', at(0.5))).toMatchObject({ ok: true });
    expect(await limited.recordUnanswered(G, ana, 'what is a monad', at(0.5))).toEqual({ ok: true, value: { count: 1 } });
    expect(await limited.markDone(G, ana, 'apis', at(1))).toMatchObject({ ok: true });
    expect(await limited.markDone('guild-2', ana, 'apis', at(0.5))).toMatchObject({ ok: true });
  });

  it('holds the limit when one user sends many writes at once', async () => {
    const limited = await make({ max: 10, windowMs: 60_000 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => limited.addTip(G, ana, 'databases', `Tip ${i}: ${noise(i)}`, at(0))));
    expect(results.filter((r) => r.ok && r.value.ok)).toHaveLength(10);
    expect((await limited.tips(G, { limit: 100 })).total).toBe(10);
  });

  it('keeps communities apart', async () => {
    await done(store.markDone(G, ana, 'databases', at(0)));
    await done(store.addTip(G, ana, 'databases', 'Learn how indexes work', at(0)));
    await done(store.createGroup(G, ana, 'club', at(0)));
    await done(store.recordUnanswered(G, ana, 'what is a monad', at(0)));
    const other = 'workspace-T1';
    expect(await store.progress(other, ana.id)).toEqual({});
    expect(await store.tips(other, { limit: 10 })).toEqual({ items: [], total: 0 });
    expect(await store.groups(other)).toEqual([]);
    expect(await store.unanswered(other, 0, 10)).toEqual({ items: [], total: 0 });
    expect(await store.member(other, ana.id)).toBeUndefined();
    expect(await done(store.addTip(other, ana, 'databases', 'Learn how indexes work', at(0)))).toMatchObject({ ok: true, tip: { id: 1 } });
  });

  // ---------------------------------------------------------------- time zones

  it('keeps a user\'s time zone as the name Intl resolves it to, replaces and clears it, per user and community', async () => {
    expect(await store.timeZone(G, ana.id)).toBeUndefined();
    expect(await done(store.setTimeZone(G, ana, 'europe/berlin', at(0)))).toEqual({ ok: true, previous: undefined });
    expect(await store.timeZone(G, ana.id)).toBe('Europe/Berlin');
    expect(await store.member(G, ana.id)).toEqual({ id: ana.id, name: 'Ana', lastActive: at(0) });
    // An alias is kept as whatever this Node's Intl calls it.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: 'US/Pacific' }).resolvedOptions().timeZone;
    expect(await done(store.setTimeZone(G, ana, 'US/Pacific', at(1)))).toEqual({ ok: true, previous: 'Europe/Berlin' });
    expect(await store.timeZone(G, ana.id)).toBe(canonical);
    expect(await store.timeZone(G, ben.id)).toBeUndefined();
    expect(await store.timeZone('guild-2', ana.id)).toBeUndefined();
    expect(await done(store.setTimeZone(G, ana, undefined, at(2)))).toEqual({ ok: true, previous: canonical });
    expect(await store.timeZone(G, ana.id)).toBeUndefined();
    expect(await done(store.setTimeZone(G, ana, undefined, at(3)))).toEqual({ ok: true, previous: undefined });
    // Clearing nothing changed nothing, not even the last activity.
    expect(await store.member(G, ana.id)).toMatchObject({ lastActive: at(2) });
  });

  it('refuses a time zone Intl does not know, or too long a name, and changes nothing', async () => {
    await done(store.setTimeZone(G, ana, 'Asia/Tokyo', at(0)));
    for (const bad of ['Mars/Olympus_Mons', 'Asia/Tokyo ', '', `Europe/${'x'.repeat(TIME_ZONE_MAX)}`]) {
      expect([bad, await done(store.setTimeZone(G, ana, bad, at(1)))]).toEqual([bad, { ok: false, reason: 'invalid' }]);
    }
    expect(await done(store.setTimeZone(G, ben, 'nowhere', at(1)))).toEqual({ ok: false, reason: 'invalid' });
    expect(await store.timeZone(G, ana.id)).toBe('Asia/Tokyo');
    expect(await store.member(G, ana.id)).toMatchObject({ lastActive: at(0) });
    expect(await store.member(G, ben.id)).toBeUndefined();
  });

  it('counts a time zone change against the write limit, and the same zone again, a refusal or clearing none not at all', async () => {
    const limited = await make({ max: 2, windowMs: 60_000 });
    expect(await limited.setTimeZone(G, ana, undefined, at(0))).toEqual({ ok: true, value: { ok: true, previous: undefined } });
    expect(await limited.setTimeZone(G, ana, 'Europe/Berlin', at(0))).toEqual({ ok: true, value: { ok: true, previous: undefined } });
    expect(await limited.setTimeZone(G, ana, 'EUROPE/BERLIN', at(0))).toEqual({ ok: true, value: { ok: true, previous: 'Europe/Berlin' } });
    expect(await limited.setTimeZone(G, ana, 'Atlantis/Capital', at(0))).toEqual({ ok: true, value: { ok: false, reason: 'invalid' } });
    expect(await limited.setTimeZone(G, ana, 'Asia/Tokyo', at(0.5))).toEqual({ ok: true, value: { ok: true, previous: 'Europe/Berlin' } });
    expect(await limited.setTimeZone(G, ana, undefined, at(0.5))).toEqual({ ok: false, waitMs: 30_000 });
    expect(await limited.timeZone(G, ana.id)).toBe('Asia/Tokyo');
  });

  // ---------------------------------------------------------------- reminders

  it('numbers reminders per community and lists a user\'s own, soonest first, then by number', async () => {
    const first = await done(store.addReminder(G, ana, { door: 'discord', channel: 'c-1', text: 'review joins', dueAt: at(120) }, at(0)));
    expect(first).toEqual({ ok: true, reminder: { id: 1, user: ana.id, door: 'discord', channel: 'c-1', text: 'review joins', dueAt: at(120), createdAt: at(0) } });
    const bens = await done(store.addReminder(G, ben, { door: 'slack', text: 'stretch', dueAt: at(60) }, at(1)));
    expect(bens).toEqual({ ok: true, reminder: { id: 2, user: ben.id, door: 'slack', text: 'stretch', dueAt: at(60), createdAt: at(1) } });
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(30) }, at(2)));
    // The same instant written another way is kept as one canonical ISO time.
    expect(await done(store.addReminder(G, ana, { door: 'discord', text: 'write tests', dueAt: '2026-03-01T13:00:00+00:00' }, at(3)))).toMatchObject({ ok: true, reminder: { id: 4, dueAt: at(60) } });
    await done(store.addReminder(G, ana, { door: 'discord', text: 'same time', dueAt: at(30) }, at(4)));
    expect((await store.reminders(G, ana.id)).map((r) => r.id)).toEqual([3, 5, 4, 1]);
    expect(await store.reminders(G, ben.id)).toEqual([bens.ok && bens.reminder]);
    expect(await store.reminders(G, cy.id)).toEqual([]);
    expect(await store.member(G, ana.id)).toMatchObject({ lastActive: at(4) });
    expect(await done(store.addReminder('guild-2', ana, { door: 'discord', text: 'elsewhere', dueAt: at(10) }, at(5)))).toMatchObject({ ok: true, reminder: { id: 1 } });
    expect((await store.reminders('guild-2', ana.id)).map((r) => r.text)).toEqual(['elsewhere']);
    expect(await store.reminders(G, ana.id)).toHaveLength(4);
  });

  it('refuses a reminder that is not ahead, too far ahead, empty, too long or with a bad channel, and changes nothing', async () => {
    const good = { door: 'discord' as Door, text: 'review joins', dueAt: at(60) };
    const farthest = new Date(T0 + REMINDER_AHEAD_MAX_DAYS * 24 * 60 * 60_000).toISOString();
    for (const bad of [
      { ...good, dueAt: at(0) },
      { ...good, dueAt: at(-5) },
      { ...good, dueAt: 'tomorrow' },
      { ...good, dueAt: new Date(Date.parse(farthest) + 1).toISOString() },
      { ...good, text: '' },
      { ...good, text: '   ' },
      { ...good, text: '!!!' },
      { ...good, text: 'x'.repeat(REMINDER_TEXT_MAX + 1) },
      { ...good, channel: '' },
      { ...good, channel: 'c'.repeat(KEY_MAX + 1) },
    ]) {
      expect([bad, await done(store.addReminder(G, ben, bad, at(0)))]).toEqual([bad, { ok: false, reason: 'invalid' }]);
    }
    expect(await store.reminders(G, ben.id)).toEqual([]);
    expect(await store.member(G, ben.id)).toBeUndefined();
    // At the limits it is kept, numbered from 1: refusals use up no numbers.
    expect(await done(store.addReminder(G, ana, { ...good, text: 'x'.repeat(REMINDER_TEXT_MAX), dueAt: farthest }, at(0)))).toMatchObject({ ok: true, reminder: { id: 1, dueAt: farthest } });
    expect(await done(store.addReminder(G, ana, { ...good, channel: 'c'.repeat(KEY_MAX), dueAt: at(0.001) }, at(0)))).toMatchObject({ ok: true, reminder: { id: 2 } });
  });

  it(`keeps at most ${REMINDERS_PER_USER} pending reminders per user and community; a cancelled or sent one frees a place`, async () => {
    const remind = (who: Actor, text: string, community = G) => done(store.addReminder(community, who, { door: 'discord', text, dueAt: at(10) }, at(0)));
    for (let i = 1; i <= REMINDERS_PER_USER; i++) expect(await remind(ana, `reminder ${i}`)).toMatchObject({ ok: true, reminder: { id: i } });
    expect(await remind(ana, 'one too many')).toEqual({ ok: false, reason: 'too-many' });
    expect(await remind(ben, 'ben has room')).toMatchObject({ ok: true, reminder: { id: REMINDERS_PER_USER + 1 } });
    expect(await remind(ana, 'room elsewhere', 'guild-2')).toMatchObject({ ok: true, reminder: { id: 1 } });
    await done(store.cancelReminder(G, ana, 3, at(1)));
    expect(await remind(ana, 'after a cancel')).toMatchObject({ ok: true, reminder: { id: REMINDERS_PER_USER + 2 } });
    expect(await remind(ana, 'full again')).toEqual({ ok: false, reason: 'too-many' });
    const jobs = await store.claimDue(claim({ now: at(10), limit: 1, communities: [G] }));
    expect(jobs).toHaveLength(1);
    expect(await store.finishJob(jobs[0]!, 'one', { type: 'sent' }, at(10))).toBe(true);
    expect(await remind(ana, 'after a send')).toMatchObject({ ok: true });
    expect(await store.reminders(G, ana.id)).toHaveLength(REMINDERS_PER_USER);
  });

  it('cancels the caller\'s own pending reminder only; another user\'s is unknown', async () => {
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(60) }, at(0)));
    await done(store.addReminder(G, ben, { door: 'discord', text: 'stretch', dueAt: at(60) }, at(0)));
    expect(await done(store.cancelReminder(G, ben, 1, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await done(store.cancelReminder(G, ana, 99, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await done(store.cancelReminder('guild-2', ana, 1, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await store.reminders(G, ana.id)).toHaveLength(1);
    expect(await done(store.cancelReminder(G, ana, 1, at(2)))).toEqual({ ok: true, reminder: { id: 1, user: ana.id, door: 'discord', text: 'review joins', dueAt: at(60), createdAt: at(0) } });
    expect(await done(store.cancelReminder(G, ana, 1, at(3)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await store.reminders(G, ana.id)).toEqual([]);
    expect((await store.reminders(G, ben.id)).map((r) => r.id)).toEqual([2]);
    expect(await store.member(G, ana.id)).toMatchObject({ lastActive: at(2) });
  });

  it('counts adding and cancelling a reminder against the write limit, and refusals not at all', async () => {
    const limited = await make({ max: 2, windowMs: 60_000 });
    const reminder = { door: 'discord' as Door, text: 'review joins', dueAt: at(60) };
    expect(await limited.addReminder(G, ana, { ...reminder, dueAt: at(-1) }, at(0))).toEqual({ ok: true, value: { ok: false, reason: 'invalid' } });
    expect(await limited.addReminder(G, ana, reminder, at(0))).toMatchObject({ ok: true, value: { ok: true, reminder: { id: 1 } } });
    expect(await limited.cancelReminder(G, ana, 7, at(0))).toEqual({ ok: true, value: { ok: false, reason: 'unknown' } });
    expect(await limited.cancelReminder(G, ana, 1, at(0.5))).toMatchObject({ ok: true, value: { ok: true } });
    expect(await limited.addReminder(G, ana, reminder, at(0.5))).toEqual({ ok: false, waitMs: 30_000 });
    expect(await limited.reminders(G, ana.id)).toEqual([]);
  });

  // ---------------------------------------------------------------- weekly digests

  it('turns a group\'s weekly digest on, replaces it and turns it off, finding the group as group() does', async () => {
    await done(store.createGroup(G, ana, 'Backend Club', at(0)));
    const club = { key: 'backend-club', name: 'Backend Club', members: 1 };
    const first = { door: 'discord' as Door, channel: 'c-news', by: ben.id, nextAt: week(1), since: at(1) };
    expect(await store.digest(G, 'backend-club')).toBeUndefined();
    expect(await done(store.setDigest(G, ben, 'backend club', { door: 'discord', channel: 'c-news', nextAt: week(1) }, at(1)))).toEqual({ ok: true, group: club, digest: first, previous: undefined });
    expect(await store.digest(G, 'b\u0430ckend-club')).toEqual(first);
    expect(await store.member(G, ben.id)).toMatchObject({ lastActive: at(1) });
    const second = { door: 'discord' as Door, channel: 'c-other', by: cy.id, nextAt: at(60 * 24), since: at(2) };
    expect(await done(store.setDigest(G, cy, 'BACKEND_CLUB', { door: 'discord', channel: 'c-other', nextAt: '2026-03-02T12:00:00+00:00' }, at(2)))).toEqual({ ok: true, group: club, digest: second, previous: first });
    expect(await store.digest(G, 'backend-club')).toEqual(second);
    expect(await done(store.setDigest(G, ben, 'backend-club', undefined, at(3)))).toEqual({ ok: true, group: club, digest: undefined, previous: second });
    expect(await store.digest(G, 'backend-club')).toBeUndefined();
    expect(await done(store.setDigest(G, ben, 'backend-club', undefined, at(4)))).toEqual({ ok: true, group: club, digest: undefined, previous: undefined });
    // Turning off none changed nothing.
    expect(await store.member(G, ben.id)).toMatchObject({ lastActive: at(3) });
    expect(await store.digest('guild-2', 'backend-club')).toBeUndefined();
    expect(await store.digest(G, 'no-such-group')).toBeUndefined();
  });

  it('refuses a digest for an unknown group, or one not ahead or with a bad channel, and changes nothing', async () => {
    await done(store.createGroup(G, ana, 'club', at(0)));
    const on = { door: 'slack' as Door, channel: 'C1', nextAt: week(1) };
    await done(store.setDigest(G, ana, 'club', on, at(0)));
    expect(await done(store.setDigest(G, ben, 'no-such-group', on, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await done(store.setDigest(G, ben, 'no-such-group', undefined, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    expect(await done(store.setDigest('guild-2', ben, 'club', on, at(1)))).toEqual({ ok: false, reason: 'unknown' });
    for (const bad of [{ ...on, nextAt: at(1) }, { ...on, nextAt: at(0) }, { ...on, nextAt: 'monday' }, { ...on, channel: '' }, { ...on, channel: 'c'.repeat(KEY_MAX + 1) }]) {
      expect([bad, await done(store.setDigest(G, ben, 'club', bad, at(1)))]).toEqual([bad, { ok: false, reason: 'invalid' }]);
    }
    expect(await store.digest(G, 'club')).toEqual({ ...on, by: ana.id, since: at(0) });
    expect(await store.member(G, ben.id)).toBeUndefined();
  });

  it('counts turning a digest on and off against the write limit, and a refusal or turning off none not at all', async () => {
    const limited = await make({ max: 2, windowMs: 60_000 });
    await done(limited.createGroup(G, owner, 'club', at(0)));
    const on = { door: 'discord' as Door, channel: 'c-news', nextAt: week(1) };
    expect(await limited.setDigest(G, ana, 'club', undefined, at(0))).toMatchObject({ ok: true, value: { ok: true, previous: undefined } });
    expect(await limited.setDigest(G, ana, 'nothing', on, at(0))).toEqual({ ok: true, value: { ok: false, reason: 'unknown' } });
    expect(await limited.setDigest(G, ana, 'club', { ...on, nextAt: at(-1) }, at(0))).toEqual({ ok: true, value: { ok: false, reason: 'invalid' } });
    expect(await limited.setDigest(G, ana, 'club', on, at(0))).toMatchObject({ ok: true, value: { ok: true } });
    expect(await limited.setDigest(G, ana, 'club', undefined, at(0.5))).toMatchObject({ ok: true, value: { ok: true, previous: { channel: 'c-news' } } });
    expect(await limited.setDigest(G, ana, 'club', on, at(0.5))).toEqual({ ok: false, waitMs: 30_000 });
    expect(await limited.digest(G, 'club')).toBeUndefined();
  });

  // ---------------------------------------------------------------- due jobs

  it('claims the due jobs of one door, soonest first, at most `limit`, in the communities asked for', async () => {
    const remind = (community: string, who: Actor, door: Door, minutes: number) => done(store.addReminder(community, who, { door, text: `at ${minutes}`, dueAt: at(minutes) }, at(0)));
    await remind(G, ana, 'discord', 10); // #1
    await remind(G, ben, 'discord', 5); // #2
    await remind(G, cy, 'slack', 1); // #3
    await remind(G, ana, 'discord', 100); // #4: not due yet
    await remind('guild-2', ana, 'discord', 3); // guild-2 #1
    await done(store.createGroup(G, owner, 'club', at(0)));
    await done(store.setDigest(G, owner, 'club', { door: 'discord', channel: 'c-news', nextAt: at(7) }, at(0)));
    const keys = (jobs: DueJob[]) => jobs.map((j) => j.key);
    expect(keys(await store.claimDue(claim({ door: 'slack', now: at(20), communities: ['guild-2'] })))).toEqual([]);
    expect(await store.claimDue(claim({ door: 'slack', now: at(20) }))).toEqual([
      { kind: 'reminder', key: `reminder:${G}:3`, community: G, attempt: 1, dueAt: at(1), reminder: { id: 3, user: cy.id, door: 'slack', text: 'at 1', dueAt: at(1), createdAt: at(0) } },
    ]);
    expect(keys(await store.claimDue(claim({ now: at(20), communities: ['guild-2', 'guild-3'] })))).toEqual(['reminder:guild-2:1']);
    expect(keys(await store.claimDue(claim({ now: at(20), communities: [] })))).toEqual([]);
    const two = await store.claimDue(claim({ now: at(20), limit: 2 }));
    expect(two).toEqual([
      { kind: 'reminder', key: `reminder:${G}:2`, community: G, attempt: 1, dueAt: at(5), reminder: { id: 2, user: ben.id, door: 'discord', text: 'at 5', dueAt: at(5), createdAt: at(0) } },
      { kind: 'digest', key: `digest:${G}:club:${at(7)}`, community: G, attempt: 1, dueAt: at(7), group: { key: 'club', name: 'club', members: 1 }, digest: { door: 'discord', channel: 'c-news', by: owner.id, nextAt: at(7), since: at(0) } },
    ]);
    expect(keys(await store.claimDue(claim({ now: at(20) })))).toEqual([`reminder:${G}:1`]);
    expect(await store.claimDue(claim({ now: at(29.9), owner: 'two' }))).toEqual([]);
    // Once the leases have ended, every due job is claimable again, with its next attempt.
    const later = await store.claimDue(claim({ now: at(100), owner: 'two' }));
    expect(later.map((j) => [j.key, j.attempt])).toEqual([
      ['reminder:guild-2:1', 2],
      [`reminder:${G}:2`, 2],
      [`digest:${G}:club:${at(7)}`, 2],
      [`reminder:${G}:1`, 2],
      [`reminder:${G}:4`, 1],
    ]);
    // Claimed reminders are still pending: the user sees them until they are sent.
    expect((await store.reminders(G, ana.id)).map((r) => r.id)).toEqual([1, 4]);
  });

  it('claims jobs due at the same time in one order: reminders before digests, then by community, then by number or group', async () => {
    await done(store.createGroup('guild-2', owner, 'beta', at(0)));
    await done(store.createGroup('guild-2', owner, 'alpha', at(0)));
    for (const group of ['beta', 'alpha']) await done(store.setDigest('guild-2', owner, group, { door: 'discord', channel: 'c', nextAt: at(10) }, at(0)));
    for (const community of ['guild-2', G]) for (const who of [ben, ana]) await done(store.addReminder(community, who, { door: 'discord', text: 'same time', dueAt: at(10) }, at(0)));
    const expected = [`reminder:${G}:1`, `reminder:${G}:2`, 'reminder:guild-2:1', 'reminder:guild-2:2', `digest:guild-2:alpha:${at(10)}`, `digest:guild-2:beta:${at(10)}`];
    const firstThree = await store.claimDue(claim({ now: at(10), limit: 3 }));
    expect(firstThree.map((j) => j.key)).toEqual(expected.slice(0, 3));
    expect((await store.claimDue(claim({ now: at(10) }))).map((j) => j.key)).toEqual(expected.slice(3));
  });

  it('refuses to claim for an owner, door or lease no store can keep, and claims nothing for a limit under one', async () => {
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(10) }, at(0)));
    for (const bad of [{ owner: '' }, { owner: 'o'.repeat(KEY_MAX + 1) }, { door: '' }, { door: 'd'.repeat(DOOR_MAX + 1) }, { leaseMs: 0 }, { leaseMs: -1 }, { leaseMs: Number.NaN }, { leaseMs: 10_000 * 365 * 24 * 60 * 60_000 }]) {
      await expect(store.claimDue(claim({ now: at(10), ...bad }))).rejects.toThrow(/cannot claim/);
    }
    expect(await store.claimDue(claim({ now: at(10), limit: 0 }))).toEqual([]);
    const [job] = await store.claimDue(claim({ now: at(10) }));
    // A retry time no store can keep is refused: the claim stays, and its lease ending frees the job.
    expect(await store.finishJob(job!, 'one', { type: 'retry', at: 'in a while' }, at(11))).toBe(false);
    expect(await store.finishJob(job!, 'one', { type: 'retry', at: '+010000-01-01T00:00:00.000Z' }, at(11))).toBe(false);
    expect(await store.nextDue('discord')).toBe(at(20));
    expect(await store.finishJob(job!, 'one', { type: 'sent' }, at(12))).toBe(true);
  });

  it('gives a claimed job to no one else until its lease ends, then again with the next attempt', async () => {
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(10) }, at(0)));
    const lease = { leaseMs: 5 * 60_000 };
    const [first] = await store.claimDue(claim({ owner: 'one', now: at(10), ...lease }));
    expect(first).toMatchObject({ key: `reminder:${G}:1`, attempt: 1, dueAt: at(10) });
    expect(await store.claimDue(claim({ owner: 'two', now: at(12), ...lease }))).toEqual([]);
    expect(await store.claimDue(claim({ owner: 'one', now: at(14.9), ...lease }))).toEqual([]);
    expect(await store.nextDue('discord')).toBe(at(15));
    const [second] = await store.claimDue(claim({ owner: 'two', now: at(15), ...lease }));
    expect(second).toMatchObject({ key: first!.key, attempt: 2, dueAt: at(10), reminder: { id: 1, dueAt: at(10) } });
    // The first claim is over: its owner's report changes nothing, nor does a report naming the wrong owner or attempt.
    expect(await store.finishJob(first!, 'one', { type: 'sent' }, at(16))).toBe(false);
    expect(await store.finishJob(second!, 'one', { type: 'sent' }, at(16))).toBe(false);
    expect(await store.finishJob({ ...second!, attempt: 1 }, 'two', { type: 'sent' }, at(16))).toBe(false);
    expect((await store.reminders(G, ana.id)).map((r) => r.id)).toEqual([1]);
    expect(await store.finishJob(second!, 'two', { type: 'sent' }, at(16))).toBe(true);
    expect(await store.reminders(G, ana.id)).toEqual([]);
    expect(await store.finishJob(second!, 'two', { type: 'sent' }, at(17))).toBe(false);
    expect(await store.claimDue(claim({ now: at(1000) }))).toEqual([]);
    expect(await store.nextDue('discord')).toBeUndefined();
  });

  it('lets the owner of a claim whose lease ended report it while no one else has taken it', async () => {
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(10) }, at(0)));
    const [job] = await store.claimDue(claim({ owner: 'one', now: at(10), leaseMs: 60_000 }));
    expect(await store.nextDue('discord')).toBe(at(11));
    expect(await store.finishJob(job!, 'one', { type: 'failed', reason: 'cannot message the user' }, at(20))).toBe(true);
    expect(await store.reminders(G, ana.id)).toEqual([]);
  });

  it('puts a job off when asked to retry: claimable again from that time, with its due time kept', async () => {
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(10) }, at(0)));
    const [job] = await store.claimDue(claim({ owner: 'one', now: at(10) }));
    expect(await store.finishJob(job!, 'one', { type: 'retry', at: at(30) }, at(11))).toBe(true);
    // Retried, the claim is no longer held: the same report again is stale.
    expect(await store.finishJob(job!, 'one', { type: 'sent' }, at(11))).toBe(false);
    expect(await store.reminders(G, ana.id)).toMatchObject([{ id: 1, dueAt: at(10) }]);
    expect(await store.nextDue('discord')).toBe(at(30));
    expect(await store.claimDue(claim({ owner: 'one', now: at(29.9) }))).toEqual([]);
    const [again] = await store.claimDue(claim({ owner: 'two', now: at(30) }));
    expect(again).toMatchObject({ key: job!.key, attempt: 2, dueAt: at(10), reminder: { dueAt: at(10) } });
    expect(await store.finishJob(again!, 'two', { type: 'retry', at: at(40) }, at(31))).toBe(true);
    const [third] = await store.claimDue(claim({ owner: 'two', now: at(45) }));
    expect(third).toMatchObject({ key: job!.key, attempt: 3 });
    expect(await store.finishJob(third!, 'two', { type: 'failed', reason: 'gone' }, at(46))).toBe(true);
    expect(await store.reminders(G, ana.id)).toEqual([]);
  });

  it('does not deliver a reminder cancelled while claimed, nor a digest replaced or turned off while claimed', async () => {
    await done(store.addReminder(G, ana, { door: 'discord', text: 'review joins', dueAt: at(10) }, at(0)));
    await done(store.createGroup(G, owner, 'club', at(0)));
    await done(store.setDigest(G, owner, 'club', { door: 'discord', channel: 'c-news', nextAt: at(10) }, at(0)));
    const jobs = await store.claimDue(claim({ now: at(10) }));
    expect(jobs.map((j) => j.kind).sort()).toEqual(['digest', 'reminder']);
    const reminder = jobs.find((j) => j.kind === 'reminder')!;
    const digest = jobs.find((j) => j.kind === 'digest')!;
    expect(await done(store.cancelReminder(G, ana, 1, at(11)))).toMatchObject({ ok: true });
    expect(await store.finishJob(reminder, 'one', { type: 'sent' }, at(12))).toBe(false);
    await done(store.setDigest(G, owner, 'club', { door: 'discord', channel: 'c-elsewhere', nextAt: week(1) }, at(11)));
    expect(await store.finishJob(digest, 'one', { type: 'sent' }, at(12))).toBe(false);
    expect(await store.digest(G, 'club')).toMatchObject({ channel: 'c-elsewhere', nextAt: week(1), since: at(11) });
    const [next] = await store.claimDue(claim({ now: week(1) }));
    await done(store.setDigest(G, owner, 'club', undefined, week(1, 1)));
    expect(await store.finishJob(next!, 'one', { type: 'retry', at: week(2) }, week(1, 2))).toBe(false);
    expect(await store.claimDue(claim({ now: week(3) }))).toEqual([]);
    expect(await store.nextDue('discord')).toBeUndefined();
  });

  it('moves a digest on to its next week after the current time: a bot down for three weeks sends one, not three', async () => {
    await done(store.createGroup(G, owner, 'club', at(0)));
    await done(store.setDigest(G, owner, 'club', { door: 'discord', channel: 'c-news', nextAt: at(60) }, at(0)));
    // Up on time: the next one comes a week later and covers the week since this one.
    const [onTime] = await store.claimDue(claim({ now: at(60) }));
    expect(onTime).toMatchObject({ kind: 'digest', dueAt: at(60), attempt: 1, digest: { since: at(0), nextAt: at(60) } });
    expect(await store.finishJob(onTime!, 'one', { type: 'sent' }, at(61))).toBe(true);
    expect(await store.digest(G, 'club')).toEqual({ door: 'discord', channel: 'c-news', by: owner.id, nextAt: week(1, 60), since: at(60) });
    // Then down for three weeks and a bit: one digest is claimed for the week it was due.
    const back = week(4, 90);
    const late = await store.claimDue(claim({ now: back }));
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ key: `digest:${G}:club:${week(1, 60)}`, dueAt: week(1, 60), attempt: 1, digest: { since: at(60) } });
    expect(await store.finishJob(late[0]!, 'one', { type: 'sent' }, back)).toBe(true);
    const next = await store.digest(G, 'club');
    expect(next).toEqual({ door: 'discord', channel: 'c-news', by: owner.id, nextAt: week(5, 60), since: week(1, 60) });
    expect(Date.parse(next!.nextAt)).toBeGreaterThan(Date.parse(back));
    expect(await store.claimDue(claim({ now: back }))).toEqual([]);
    expect(await store.nextDue('discord')).toBe(week(5, 60));
    // A failed one moves on as well; exactly a week late, it is due the week after (never at `now` itself).
    const [failed] = await store.claimDue(claim({ now: week(5, 60) }));
    expect(await store.finishJob(failed!, 'one', { type: 'failed', reason: 'channel gone' }, week(6, 60))).toBe(true);
    expect(await store.digest(G, 'club')).toMatchObject({ nextAt: week(7, 60), since: week(5, 60) });
  });

  it('starts a digest\'s attempts again each week, and keeps its key across retries', async () => {
    await done(store.createGroup(G, owner, 'club', at(0)));
    await done(store.setDigest(G, owner, 'club', { door: 'slack', channel: 'C1', nextAt: at(60) }, at(0)));
    const [first] = await store.claimDue(claim({ door: 'slack', now: at(60) }));
    expect(await store.finishJob(first!, 'one', { type: 'retry', at: at(90) }, at(61))).toBe(true);
    expect(await store.digest(G, 'club')).toMatchObject({ nextAt: at(60) });
    const [second] = await store.claimDue(claim({ door: 'slack', now: at(90) }));
    expect(second).toMatchObject({ key: first!.key, dueAt: at(60), attempt: 2 });
    expect(await store.finishJob(second!, 'one', { type: 'sent' }, at(91))).toBe(true);
    const [nextWeek] = await store.claimDue(claim({ door: 'slack', now: week(1, 60) }));
    expect(nextWeek).toMatchObject({ key: `digest:${G}:club:${week(1, 60)}`, attempt: 1, digest: { since: at(60) } });
  });

  it('says when the next job of a door can be claimed: due, retried or its lease ended, in the communities asked for', async () => {
    expect(await store.nextDue('discord')).toBeUndefined();
    await done(store.addReminder(G, ana, { door: 'discord', text: 'later', dueAt: at(50) }, at(0)));
    await done(store.addReminder(G, ana, { door: 'slack', text: 'soon', dueAt: at(5) }, at(0)));
    await done(store.addReminder('guild-2', ana, { door: 'discord', text: 'first', dueAt: at(40) }, at(0)));
    await done(store.createGroup(G, owner, 'club', at(0)));
    await done(store.setDigest(G, owner, 'club', { door: 'discord', channel: 'c-news', nextAt: at(45) }, at(0)));
    expect(await store.nextDue('discord')).toBe(at(40));
    expect(await store.nextDue('discord', [G])).toBe(at(45));
    expect(await store.nextDue('discord', ['guild-3'])).toBeUndefined();
    expect(await store.nextDue('discord', [])).toBeUndefined();
    expect(await store.nextDue('slack')).toBe(at(5));
    expect(await store.nextDue('terminal')).toBeUndefined();
    const [job] = await store.claimDue(claim({ now: at(40), leaseMs: 30 * 60_000, communities: ['guild-2'] }));
    expect(await store.nextDue('discord')).toBe(at(45));
    expect(await store.nextDue('discord', ['guild-2'])).toBe(at(70));
    expect(await store.finishJob(job!, 'one', { type: 'retry', at: at(80) }, at(41))).toBe(true);
    expect(await store.nextDue('discord', ['guild-2'])).toBe(at(80));
  });

  // ---------------------------------------------------------------- tips since

  it('shows only the tips made since a time, with every other filter', async () => {
    await done(store.addTip(G, ana, 'databases', 'Learn how indexes work', at(0))); // #1
    await done(store.addTip(G, ben, 'databases', 'Practise SQL joins every day', at(10))); // #2
    await done(store.addTip(G, ana, 'security', 'Read the OWASP top ten', at(20))); // #3
    await done(store.addTip(G, ana, 'databases', 'Normalise, then measure', at(30))); // #4
    await done(store.voteTip(G, cy, 3, at(31)));
    const ids = async (query: Parameters<Store['tips']>[1]) => {
      const page = await store.tips(G, query);
      return [page.items.map((t) => t.id), page.total];
    };
    expect(await ids({ since: at(10), limit: 10 })).toEqual([[3, 4, 2], 3]);
    expect(await ids({ since: '2026-03-01T12:10:00+00:00', limit: 10 })).toEqual([[3, 4, 2], 3]);
    expect(await ids({ since: at(10), step: 'databases', limit: 10 })).toEqual([[4, 2], 2]);
    expect(await ids({ since: at(10), authors: [ana.id], limit: 10 })).toEqual([[3, 4], 2]);
    expect(await ids({ since: at(10), matching: 'SQL', limit: 10 })).toEqual([[2], 1]);
    expect(await ids({ since: at(10), offset: 1, limit: 1 })).toEqual([[4], 3]);
    expect(await ids({ since: at(10), limit: 1, withTotal: false })).toEqual([[3], 1]);
    expect(await ids({ since: at(30.5), limit: 10 })).toEqual([[], 0]);
    expect(await ids({ since: at(-1), limit: 10 })).toEqual([[3, 4, 2, 1], 4]);
  });

  it('handles a delivery id once within an hour', async () => {
    expect(await store.firstDelivery('event:Ev1', T0)).toBe(true);
    expect(await store.firstDelivery('event:Ev1', T0 + 1000)).toBe(false);
    expect(await store.firstDelivery('event:Ev2', T0 + 1000)).toBe(true);
    expect(await store.firstDelivery('event:Ev1', T0 + 61 * 60_000)).toBe(true);
  });
});

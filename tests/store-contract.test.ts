// One contract, one suite (abstract-level's way): every Store implementation runs these same tests
// through the Store interface alone: memory, the lowdb file in a temp folder, and PostgreSQL on a
// real server in a database of its own (skipped with a message saying how to run it when there is
// no server).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNANSWERED_MAX } from '../src/store/rules.js';
import type { Actor, RateLimit, Store } from '../src/store/store.js';
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

/** The value of a write that was not over the limit. */
async function done<T>(p: Promise<{ ok: true; value: T } | { ok: false; waitMs: number }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`over the write limit (${r.waitMs} ms)`);
  return r.value;
}

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

  it('handles a delivery id once within an hour', async () => {
    expect(await store.firstDelivery('event:Ev1', T0)).toBe(true);
    expect(await store.firstDelivery('event:Ev1', T0 + 1000)).toBe(false);
    expect(await store.firstDelivery('event:Ev2', T0 + 1000)).toBe(true);
    expect(await store.firstDelivery('event:Ev1', T0 + 61 * 60_000)).toBe(true);
  });
});

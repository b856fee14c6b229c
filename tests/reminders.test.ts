// Reminders, time zones and weekly digests, as a user meets them: the commands through
// bot.dispatchText on every store, and the scheduler that sends due jobs, driven by a fake clock
// (due, late after a restart, cancelled, retried, and two instances on one database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { MAX_ATTEMPTS, retryDelayMs, Scheduler, type Deliverer } from '../src/jobs/scheduler.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLog, useLog } from '../src/log.js';
import { suggestionsOf, type Reply } from '../src/reply.js';
import { openLowdbStore } from '../src/store/lowdb.js';
import type { DueJob, JobOutcome, Store } from '../src/store/store.js';
import { testDatabase } from './support/postgres.js';
import { storeKinds } from './support/store-kinds.js';

// The scheduler logs each failed delivery as a warning: expected here, so kept out of the output.
useLog(createLog('error'));
const knowledge = loadKnowledge();
const DAY = 86_400_000;

const ctx = (userId: string, extra: Partial<Context> = {}): Context => ({
  platform: 'discord',
  userId,
  userName: userId.charAt(0).toUpperCase() + userId.slice(1),
  isModerator: false,
  communityId: 'guild-1',
  channelId: 'chan-1',
  ...extra,
});
const alice = ctx('alice');
const bob = ctx('bob');
const mod = ctx('mia', { isModerator: true });

/** A door that keeps what it was asked to send, and answers as told. */
function recorder(door: 'discord' | 'terminal' = 'discord', answer: (job: DueJob) => JobOutcome | Promise<JobOutcome> = () => ({ type: 'sent' })) {
  const sent: { job: DueJob; message: Reply }[] = [];
  const deliverer: Deliverer = {
    door,
    async deliver(job, message) {
      const outcome = await answer(job);
      if (outcome.type === 'sent') sent.push({ job, message });
      return outcome;
    },
  };
  return { sent, deliverer };
}

const kinds = await storeKinds();
const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe.each(kinds)('reminders and digests ($name store)', ({ open, skip }) => {
  let bot: Bot;
  let store: Store;
  // Monday 30 Nov 2026, 23:50 UTC.
  let clock = Date.parse('2026-11-30T23:50:00Z');
  const now = () => new Date(clock);
  const say = (who: Context, line: string) => bot.dispatchText(line, who);
  const scheduler = (deliverer: Deliverer) => new Scheduler({ store, knowledge, deliverer, now });

  beforeEach(async (c) => {
    if (skip) c.skip();
    store = await open();
    opened.push(store);
    clock = Date.parse('2026-11-30T23:50:00Z');
    bot = new Bot({ knowledge, store, now });
  });

  it('sets a reminder from plain words, lists it, and cancels only your own', async () => {
    const set = await say(alice, 'remind me in 3 days to review step 4');
    expect(set.card.title).toBe('Reminder #1 set');
    expect(set.ephemeral).toBe(true);
    expect(set.text).toContain('I will remind you "review step 4" on Thu 3 Dec 2026, 23:50 (in 3 days), by direct message.');
    // Discord tells no zone: the reply says the times are UTC and how to change it.
    expect(set.text).toContain('Times are in UTC');
    expect(suggestionsOf(set).map((s) => s.command)).toContain('reminder cancel 1');

    const list = await say(alice, 'reminders');
    expect(list.text).toContain('#1 Thu 3 Dec 2026, 23:50 (in 3 days): review step 4');
    expect((await say(bob, 'reminders')).card.title).toBe('No reminders');

    const theirs = await say(bob, 'reminder cancel 1');
    expect(theirs.card.title).toBe('Not found');
    expect(await store.reminders('guild-1', 'alice')).toHaveLength(1);

    const cancelled = await say(alice, 'reminder cancel #1');
    expect(cancelled.text).toContain('Cancelled reminder #1: "review step 4"');
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
    expect((await say(alice, 'reminders cancel 1')).card.title).toBe('Not found');
  });

  it('reads times in the zone the user set, or the door gave', async () => {
    expect((await say(alice, 'timezone berlin')).text).toContain('Your time zone is now Europe/Berlin');
    await say(alice, 'remind tomorrow 9am tip about databases');
    // 00:50 on Tuesday in Berlin: "tomorrow 9am" is Wednesday 09:00 there, 08:00 UTC.
    expect((await store.reminders('guild-1', 'alice'))[0]).toMatchObject({ text: 'tip about databases', dueAt: '2026-12-02T08:00:00.000Z', door: 'discord', channel: 'chan-1' });
    expect((await say(alice, 'reminders')).text).toContain('Wed 2 Dec 2026, 09:00');

    // A Slack profile's zone, when the user set none.
    const slacker = ctx('sam', { platform: 'slack', timeZone: 'America/New_York' });
    const set = await say(slacker, 'remind tomorrow 9am stretch');
    expect(set.text).toContain('Times are in America/New_York, from your profile or this machine.');
    expect((await store.reminders('guild-1', 'sam'))[0]?.dueAt).toBe('2026-12-01T14:00:00.000Z');

    expect((await say(alice, 'timezone')).text).toContain('Your time zone is Europe/Berlin (you set it).');
    expect((await say(alice, 'timezone off')).text).toContain('Removed Europe/Berlin');
    const bad = await say(alice, 'timezone berlim');
    expect(bad.card.title).toBe('Unknown time zone');
    expect(suggestionsOf(bad).map((s) => s.command)).toContain('timezone Europe/Berlin');
  });

  it('refuses what it cannot use, and saves nothing', async () => {
    expect((await say(alice, 'remind me to review step 4')).card.title).toBe('When?');
    expect((await say(alice, 'remind tomorrow 9am')).card.title).toBe('Remind you of what?');
    expect((await say(alice, 'remind in 2 years renew my certificate')).card.title).toBe('Pick an earlier time');
    expect((await say(alice, `remind tomorrow ${'x'.repeat(301)}`)).card.title).toBe('Too long');
    expect((await say(alice, 'reminder cancel soon')).card.title).toBe('Not a reminder number');
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
  });

  it('offers a review reminder after a step is done, and the offer works as shown', async () => {
    const done = await say(alice, 'done 4');
    const offer = suggestionsOf(done).find((s) => s.command.startsWith('remind '));
    expect(offer?.command).toBe('remind in 1 week to review step 4 (Learn a framework)');
    const set = await say(alice, offer!.command);
    expect(set.card.title).toBe('Reminder #1 set');
    expect((await store.reminders('guild-1', 'alice'))[0]).toMatchObject({ text: 'review step 4 (Learn a framework)', dueAt: new Date(clock + 7 * DAY).toISOString() });
  });

  it('sends a reminder once, when it is due, privately to its user', async () => {
    await say(alice, 'remind in 2 hours to check my pull request');
    const door = recorder();
    const s = scheduler(door.deliverer);
    clock += 119 * 60_000;
    expect(await s.runDue()).toBe(0);
    clock += 60_000;
    expect(await s.runDue()).toBe(1);
    expect(door.sent).toHaveLength(1);
    const { job, message } = door.sent[0]!;
    expect(job.kind === 'reminder' && job.reminder.user).toBe('alice');
    expect(message.card.title).toBe('Reminder #1');
    expect(message.text).toContain('check my pull request');
    expect(message.text).not.toContain('Late');
    // Never twice.
    clock += DAY;
    expect(await s.runDue()).toBe(0);
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
  });

  it('sends nothing for a cancelled reminder, and only its own door sends', async () => {
    await say(alice, 'remind in 1 hour to stretch');
    await say(ctx('tess', { platform: 'terminal', communityId: 'guild-1' }), 'remind in 1 hour to drink water');
    await say(alice, 'reminder cancel 1');
    clock += 2 * 60 * 60_000;
    const discord = recorder('discord');
    expect(await scheduler(discord.deliverer).runDue()).toBe(0);
    const terminal = recorder('terminal');
    expect(await scheduler(terminal.deliverer).runDue()).toBe(1);
    expect(terminal.sent[0]?.message.text).toContain('drink water');
  });

  it('tries again later when the platform did not take it, and a minute late is not called late', async () => {
    await say(alice, 'remind in 1 hour to stretch');
    let down = true;
    const door = recorder('discord', () => {
      if (down) throw new Error('gateway timeout');
      return { type: 'sent' };
    });
    const s = scheduler(door.deliverer);
    clock += 60 * 60_000;
    expect(await s.runDue()).toBe(1);
    expect(door.sent).toHaveLength(0);
    down = false;
    // Retried after a minute, not before.
    clock += 30_000;
    expect(await s.runDue()).toBe(0);
    clock += 31_000;
    expect(await s.runDue()).toBe(1);
    expect(door.sent).toHaveLength(1);
    // Sent a minute after it was due: not yet "late". An hour later would be.
    expect(door.sent[0]!.message.text).not.toContain('Late');
  });

  it('drops a reminder that can never be delivered', async () => {
    await say(alice, 'remind in 1 hour to stretch');
    const door = recorder('discord', () => ({ type: 'failed', reason: 'DMs closed' }));
    clock += 2 * 60 * 60_000;
    expect(await scheduler(door.deliverer).runDue()).toBe(1);
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
  });

  it('gives a reminder up after 8 attempts the platform refused, and sends it no more', async () => {
    await say(alice, 'remind in 1 hour to stretch');
    let tries = 0;
    const door = recorder('discord', () => {
      tries++;
      throw new Error('service unavailable');
    });
    const s = scheduler(door.deliverer);
    clock += 60 * 60_000;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await s.runDue()).toBe(1);
      expect(tries).toBe(attempt);
      clock += retryDelayMs(attempt) + 1000;
    }
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
    clock += DAY;
    expect(await s.runDue()).toBe(0);
    expect(tries).toBe(MAX_ATTEMPTS);
  });

  // An instance that claimed a reminder and died (or stalled past its lease) before it reported:
  // the platform may or may not have taken the message.
  const dieWhileSending = async () => {
    const [job] = await store.claimDue({ door: 'discord', owner: 'instance-that-died', now: now().toISOString(), leaseMs: 60_000, limit: 5 });
    expect(job?.kind).toBe('reminder');
    return job!;
  };

  it('never sends twice: a reminder whose sender died mid-send is not sent again by a door that cannot spot a duplicate', async () => {
    await say(alice, 'remind in 1 hour to stretch');
    clock += 60 * 60_000;
    await dieWhileSending();
    const door = recorder('discord');
    const s = scheduler(door.deliverer);
    // Held by the dead instance's lease for a minute, then taken over, and dropped, not resent.
    expect(await s.runDue()).toBe(0);
    clock += 61_000;
    expect(await s.runDue()).toBe(1);
    expect(door.sent).toHaveLength(0);
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
    clock += DAY;
    expect(await s.runDue()).toBe(0);
  });

  it('resends with the same key where the platform drops duplicates (a Discord nonce), only within its window', async () => {
    await say(alice, 'remind in 1 hour to stretch');
    await say(bob, 'remind in 1 hour to drink water');
    const door = recorder('discord');
    const nonces = { ...door.deliverer, dedupeWindowMs: 2 * 60_000 };
    clock += 60 * 60_000;
    const first = await dieWhileSending();
    // Taken over 70 s after the dead claim began: Discord would drop a second copy, so it is sent.
    clock += 70_000;
    expect(await scheduler(nonces).runDue()).toBe(2);
    expect(door.sent.map((x) => x.job.key)).toContain(first.key);
    expect(door.sent.find((x) => x.job.key === first.key)?.job.resumed).toBeDefined();

    // The bot was down for ten minutes after the claim: past the window, so not sent again.
    await say(alice, 'remind in 1 hour to stand up');
    clock += 60 * 60_000;
    await dieWhileSending();
    clock += 10 * 60_000;
    door.sent.length = 0;
    expect(await scheduler(nonces).runDue()).toBe(1);
    expect(door.sent).toHaveLength(0);
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
  });

  it('hands back, unsent, a job whose lease runs out in a slow batch, and sends it once on a fresh claim', async () => {
    for (const what of ['stretch', 'drink water', 'stand up']) await say(alice, `remind in 1 hour to ${what}`);
    // Each send takes 30 s (rate limits): the third would start with 0 s of its minute left.
    const door = recorder('discord', () => {
      clock += 30_000;
      return { type: 'sent' };
    });
    const slow = { ...door.deliverer, dedupeWindowMs: 2 * 60_000 };
    clock += 60 * 60_000;
    const s = scheduler(slow);
    expect(await s.runDue()).toBe(3);
    expect(door.sent).toHaveLength(2);
    expect(await store.reminders('guild-1', 'alice')).toHaveLength(1);
    expect(await s.runDue()).toBe(1);
    expect(door.sent.map((x) => x.message.text).filter((t) => t.includes('stand up'))).toHaveLength(1);
    expect(door.sent.at(-1)?.job.resumed).toBeUndefined();
    expect(await store.reminders('guild-1', 'alice')).toEqual([]);
  });

  it('posts a weekly digest a moderator turned on: steps finished, best new tips, pace', async () => {
    await say(alice, 'group create club');
    await say(bob, 'group join club');
    expect((await say(alice, 'group digest club here')).card.title).toBe('Moderators only');
    const on = await say(mod, 'group digest club here');
    expect(on.card.title).toBe('Weekly digest on');
    expect(on.text).toContain('Mon 7 Dec 2026, 23:50');
    expect((await say(bob, 'group digest club')).text).toContain('is on: the next one is due');

    clock += DAY;
    await say(alice, 'done 1');
    await say(alice, 'done 2');
    await say(alice, 'plan 10 weeks');
    await say(bob, 'tip add 3 Write the same small API twice, once without a framework');
    await say(ctx('zed'), 'tip add 3 Someone outside the group says this');

    const door = recorder();
    const s = scheduler(door.deliverer);
    clock += 5 * DAY;
    expect(await s.runDue()).toBe(0);
    clock += 2 * DAY;
    expect(await s.runDue()).toBe(1);
    const { job, message } = door.sent[0]!;
    expect(job.kind === 'digest' && job.digest.channel).toBe('chan-1');
    expect(message.card.title).toBe('Weekly digest: club');
    expect(message.text).toContain('Alice: step 1 (Decide which path fits your goals), step 2 (Learn a server-side programming language)');
    expect(message.text).toContain('Write the same small API twice');
    expect(message.text).not.toContain('outside the group');
    expect(message.text).toMatch(/Pace plans:\n {2}- Alice: /);

    // The next week's digest covers only the next week, and comes a week later.
    // It was due on day 7 and sent on day 8: the next is due on day 14, a week after the first was due.
    clock += 5 * DAY;
    expect(await s.runDue()).toBe(0);
    clock += DAY;
    expect(await s.runDue()).toBe(1);
    expect(door.sent[1]!.message.text).toContain('A quiet week');

    expect((await say(mod, 'group digest club off')).card.title).toBe('Weekly digest off');
    clock += 8 * DAY;
    expect(await s.runDue()).toBe(0);
  });

  it('exports reminders and the time zone, and imports them back elsewhere', async () => {
    await say(alice, 'timezone Europe/Berlin');
    await say(alice, 'remind in 3 days to review step 4');
    const exported = await say(alice, 'export');
    const file = exported.card.children.find((n) => n.type === 'file');
    expect(file && file.type === 'file' && JSON.parse(file.content)).toMatchObject({ timeZone: 'Europe/Berlin', reminders: [{ text: 'review step 4' }] });
    const elsewhere = ctx('alice', { communityId: 'guild-2' });
    const imported = await say(elsewhere, `import ${file && file.type === 'file' ? file.content : ''}`);
    expect(imported.text).toContain('Reminders: 1 added');
    expect(imported.text).toContain('Time zone: set to Europe/Berlin');
    expect((await store.reminders('guild-2', 'alice')).map((r) => r.text)).toEqual(['review step 4']);
    expect((await say(elsewhere, `import ${file && file.type === 'file' ? file.content : ''}`)).text).toContain('Reminders: 0 added, 1 already here');
  });

  it("lets a moderator export a group's record, and nobody else", async () => {
    await say(alice, 'group create club');
    await say(alice, 'done 1');
    await say(alice, 'tip add 1 Pick the path that matches the job ads near you');
    expect((await say(bob, 'group export club')).card.title).toBe('Moderators only');
    const csv = await say(mod, 'group export club csv');
    const file = csv.card.children.find((n) => n.type === 'file');
    expect(csv.ephemeral).toBe(true);
    expect(file && file.type === 'file' ? file.content : '').toContain('step done,Alice,');
    expect(file && file.type === 'file' ? file.content : '').toContain('Pick the path that matches the job ads near you');
  });
});

describe('after a restart', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('finds reminders due while devpath was down in the data file, and sends them marked late', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devpath-remind-'));
    dirs.push(dir);
    let clock = Date.parse('2026-11-30T12:00:00Z');
    const now = () => new Date(clock);
    const first = await openLowdbStore(dir, { fsync: false });
    await new Bot({ knowledge, store: first, now }).dispatchText('remind in 1 hour to review step 4', ctx('alice', { platform: 'terminal', communityId: 'local' }));
    await first.close();

    clock += 4 * 60 * 60_000;
    const again = await openLowdbStore(dir, { fsync: false });
    opened.push(again);
    const door = recorder('terminal');
    expect(await new Scheduler({ store: again, knowledge, deliverer: door.deliverer, now }).runDue()).toBe(1);
    expect(door.sent[0]!.message.text).toContain('review step 4');
    expect(door.sent[0]!.message.text).toContain('Late: this was due Mon 30 Nov 2026, 13:00 (UTC), 3 hours ago');
  });
});

describe('several instances on one PostgreSQL database', () => {
  it('sends each due reminder exactly once, and a digest once', async (c) => {
    const db = await testDatabase();
    if ('skip' in db) return c.skip();
    const { openPostgresStore } = await import('../src/store/postgres/store.js');
    const [a, b] = [await openPostgresStore(db.url), await openPostgresStore(db.url)];
    try {
      let clock = Date.parse('2026-11-30T12:00:00Z');
      const now = () => new Date(clock);
      const bot = new Bot({ knowledge, store: a, now });
      for (let i = 0; i < 40; i++) {
        const who = ctx(`user${i % 8}`, { communityId: `guild-${i % 3}` });
        const r = await bot.dispatchText(`remind in ${1 + (i % 5)} hours to practise query number ${i}`, { ...who, operator: true });
        expect(r.card.title).toMatch(/^Reminder #\d+ set$/);
      }
      await bot.dispatchText('group create club', ctx('mia', { isModerator: true, operator: true }));
      await bot.dispatchText('group digest club here', ctx('mia', { isModerator: true, operator: true }));
      const one = recorder();
      const two = recorder();
      clock += 8 * DAY;
      // Two instances, each with its own store (pool) on the same database, at the same moment.
      const counts = await Promise.all([
        new Scheduler({ store: a, knowledge, deliverer: one.deliverer, now, batch: 3 }).runDue(),
        new Scheduler({ store: b, knowledge, deliverer: two.deliverer, now, batch: 3 }).runDue(),
      ]);
      expect(counts[0] + counts[1]).toBe(41);
      const keys = [...one.sent, ...two.sent].map((s) => s.job.key);
      expect(new Set(keys).size).toBe(41);
      expect(keys.filter((k) => k.startsWith('digest:'))).toHaveLength(1);
      // Both did some of the work.
      expect(one.sent.length).toBeGreaterThan(0);
      expect(two.sent.length).toBeGreaterThan(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    }
  });
});

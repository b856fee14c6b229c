// The community commands through bot.dispatchText, as a user types them, against the in-memory
// store and against a real lowdb file in a temp dir: same behaviour, and the file keeps it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { DATA_FILE_NAME, openLowdbStore } from '../src/store/lowdb.js';
import { MemoryStore } from '../src/store/memory.js';
import type { Store } from '../src/store/store.js';
import { suggestionsOf, type Reply } from '../src/reply.js';
import { DocumentStore } from '../src/store/document.js';
import { CURRENT_VERSION } from '../src/store/schema.js';
import { storeKinds } from './support/store-kinds.js';
import { createLog, useLog } from '../src/log.js';
import { readDiscordMention } from '../adapters/discord/mention.js';
import { readSlackMention } from '../adapters/slack/user-mention.js';

const knowledge = loadKnowledge();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ctx = (userId: string, extra: Partial<Context> = {}): Context => ({
  platform: 'discord',
  userId,
  userName: userId.charAt(0).toUpperCase() + userId.slice(1),
  isModerator: false,
  communityId: 'guild-1',
  ...extra,
});
const alice = ctx('alice');
const bob = ctx('bob');
const mod = ctx('mia', { isModerator: true });

const kinds = await storeKinds();

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe.each(kinds)('community commands ($name store)', ({ open, skip }) => {
  let bot: Bot;
  let store: Store;
  let clock = Date.parse('2025-03-01T12:00:00Z');
  const say = (who: Context, line: string) => bot.dispatchText(line, who);

  beforeEach(async (c) => {
    if (skip) c.skip();
    store = await open();
    opened.push(store);
    clock = Date.parse('2025-03-01T12:00:00Z');
    bot = new Bot({ knowledge, store, now: () => new Date(clock) });
  });

  it('done by number and by fuzzy name; progress shows the bar, the steps and the next step with tips', async () => {
    expect((await say(alice, 'done 1')).text).toContain('1/12 steps');
    const byName = await say(alice, 'done framework');
    expect(byName.text).toContain('Marked step 4 (Learn a framework) as done');
    expect(byName.text).toContain('2/12 steps');
    await say(bob, 'tip add 2 Pick one language and stay with it for three months');
    const p = await say(alice, 'progress');
    expect(p.card.title).toBe('Your progress');
    expect(p.text).toContain('2/12 steps');
    expect(p.text).toContain('1. Decide which path fits your goals');
    expect(p.text).toContain('4. Learn a framework');
    expect(p.text).toContain('Next: step 2 (Learn a server-side programming language)');
    expect(p.text).toContain('Pick one language and stay with it');
    // A tip is kept as typed, politeness and all (a command that only reads drops a trailing "pls").
    await say(bob, 'tip add 2 Review your notes again, thanks');
    expect((await say(alice, 'tips 2')).text).toContain('Review your notes again, thanks');
    // Someone else's progress, by name.
    expect((await say(bob, 'progress alice')).card.title).toBe('Progress of Alice');
    expect((await say(bob, 'progress alicia')).text).toContain('Did you mean: Alice');
  });

  it("shows your own progress, never that of a member whose name is your id", async () => {
    await say(ctx('u1', { userName: 'u999' }), 'done 1');
    const mine = await say(ctx('U999'), 'progress');
    expect(mine.card.title).toBe('Your progress');
    expect(mine.text).toContain('0/12 steps');
    expect(mine.text).not.toContain('Last active');
  });

  it('progress of a member whose id is not their name: by @name, by mention, by id', async () => {
    const ana = ctx('1001', { userName: 'Ana' });
    const ben = ctx('U2002', { userName: 'ben' });
    await say(ana, 'done 1');
    await say(ana, 'done 2');
    await say(ben, 'done 3');
    // A mention is read with the door's own syntax (its Context's readMention).
    const discord = (who: Context): Context => ({ ...who, readMention: readDiscordMention });
    for (const line of ['progress @ana', 'progress ANA', 'progress <@1001>', 'progress <@!1001>', 'progress 1001']) {
      const r = await say(discord(bob), line);
      expect([line, r.card.title]).toEqual([line, 'Progress of Ana']);
      expect(r.text).toContain('2/12 steps');
    }
    const slack = await say({ ...bob, platform: 'slack', readMention: readSlackMention }, 'progress <@U2002|ben>');
    expect(slack.card.title).toBe('Progress of ben');
    expect(slack.text).toContain('1/12 steps');
    expect((await say(discord(bob), 'progress <@9999>')).card.title).toBe('Not found');
    expect((await say(discord(ana), 'progress <@1001>')).card.title).toBe('Your progress');
    // Without a door's syntax, mention markup is no user name.
    expect((await say(bob, 'progress <@1001>')).text).toContain('User must be a user mention or a user name.');
  });

  it('"undo" alone unmarks nothing: it asks which step, offering the last marked first', async () => {
    expect((await say(alice, 'undo')).card.title).toBe('Nothing to undo');
    await say(alice, 'done 2');
    await say(alice, 'done 5');
    const which = await say(alice, 'undo');
    expect(which.card.title).toBe('Which step?');
    expect(which.text).toContain('The last one you marked done is step 5');
    expect(suggestionsOf(which)[0]?.command).toBe('undo 5');
    expect((await say(alice, 'progress')).text).toContain('2/12 steps');
  });

  it('done twice changes nothing; undo removes; an unknown step says did you mean and changes nothing', async () => {
    await say(alice, 'done 3');
    expect((await say(alice, 'done 3')).text).toContain('already marked step 3');
    expect((await say(alice, 'undo 3')).text).toContain('0/12 steps');
    const bad = await say(alice, 'done databsaes');
    expect(bad.text).toMatch(/step 5|Did you mean/);
    // A close misspelling is taken as the step it names, and says so.
    expect(bad.card.title).toBe('Step done');
    expect(bad.text).toContain('I took "databsaes" to mean step 5');
    const none = await say(alice, 'done 13');
    expect(none.text).toContain('no step 13');
    const far = await say(alice, 'done xyzzy quux');
    expect(far.answered).toBe(false);
    const p = await say(alice, 'progress');
    expect(p.text).toContain('1/12 steps');
    expect(p.text).toContain('5. Get current on databases');
  });

  it('roadmap marks the caller\'s done steps, and roadmap <step> shows its three best tips', async () => {
    await say(alice, 'done 1');
    await say(alice, 'done 2');
    const list = await say(alice, 'roadmap');
    expect(list.text).toContain('[x] 1. Decide which path');
    expect(list.text).toContain('[ ] 3. Understand algorithms');
    expect(list.text).toContain('2/12 steps done');
    expect((await say(bob, 'roadmap')).text).not.toContain('[x]');
    for (const [i, text] of ['Start with Express', 'Read the official tutorial of your framework', 'Write tests from day one', 'Deploy a tiny app early'].entries()) {
      await say(i % 2 ? bob : alice, `tip add 4 ${text}`);
    }
    await say(bob, 'tip vote 4'); // alice's "Deploy a tiny app early"
    await say(mod, 'tip vote 4');
    await say(mod, 'tip vote 2'); // bob's tutorial tip
    const step = await say(alice, 'roadmap 4');
    expect(step.text).toContain('Community tips for step 4');
    const lines = step.text.split('\n').filter((l) => /^ {2}- #\d/.test(l));
    expect(lines.map((l) => l.match(/#(\d+)/)![1])).toEqual(['4', '2', '3']);
  });

  it('tips: best voted first, then newest; paged; one vote each, not on your own tip', async () => {
    for (let i = 1; i <= 7; i++) {
      clock += 60_000;
      await say(i % 2 ? alice : bob, `tip add 5 Database tip number ${i} about ${['indexes', 'joins', 'transactions', 'normal forms', 'backups', 'migrations', 'query plans'][i - 1]}`);
    }
    expect((await say(alice, 'tip vote 1')).text).toContain('your own');
    expect((await say(bob, 'tip vote 1')).text).toContain('1 vote now');
    expect((await say(bob, 'tip vote #1')).text).toContain('already voted');
    const page1 = await say(alice, 'tips 5');
    const ids = (r: { text: string }) => r.text.split('\n').filter((l) => /^ {2}- #\d/.test(l)).map((l) => Number(l.match(/#(\d+)/)![1]));
    expect(ids(page1)).toEqual([1, 7, 6, 5, 4]);
    expect(page1.text).toContain('Page 1 of 2 (7 tips)');
    expect(suggestionsOf(page1).map((s) => s.command)).toContain('tips 5 page:2');
    expect(ids(await say(alice, 'tips 5 page:2'))).toEqual([3, 2]);
    const beyond = await say(alice, 'tips 5 page:9');
    expect(ids(beyond)).toEqual([3, 2]);
    expect(beyond.text).toContain('Page 2 of 2 (7 tips)');
    expect(suggestionsOf(beyond).map((s) => s.command)).toEqual(['tips 5 page:1']);
    expect(ids(await say(alice, 'tips page:1'))).toEqual([1, 7, 6, 5, 4]);
    const guessed = await say(alice, 'tips databsaes');
    expect(guessed.text).toContain('I took "databsaes" to mean step 5');
    expect(ids(guessed)).toEqual([1, 7, 6, 5, 4]);
  });

  it('refuses a near-duplicate tip with a pointer to the existing one, and bad tips change nothing', async () => {
    await say(alice, 'tip add 6 Learn how HTTP caching headers work.');
    const dup = await say(bob, 'tip add 6 learn how http caching headers work!!');
    expect(dup.card.title).toBe('Already shared');
    expect(dup.text).toContain('#1');
    expect(dup.text).toContain('tip vote 1');
    const near = await say(bob, 'tip add 6 Learn how HTTP caching header work');
    expect(near.card.title).toBe('Already shared');
    // The same text on another step is fine.
    expect((await say(bob, 'tip add 7 Learn how HTTP caching headers work')).card.title).toBe('Tip saved');
    const long = await say(bob, `tip add 6 ${'x'.repeat(501)}`);
    expect(long.text).toContain('the limit is 500');
    expect((await say(bob, 'tip add 6')).error).toBe('invalid-option');
    expect((await say(bob, 'tip add nowhere-step something')).answered).toBe(false);
    const all = await say(bob, 'tips');
    expect(all.text).toContain('(2 tips)');
  });

  it('stores tips as the plain text typed (markup is the renderers\' job)', async () => {
    const text = '<@everyone> **bold** [link](http://x.test) & <script>';
    await say(alice, `tip add 7 ${text}`);
    expect((await say(bob, 'tips 7')).text).toContain(text);
  });

  it('tip remove: the author or a moderator only; unknown ids say did you mean', async () => {
    await say(alice, 'tip add 8 Learn git branching properly');
    await say(alice, 'tip add 8 Automate deploys with CI');
    expect((await say(bob, 'tip remove 1')).text).toContain('Only the author');
    expect((await say(alice, 'tip remove 1')).card.title).toBe('Tip removed');
    expect((await say(mod, 'tip remove 2')).card.title).toBe('Tip removed');
    await say(alice, 'tip add 8 Use SSH keys');
    const missing = await say(bob, 'tip vote 4');
    expect(missing.text).toContain('There is no tip #4');
    expect(missing.text).toContain('Did you mean: #3');
    // Alice wrote #3: "did you mean" never offers her a vote for her own tip (a dead end).
    const own = await say(alice, 'tip vote 4');
    expect(own.text).toContain('There is no tip #4');
    expect(suggestionsOf(own).map((x) => x.command)).not.toContain('tip vote 3');
    expect((await say(bob, 'tip vote abc')).text).toContain('not a tip number');
    const gone = await say(alice, 'tip remove 99');
    expect(gone.card.title).toBe('Not found');
    expect(gone.text).toContain('There is no tip #99 in this community. Did you mean: #3');
    expect(suggestionsOf(gone).map((x) => x.command)).toEqual(['tip remove 3']);
    expect((await say(mod, 'tip remove 1')).text).toContain('There is no tip #1');
    const word = await say(alice, 'tip remove first');
    expect(word.error).toBe('invalid-option');
    expect(word.text).toContain('not a tip number');
    expect((await say(bob, 'tips 8')).text).toContain('(1 tip)');
  });

  it('groups: create, join, board with progress and last activity, tips, several groups, leave', async () => {
    expect((await say(alice, 'group create Backend Club')).card.title).toBe('Group created');
    expect((await say(bob, 'group create backend-club')).card.title).toBe('Already exists');
    expect((await say(bob, 'group join backend club')).text).toContain('2 members');
    await say(bob, 'group create night-owls');
    await say(alice, 'group join night-owls');
    await say(alice, 'done 1');
    await say(alice, 'done 2');
    clock += 3 * 86_400_000;
    await say(bob, 'done 1');
    await say(bob, 'tip add 3 Do one exercise a day');
    const b = await say(alice, 'group backend-club');
    expect(b.card.title).toBe('Study group: Backend Club');
    expect(b.text).toContain('Alice: 2/12 steps, last active 3 days ago');
    expect(b.text).toContain('Bob: 1/12 steps, last active today');
    expect(b.text).toContain('Do one exercise a day');
    expect(b.text.indexOf('Alice:')).toBeLessThan(b.text.indexOf('Bob:'));
    const list = await say(alice, 'group');
    expect(list.text).toContain('You are in: ');
    expect(list.text).toMatch(/Backend Club.*night-owls|night-owls.*Backend Club/s);
    expect((await say(bob, 'group leave Backend Club')).card.title).toBe('Left the group');
    expect((await say(bob, 'group leave Backend Club')).text).toContain('not in');
    expect((await say(alice, 'group backend-club')).text).toContain('Members (1)');
    const typo = await say(alice, 'group join nite-owls');
    expect(typo.text).toContain('Did you mean: night-owls');
    expect((await say(alice, 'group bakend club')).text).toContain('Did you mean: Backend Club');
    expect((await say(alice, 'group create join')).text).toContain('command word');
    expect((await say(alice, 'group create x')).text).toContain('2 to 32');
  });

  it('answers the empty and repeated cases of the README commands plainly, and changes nothing', async () => {
    const empty = await say(alice, 'group');
    expect(empty.card.title).toBe('Study groups');
    expect(empty.text).toContain('no study groups here yet');
    expect((await say(alice, 'groups')).text).toContain('no study groups here yet');
    const notDone = await say(alice, 'undo 3');
    expect(notDone.card.title).toBe('Not done yet');
    expect(notDone.text).toContain('Step 3 (Understand algorithms and data structures) was not marked as done, so nothing changed.');
    expect(notDone.text).toContain('0/12 steps');
    const none = await say(mod, 'unanswered');
    expect(none.text).toContain('Every question asked here so far had an answer.');
    expect((await say(alice, 'tips 4')).text).toContain('No tips for this step yet. Share the first one: tip add 4 <your tip>');
    expect((await say(alice, 'tips databsaes')).text).toContain('I took "databsaes" to mean step 5');
    await say(alice, 'group create backend-club');
    const again = await say(alice, 'group join backend-club');
    expect(again.card.title).toBe('Already a member');
    expect(suggestionsOf(again).map((s) => s.command)).toEqual(['group backend-club']);
    const board = await say(alice, 'group show backend-club');
    expect(board.card.title).toBe('Study group: backend-club');
    expect(board.text).toContain('No tips from members yet.');
    expect(board.text).toContain('Members (1)');
    // A moderator's export of a one-member group says so in the singular.
    const exported = await say(mod, 'group export backend-club md');
    expect(exported.text).toContain('1 member, 0 tips. Only you see this.');
    expect((await say(bob, 'group leave backend-club')).card.title).toBe('Not a member');
    expect(suggestionsOf(await say(bob, 'group backend-club')).map((s) => s.command)).toEqual(['group join backend-club']);
    // The terminal is not rate-limited: every step, one after another.
    const solo = ctx('sam', { platform: 'terminal', communityId: 'solo', operator: true });
    await say(solo, 'done 1');
    // No tips yet for the next step: it is a line of its own, not a heading over nothing.
    const early = await say(solo, 'progress');
    expect(early.text).toMatch(/^Next: step 2 \(Learn a server-side programming language\)$/m);
    expect(early.card.children.some((n) => n.type === 'section' && n.title.startsWith('Next:'))).toBe(false);
    for (let i = 2; i <= 12; i++) await say(solo, `done ${i}`);
    const finished = await say(solo, 'progress');
    expect(finished.text).toContain('12/12 steps');
    expect(finished.text).toContain('Every step is done. Keep learning!');
    // In the terminal chat the More suggestion is plain "more" (the answer just shown); a Discord
    // button names whose progress it is, so anyone who presses it later sees this one.
    expect(suggestionsOf(finished).map((s) => s.command)).toEqual(['roadmap', 'more']);
    const onDiscord = ctx('sam', { platform: 'discord', communityId: 'solo' });
    expect(suggestionsOf(await say(onDiscord, 'progress')).at(-1)?.command).toBe(`more progress ${onDiscord.userId}`);
  });

  describe('pace plans', () => {
    const DAY = 86_400_000;

    it('plan sets a pace from your progress, shows it, replaces it (saying so) and removes it', async () => {
      // 2025-03-01 12:00: 2 of 12 steps done.
      await say(alice, 'done 1');
      await say(alice, 'done 2');
      const none = await say(alice, 'plan');
      expect(none.card.title).toBe('No plan yet');
      expect(none.text).toContain('12 weeks');
      expect(none.text).toContain('2027-06-01');

      const set = await say(alice, 'plan 10 weeks');
      expect(set.card.title).toBe('Plan set');
      expect(set.text).toContain('Finish by 2025-05-10 (10 weeks from now)');
      expect(set.text).toContain('At your own pace: 10 steps left, about 1 step a week.');
      expect(set.text).toContain('The articles give no time per step');
      expect(suggestionsOf(set).map((x) => x.command)).toEqual(['progress', 'roadmap 3']);
      expect(await store.plan('guild-1', 'alice')).toEqual({ target: '2025-05-10T23:59:59.999Z', setAt: '2025-03-01T12:00:00.000Z', doneAtStart: 2 });

      const shown = await say(alice, 'plan');
      expect(shown.card.title).toBe('Your plan');
      expect(shown.text).toContain('Plan: finish by 2025-05-10');
      expect(shown.text).toContain('On track: 2 of 12 steps done, 2 expected by now.');

      const replaced = await say(alice, 'plan 2025-09-01');
      expect(replaced.card.title).toBe('Plan replaced');
      expect(replaced.text).toContain('This replaces your plan to finish by 2025-05-10.');
      expect(replaced.text).toContain('10 steps left, about 0.4 steps a week (1 step every 3 weeks)');
      expect((await store.plan('guild-1', 'alice'))?.target).toBe('2025-09-01T23:59:59.999Z');
      // "3 months" and "30 days" work too.
      const months = await say(alice, 'plan 3 months');
      expect(months.text).toContain('Finish by 2025-06-01');
      expect(months.text).not.toMatch(/quickest route/);
      // Most of the roadmap in a few weeks is faster than the articles' quickest route: said, with
      // their words and source, and set all the same.
      const days = await say(alice, 'plan 30 days');
      expect(days.text).toContain('Finish by 2025-03-31');
      expect(days.text).toMatch(/Faster than the articles' quickest route: It can take anywhere from three months to four years .*\(Career Karma\)/);

      const off = await say(alice, 'plan off');
      expect(off.card.title).toBe('Plan removed');
      expect(off.text).toContain('Removed your plan to finish by 2025-03-31.');
      expect(await store.plan('guild-1', 'alice')).toBeUndefined();
      expect((await say(alice, 'plan off')).card.title).toBe('No plan');
      expect((await say(alice, 'progress')).text).not.toContain('Plan:');
    });

    it('refuses a day that is past, today or too far, text it cannot read, and a plan with nothing left; nothing changes', async () => {
      await say(alice, 'plan 2025-06-01');
      const before = await store.plan('guild-1', 'alice');
      const cases: Array<[string, string, RegExp]> = [
        ['plan 2025-02-01', 'Pick another day', /in the past/],
        ['plan 2025-03-01', 'Pick another day', /today/],
        ['plan 0 days', 'Pick another day', /today/],
        ['plan 2030-03-02', 'Pick another day', /more than 5 years away/],
        ['plan 6 years', 'Pick another day', /more than 5 years away/],
        ['plan next summer', 'Not a target', /cannot read "next summer".*"12 weeks", "3 months", "30 days"/],
        ['plan 2025-02-30', 'Not a target', /not a day of the calendar/],
      ];
      for (const [line, title, text] of cases) {
        const r = await say(alice, line);
        expect([line, r.card.title]).toEqual([line, title]);
        expect(r.text).toMatch(text);
        expect(r.text).toContain('Nothing was changed.');
        expect(r.answered).toBe(false);
      }
      // Text it cannot read is a usage error (the CLI exits 2); a day it cannot use is a refusal.
      expect((await say(alice, 'plan next summer')).error).toBe('invalid-option');
      expect((await say(alice, 'plan 2025-02-01')).error).toBeUndefined();
      expect(await store.plan('guild-1', 'alice')).toEqual(before);
      // Every step done: nothing left to plan.
      const solo = ctx('sam', { platform: 'terminal', communityId: 'solo', operator: true });
      for (let i = 1; i <= 12; i++) await say(solo, `done ${i}`);
      const finished = await say(solo, 'plan 12 weeks');
      expect(finished.card.title).toBe('Nothing left to plan');
      expect(await store.plan('solo', 'sam')).toBeUndefined();
    });

    it('progress says on track, ahead or behind, and by how many steps, as time passes (a fake clock)', async () => {
      // 2 of 12 done, 99.5 days to go: about one step every 10 days.
      await say(alice, 'done 1');
      await say(alice, 'done 2');
      const start = clock;
      // The end of 2025-06-08 is 99.5 days after 2025-03-01 12:00.
      await say(alice, 'plan 2025-06-08');
      const progress = async () => (await say(alice, 'progress')).text;
      expect(await progress()).toContain('On track: 2 of 12 steps done, 2 expected by now.');
      clock = start + 40 * DAY; // 2 + 10 * 40 / 99.5 = 6.02 expected
      expect(await progress()).toContain('Behind by 4 steps: 2 of 12 steps done, 6 expected by now.');
      for (const step of [3, 4, 5]) await say(alice, `done ${step}`);
      // The reply to a step marked done says where it leaves the learner against the plan.
      expect((await say(alice, 'done 6')).text).toContain('Plan (finish by 2025-06-08): on track.');
      expect(await progress()).toContain('On track: 6 of 12 steps done, 6 expected by now.');
      await say(alice, 'done 7');
      expect((await say(alice, 'undo 7')).text).toContain('Plan (finish by 2025-06-08): on track.');
      for (const step of [7, 8]) await say(alice, `done ${step}`);
      expect((await say(bob, 'done 1')).text).not.toContain('Plan (');
      const ahead = await progress();
      expect(ahead).toContain('Ahead by 2 steps: 8 of 12 steps done, 6 expected by now.');
      // 59.5 days left: 59 whole days, about 8 weeks.
      expect(ahead).toContain('At your own pace: 4 steps left, about 0.5 steps a week (1 step every 2 weeks) (8 weeks to go).');
      clock = start + 200 * DAY;
      const over = await progress();
      expect(over).toContain('Behind by 4 steps: 8 of 12 steps done, 12 expected by now.');
      expect(over).toContain('The target day is over, with 4 steps left: a new plan sets a new day.');
      for (const step of [9, 10, 11, 12]) await say(alice, `done ${step}`);
      expect(await progress()).toContain('Every step is done; the target was 2025-06-08.');
    });

    it("another member's progress shows their plan too", async () => {
      await say(alice, 'done 1');
      await say(alice, 'plan 2025-06-08');
      clock += 50 * DAY;
      const theirs = await say(bob, 'progress alice');
      expect(theirs.card.title).toBe('Progress of Alice');
      expect(theirs.text).toContain('Plan: finish by 2025-06-08');
      // 1 + 11 * 50 / 99.5 = 6.53 expected.
      expect(theirs.text).toContain('Behind by 6 steps: 1 of 12 steps done, 6.5 expected by now.');
      // Bob has none: no plan section for him.
      expect((await say(alice, 'progress bob')).text).not.toContain('Plan:');
    });

    it('setting or removing a plan counts against the write limit like any change', async () => {
      for (let i = 1; i <= 9; i++) await say(alice, `done ${i}`);
      expect((await say(alice, 'plan 12 weeks')).card.title).toBe('Plan set');
      const refused = await say(alice, 'plan off');
      expect(refused.card.title).toBe('Slow down a little');
      expect(refused.text).toContain('Nothing was changed');
      expect(await store.plan('guild-1', 'alice')).toBeDefined();
      // Showing it is a read: not limited.
      expect((await say(alice, 'plan')).card.title).toBe('Your plan');
    });
  });

  it('rate-limits writes per user (10 in 10 minutes) with a clear message; reads and other users are not limited', async () => {
    for (let i = 1; i <= 10; i++) expect((await say(alice, `done ${i}`)).text).toContain('Marked');
    const refused = await say(alice, 'done 11');
    expect(refused.card.title).toBe('Slow down a little');
    expect(refused.text).toContain('10 changes in the last 10 minutes');
    expect(refused.text).toContain('Nothing was changed');
    expect((await say(alice, 'progress')).text).toContain('10/12 steps');
    expect((await say(bob, 'done 1')).text).toContain('Marked');
    clock += 10 * 60_000 + 1;
    expect((await say(alice, 'done 11')).text).toContain('11/12 steps');
  });

  it('holds the rate limit under concurrency: 30 tip adds at once from one user save exactly 10', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, () => say(alice, `tip add 3 ${randomUUID()} ${randomUUID()}`)));
    const titles = replies.map((r) => r.card.title);
    expect(titles.filter((t) => t === 'Tip saved')).toHaveLength(10);
    expect(titles.filter((t) => t === 'Slow down a little')).toHaveLength(20);
    for (const r of replies.filter((x) => x.card.title === 'Slow down a little')) expect(r.text).toContain('Nothing was changed');
    expect((await say(bob, 'tips 3')).text).toContain('(10 tips)');
  });

  it('counts a change once when a write in the same batch throws (the file store applies the batch again)', async (c) => {
    // A document store's own transaction detail: PostgreSQL has no batches to apply again.
    if (!(store instanceof DocumentStore)) return c.skip();
    await say(bob, 'done 1');
    const boom = store
      .write('guild-1', (c) => {
        c.progress = {};
        throw new Error('half-way');
      })
      .then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    const dones = await Promise.all(Array.from({ length: 10 }, (_, i) => say(alice, `done ${i + 1}`)));
    expect(await boom).toBe('half-way');
    expect(dones.map((r) => r.card.title)).toEqual(Array(10).fill('Step done'));
    expect((await say(bob, 'progress')).text).toContain('1/12 steps');
    expect((await say(alice, 'progress')).text).toContain('10/12 steps');
    expect((await say(alice, 'done 11')).card.title).toBe('Slow down a little');
  });

  it('records unanswered questions per community; moderators see them, others do not', async () => {
    await say(alice, 'ask what is the best mechanical keyboard for coding');
    await say(bob, 'ask What is the best mechanical keyboard for coding?');
    clock += 86_400_000;
    await bot.dispatchText('which pizza topping do senior engineers prefer', alice, { fallbackToAsk: true });
    await say(ctx('zed', { communityId: 'guild-2' }), 'ask what is the airspeed of an unladen swallow');
    const list = await say(mod, 'unanswered');
    // Recorded without waiting: on PostgreSQL the two askers' writes may land in either order, and the first kept wording stays.
    expect(list.text).toMatch(/"[Ww]hat is the best mechanical keyboard for coding\??": asked 2 times, last yesterday/);
    expect(list.text).toContain('pizza topping');
    expect(list.text).not.toContain('swallow');
    expect(list.text.indexOf('keyboard')).toBeLessThan(list.text.indexOf('pizza'));
    expect((await say(alice, 'unanswered')).card.title).toBe('Moderators only');
    // An answered question is not recorded.
    await say(alice, 'ask how much do backend developers earn');
    expect((await say(mod, 'unanswered')).text).toContain('(2 questions)');
  });

  it('pages the unanswered questions: unanswered 2', async () => {
    for (let i = 0; i < 12; i++) {
      clock += 60_000;
      await say(ctx(`asker${i}`), `ask what is the best ${['red', 'green', 'blue', 'cyan', 'pink', 'gold', 'grey', 'teal', 'navy', 'lime', 'plum', 'rust'][i]} keyboard`);
    }
    const rows = (r: { text: string }) => r.text.split('\n').filter((l) => /^ {2}- "/.test(l));
    const first = await say(mod, 'unanswered');
    expect(rows(first)).toHaveLength(10);
    expect(rows(first)[0]).toContain('rust');
    expect(first.text).toContain('Page 1 of 2 (12 questions)');
    expect(suggestionsOf(first).map((x) => x.command)).toEqual(['unanswered 2']);
    const second = await say(mod, 'unanswered 2');
    expect(rows(second).map((l) => l.match(/best (\w+)/)![1])).toEqual(['green', 'red']);
    expect(second.text).toContain('Page 2 of 2 (12 questions)');
    expect(suggestionsOf(second)).toEqual([]);
    expect((await say(mod, 'unanswered 7')).text).toContain('Page 2 of 2');
  });

  it('records unanswered questions under the per-user limit, silently, without costing the user their changes', async () => {
    const replies = await Promise.all(Array.from({ length: 15 }, (_, i) => say(alice, `ask what is the best ${randomUUID()} keyboard number ${i}`)));
    expect(replies.map((r) => r.card.title)).toEqual(Array(15).fill("I don't know that yet"));
    expect((await say(mod, 'unanswered')).text).toContain('(10 questions)');
    expect((await say(alice, 'done 1')).card.title).toBe('Step done');
  });

  it('answers every kind of change, refusal and mistake with its own reply', async () => {
    await say(bob, 'tip add 2 Pick one language and stay with it for three months');
    await say(bob, 'group create backend-club');
    {
      const lines: Array<[Context, string, string]> = [
        [alice, 'done 1', 'Step done'],
        [alice, 'done 1', 'Already done'],
        [alice, 'undo 1', 'Step unmarked'],
        [alice, 'undo 1', 'Not done yet'],
        [alice, 'tip add 2 pick one language and stay with it for three months!', 'Already shared'],
        [alice, 'tip add 3 Solve one exercise a day', 'Tip saved'],
        [alice, 'tip vote 1', 'Vote counted'],
        [alice, 'tip vote 99', 'Not found'],
        [alice, 'tip vote abc', 'Not a tip number'],
        [alice, 'tip remove 99', 'Not found'],
        [alice, 'tip remove #x', 'Not a tip number'],
        [alice, 'tip remove 2', 'Tip removed'],
        [alice, 'group join backend-club', 'Joined'],
        [alice, 'group join backend-klub', 'Group not found'],
        [alice, 'group leave backend-club', 'Left the group'],
        [alice, 'group leave backend-klub', 'Group not found'],
      ];
      for (const [who, line, title] of lines) expect([line, (await say(who, line)).card.title]).toEqual([line, title]);
    }
  });

  it('keeps communities apart', async () => {
    await say(alice, 'done 1');
    await say(alice, 'tip add 1 Talk to working developers');
    const elsewhere = { ...alice, communityId: 'guild-2' };
    expect((await say(elsewhere, 'progress')).text).toContain('0/12 steps');
    expect((await say(elsewhere, 'tips')).text).toContain('No tips yet');
  });

  it('autocompletes tips and groups in the order the tips and group lists show them', async () => {
    clock += 3_600_000;
    await say(alice, 'tip add 1 Talk to working developers');
    clock -= 3_600_000; // tip #2 is older than #1 (a clock set back, or a migrated file)
    await say(alice, 'tip add 1 Read job adverts for a week');
    await say(alice, 'tip add 1 Write down why you want the job');
    await say(bob, 'tip vote 3');
    const listed = (await say(alice, 'tips')).text.split('\n').filter((l) => /^ {2}- #\d/.test(l)).map((l) => l.match(/#(\d+)/)![1]);
    expect(listed).toEqual(['3', '1', '2']);
    expect((await bot.complete('tip', '', alice)).map((c) => c.value)).toEqual(listed);
    for (const [who, name] of [[alice, 'zeta'], [alice, 'alpha'], [bob, 'mid']] as const) await say(who, `group create ${name}`);
    await say(bob, 'group join zeta');
    const groups = (await say(alice, 'group')).text.split('\n').filter((l) => /^ {2}- /.test(l)).map((l) => l.replace(/^ {2}- (\S+).*/, '$1'));
    expect(groups).toEqual(['zeta', 'alpha', 'mid']);
    expect((await bot.complete('group', '', alice)).map((c) => c.value)).toEqual(groups);
  });

  it('autocompletes tips and groups from the caller\'s community', async () => {
    await say(alice, 'tip add 1 Talk to working developers');
    await say(alice, 'group create backend-club');
    expect((await bot.complete('tip', '1', alice))[0]?.label).toContain('#1 Talk');
    expect(await bot.complete('group', 'back', alice)).toEqual([{ value: 'backend-club', label: 'backend-club' }]);
    expect(await bot.complete('group', 'back', { ...alice, communityId: 'other' })).toEqual([]);
  });

  describe('export and import', () => {
    const fileOf = (r: Reply) => {
      const f = r.card.children.find((n) => n.type === 'file');
      if (f?.type !== 'file') throw new Error(`no file in ${r.text}`);
      return f;
    };
    const exported = async (who: Context, format = '') => fileOf(await say(who, `export ${format}`.trim())).content;
    const elsewhere = (who: Context) => ({ ...who, communityId: 'guild-2' });

    /** Alice's data in guild-1: two steps, a plan, two tips, a group; Bob's beside it. */
    async function aliceAndBob() {
      await say(alice, 'done 1');
      await say(alice, 'done framework');
      await say(alice, 'plan 12 weeks');
      await say(alice, 'tip add 2 Pick one language and stay with it');
      await say(alice, 'tip add 4 Build one small REST API end to end');
      await say(alice, 'group create backend-club');
      await say(bob, 'done 7');
      await say(bob, 'tip add 3 Bob tip about version control');
      await say(bob, 'group create bob-only');
      await say(bob, 'tip vote 1');
    }

    it('export shows exactly the caller\'s data, privately, in json (default), csv and md', async () => {
      await aliceAndBob();
      const r = await say(alice, 'export');
      expect(r.ephemeral).toBe(true);
      expect(r.card.title).toBe('Your export (json)');
      const file = fileOf(r);
      expect(file).toMatchObject({ name: 'devpath-export.json', mime: 'application/json' });
      expect(file.content).not.toMatch(/\s/);
      const data = JSON.parse(file.content);
      expect(data).toMatchObject({ format: 'devpath-export', version: 1, community: 'guild-1', user: { id: 'alice' } });
      expect(data.progress.map((p: { step: string }) => p.step)).toEqual(['choose-path', 'learn-framework']);
      for (const p of data.progress) expect(Number.isFinite(Date.parse(p.doneAt))).toBe(true);
      expect(data.plan).toMatchObject({ doneAtStart: 2 });
      expect(data.tips.map((t: { id: number; text: string; votes: number }) => [t.id, t.text, t.votes])).toEqual([
        [1, 'Pick one language and stay with it', 1],
        [2, 'Build one small REST API end to end', 0],
      ]);
      expect(data.groups).toEqual([{ name: 'backend-club' }]);
      expect(file.content).not.toMatch(/bob|version control|learn-version-control/i);
      expect(suggestionsOf(r).map((x) => x.command)).toEqual(['export csv', 'export md']);

      const csv = await exported(alice, 'csv');
      expect(csv.split('\n')[0]).toBe('record,step,id,date,votes,text');
      expect(csv).toContain('tip,learn-language,1,');
      expect(csv).toContain('group,,,,,backend-club');
      expect(csv).not.toMatch(/bob/i);
      const md = await exported(alice, 'md');
      expect(md).toContain('## Tips');
      expect(md).toContain('#1 (learn\\-language, 1 vote');
      expect(md).not.toMatch(/bob/i);
      // Bob's export is Bob's.
      const bobs = JSON.parse(await exported(bob));
      expect(bobs.tips.map((t: { text: string }) => t.text)).toEqual(['Bob tip about version control']);
      expect(bobs.groups).toEqual([{ name: 'bob-only' }]);
      // Nothing yet: an export of nothing, not an error.
      const empty = JSON.parse(await exported(ctx('carol')));
      expect(empty).toMatchObject({ progress: [], plan: null, tips: [], groups: [] });
    });

    it('exports every one of the caller\'s tips, past the first page', async () => {
      const owner = ctx('olga', { operator: true });
      for (let i = 0; i < 105; i++) await say(owner, `tip add ${1 + (i % 12)} ${randomUUID()} number ${i}`);
      expect(JSON.parse(await exported(owner)).tips).toHaveLength(105);
    }, 60_000);

    it('import into another community recreates progress, plan, tips and groups; twice changes nothing more', async () => {
      await aliceAndBob();
      await say(elsewhere(bob), 'group create backend-club');
      const json = await exported(alice);
      const there = elsewhere(alice);
      const r = await say(there, `import ${json}`);
      expect(r.card.title).toBe('Imported');
      expect(r.ephemeral).toBe(true);
      expect(r.text).toContain('Steps done: 2 added, 0 already done');
      expect(r.text).toContain('Plan: set: finish by');
      expect(r.text).toContain('Tips: 2 added, 0 already here');
      expect(r.text).toContain('Groups: 1 joined, 0 created');
      const p = await say(there, 'progress');
      expect(p.text).toContain('2/12 steps');
      expect(p.text).toContain('Plan: finish by');
      const mine = JSON.parse(await exported(there));
      expect(mine.plan.target).toBe(JSON.parse(json).plan.target);
      expect(mine.tips.map((t: { text: string }) => t.text)).toEqual(['Pick one language and stay with it', 'Build one small REST API end to end']);
      expect(mine.groups).toEqual([{ name: 'backend-club' }]);
      const before = await exported(there);

      clock += 60_000;
      const again = await say(there, `import ${json}`);
      expect(again.card.title).toBe('Nothing new to import');
      expect(again.text).toContain('Steps done: 0 added, 2 already done');
      expect(again.text).toContain('Tips: 0 added, 2 already here');
      expect(again.text).toContain('Groups: 0 joined, 0 created, 1 already in');
      expect(again.text).toMatch(/Plan: kept yours/);
      const after = JSON.parse(await exported(there));
      const was = JSON.parse(before);
      expect({ ...after, exportedAt: 0 }).toEqual({ ...was, exportedAt: 0 });
    });

    it("an import of someone else's export applies to the caller, never to the one it names", async () => {
      await aliceAndBob();
      const json = await exported(alice);
      const r = await say(elsewhere(bob), `import ${json}`);
      expect(r.card.title).toBe('Imported');
      expect((await say(elsewhere(bob), 'progress')).text).toContain('2/12 steps');
      expect((await say(elsewhere(alice), 'progress')).text).toContain('0/12 steps');
      const tips = (await store.tips('guild-2', { limit: 10 })).items;
      expect(tips.map((t) => t.author)).toEqual(['bob', 'bob']);
      // Back home, into Bob's own community: Alice's data there is untouched.
      const aliceBefore = await exported(alice);
      await say(bob, `import ${json}`);
      expect({ ...JSON.parse(await exported(alice)), exportedAt: 0 }).toEqual({ ...JSON.parse(aliceBefore), exportedAt: 0 });
      expect((await say(bob, 'progress')).text).toContain('3/12 steps');
    });

    it('a tip with markup, quotes and spaces comes back unchanged through export and import; csv keeps formulas as text', async () => {
      const hostile = `=SUM(A1) @everyone <b>*bold* _it_ ~x~ | 'q' "dq" \`code\`</b>, a, b`;
      expect((await say(alice, `tip add 2 ${hostile}`)).card.title).toBe('Tip saved');
      const csv = await exported(alice, 'csv');
      expect(csv).toContain(`"'=SUM(A1)`);
      expect(csv).not.toMatch(/(^|,)=SUM/m);
      // What was stored (the chat's parser takes quotes as grouping), exported, and imported elsewhere: the same text.
      const json = await exported(alice);
      const stored = JSON.parse(json).tips.map((t: { text: string }) => t.text);
      expect(stored).toEqual([expect.stringContaining("=SUM(A1) @everyone <b>*bold* _it_ ~x~ |")]);
      const there = elsewhere(alice);
      expect((await say(there, `import ${json}`)).card.title).toBe('Imported');
      expect(JSON.parse(await exported(there)).tips.map((t: { text: string }) => t.text)).toEqual(stored);
    });

    it('bad input gets a clear reply and changes nothing', async () => {
      await aliceAndBob();
      const json = JSON.parse(await exported(alice));
      const there = elsewhere(bob);
      const cases: [string, RegExp][] = [
        ['import hello', /not JSON/],
        ['import {"format":"other","version":1}', /not a devpath export/],
        ['import {"format":"devpath-export","version":2}', /reads export version 1/],
        [`import ${JSON.stringify({ ...json, tips: [{ step: 3 }] })}`, /damaged at tips\.0\.step/],
        [`import ${JSON.stringify({ ...json, plan: { target: 'soon', setAt: 'x', doneAtStart: 1 } })}`, /damaged at plan\.target/],
        [`import ${JSON.stringify({ ...json, progress: Array.from({ length: 201 }, () => ({ step: 'choose-path' })) })}`, /damaged at progress/],
        [`import {"format":"devpath-export","version":1,"x":"${'a'.repeat(19_990)}"}`, /too long/],
      ];
      for (const [line, says] of cases) {
        const r = await say(there, line);
        expect([line.slice(0, 60), r.error]).toEqual([line.slice(0, 60), 'invalid-option']);
        expect(r.text).toMatch(says);
        expect(r.ephemeral).toBe(true);
      }
      const mine = JSON.parse(await exported(there));
      expect(mine).toMatchObject({ progress: [], plan: null, tips: [], groups: [] });
      // Unknown steps, and tips on them, are skipped and counted.
      const odd = await say(there, `import ${JSON.stringify({ format: 'devpath-export', version: 1, progress: [{ step: 'no-such-step' }], tips: [{ step: 'no-such-step', text: 'hello' }] })}`);
      expect(odd.card.title).toBe('Nothing new to import');
      expect(odd.text).toContain('1 skipped (not steps of this roadmap)');
      expect(odd.text).toContain('1 skipped (unknown step');
    });

    it('an import counts as one change; over the write limit it changes nothing', async () => {
      await aliceAndBob();
      const json = await exported(alice);
      const there = elsewhere(bob);
      for (let i = 1; i <= 9; i++) await say(there, `done ${i}`);
      expect((await say(there, `import ${json}`)).card.title).toBe('Imported');
      // That import was the 10th change: the limit is reached.
      expect((await say(there, 'done 10')).card.title).toBe('Slow down a little');
      const carol = elsewhere(ctx('carol'));
      for (let i = 1; i <= 10; i++) await say(carol, `done ${i}`);
      const refused = await say(carol, `import ${json}`);
      expect(refused.card.title).toBe('Slow down a little');
      expect(refused.text).toContain('Nothing was changed');
      expect(JSON.parse(await exported(carol))).toMatchObject({ plan: null, tips: [], groups: [] });
    });
  });
});

describe('recording an unanswered question', () => {
  const question = 'ask what is the best mechanical keyboard for coding';
  /** A memory store whose writes are held until released, or fail. */
  const store = (write: () => Promise<never>) => Object.assign(new MemoryStore(), { write });

  it('does not make the user wait for the store', async () => {
    const bot = new Bot({ knowledge, store: store(() => new Promise<never>(() => undefined)) });
    const r = await Promise.race([bot.dispatchText(question, alice), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2_000))]);
    expect(r === 'waited' ? r : r.card.title).toBe("I don't know that yet");
  });

  it('logs a failing store once and still answers', async () => {
    const lines: string[] = [];
    useLog(createLog('info', { write: (line: string) => void lines.push(line) }));
    try {
      const bot = new Bot({ knowledge, store: store(() => Promise.reject(new Error('disk on fire'))) });
      expect((await bot.dispatchText(question, alice)).card.title).toBe("I don't know that yet");
      expect((await bot.dispatchText(`${question} at night`, bob)).card.title).toBe("I don't know that yet");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, msg: expect.stringContaining('unanswered question'), err: { message: 'disk on fire' } });
    } finally {
      useLog(createLog('silent'));
    }
  });
});

describe('lowdb store keeps what users stored', () => {
  it('a new store on the same directory sees the tips, progress, groups and plans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devpath-cmd-'));
    dirs.push(dir);
    const first = await openLowdbStore(dir);
    const bot1 = new Bot({ knowledge, store: first });
    await bot1.dispatchText('done 2', alice);
    await bot1.dispatchText('tip add 2 Python is a fine first language', alice);
    await bot1.dispatchText('group create backend-club', alice);
    expect((await bot1.dispatchText('plan 12 weeks', alice)).card.title).toBe('Plan set');
    await first.close();
    const raw = JSON.parse(readFileSync(join(dir, DATA_FILE_NAME), 'utf8'));
    expect(raw.version).toBe(CURRENT_VERSION);
    expect(raw.communities['guild-1'].plans.alice).toMatchObject({ doneAtStart: 1 });
    expect(raw.communities['guild-1'].tips[0].text).toBe('Python is a fine first language');
    const bot2 = new Bot({ knowledge, store: await openLowdbStore(dir) });
    expect((await bot2.dispatchText('progress', alice)).text).toContain('1/12 steps');
    expect((await bot2.dispatchText('tips 2', bob)).text).toContain('Python is a fine first language');
    expect((await bot2.dispatchText('group backend-club', bob)).text).toContain('Alice: 1/12 steps');
    expect((await bot2.dispatchText('plan', alice)).card.title).toBe('Your plan');
  });
});

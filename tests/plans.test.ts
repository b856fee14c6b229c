// An article's own numbered plan (Career Karma's four steps, Indeed's eight): after it, "and step
// 3?" or "what's the last one?" names a point of that plan, not the devpath roadmap's step 3.
import { describe, expect, it } from 'vitest';
import { placeOf, planOf } from '../src/answers/plans.js';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { suggestionsOf } from '../src/reply.js';

const bot = new Bot({ logError: (e) => { throw e; } });
const services = bot['services'];
let n = 0;
const person = (): Context => ({ platform: 'test', userId: `p${n++}`, userName: 'p', isModerator: false, communityId: 'g-plans', channelId: 'c1' });
const say = (line: string, ctx: Context) => bot.dispatchText(line, ctx, { fallbackToAsk: true });

describe("an article's own plan", () => {
  it('reads a point by the words that lead it', () => {
    expect(placeOf('Step 3: Earn some experience')).toBe(3);
    expect(placeOf('Fifth: Get current on database knowledge.')).toBe(5);
    expect(placeOf('Note: not a place')).toBeUndefined();
    expect(placeOf('Decide which path fits your goals.')).toBeUndefined();
  });

  it("knows the two articles' plans, and that an ordinary FAQ is none", () => {
    expect(planOf(services, 'question:career-karma-four-steps')?.points).toHaveLength(4);
    expect(planOf(services, 'question:indeed-eight-steps')?.points).toHaveLength(8);
    expect(planOf(services, 'question:how-to-become-a-backend-developer')).toBeUndefined();
    expect(planOf(services, 'step:learn-framework')).toBeUndefined();
  });

  it('shows what the article says under a point picked by its words ("the algorithms one", "the practice one")', async () => {
    const u = person();
    const plan = await say("indeed's steps to become a backend dev?", u);
    expect(plan.topic).toBe('question:indeed-eight-steps');
    const third = await say('what about the algorithms one?', u);
    expect(third.text).toMatch(/Third: Understand algorithms and data structures/);
    expect(third.text).toMatch(/searching and sorting algorithms/);
    expect(third.text).toMatch(/Next: step 4, Learn a framework\./);
    // Named by the point's own words: "Practice regularly", not the framework step's "practise with it".
    const practice = await say('and the practice one?', u);
    expect(practice.text).toMatch(/Sixth: Practice regularly/);
    expect(practice.text).toMatch(/sharpens your skills/);
    // "The last one" is still the last.
    const last = await say('the last one?', u);
    expect(last.text).toMatch(/Eighth: Decide on practical training methods/);
  });

  it('answers "and step 3?", "what\'s next?" and "the last one?" from the plan just shown', async () => {
    const u = person();
    const plan = await say("what are the four steps in career karma's step-by-step guide?", u);
    expect(plan.topic).toBe('question:career-karma-four-steps');
    expect(plan.text).toMatch(/Step 1: Decide which path fits your goals/);
    const third = await say('and step 3?', u);
    expect(third.text).toMatch(/Step 3: Earn some experience/);
    expect(third.text).not.toMatch(/algorithms/i);
    expect(third.text).toMatch(/Next: step 4, Continue learning\./);
    const next = await say("what's next?", u);
    expect(next.text).toMatch(/Step 4: Continue learning/);
    expect(next.text).toMatch(/That is the last of its 4 steps/);
    expect((await say('and the last one?', u)).text).toMatch(/Step 4: Continue learning/);
    // Past the last step, "what's next?" stays in the plan and says it is the end.
    expect((await say("what's next?", u)).text).toMatch(/That is the last of its 4 steps/);
  });

  it('"I finished step 3" right after a plan means its step 3, and "what\'s after that?" goes on in it', async () => {
    const u = person();
    expect((await say('what r the 4 steps to become a backend dev', u)).topic).toBe('question:career-karma-four-steps');
    const done = await say('I finished step 3', u);
    expect(done.text).toMatch(/That was step 3 \(Earn some experience\)\. Next: step 4, Continue learning\./);
    expect((await say("what's after that?", u)).text).toMatch(/Step 4: Continue learning/);
    expect((await say('what are the eight steps indeed gives', u)).topic).toBe('question:indeed-eight-steps');
  });

  it('answers "what\'s Indeed\'s first step?" with that step, and "what comes after <its words>?" with the next', async () => {
    const u = person();
    const first = await say("what's indeed's first step to becoming a back-end dev?", u);
    expect(first.text).toMatch(/First: Consider if an education program is right for you/);
    expect(first.text).not.toMatch(/Third:/);
    expect((await say("what's after that?", u)).text).toMatch(/Second: Learn a server-side programming language/);
    const v = person();
    await say('what are the steps in the career karma guide?', v);
    const after = await say('what comes after beginning your studies?', v);
    expect(after.text).toMatch(/Step 3: Earn some experience/);
    expect(after.answered).toBe(true);
  });

  it('leaves the roadmap\'s own numbers alone elsewhere', async () => {
    const w = person();
    // Naming no article, "what's step 3 about" is the roadmap's, alone or after the roadmap list.
    expect((await say("what's step 3 about", w)).card.title).toMatch(/^Step 3 of 12: Understand algorithms/);
    await say('roadmap', w);
    expect((await say('whats step 2 again', w)).card.title).toMatch(/^Step 2 of 12/);
    expect((await say("what is career karma's third step", w)).text).toMatch(/Step 3: Earn some experience/);
    const u = person();
    expect((await say('step 3', u)).card.title).toMatch(/^Step 3 of 12: Understand algorithms/);
    const indeed = await say("what are the steps in indeed's guide, in order?", u);
    expect(indeed.topic).toBe('question:indeed-eight-steps');
    expect((await say('and step 5?', u)).text).toMatch(/Fifth: Get current on database knowledge/);
    // A number the plan does not have is said to be past its end, with the roadmap's step offered.
    const past = await say('and step 9?', u);
    expect(past.text).toMatch(/That plan has 8 steps; there is no step 9/);
    expect(suggestionsOf(past).map((s) => s.command)).toContain('roadmap 9');
  });
});

// `plan <date or weeks>`: a pace to finish the roadmap by a day the learner picks; `plan` shows
// it, `plan off` removes it; `progress` then says whether they are on track, ahead or behind. The
// plan is the learner's own target spread evenly over the steps they had left (src/pace.ts):
// the articles give no time per step, so none is invented.
import type { CommandContext, CommandSpec } from '../command.js';
import { cleanText } from '../options.js';
import { cite } from '../answers/cite.js';
import { DAY_MS, paceText, parseTarget, planDay, planStatus, PLAN_FORMS, statusText, timeLeftText } from '../pace.js';
import { errorReply, reply, type Node, type Suggestion } from '../reply.js';
import type { Plan } from '../store/store.js';
import { progressBar, refusal, standing, userWrite } from './community.js';

/** Words that remove the plan. */
const OFF = new Set(['off', 'clear', 'remove', 'delete', 'stop', 'cancel', 'none']);

const OWN_PACE_NOTE = 'The articles give no time per step, so this plan is your own target, spread evenly over the steps you had left when you set it.';

const fraction = (n: number): string => String(Math.round(n * 10) / 10);

/** Under twelve weeks (the articles' quickest is "three months"), a plan is faster than their quickest route. */
const FAST_PLAN_MS = 12 * 7 * DAY_MS;

/**
 * A plan as card nodes, for `plan` and for `progress` (yours or another member's): where they
 * stand, and the pace that finishes the steps left by the target.
 */
export function planNodes(plan: Plan, done: number, total: number, now: Date): Node[] {
  const s = planStatus(plan, done, total, now);
  const day = planDay(plan);
  const standing =
    s.state === 'done'
      ? `Every step is done; the target was ${day}.`
      : `${statusText(s)}: ${done} of ${total} steps done, ${fraction(s.expected)} expected by now.`;
  const nodes: Node[] = [{ type: 'section', title: `Plan: finish by ${day}` }, { type: 'text', text: standing }];
  if (s.state !== 'done') {
    nodes.push({
      type: 'text',
      text: s.over
        ? `The target day is over, with ${s.left} step${s.left === 1 ? '' : 's'} left: a new plan sets a new day.`
        : `At your own pace: ${s.left} step${s.left === 1 ? '' : 's'} left, ${paceText(s.left, s.msLeft)} (${timeLeftText(s.msLeft)} to go).`,
    });
  }
  return nodes;
}

/** The caller's steps done, their next step, and a plan's card around them. */
async function planStanding(ctx: CommandContext): Promise<{ done: number; total: number; suggestions: Suggestion[] }> {
  const view = await standing(ctx, ctx.userId);
  return {
    done: view.done.length,
    total: ctx.knowledge.roadmap.length,
    suggestions: [{ label: 'My progress', command: 'progress' }, ...(view.next ? [{ label: `Step ${view.next.order}`, command: `roadmap ${view.next.order}` }] : [])],
  };
}

async function show(ctx: CommandContext) {
  const plan = await ctx.store.plan(ctx.communityId, ctx.userId);
  if (!plan) {
    return refusal('No plan yet', `You have no pace plan. Set one with a target: ${PLAN_FORMS}, e.g. plan 12 weeks.`, [{ label: 'My progress', command: 'progress' }]);
  }
  const { done, total, suggestions } = await planStanding(ctx);
  return reply({
    title: 'Your plan',
    children: [{ type: 'text', text: progressBar(done, total) }, ...planNodes(plan, done, total, ctx.now()), { type: 'note', text: OWN_PACE_NOTE }],
    suggestions,
  });
}

async function off(ctx: CommandContext) {
  const written = await userWrite(ctx, (store, by, now) => store.clearPlan(ctx.communityId, by, now));
  if (!written.ok) return written.reply;
  const { removed } = written.value;
  if (!removed) return refusal('No plan', 'You have no pace plan, so nothing changed.', [{ label: 'My progress', command: 'progress' }]);
  return reply({
    title: 'Plan removed',
    children: [{ type: 'text', text: `Removed your plan to finish by ${planDay(removed)}. Your progress is kept.` }],
    suggestions: [{ label: 'My progress', command: 'progress' }],
  });
}

async function set(ctx: CommandContext, text: string) {
  const now = ctx.now();
  const parsed = parseTarget(text, now);
  if (!parsed.ok) {
    if (parsed.problem === 'unreadable') return errorReply('Not a target', `${parsed.error} Nothing was changed.`, 'invalid-option');
    return refusal('Pick another day', `${parsed.error} Nothing was changed.`);
  }
  const { done, total, suggestions } = await planStanding(ctx);
  if (done >= total) return refusal('Nothing left to plan', `You have done all ${total} steps of the roadmap, so there is nothing left to plan. Nothing was changed.`, [{ label: 'My progress', command: 'progress' }]);
  const written = await userWrite(ctx, (store, by, at) => store.setPlan(ctx.communityId, by, { target: parsed.value.target, doneAtStart: done }, at));
  if (!written.ok) return written.reply;
  const r = written.value;
  // Refused only for a target not after now: parseTarget already checked that.
  if (!r.ok) return refusal('Pick another day', 'A plan needs a day after today. Nothing was changed.');
  const left = total - done;
  const msLeft = Date.parse(r.plan.target) - now.getTime();
  const children: Node[] = [
    { type: 'text', text: `Finish by ${parsed.value.day} (${timeLeftText(msLeft)} from now). At your own pace: ${left} step${left === 1 ? '' : 's'} left, ${paceText(left, msLeft)}.` },
  ];
  // A plan for most of the roadmap in under three months is faster than the articles' quickest
  // route: say so, with their words (the plan is still the learner's to set).
  const quickest = ctx.knowledge.learning.find((l) => l.id === 'how-long')?.summary[0];
  if (quickest && msLeft < FAST_PLAN_MS && left > total / 2) children.push({ type: 'note', text: `Faster than the articles' quickest route: ${cite(ctx, quickest)}` });
  if (r.previous) children.push({ type: 'text', text: `This replaces your plan to finish by ${planDay(r.previous)}.` });
  children.push({ type: 'text', text: progressBar(done, total) }, { type: 'note', text: `${OWN_PACE_NOTE} "progress" shows whether you are on track.` });
  return reply({ title: r.previous ? 'Plan replaced' : 'Plan set', children, suggestions });
}

export const plan: CommandSpec = {
  name: 'plan',
  writes: true,
  description: 'Set a pace to finish the roadmap by a day (plan 12 weeks); plan shows it, plan off removes it.',
  options: [{ name: 'target', kind: 'string', description: 'When to finish: 12 weeks, 3 months, 2027-06-01 or end of march; "off" removes your plan', rest: true, maxLength: 40 }],
  examples: ['plan 12 weeks', 'plan 2027-06-01', 'plan end of march', 'plan', 'plan off'],
  async run(ctx, { target }) {
    const text = target === undefined ? '' : cleanText(String(target));
    if (!text) return show(ctx);
    if (OFF.has(text.toLowerCase())) return off(ctx);
    return set(ctx, text);
  },
};

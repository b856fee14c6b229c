import type { CommandContext, CommandSpec } from '../command.js';
import { planDay, planStatus, statusText } from '../pace.js';
import { reply, type Reply, type Suggestion } from '../reply.js';
import type { Plan } from '../store/store.js';
import { guessNote, progressBar, progressSummary, stepName, userWrite, type ProgressSummary } from './community.js';
import { rememberNext } from './remember.js';
import { stepOption } from './resolve.js';

/** The caller's bar and the next step with its best tips, after a change to their progress. */
export function progressAfter(ctx: CommandContext, title: string, lead: string, notes: ReturnType<typeof guessNote>, { done, next, tips }: ProgressSummary, plan?: Plan, more: Suggestion[] = []): Reply {
  const total = ctx.knowledge.roadmap.length;
  // With a pace plan, where the change leaves the learner against it, in one line.
  const status = plan && planStatus(plan, done.length, total, ctx.now());
  const pace = status && status.state !== 'done' ? [{ type: 'text' as const, text: `Plan (finish by ${planDay(plan)}): ${statusText(status).toLowerCase()}.` }] : [];
  return reply({
    title,
    children: [
      { type: 'text', text: lead },
      ...notes,
      { type: 'text', text: progressBar(done.length, total) },
      ...pace,
      { type: 'text', text: next ? `Next: ${stepName(next)}.` : 'Every step is done. Keep learning!' },
      ...tips,
    ],
    suggestions: [
      ...(next ? [{ label: `Step ${next.order}`, command: `roadmap ${next.order}` }] : []),
      { label: 'My progress', command: 'progress' },
      ...more,
    ],
  });
}

export const done: CommandSpec = {
  name: 'done',
  writes: true,
  description: 'Mark a roadmap step as done, by its number or name.',
  options: [stepOption(true)],
  examples: ['done 2', 'done framework'],
  async run(ctx, _options, { steps }) {
    const found = steps.step!; // required: resolved before run
    const s = found.entry;
    const written = await userWrite(ctx, (store, by, now) => store.markDone(ctx.communityId, by, s.id, now));
    if (!written.ok) return written.reply;
    const result = written.value;
    const [view, plan] = await Promise.all([progressSummary(ctx, ctx.userId), ctx.store.plan(ctx.communityId, ctx.userId)]);
    const lead = result.already ? `You had already marked ${stepName(s)} as done.` : `Marked ${stepName(s)} as done.`;
    // Coming back to a step a week later is what makes it stick: offer the reminder, one click away.
    const review = result.already ? [] : [{ label: 'Review it in a week', command: `remind in 1 week to review step ${s.order} (${s.title})` }];
    // "What next?" after it is the step this reply names as next (the first not done), as it says.
    if (view.next) rememberNext(ctx, `step:${view.next.id}`);
    return progressAfter(ctx, result.already ? 'Already done' : 'Step done', lead, guessNote(found.text, s, found.guessed), view, plan, review);
  },
};

import type { CommandContext, CommandSpec } from '../command.js';
import type { Step } from '../knowledge/schema.js';
import { reply, type Reply } from '../reply.js';
import { doneSteps, markDone } from '../store/community.js';
import { bestTipsNodes, guessNote, nowIso, progressBar, stepName, userWrite, who } from './community.js';
import { resolveStep, stepOption } from './resolve.js';

/** The caller's bar and the next step with its best tips, after a change to their progress. */
export async function progressAfter(ctx: CommandContext, title: string, lead: string, notes: ReturnType<typeof guessNote>): Promise<Reply> {
  const { roadmap } = ctx.knowledge;
  const { done, next, tips } = await ctx.store.read(ctx.communityId, (c) => {
    const done = doneSteps(c, ctx.userId);
    const next: Step | undefined = roadmap.find((s) => !done.has(s.id));
    return { done, next, tips: next ? bestTipsNodes(c, next) : [] };
  });
  const count = roadmap.filter((s) => done.has(s.id)).length;
  return reply({
    title,
    children: [
      { type: 'text', text: lead },
      ...notes,
      { type: 'text', text: progressBar(count, roadmap.length) },
      { type: 'text', text: next ? `Next: ${stepName(next)}.` : 'Every step is done. Keep learning!' },
      ...tips,
    ],
    suggestions: [
      ...(next ? [{ label: `Step ${next.order}`, command: `roadmap ${next.order}` }] : []),
      { label: 'My progress', command: 'progress' },
    ],
  });
}

export const done: CommandSpec = {
  name: 'done',
  description: 'Mark a roadmap step as done, by its number or name.',
  options: [stepOption(true)],
  examples: ['done 2', 'done framework'],
  async run(ctx, { step }) {
    const found = resolveStep(ctx, String(step));
    if (!found.ok) return found.reply;
    const s = found.entry;
    const result = await userWrite(ctx, (c) => markDone(c, who(ctx), s.id, nowIso(ctx)));
    if (!result.ok) return result.reply;
    const lead = result.value.already ? `You had already marked ${stepName(s)} as done.` : `Marked ${stepName(s)} as done.`;
    return progressAfter(ctx, result.value.already ? 'Already done' : 'Step done', lead, guessNote(String(step), s, found.guessed));
  },
};

import type { CommandContext, CommandSpec } from '../command.js';
import { reply, type Reply } from '../reply.js';
import { guessNote, progressSummary, stepName, userWrite } from './community.js';
import { progressAfter } from './done.js';
import { stepOption } from './resolve.js';

export const undo: CommandSpec = {
  name: 'undo',
  writes: true,
  description: 'Unmark a roadmap step you marked as done.',
  options: [stepOption(false)],
  examples: ['undo 2', 'undo framework'],
  async run(ctx, _options, { steps }) {
    const found = steps.step;
    // "undo" alone: which step is not guessed (a wrong guess would unmark the wrong one); the
    // steps marked done are offered, the last marked first. Nothing is written.
    if (!found) return whichToUndo(ctx);
    const s = found.entry;
    const written = await userWrite(ctx, (store, by, now) => store.markUndone(ctx.communityId, by, s.id, now));
    if (!written.ok) return written.reply;
    const result = written.value;
    const [view, plan] = await Promise.all([progressSummary(ctx, ctx.userId), ctx.store.plan(ctx.communityId, ctx.userId)]);
    const lead = result.wasDone ? `Unmarked ${stepName(s)}.` : `${stepName(s).replace(/^s/, 'S')} was not marked as done, so nothing changed.`;
    return progressAfter(ctx, result.wasDone ? 'Step unmarked' : 'Not done yet', lead, guessNote(found.text, s, found.guessed), view, plan);
  },
};

async function whichToUndo(ctx: CommandContext): Promise<Reply> {
  const marked = await ctx.store.progress(ctx.communityId, ctx.userId);
  const steps = ctx.knowledge.roadmap.filter((s) => Object.hasOwn(marked, s.id))
    // Marked at the same moment (an import), the furthest step first.
    .sort((a, b) => marked[b.id]!.localeCompare(marked[a.id]!) || b.order - a.order);
  if (!steps.length) {
    return reply({ title: 'Nothing to undo', children: [{ type: 'text', text: 'You have no roadmap steps marked as done. Mark one with done and its number, e.g. done 1.' }], answered: false, ephemeral: true, suggestions: [{ label: 'roadmap', command: 'roadmap' }] });
  }
  const last = steps[0]!;
  return reply({
    title: 'Which step?',
    children: [{ type: 'text', text: `Say which step to unmark, e.g. undo ${last.order}. The last one you marked done is step ${last.order}, ${last.title}.` }],
    answered: false,
    ephemeral: true,
    suggestions: steps.slice(0, 5).map((s) => ({ label: `undo ${s.order}`, command: `undo ${s.order}` })),
  });
}

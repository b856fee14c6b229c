import type { CommandSpec } from '../command.js';
import { guessNote, progressSummary, stepName, userWrite } from './community.js';
import { progressAfter } from './done.js';
import { stepOption } from './resolve.js';

export const undo: CommandSpec = {
  name: 'undo',
  writes: true,
  description: 'Unmark a roadmap step you marked as done.',
  options: [stepOption(true)],
  examples: ['undo 2', 'undo framework'],
  async run(ctx, _options, { steps }) {
    const found = steps.step!; // required: resolved before run
    const s = found.entry;
    const written = await userWrite(ctx, (store, by, now) => store.markUndone(ctx.communityId, by, s.id, now));
    if (!written.ok) return written.reply;
    const result = written.value;
    const [view, plan] = await Promise.all([progressSummary(ctx, ctx.userId), ctx.store.plan(ctx.communityId, ctx.userId)]);
    const lead = result.wasDone ? `Unmarked ${stepName(s)}.` : `${stepName(s).replace(/^s/, 'S')} was not marked as done, so nothing changed.`;
    return progressAfter(ctx, result.wasDone ? 'Step unmarked' : 'Not done yet', lead, guessNote(found.text, s, found.guessed), view, plan);
  },
};

import type { CommandSpec } from '../command.js';
import { markUndone } from '../store/community.js';
import { guessNote, nowIso, progressSummary, stepName, userWrite, who, withView } from './community.js';
import { progressAfter } from './done.js';
import { resolveStep, stepOption } from './resolve.js';

export const undo: CommandSpec = {
  name: 'undo',
  writes: true,
  description: 'Unmark a roadmap step you marked as done.',
  options: [stepOption(true)],
  examples: ['undo 2', 'undo framework'],
  async run(ctx, { step }) {
    const found = resolveStep(ctx, String(step));
    if (!found.ok) return found.reply;
    const s = found.entry;
    const written = await userWrite(ctx, (c) => {
      const r = markUndone(c, who(ctx), s.id, nowIso(ctx));
      return withView(r, progressSummary(c, ctx.knowledge.roadmap, ctx.userId));
    });
    if (!written.ok) return written.reply;
    const { result, view } = written.value;
    const lead = result.wasDone ? `Unmarked ${stepName(s)}.` : `${stepName(s).replace(/^s/, 'S')} was not marked as done, so nothing changed.`;
    return progressAfter(ctx, result.wasDone ? 'Step unmarked' : 'Not done yet', lead, guessNote(String(step), s, found.guessed), view);
  },
};

import type { CommandSpec } from '../command.js';
import { roadmapList, stepCard } from '../answers/roadmap.js';
import { resolveStep } from './resolve.js';

export const roadmap: CommandSpec = {
  name: 'roadmap',
  aliases: ['steps', 'step', 'path'],
  description: 'The ordered roadmap to a back-end job, or one step in detail with what comes next.',
  options: [{ name: 'step', kind: 'string', description: 'A step number or name, e.g. 4 or framework', autocomplete: 'step', maxLength: 100 }],
  examples: ['roadmap', 'roadmap 4', 'roadmap databases'],
  run(ctx, { step }) {
    if (step === undefined) return roadmapList(ctx);
    const found = resolveStep(ctx, String(step));
    if (!found.ok) return found.reply;
    return stepCard(ctx, found.entry);
  },
};

import type { CommandSpec } from '../command.js';
import { roadmapList, stepCard } from '../answers/roadmap.js';
import { doneSteps } from '../store/community.js';
import { bestTipsNodes } from './community.js';
import { rememberTopic } from '../conversation.js';
import { resolveStep, stepOption } from './resolve.js';

export const roadmap: CommandSpec = {
  name: 'roadmap',
  aliases: ['steps', 'step', 'path'],
  description: 'The ordered roadmap to a back-end job, or one step in detail with what comes next.',
  options: [stepOption(false)],
  examples: ['roadmap', 'roadmap 4', 'roadmap databases'],
  async run(ctx, { step }) {
    if (step === undefined) {
      // The caller's done steps are marked once they have any; a newcomer sees the plain list.
      const done = await ctx.store.read(ctx.communityId, (c) => doneSteps(c, ctx.userId));
      return roadmapList(ctx, done.size ? { done } : {});
    }
    const found = resolveStep(ctx, String(step));
    if (!found.ok) return found.reply;
    const s = found.entry;
    rememberTopic(ctx, `step:${s.id}`);
    const after = await ctx.store.read(ctx.communityId, (c) => bestTipsNodes(c, s, 3));
    return stepCard(ctx, s, { after, suggestions: [{ label: after.length ? 'All tips for this step' : 'Share a tip', command: after.length ? `tips ${s.order}` : `tip add ${s.order} <your tip>` }] });
  },
};

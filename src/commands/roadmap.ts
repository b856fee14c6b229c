import type { CommandSpec } from '../command.js';
import { roadmapList, stepCard } from '../answers/roadmap.js';
import { bestTipsNodes } from './community.js';
import { rememberTopic } from './remember.js';
import type { Node } from '../reply.js';
import { stepOption } from './resolve.js';

export const roadmap: CommandSpec = {
  name: 'roadmap',
  aliases: ['steps', 'step', 'path'],
  description: 'The ordered roadmap to a back-end job, or one step in detail with what comes next.',
  options: [stepOption(false)],
  examples: ['roadmap', 'roadmap 4', 'roadmap databases'],
  async run(ctx, _options, { steps }) {
    const found = steps.step;
    if (!found) {
      // The caller's done steps are marked once they have any; a newcomer sees the plain list.
      const done = new Set(Object.keys(await ctx.store.progress(ctx.communityId, ctx.userId)));
      // "2" after the list is its step 2.
      ctx.conversations.remember(ctx, { terms: ctx.search.terms('roadmap step'), numbered: 'roadmap' }, ctx.now());
      return { ...roadmapList(ctx, done.size ? { done } : {}), numbered: true };
    }
    const s = found.entry;
    rememberTopic(ctx, `step:${s.id}`);
    const after = await bestTipsNodes(ctx, s, 3);
    // Sharing a tip needs the user's own words: a hint, not a button that would save a placeholder.
    const hint: Node[] = after.length ? [] : [{ type: 'note', text: `No tips for this step yet. Share one: tip add ${s.order} followed by your tip.` }];
    const next = ctx.knowledge.roadmap.find((x) => x.order === s.order + 1);
    const suggestions = [...(after.length ? [{ label: 'All tips for this step', command: `tips ${s.order}` }] : []), ...(next ? [{ label: `Step ${next.order}: ${next.title}`, command: `roadmap ${next.order}` }] : [])];
    return stepCard(ctx, s, { after: [...after, ...hint], suggestions });
  },
};

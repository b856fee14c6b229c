import type { CommandSpec } from '../command.js';
import { reply } from '../reply.js';
import { ago, refusal } from './community.js';

const UNANSWERED_PAGE = 10;

export const unanswered: CommandSpec = {
  name: 'unanswered',
  description: 'Moderators: the questions I could not answer here, most asked first.',
  options: [{ name: 'page', kind: 'integer', description: 'Page number', min: 1, max: 10_000 }],
  examples: ['unanswered', 'unanswered 2'],
  async run(ctx, { page }) {
    if (!ctx.isModerator) return refusal('Moderators only', 'Only moderators can see the unanswered questions.');
    const wanted = Number(page ?? 1);
    let found = await ctx.store.unanswered(ctx.communityId, (wanted - 1) * UNANSWERED_PAGE, UNANSWERED_PAGE);
    if (!found.total) return reply({ title: 'Unanswered questions', children: [{ type: 'text', text: 'Every question asked here so far had an answer.' }], ephemeral: true });
    const pages = Math.ceil(found.total / UNANSWERED_PAGE);
    const p = Math.min(wanted, pages);
    if (p !== wanted) found = await ctx.store.unanswered(ctx.communityId, (p - 1) * UNANSWERED_PAGE, UNANSWERED_PAGE);
    const total = found.total;
    const items = found.items.map((q) => `"${q.text}": asked ${q.count} time${q.count === 1 ? '' : 's'}, last ${ago(q.lastAsked, ctx.now())}`);
    return reply({
      title: 'Unanswered questions',
      children: [{ type: 'list', items }, { type: 'note', text: `Page ${p} of ${pages} (${total} question${total === 1 ? '' : 's'}), most asked first.` }],
      ephemeral: true,
      suggestions: p < pages ? [{ label: 'Next page', command: `unanswered ${p + 1}` }] : [],
    });
  },
};

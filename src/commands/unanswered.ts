import type { CommandSpec } from '../command.js';
import { reply } from '../reply.js';
import { newestFirst } from '../store/community.js';
import { ago, refusal } from './community.js';

const UNANSWERED_PAGE = 10;

export const unanswered: CommandSpec = {
  name: 'unanswered',
  description: 'Moderators: the questions I could not answer here, most asked first.',
  options: [{ name: 'page', kind: 'integer', description: 'Page number', min: 1, max: 10_000 }],
  examples: ['unanswered', 'unanswered 2'],
  async run(ctx, { page }) {
    if (!ctx.isModerator) return refusal('Moderators only', 'Only moderators can see the unanswered questions.');
    const list = await ctx.store.read(ctx.communityId, (c) =>
      Object.values(c.unanswered).sort((a, b) => b.count - a.count || newestFirst(a.lastAsked, b.lastAsked)),
    );
    if (!list.length) return reply({ title: 'Unanswered questions', children: [{ type: 'text', text: 'Every question asked here so far had an answer.' }], ephemeral: true });
    const pages = Math.ceil(list.length / UNANSWERED_PAGE);
    const p = Math.min(Number(page ?? 1), pages);
    const items = list
      .slice((p - 1) * UNANSWERED_PAGE, p * UNANSWERED_PAGE)
      .map((q) => `"${q.text}": asked ${q.count} time${q.count === 1 ? '' : 's'}, last ${ago(q.lastAsked, ctx.now())}`);
    return reply({
      title: 'Unanswered questions',
      children: [{ type: 'list', items }, { type: 'note', text: `Page ${p} of ${pages} (${list.length} question${list.length === 1 ? '' : 's'}), most asked first.` }],
      ephemeral: true,
      suggestions: p < pages ? [{ label: 'Next page', command: `unanswered ${p + 1}` }] : [],
    });
  },
};

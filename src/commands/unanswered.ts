import type { CommandSpec } from '../command.js';
import { reply } from '../reply.js';
import { ago, pageOf, refusal } from './community.js';

const UNANSWERED_PAGE = 10;

export const unanswered: CommandSpec = {
  name: 'unanswered',
  description: 'Moderators: the questions I could not answer here, most asked first.',
  options: [{ name: 'page', kind: 'integer', description: 'Page number', min: 1, max: 10_000 }],
  examples: ['unanswered', 'unanswered 2'],
  async run(ctx, { page }) {
    if (!ctx.isModerator) return refusal('Moderators only', 'Only moderators can see the unanswered questions.');
    const found = await pageOf(Number(page ?? 1), UNANSWERED_PAGE, (offset) => ctx.store.unanswered(ctx.communityId, offset, UNANSWERED_PAGE));
    if (!found.total) return reply({ title: 'Unanswered questions', children: [{ type: 'text', text: 'Every question asked here so far had an answer.' }], ephemeral: true });
    const { total, pages, page: p } = found;
    const items = found.items.map((q) => `"${q.text}": asked ${q.count} time${q.count === 1 ? '' : 's'}, last ${ago(q.lastAsked, ctx.now())}`);
    return reply({
      title: 'Unanswered questions',
      children: [{ type: 'list', items }, { type: 'note', text: `Page ${p} of ${pages} (${total} question${total === 1 ? '' : 's'}), most asked first.` }],
      ephemeral: true,
      suggestions: p < pages ? [{ label: 'Next page', command: `unanswered ${p + 1}` }] : [],
      // A page is already the short form: cutting it would skip questions between two pages.
      whole: true,
    });
  },
};

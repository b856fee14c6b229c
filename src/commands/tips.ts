import type { CommandSpec } from '../command.js';
import { entryOption } from '../options.js';
import { reply, type Node } from '../reply.js';
import { guessNote, pageOf, stepLabel, tipLine } from './community.js';

const TIPS_PAGE = 5;

export const tips: CommandSpec = {
  name: 'tips',
  description: "The community's tips, best voted first, then newest; for one step or all.",
  options: [
    entryOption('step', 'step', 'A step number or name; all steps when left out', { rest: true }),
    { name: 'page', kind: 'integer', description: 'Page number', min: 1, max: 10_000 },
  ],
  examples: ['tips', 'tips 4', 'tips framework', 'tips 4 page:2'],
  async run(ctx, { page }, { steps }) {
    const { roadmap } = ctx.knowledge;
    const only = steps.step?.entry;
    const note: Node[] = steps.step ? guessNote(steps.step.text, steps.step.entry, steps.step.guessed) : [];
    const label = stepLabel(roadmap);
    const found = await pageOf(Number(page ?? 1), TIPS_PAGE, (offset) => ctx.store.tips(ctx.communityId, { ...(only ? { step: only.id } : {}), offset, limit: TIPS_PAGE }));
    const { total, pages, page: p } = found;
    const items = found.items.map((t) => tipLine(t, only ? undefined : label));
    const title = only ? `Tips for step ${only.order}, ${only.title}` : 'Community tips';
    const addHint = `tip add ${only ? only.order : '<step>'} <your tip>`;
    if (!total) {
      return reply({
        title,
        children: [{ type: 'text', text: `No tips ${only ? 'for this step ' : ''}yet. Share the first one: ${addHint}` }, ...note],
        answered: false,
        suggestions: [{ label: 'Roadmap', command: 'roadmap' }],
      });
    }
    const base = only ? `tips ${only.order}` : 'tips';
    return reply({
      title,
      children: [
        ...note,
        { type: 'list', items },
        { type: 'note', text: `Page ${p} of ${pages} (${total} tip${total === 1 ? '' : 's'}), best voted first, then newest. Vote with "tip vote <number>".` },
      ],
      suggestions: [
        ...(p > 1 ? [{ label: 'Previous page', command: `${base} page:${p - 1}` }] : []),
        ...(p < pages ? [{ label: 'Next page', command: `${base} page:${p + 1}` }] : []),
      ],
      // A page is already the short form: cutting it would skip tips between two pages.
      whole: true,
    });
  },
};

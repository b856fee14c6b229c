import { sourceRefs } from '../answers/cite.js';
import type { CommandSpec } from '../command.js';
import type { Services } from '../command.js';
import { reply, type Node, type Reply } from '../reply.js';

/** The four articles, whom they cite, and the rule that nothing is averaged. */
export function sourcesReply(ctx: Services): Reply {
  const children: Node[] = ctx.knowledge.sources.flatMap((s): Node[] => [
    { type: 'section', title: s.short },
    {
      type: 'fields',
      fields: [
        { label: 'Title', value: s.title },
        { label: 'Publisher', value: s.publisher ?? 'not named in the article' },
        { label: 'Date', value: s.date ?? 'not given in the article' },
        ...(s.cites.length ? [{ label: 'Cites', value: s.cites.join(', ') }] : []),
      ],
    },
    { type: 'text', text: s.summary },
  ]);
  const rule: Node = { type: 'note', text: 'Every fact I state names its article. Where articles disagree, each figure is shown with its source; nothing is averaged.' };
  children.push(rule);
  // Short form: every article in a line (a newcomer asked "where does this come from?" and saw one).
  const brief: Node[] = [
    { type: 'list', items: ctx.knowledge.sources.map((s) => `${s.short}: "${s.title}" (${s.publisher ?? 'publisher not named'}, ${s.date ?? 'undated'})`) },
    rule,
  ];
  return reply({ title: 'Sources', children, brief, sources: sourceRefs(ctx, ctx.knowledge.sources.map((s) => s.id)) });
}

export const sources: CommandSpec = {
  name: 'sources',
  aliases: ['source', 'about', 'articles'],
  description: 'The articles behind every answer, and whom they cite.',
  options: [],
  examples: ['sources'],
  run(ctx) {
    return sourcesReply(ctx);
  },
};

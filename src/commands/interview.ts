import type { CommandSpec } from '../command.js';
import { citeAll, itemSources, sourceRefs } from '../answers/cite.js';
import { errorReply, reply, type Node } from '../reply.js';

export const interview: CommandSpec = {
  name: 'interview',
  aliases: ['practice', 'interviews'],
  description: 'A practice interview question, with the articles’ advice on preparing.',
  options: [{ name: 'number', kind: 'integer', description: 'Pick a question by number instead of at random', min: 1, max: 99 }],
  examples: ['interview', 'interview 2'],
  run(ctx, { number }) {
    const all = ctx.knowledge.questions.filter((q) => q.category === 'interview');
    // Practice questions are the ones phrased as a question; the rest is advice on preparing.
    const practice = all.filter((q) => /\?\s*$/.test(q.title) && !/prepar/i.test(q.title));
    const advice = all.filter((q) => !practice.includes(q));
    if (!practice.length) {
      return reply({ title: 'Interview practice', children: [{ type: 'text', text: 'The articles give no practice questions.' }], answered: false });
    }
    if (typeof number === 'number' && number > practice.length) {
      return errorReply('Interview practice', `There are ${practice.length} practice questions; pick 1 to ${practice.length}.`, 'invalid-option');
    }
    const index = typeof number === 'number' ? number - 1 : Math.floor(Math.random() * practice.length);
    const q = practice[index]!;
    const children: Node[] = [
      { type: 'text', text: `Question ${index + 1} of ${practice.length}: ${q.title}` },
      { type: 'section', title: 'About this question' },
      { type: 'list', items: citeAll(ctx, q.answer) },
    ];
    for (const a of advice) children.push({ type: 'section', title: a.title }, { type: 'list', items: citeAll(ctx, a.answer) });
    const next = (index + 1) % practice.length;
    return reply({
      title: 'Interview practice',
      children,
      sources: sourceRefs(ctx, itemSources([...q.answer, ...advice.flatMap((a) => a.answer)])),
      suggestions: [{ label: 'Another question', command: `interview ${next + 1}` }],
      // The question shown, not another random one.
      more: `interview ${index + 1}`,
    });
  },
};

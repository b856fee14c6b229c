import type { CommandSpec } from '../command.js';
import { citeAll, itemSources, sourceRefs } from '../answers/cite.js';
import { reply, type Node } from '../reply.js';

/** The articles' practice questions are titled "Interview question: ...". */
const PRACTICE = /^interview question\s*:\s*/i;

/** A practice question as asked: "What is a deadlock and how do you solve it?", without its label. */
const questionText = (title: string) => {
  const text = title.replace(PRACTICE, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A FAQ's question as a heading: "How do I prepare for ...?" reads "How to prepare for ...". */
const heading = (title: string) => title.replace(/^how do i /i, 'How to ').replace(/\s*[?.!:]+\s*$/, '');

export const interview: CommandSpec = {
  name: 'interview',
  aliases: ['practice', 'interviews'],
  description: 'A practice interview question, with the articles’ advice on preparing.',
  options: [{ name: 'number', kind: 'integer', description: 'Pick a question by number instead of at random', min: 1, max: 99 }],
  examples: ['interview', 'interview 2'],
  run(ctx, { number }) {
    const all = ctx.knowledge.questions.filter((q) => q.category === 'interview');
    // Practice questions are the ones the articles give as interview questions ("Interview question:
    // tell us about a problem you hit...", phrased as a question or not), numbered in the knowledge
    // base's order, which is the order the advice lists them in ("Common practice questions: a
    // problem you solved, best practices for performance testing, ..."); the rest is advice on preparing.
    const practice = all.filter((q) => PRACTICE.test(q.title) || (/\?\s*$/.test(q.title) && !/prepar/i.test(q.title)));
    const advice = all.filter((q) => !practice.includes(q));
    if (!practice.length) {
      return reply({ title: 'Interview practice', children: [{ type: 'text', text: 'The articles give no practice questions.' }], answered: false });
    }
    if (typeof number === 'number' && number > practice.length) {
      // Every question by its number, so the next try is one of them.
      return reply({
        title: 'Interview practice',
        children: [
          { type: 'text', text: `There is no question ${number}. There are ${practice.length} practice questions; pick 1 to ${practice.length}.` },
          { type: 'list', items: practice.map((q, i) => `${i + 1}. ${questionText(q.title)}`) },
        ],
        answered: false,
        ephemeral: true,
        error: 'invalid-option',
        suggestions: [
          { label: 'Question 1', command: 'interview 1' },
          { label: 'A question at random', command: 'interview' },
        ],
      });
    }
    const index = typeof number === 'number' ? number - 1 : Math.floor(Math.random() * practice.length);
    const q = practice[index]!;
    const children: Node[] = [
      { type: 'text', text: `Question ${index + 1} of ${practice.length}: ${questionText(q.title)}` },
      { type: 'section', title: 'About this question' },
      { type: 'list', items: citeAll(ctx, q.answer) },
    ];
    for (const a of advice) children.push({ type: 'section', title: heading(a.title) }, { type: 'list', items: citeAll(ctx, a.answer) });
    const next = (index + 1) % practice.length;
    // "another one", "next question" after it is the next question.
    // The question shown: "and the answer?" asks it of that one (see ask's modelAnswer).
    ctx.conversations.remember(ctx, { terms: ctx.search.terms('interview question'), practice: `question:${q.id}`, again: `interview ${next + 1}` }, ctx.now());
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

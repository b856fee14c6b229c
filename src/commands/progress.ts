import { cutText } from '../cut.js';
import type { Member } from '../store/store.js';
import type { CommandSpec } from '../command.js';
import { reply, type Node } from '../reply.js';
import { closestNames } from '../closest.js';
import { ago, displayName, progressBar, progressSummary, refusal, stepName } from './community.js';
import { planNodes } from './plan.js';
import { progressCard } from '../cards/progress.js';
import { paceText, planDay, planStatus } from '../pace.js';

export const progress: CommandSpec = {
  name: 'progress',
  description: 'Your progress on the roadmap (or another member\'s): steps done and what to do next.',
  options: [{ name: 'user', kind: 'user', description: 'A member (mention or name); yourself when left out' }],
  examples: ['progress', 'progress @alice'],
  async run(ctx, { user }) {
    const { roadmap } = ctx.knowledge;
    let id = ctx.userId;
    let member: Member | undefined;
    if (user === undefined) {
      // Yourself by id only: another member's display name may equal your id.
      member = await ctx.store.member(ctx.communityId, id).then((m) => (m?.id === id ? m : undefined));
    } else {
      const wanted = String(user);
      member = await ctx.store.member(ctx.communityId, wanted);
      if (!member) {
        const shown = cutText(wanted, 40);
        const names = closestNames(await ctx.store.memberNames(ctx.communityId, 5000), wanted);
        const hint = names.length ? ` Did you mean: ${names.join(', ')}?` : ' Only members who have saved something here have progress.';
        return refusal('Not found', `I have no progress for "${shown}" in this community.${hint}`, names.map((n) => ({ label: n, command: `progress ${n}` })));
      }
      id = member.id;
    }
    const [summary, plan] = await Promise.all([progressSummary(ctx, id), ctx.store.plan(ctx.communityId, id)]);
    const data = { id, name: displayName(member?.name ?? ctx.userName), lastActive: member?.lastActive, ...summary };
    const self = data.id === ctx.userId;
    const children: Node[] = [{ type: 'text', text: progressBar(data.done.length, roadmap.length) }];
    // Their pace plan, when they set one: on track, ahead or behind, and the pace left.
    if (plan) children.push(...planNodes(plan, data.done.length, roadmap.length, ctx.now()));
    // Answer first: what to do next, then what is behind.
    // A heading only with tips under it: alone it would end in a colon over nothing.
    if (data.next) children.push(...(data.tips.length ? [{ type: 'section', title: `Next: ${stepName(data.next)}` } as Node, ...data.tips] : [{ type: 'text', text: `Next: ${stepName(data.next)}` } as Node]));
    else children.push({ type: 'text', text: 'Every step is done. Keep learning!' });
    if (data.done.length) children.push({ type: 'section', title: 'Done' }, { type: 'list', items: data.done.map((s) => `${s.order}. ${s.title}`) });
    else children.push({ type: 'text', text: self ? 'No steps done yet. Mark one with "done <step>", e.g. done 1.' : 'No steps done yet.' });
    if (data.lastActive) children.push({ type: 'note', text: `Last active ${ago(data.lastActive, ctx.now())}` });
    // The same as a picture: the roadmap with the steps done, the next step and the plan.
    const status = plan ? planStatus(plan, data.done.length, roadmap.length, ctx.now()) : undefined;
    const doneIds = new Set(data.done.map((s) => s.id));
    const picture = await progressCard({
      userId: data.id,
      name: data.name || data.id,
      steps: roadmap.map((s) => ({ order: s.order, title: s.title, done: doneIds.has(s.id) })),
      next: data.next,
      tip: summary.best[0]?.text,
      plan: plan && status ? { status, day: planDay(plan), ...(status.over || status.state === 'done' ? {} : { pace: paceText(status.left, status.msLeft) }) } : undefined,
    });
    if (picture) children.push(picture);
    return reply({
      title: self ? 'Your progress' : `Progress of ${data.name}`,
      children,
      suggestions: data.next
        ? [
            { label: `Step ${data.next.order}`, command: `roadmap ${data.next.order}` },
            ...(self ? [{ label: `Done with step ${data.next.order}`, command: `done ${data.next.order}` }] : []),
            { label: 'Tips', command: `tips ${data.next.order}` },
          ]
        : [{ label: 'Roadmap', command: 'roadmap' }],
      // "more" shows this person's progress in full, whoever presses it under a public answer.
      more: `progress ${data.id}`,
    });
  },
};

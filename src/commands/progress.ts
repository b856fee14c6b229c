import { cutText } from '../cut.js';
import type { CommandSpec } from '../command.js';
import { reply, type Node } from '../reply.js';
import { own } from '../store/schema.js';
import { closestNames } from '../closest.js';
import { ago, displayName, progressBar, progressSummary, refusal, stepName } from './community.js';

export const progress: CommandSpec = {
  name: 'progress',
  description: 'Your progress on the roadmap (or another member\'s): steps done and what to do next.',
  options: [{ name: 'user', kind: 'user', description: 'A member (mention or name); yourself when left out' }],
  examples: ['progress', 'progress @alice'],
  async run(ctx, { user }) {
    const { roadmap } = ctx.knowledge;
    const data = await ctx.store.read(ctx.communityId, (c) => {
      let id = ctx.userId;
      if (user !== undefined) {
        const wanted = String(user);
        const byName = Object.entries(c.users).find(([, u]) => u.name.toLowerCase() === wanted.toLowerCase())?.[0];
        const found = own(c.users, wanted) ? wanted : byName;
        if (!found) return { kind: 'missing' as const, missing: wanted, names: closestNames(Object.values(c.users).map((u) => u.name), wanted) };
        id = found;
      }
      return {
        kind: 'found' as const,
        id,
        name: displayName(own(c.users, id)?.name ?? ctx.userName),
        lastActive: own(c.users, id)?.lastActive,
        ...progressSummary(c, roadmap, id),
      };
    });
    if (data.kind === 'missing') {
      const shown = cutText(data.missing, 40);
      const hint = data.names.length ? ` Did you mean: ${data.names.join(', ')}?` : ' Only members who have saved something here have progress.';
      return refusal('Not found', `I have no progress for "${shown}" in this community.${hint}`, data.names.map((n) => ({ label: n, command: `progress ${n}` })));
    }
    const self = data.id === ctx.userId;
    const children: Node[] = [{ type: 'text', text: progressBar(data.done.length, roadmap.length) }];
    if (data.done.length) children.push({ type: 'section', title: 'Done' }, { type: 'list', items: data.done.map((s) => `${s.order}. ${s.title}`) });
    else children.push({ type: 'text', text: self ? 'No steps done yet. Mark one with "done <step>", e.g. done 1.' : 'No steps done yet.' });
    if (data.next) children.push({ type: 'section', title: `Next: ${stepName(data.next)}` }, ...data.tips);
    else children.push({ type: 'text', text: 'Every step is done. Keep learning!' });
    if (data.lastActive) children.push({ type: 'note', text: `Last active ${ago(data.lastActive, ctx.now())}` });
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
    });
  },
};

// `group export <name> [json|csv|md]`: a moderator's record of a study group (its members, the
// steps each has done with dates, their pace plans, the tips they shared, the weekly digest), sent
// privately. It is for keeping and reading; what a learner takes with them is their own `export`.
import type { CommandContext, CommandSpec } from '../command.js';
import { cleanText } from '../options.js';
import { planDay } from '../pace.js';
import { reply, type Reply } from '../reply.js';
import { displayName, refusal } from './community.js';
import { toCsvRows } from './export.js';

const FORMATS = new Set(['json', 'csv', 'md']);
const MIME = { json: 'application/json', csv: 'text/csv', md: 'text/markdown' } as const;
type Format = keyof typeof MIME;
const TIP_PAGE = 100;

async function collectGroup(ctx: CommandContext, name: string) {
  const board = await ctx.store.group(ctx.communityId, name);
  if (!board) return undefined;
  const titles = new Map(ctx.knowledge.roadmap.map((s) => [s.id, s.title]));
  const members = await Promise.all(
    board.people.map(async (p) => {
      const [done, plan] = await Promise.all([ctx.store.progress(ctx.communityId, p.id), ctx.store.plan(ctx.communityId, p.id)]);
      return {
        id: p.id,
        name: displayName(p.name) || p.id,
        joinedAt: p.joinedAt,
        lastActive: p.lastActive,
        steps: Object.entries(done).sort(([, a], [, b]) => a.localeCompare(b)).map(([step, doneAt]) => ({ step, ...(titles.has(step) ? { title: titles.get(step)! } : {}), doneAt })),
        plan: plan ? { target: plan.target, setAt: plan.setAt, doneAtStart: plan.doneAtStart } : null,
      };
    }),
  );
  const tips = [];
  const authors = board.people.map((p) => p.id);
  for (let offset = 0; authors.length; offset += TIP_PAGE) {
    const page = await ctx.store.tips(ctx.communityId, { authors, offset, limit: TIP_PAGE, withTotal: false });
    tips.push(...page.items.map((t) => ({ id: t.id, step: t.step, author: displayName(t.authorName) || t.author, votes: t.votes, createdAt: t.createdAt, text: t.text })));
    if (page.items.length < TIP_PAGE) break;
  }
  const digest = await ctx.store.digest(ctx.communityId, board.name);
  return {
    format: 'devpath-group-export',
    version: 1,
    exportedAt: ctx.now().toISOString(),
    community: ctx.communityId,
    group: board.name,
    members,
    tips: tips.sort((a, b) => a.id - b.id),
    digest: digest ? { door: digest.door, channel: digest.channel, nextAt: digest.nextAt } : null,
  };
}
type GroupExport = NonNullable<Awaited<ReturnType<typeof collectGroup>>>;

/** Markdown, with what users typed escaped so it reads as written. */
const md = (s: string) => s.replace(/[\\`*_{}[\]<>()#+\-.!|~@]/g, '\\$&');

function write(kind: Format, data: GroupExport): string {
  if (kind === 'json') return JSON.stringify(data, null, 2);
  if (kind === 'csv') {
    const rows: (string | number | undefined)[][] = [['record', 'member', 'step', 'date', 'votes', 'text']];
    for (const m of data.members) {
      rows.push(['member', m.name, undefined, m.joinedAt, undefined, `last active ${m.lastActive.slice(0, 10)}`]);
      for (const s of m.steps) rows.push(['step done', m.name, s.step, s.doneAt, undefined, s.title]);
      if (m.plan) rows.push(['plan', m.name, undefined, m.plan.setAt, undefined, `finish by ${planDay(m.plan)}`]);
    }
    for (const t of data.tips) rows.push(['tip', t.author, t.step, t.createdAt, t.votes, t.text]);
    return toCsvRows(rows);
  }
  const out = [`# Study group ${md(data.group)}`, '', `Exported ${data.exportedAt}, ${data.members.length} ${data.members.length === 1 ? 'member' : 'members'}.`, '', '## Members', ''];
  for (const m of data.members) {
    out.push(`- ${md(m.name)}: ${m.steps.length} steps done, joined ${m.joinedAt.slice(0, 10)}, last active ${m.lastActive.slice(0, 10)}${m.plan ? `, plan to finish by ${planDay(m.plan)}` : ''}`);
  }
  out.push('', '## Tips', '', ...(data.tips.length ? data.tips.map((t) => `- #${t.id} ${md(t.author)} (${md(t.step)}, ${t.votes} votes): ${md(t.text)}`) : ['None yet.']));
  out.push('', '## Weekly digest', '', data.digest ? `On, next due ${data.digest.nextAt}.` : 'Off.');
  return out.join('\n');
}

export const groupExport: CommandSpec = {
  name: 'export',
  description: "Moderators: a group's members, steps, plans and tips as a file, only to you (json, csv or md).",
  options: [{ name: 'text', kind: 'string', description: 'The group name, then json, csv or md', required: true, rest: true, autocomplete: 'group', maxLength: 80 }],
  examples: ['group export backend-club', 'group export backend-club csv'],
  async run(ctx, { text }): Promise<Reply> {
    const words = cleanText(String(text ?? '')).split(' ');
    const last = words.at(-1)?.toLowerCase() ?? '';
    const kind: Format = FORMATS.has(last) && words.length > 1 ? (last as Format) : 'json';
    const name = FORMATS.has(last) && words.length > 1 ? words.slice(0, -1).join(' ') : words.join(' ');
    if (!ctx.isModerator) return refusal('Moderators only', "Only a moderator can export a group's data. Your own data is in \"export\".", [{ label: 'export', command: 'export' }]);
    const data = await collectGroup(ctx, name);
    if (!data) return refusal('Group not found', `There is no group called "${name.slice(0, 40)}" here. "group" lists them.`, [{ label: 'Groups', command: 'group' }]);
    return reply({
      title: `Group export: ${data.group} (${kind})`,
      children: [
        { type: 'text', text: `${data.members.length} ${data.members.length === 1 ? 'member' : 'members'}, ${data.tips.length} ${data.tips.length === 1 ? 'tip' : 'tips'}. Only you see this.` },
        { type: 'file', name: `devpath-group-${kind}.${kind}`, mime: MIME[kind], content: write(kind, data) },
        { type: 'note', text: 'A record to keep or read; members take their own data with "export".' },
      ],
      ephemeral: true,
    });
  },
};

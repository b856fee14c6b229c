// `export [json|csv|md]`: the caller's own data in this community (steps done with their dates,
// pace plan, the tips they wrote, their groups, their time zone and reminders), sent privately as a file inside the reply. The
// JSON form is what `import` reads back (src/commands/import.ts), so a learner can move between
// communities without losing anything.
import { planDay } from '../pace.js';
import { z } from 'zod';
import type { CommandContext, CommandSpec } from '../command.js';
import { reply, type Node } from '../reply.js';
import { GROUP_NAME_MAX, KEY_MAX, NAME_MAX, PLAN_STEPS_MAX, REMINDER_TEXT_MAX, REMINDERS_PER_USER, TIME_ZONE_MAX, TIP_MAX } from '../store/schema.js';
import type { Plan, Tip } from '../store/store.js';
import { displayName } from './community.js';

export const EXPORT_FORMAT = 'devpath-export';
export const EXPORT_VERSION = 1;

/** How many tips one page asks the store for while collecting all of the caller's. */
const TIP_PAGE = 100;

/** The most items of each kind an import takes (an export of one person is far below them). */
export const IMPORT_MAX = { progress: 200, tips: 500, groups: 100, reminders: REMINDERS_PER_USER } as const;

const Iso = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'not a date');

/** What `export json` writes and `import` reads: version 1. Every list may be left out. */
export const ExportV1 = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: Iso.optional(),
  /** Where it came from (informational: import always applies to the caller). */
  community: z.string().max(KEY_MAX).optional(),
  user: z.object({ id: z.string().max(KEY_MAX).optional(), name: z.string().max(NAME_MAX).optional() }).optional(),
  progress: z
    .array(z.object({ step: z.string().max(KEY_MAX), title: z.string().max(500).optional(), doneAt: Iso.optional() }))
    .max(IMPORT_MAX.progress)
    .default([]),
  plan: z.object({ target: Iso, setAt: Iso, doneAtStart: z.number().int().min(0).max(PLAN_STEPS_MAX) }).nullable().default(null),
  tips: z
    .array(
      z.object({
        id: z.number().int().optional(),
        step: z.string().max(KEY_MAX),
        text: z.string().max(TIP_MAX * 2),
        votes: z.number().int().min(0).optional(),
        createdAt: Iso.optional(),
      }),
    )
    .max(IMPORT_MAX.tips)
    .default([]),
  groups: z.array(z.object({ name: z.string().max(GROUP_NAME_MAX * 2) })).max(IMPORT_MAX.groups).default([]),
  /** Added with reminders: exports made before them simply have none. */
  timeZone: z.string().max(TIME_ZONE_MAX).nullable().default(null),
  reminders: z
    .array(z.object({ text: z.string().max(REMINDER_TEXT_MAX * 2), dueAt: Iso, createdAt: Iso.optional() }))
    .max(IMPORT_MAX.reminders)
    .default([]),
});
export type ExportV1 = z.infer<typeof ExportV1>;

/** Everything of the caller's in this community, in the export's shape. */
export async function collect(ctx: CommandContext): Promise<ExportV1> {
  const { store, communityId: c, userId: me } = ctx;
  const [done, plan, groups, timeZone, reminders] = await Promise.all([store.progress(c, me), store.plan(c, me), store.groupsOf(c, me), store.timeZone(c, me), store.reminders(c, me)]);
  const tips: Tip[] = [];
  for (let offset = 0; ; offset += TIP_PAGE) {
    // Pages until one comes back short: no count of every page's matches.
    const page = await store.tips(c, { authors: [me], offset, limit: TIP_PAGE, withTotal: false });
    tips.push(...page.items);
    if (page.items.length < TIP_PAGE) break;
  }
  const order = new Map(ctx.knowledge.roadmap.map((s, i) => [s.id, i]));
  const title = new Map(ctx.knowledge.roadmap.map((s) => [s.id, s.title]));
  const progress = Object.entries(done)
    .sort(([a, x], [b, y]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || x.localeCompare(y))
    .map(([step, doneAt]) => ({ step, ...(title.has(step) ? { title: title.get(step)! } : {}), doneAt }));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.now().toISOString(),
    community: c,
    user: { id: me, name: displayName(ctx.userName) || me },
    progress,
    plan: plan ? planOf(plan) : null,
    tips: tips.sort((a, b) => a.id - b.id).map((t) => ({ id: t.id, step: t.step, text: t.text, votes: t.votes, createdAt: t.createdAt })),
    groups: groups.map((g) => ({ name: g.name })),
    timeZone: timeZone ?? null,
    reminders: reminders.map((r) => ({ text: r.text, dueAt: r.dueAt, createdAt: r.createdAt })),
  };
}

const planOf = (p: Plan) => ({ target: p.target, setAt: p.setAt, doneAtStart: p.doneAtStart });

/**
 * JSON on one line with no whitespace and none of the characters a chat door reads as quoting,
 * markup or a mention (inside strings they become \uXXXX escapes, which JSON reads back as the
 * same text): pasted after `import` in any door, it arrives as one word, unchanged.
 */
export function toJson(data: ExportV1): string {
  return JSON.stringify(data).replace(/[\s'`‘’“”<>&@/*_~|]|\p{Cf}/gu, (c) =>
    Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** One cell: quoted when it must be, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text, each cell safe for a spreadsheet. */
export const toCsvRows = (rows: (string | number | undefined)[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\n');

export function toCsv(data: ExportV1): string {
  const rows: (string | number | undefined)[][] = [['record', 'step', 'id', 'date', 'votes', 'text']];
  for (const p of data.progress) rows.push(['step done', p.step, undefined, p.doneAt, undefined, p.title]);
  if (data.plan) rows.push(['plan', undefined, undefined, data.plan.setAt, undefined, `finish by ${planDay(data.plan)} (${data.plan.doneAtStart} steps done when set)`]);
  for (const t of data.tips) rows.push(['tip', t.step, t.id, t.createdAt, t.votes, t.text]);
  for (const g of data.groups) rows.push(['group', undefined, undefined, undefined, undefined, g.name]);
  if (data.timeZone) rows.push(['time zone', undefined, undefined, undefined, undefined, data.timeZone]);
  for (const r of data.reminders) rows.push(['reminder', undefined, undefined, r.dueAt, undefined, r.text]);
  return toCsvRows(rows);
}

/** Markdown, with what users typed escaped so it reads as written. */
const md = (s: string) => s.replace(/[\\`*_{}[\]<>()#+\-.!|~@]/g, '\\$&');

export function toMarkdown(data: ExportV1): string {
  const out = [`# devpath export: ${md(data.user?.name ?? '')}`, '', `Community ${md(data.community ?? '')}, exported ${data.exportedAt ?? ''}.`, '', '## Steps done', ''];
  out.push(...(data.progress.length ? data.progress.map((p) => `- ${md(p.title ?? p.step)} (${md(p.step)}), ${p.doneAt?.slice(0, 10) ?? ''}`) : ['None yet.']));
  out.push('', '## Plan', '', data.plan ? `Finish by ${planDay(data.plan)}, set ${data.plan.setAt.slice(0, 10)} with ${data.plan.doneAtStart} steps done.` : 'No plan.');
  out.push('', '## Tips', '');
  out.push(...(data.tips.length ? data.tips.map((t) => `- #${t.id} (${md(t.step)}, ${t.votes ?? 0} vote${t.votes === 1 ? '' : 's'}, ${t.createdAt?.slice(0, 10) ?? ''}): ${md(t.text)}`) : ['None yet.']));
  out.push('', '## Groups', '');
  out.push(...(data.groups.length ? data.groups.map((g) => `- ${md(g.name)}`) : ['None yet.']));
  out.push('', '## Reminders', '', `Time zone: ${data.timeZone ? md(data.timeZone) : 'not set'}.`, '');
  out.push(...(data.reminders.length ? data.reminders.map((r) => `- ${r.dueAt.slice(0, 16).replace('T', ' ')} UTC: ${md(r.text)}`) : ['None waiting.']));
  return out.join('\n');
}

const FORMATS = {
  json: { mime: 'application/json', write: toJson },
  csv: { mime: 'text/csv', write: toCsv },
  md: { mime: 'text/markdown', write: toMarkdown },
} as const;
type Format = keyof typeof FORMATS;

export const exportCommand: CommandSpec = {
  name: 'export',
  description: 'Your own data here (steps, plan, tips, groups, reminders), only to you; import reads the json.',
  options: [
    {
      name: 'format',
      kind: 'choice',
      description: 'json (default; import reads it), csv or md',
      choices: [
        { value: 'json', label: 'JSON' },
        { value: 'csv', label: 'CSV' },
        { value: 'md', label: 'Markdown' },
      ],
    },
  ],
  examples: ['export', 'export csv', 'export md'],
  async run(ctx, { format }) {
    const kind: Format = format === 'csv' || format === 'md' ? format : 'json';
    const data = await collect(ctx);
    const { mime, write } = FORMATS[kind];
    const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
    const counts = `${n(data.progress.length, 'step')} done, ${data.plan ? 'a plan' : 'no plan'}, ${n(data.tips.length, 'tip')}, ${n(data.groups.length, 'group')}, ${n(data.reminders.length, 'reminder')}`;
    const children: Node[] = [
      { type: 'text', text: `Your data in this community: ${counts}. Only you see this.` },
      { type: 'file', name: `devpath-export.${kind}`, mime, content: write(data) },
    ];
    children.push({
      type: 'note',
      text:
        kind === 'json'
          ? 'To take it to another community, type "import" there followed by this JSON (one line, as it is).'
          : 'This form is for reading; "export" gives the JSON that "import" reads back.',
    });
    const others = (['json', 'csv', 'md'] as const).filter((f) => f !== kind);
    return reply({ title: `Your export (${kind})`, children, ephemeral: true, suggestions: others.map((f) => ({ label: `export ${f}`, command: `export ${f}` })) });
  },
};

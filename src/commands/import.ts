// `import <json>`: what `export json` produced, applied to the CALLER in this community (never to
// whoever the file names): steps done, the plan, their tips, their groups. Whatever is already
// here is left as it is, so importing the same file twice changes nothing the second time.
//
// The write limit: an import counts as ONE change. Each item goes through the store's own write
// (its rules: lengths, duplicates, group names); until the first item actually changes something,
// each goes as the caller (limited), so a caller over the limit is refused before anything
// changes; after that first change, the rest go without counting again. The input's size
// (MAX_IMPORT characters, IMPORT_MAX items) bounds what one change can carry.
import type { CommandContext, CommandSpec } from '../command.js';
import { cutText } from '../cut.js';
import { cleanText } from '../options.js';
import { planDay } from '../pace.js';
import { errorReply, reply, storageReason, type Field, type Reply } from '../reply.js';
import { StoreError, type Actor, type Limited, type Store } from '../store/store.js';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportV1, IMPORT_MAX } from './export.js';
import { userWrite, who } from './community.js';

/** The longest import text: far above one learner's export, and within a chat line (MAX_LINE). */
export const MAX_IMPORT = 19_990;

const notAnExport = (why: string): Reply =>
  errorReply('Not an export', `${why} Nothing was changed. Paste what "export" (json) gave you, as one line: import {"format":"${EXPORT_FORMAT}",...}`, 'invalid-option', [
    { label: 'export', command: 'export' },
  ]);

/** The export, or why it is not one. */
export function readExport(text: string): { ok: true; data: ExportV1 } | { ok: false; reply: Reply } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reply: notAnExport('That is not JSON.') };
  }
  const o = raw as { format?: unknown; version?: unknown } | null;
  if (typeof o !== 'object' || o === null || o.format !== EXPORT_FORMAT) return { ok: false, reply: notAnExport(`That JSON is not a devpath export (its "format" is not "${EXPORT_FORMAT}").`) };
  if (o.version !== EXPORT_VERSION) return { ok: false, reply: notAnExport(`This devpath reads export version ${EXPORT_VERSION}; that one is ${cutText(String(JSON.stringify(o.version) ?? 'missing'), 20)}.`) };
  const parsed = ExportV1.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the export';
    return { ok: false, reply: notAnExport(`The export is damaged at ${cutText(where, 60)}: ${cutText(issue?.message ?? 'unreadable', 120)}.`) };
  }
  return { ok: true, data: parsed.data };
}

type Outcome = 'added' | 'already' | 'skipped';

/** Applies the export to the caller. Returns the tally, or the rate-limit reply (then nothing changed). */
async function apply(ctx: CommandContext, data: ExportV1) {
  let charged = false;
  /** One store write: as the caller until something changed, then free (the import is one change). */
  async function write<T>(op: (store: Store, by: Actor, now: string) => Promise<Limited<T>>, changed: (v: T) => boolean): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
    if (!charged) {
      const out = await userWrite(ctx, op);
      if (out.ok && changed(out.value)) charged = true;
      return out;
    }
    let out: Limited<T>;
    try {
      out = await op(ctx.store, { ...who(ctx), limited: false }, ctx.now().toISOString());
    } catch (error) {
      // Something is saved already (each item is its own write): say what, never "nothing was saved".
      if (error instanceof StoreError) return { ok: false, reply: partWay(error.problem) };
      throw error;
    }
    // Not limited: the store never refuses it for the limit.
    return out.ok ? out : { ok: false, reply: partWay(undefined) };
  }
  const c = ctx.communityId;
  const known = new Set(ctx.knowledge.roadmap.map((s) => s.id));
  const steps = { added: 0, already: 0, skipped: 0 };
  const tips = { added: 0, already: 0, skipped: 0 };
  const groups = { joined: 0, created: 0, already: 0, skipped: 0 };
  const reminders = { added: 0, already: 0, skipped: 0 };
  let plan = '';
  let zone = '';
  /** The reply for a write that failed after others were saved: what was, and that running it again finishes it. */
  function partWay(problem: string | undefined): Reply {
    const saved = [
      steps.added && n(steps.added, 'step marked done', 'steps marked done'),
      tips.added && n(tips.added, 'tip'),
      groups.joined + groups.created && n(groups.joined + groups.created, 'group joined', 'groups joined'),
      plan.startsWith('set') && 'the plan',
      zone.startsWith('set') && 'the time zone',
      reminders.added && n(reminders.added, 'reminder'),
    ].filter(Boolean);
    const why = storageReason(problem);
    return errorReply(
      'Saved in part',
      `The import stopped part way: ${why} Saved before it stopped: ${saved.length ? saved.join(', ') : 'nothing of the export'}. Run the same import again once that is fixed: what is here already is not added twice.`,
      'storage',
    );
  }

  for (const step of new Set(data.progress.map((p) => p.step))) {
    if (!known.has(step)) {
      steps.skipped++;
      continue;
    }
    const r = await write((s, by, now) => s.markDone(c, by, step, now), (v) => !v.already);
    if (!r.ok) return r;
    steps[r.value.already ? 'already' : 'added']++;
  }

  if (data.plan) {
    const mine = await ctx.store.plan(c, ctx.userId);
    if (mine && Date.parse(mine.setAt) >= Date.parse(data.plan.setAt)) plan = `kept yours (to finish by ${planDay(mine)}), set after the imported one`;
    else if (Date.parse(data.plan.target) <= ctx.now().getTime()) plan = `skipped: its target day ${planDay(data.plan)} is over`;
    else {
      // Set now, so it counts from the steps done now (after the import), like a plan set today.
      const done = Object.keys(await ctx.store.progress(c, ctx.userId)).filter((s) => known.has(s)).length;
      const target = data.plan.target;
      const r = await write((s, by, now) => s.setPlan(c, by, { target, doneAtStart: done }, now), (v) => v.ok);
      if (!r.ok) return r;
      plan = r.value.ok ? `set: finish by ${planDay(r.value.plan)}${r.value.previous ? `, replacing yours to finish by ${planDay(r.value.previous)}` : ''}` : 'skipped: it could not be set here';
    }
  }

  for (const tip of data.tips) {
    const text = cleanText(tip.text);
    if (!known.has(tip.step) || !text) {
      tips.skipped++;
      continue;
    }
    const r = await write((s, by, now) => s.addTip(c, by, tip.step, text, now), (v) => v.ok);
    if (!r.ok) return r;
    const outcome: Outcome = r.value.ok ? 'added' : r.value.reason === 'duplicate' ? 'already' : 'skipped';
    tips[outcome]++;
  }

  for (const name of new Set(data.groups.map((g) => cleanText(g.name)))) {
    if (!name) {
      groups.skipped++;
      continue;
    }
    // Join it; only a group that is not here yet is created (a refused join costs nothing).
    const joined = await write((s, by, now) => s.joinGroup(c, by, name, now), (v) => v.ok);
    if (!joined.ok) return joined;
    if (joined.value.ok) groups.joined++;
    else if (joined.value.reason === 'already') groups.already++;
    else if (joined.value.reason === 'unknown') {
      const r = await write((s, by, now) => s.createGroup(c, by, name, now), (v) => v.ok);
      if (!r.ok) return r;
      if (r.value.ok) groups.created++;
      else groups.skipped++;
    } else groups.skipped++;
  }
  // The time zone only where the caller has none here: a choice made here wins.
  if (data.timeZone) {
    const mine = await ctx.store.timeZone(c, ctx.userId);
    if (mine) zone = mine === data.timeZone ? `already ${mine}` : `kept yours (${mine})`;
    else {
      const r = await write((s, by, now) => s.setTimeZone(c, by, data.timeZone ?? undefined, now), (v) => v.ok);
      if (!r.ok) return r;
      zone = r.value.ok ? `set to ${data.timeZone}` : 'skipped: not a time zone';
    }
  }

  // Reminders still to come, sent by this door; one already here (same text and time) is not added twice.
  const waiting = new Set((await ctx.store.reminders(c, ctx.userId)).map((r) => `${r.dueAt}\u0000${r.text}`));
  for (const rem of data.reminders) {
    const text = cleanText(rem.text);
    const dueAt = new Date(rem.dueAt).toISOString();
    if (waiting.has(`${dueAt}\u0000${text}`)) {
      reminders.already++;
      continue;
    }
    if (!text || Date.parse(dueAt) <= ctx.now().getTime()) {
      reminders.skipped++;
      continue;
    }
    const r = await write((s, by, now) => s.addReminder(c, by, { door: ctx.platform, text, dueAt, ...(ctx.channelId ? { channel: ctx.channelId } : {}) }, now), (v) => v.ok);
    if (!r.ok) return r;
    reminders[r.value.ok ? 'added' : 'skipped']++;
  }
  return { ok: true as const, steps, tips, groups, plan, zone, reminders, changed: charged };
}

const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const importCommand: CommandSpec = {
  name: 'import',
  writes: true,
  description: 'Add what export gave you (e.g. elsewhere) to your steps, plan, tips, groups and reminders here.',
  options: [{ name: 'data', kind: 'string', description: 'The JSON that export gave you, as one line', required: true, rest: true, asTyped: true, maxLength: MAX_IMPORT }],
  examples: [`import {"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION}}`],
  async run(ctx, { data }) {
    const read = readExport(String(data));
    if (!read.ok) return read.reply;
    const r = await apply(ctx, read.data);
    if (!r.ok) return r.reply;
    const { steps, tips, groups, reminders } = r;
    const fields: Field[] = [
      { label: 'Steps done', value: `${steps.added} added, ${steps.already} already done${steps.skipped ? `, ${steps.skipped} skipped (not steps of this roadmap)` : ''}` },
      { label: 'Plan', value: r.plan || 'none in the export' },
      { label: 'Tips', value: `${tips.added} added, ${tips.already} already here${tips.skipped ? `, ${tips.skipped} skipped (unknown step, empty or too long)` : ''}` },
      {
        label: 'Groups',
        value: `${groups.joined} joined, ${groups.created} created, ${groups.already} already in${groups.skipped ? `, ${groups.skipped} skipped (not a valid group name)` : ''}`,
      },
      { label: 'Time zone', value: r.zone || 'none in the export' },
      { label: 'Reminders', value: `${reminders.added} added, ${reminders.already} already here${reminders.skipped ? `, ${reminders.skipped} skipped (past, empty, or over the limit)` : ''}` },
    ];
    return reply({
      title: r.changed ? 'Imported' : 'Nothing new to import',
      children: [
        { type: 'text', text: r.changed ? 'Added to your data in this community:' : 'Everything in this export is already here (or cannot be used here); nothing was changed.' },
        { type: 'fields', fields },
        { type: 'note', text: `What you import is yours, whoever exported it. Dates are today's; votes stay in the community they were given in. Limits: ${n(IMPORT_MAX.progress, 'step')}, ${n(IMPORT_MAX.tips, 'tip')}, ${n(IMPORT_MAX.groups, 'group')}; the import counts as one change.` },
      ],
      ephemeral: true,
      suggestions: [{ label: 'My progress', command: 'progress' }],
    });
  },
};

// `remind <when> <what>` ("remind me in 3 days to review step 4"), `reminders` to list them and
// `reminder cancel <id>`. Times are read in the user's zone (timezone.ts) by chrono-node
// (src/when.ts). The reminder is kept in the store as a due job; the door the user asked at sends
// it privately when it is due (src/jobs/): a DM on Discord and Slack, a line in the terminal chat.
import type { CommandContext, CommandSpec } from '../command.js';
import { cutText } from '../cut.js';
import { cleanText } from '../options.js';
import { errorReply, reply, type Node, type Reply } from '../reply.js';
import { REMINDER_AHEAD_MAX_DAYS, REMINDER_TEXT_MAX, REMINDERS_PER_USER } from '../store/schema.js';
import type { Door, Reminder } from '../store/store.js';
import { formatIn, fromNow, impossibleWhen, readWhen } from '../when.js';
import { parseTipId, refusal, userWrite } from './community.js';
import { userZone, zoneNote } from './timezone.js';

const FORMS = '"remind me in 3 days to review step 4", "remind tomorrow 9am tip about databases" or "remind friday 18:00 practise SQL"';

/** How a reminder reaches the user: as the door says (Context.reminderDelivery), else privately. */
export const deliveryOf = (ctx: Pick<CommandContext, 'reminderDelivery'>): string => ctx.reminderDelivery ?? 'by direct message';

/** One reminder as a line: "#3 Thu 3 Dec 2026, 09:00 (in 3 days): review step 4". */
export const reminderLine = (r: Reminder, zone: string, now: Date): string => `#${r.id} ${formatIn(zone, r.dueAt)} (${fromNow(r.dueAt, now)}): ${r.text}`;

async function add(ctx: CommandContext, text: string): Promise<Reply> {
  const now = ctx.now();
  const z = await userZone(ctx);
  // "2027-13-01", "tomorrow 25:00": refused, never read as some other time.
  const impossible = impossibleWhen(text);
  if (impossible) return errorReply('Not a time', `"${cutText(impossible, 20)}" is not a date or time on the calendar. Say when, then what: ${FORMS}. Nothing was saved.`, 'invalid-option');
  const when = readWhen(text, now, z.zone);
  if (!when) return errorReply('When?', `I could not tell when to remind you. Say when, then what: ${FORMS}. Nothing was saved.`, 'invalid-option');
  const what = cleanText(when.rest);
  if (!what) return errorReply('Remind you of what?', `I read "${cutText(when.said, 40)}" as the time, but not what to remind you of. For example: remind me ${cutText(when.said, 40)} to review step 4. Nothing was saved.`, 'invalid-option');
  if (what.length > REMINDER_TEXT_MAX) return refusal('Too long', `A reminder can be at most ${REMINDER_TEXT_MAX} characters (yours is ${what.length}). Nothing was saved.`);
  const ms = Date.parse(when.at) - now.getTime();
  if (ms <= 0) return refusal('Pick a later time', `${formatIn(z.zone, when.at)} has already passed. Nothing was saved.`);
  if (ms > REMINDER_AHEAD_MAX_DAYS * 86_400_000) return refusal('Pick an earlier time', `Reminders can be set up to ${REMINDER_AHEAD_MAX_DAYS} days ahead. Nothing was saved.`);
  const door: Door = ctx.platform;
  const written = await userWrite(ctx, (store, by, at) =>
    store.addReminder(ctx.communityId, by, { door, text: what, dueAt: when.at, ...(ctx.channelId ? { channel: ctx.channelId } : {}) }, at),
  );
  if (!written.ok) return written.reply;
  const r = written.value;
  if (!r.ok && r.reason === 'too-many') return refusal('Too many reminders', `You already have ${REMINDERS_PER_USER} reminders waiting. Cancel one first ("reminders" lists them). Nothing was saved.`, [{ label: 'My reminders', command: 'reminders' }]);
  if (!r.ok) return refusal('Not saved', 'That reminder could not be saved: pick a time within a year and a shorter text. Nothing was saved.');
  const saved = r.reminder;
  const children: Node[] = [{ type: 'text', text: `I will remind you "${saved.text}" on ${formatIn(z.zone, saved.dueAt)} (${fromNow(saved.dueAt, now)}), ${deliveryOf(ctx)}.` }];
  const note = zoneNote(z);
  if (note) children.push({ type: 'note', text: note });
  return reply({
    title: `Reminder #${saved.id} set`,
    children,
    ephemeral: true,
    suggestions: [
      { label: 'My reminders', command: 'reminders' },
      { label: 'Cancel it', command: `reminder cancel ${saved.id}` },
    ],
  });
}

export const remind: CommandSpec = {
  name: 'remind',
  writes: true,
  description: 'Set a reminder, sent to you privately when it is due: remind me in 3 days to review step 4.',
  options: [{ name: 'text', kind: 'string', description: 'When, then what: "in 3 days review step 4", "tomorrow 9am tip about databases"', rest: true, required: true, maxLength: 400 }],
  examples: ['remind me in 3 days to review step 4', 'remind tomorrow 9am tip about databases', 'remind friday 18:00 practise SQL joins'],
  run(ctx, { text }) {
    return add(ctx, cleanText(String(text ?? '')));
  },
};

const list: CommandSpec = {
  name: 'list',
  description: 'Your reminders not yet sent, soonest first.',
  examples: ['reminders'],
  async run(ctx) {
    const [mine, z] = await Promise.all([ctx.store.reminders(ctx.communityId, ctx.userId), userZone(ctx)]);
    if (!mine.length) return refusal('No reminders', `You have no reminders waiting. Set one: ${FORMS}.`);
    const now = ctx.now();
    const children: Node[] = [{ type: 'list', items: mine.map((r) => reminderLine(r, z.zone, now)) }];
    const note = zoneNote(z);
    if (note) children.push({ type: 'note', text: note });
    return reply({
      title: `Your reminders (${mine.length})`,
      children,
      ephemeral: true,
      suggestions: mine.slice(0, 3).map((r) => ({ label: `Cancel #${r.id}`, command: `reminder cancel ${r.id}` })),
    });
  },
};

const cancel: CommandSpec = {
  name: 'cancel',
  writes: true,
  description: 'Cancel one of your reminders by its number.',
  options: [{ name: 'id', kind: 'string', description: 'The reminder number, like 3 or #3', required: true, maxLength: 20 }],
  examples: ['reminder cancel 3'],
  async run(ctx, { id }) {
    const number = parseTipId(String(id));
    if (number === undefined) {
      return errorReply('Not a reminder number', `"${cutText(cleanText(String(id)), 20)}" is not a reminder number: they are numbered, like #3. Type "reminders" to see yours.`, 'invalid-option', [{ label: 'My reminders', command: 'reminders' }]);
    }
    const written = await userWrite(ctx, (store, by, now) => store.cancelReminder(ctx.communityId, by, number, now));
    if (!written.ok) return written.reply;
    const r = written.value;
    if (!r.ok) {
      const mine = await ctx.store.reminders(ctx.communityId, ctx.userId);
      const hint = mine.length ? ` Yours: ${mine.slice(0, 5).map((m) => `#${m.id}`).join(', ')}.` : ' You have none waiting.';
      return refusal('Not found', `You have no reminder #${number} waiting (it may have been sent already).${hint}`, mine.slice(0, 3).map((m) => ({ label: `Cancel #${m.id}`, command: `reminder cancel ${m.id}` })));
    }
    return reply({ title: 'Reminder cancelled', children: [{ type: 'text', text: `Cancelled reminder #${r.reminder.id}: "${r.reminder.text}". It will not be sent.` }], ephemeral: true, suggestions: [{ label: 'My reminders', command: 'reminders' }] });
  },
};

export const reminders: CommandSpec = {
  name: 'reminders',
  aliases: ['reminder'],
  description: 'Your reminders: list them, or cancel one (reminder cancel 3).',
  examples: ['reminders', 'reminder cancel 3'],
  subcommands: [list, cancel],
  defaultSubcommand: 'list',
};

// `timezone [zone]`: the zone reminders are read and shown in. A zone the user set wins; else the
// door's (the machine's in the terminal, the Slack profile's); else UTC, said plainly, because
// Discord tells a bot nobody's zone.
import type { CommandContext, CommandSpec } from '../command.js';
import { cutText } from '../cut.js';
import { cleanText } from '../options.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { canonicalZone, formatIn, readZone } from '../when.js';
import { refusal, userWrite } from './community.js';

const OFF = new Set(['off', 'reset', 'clear', 'default', 'none', 'remove']);

export interface UserZone {
  zone: string;
  /** Where it comes from, in words for a reply. */
  from: 'yours' | 'door' | 'default';
}

/** The zone to read and show the caller's times in. */
export async function userZone(ctx: CommandContext): Promise<UserZone> {
  const stored = await ctx.store.timeZone(ctx.communityId, ctx.userId);
  if (stored) return { zone: stored, from: 'yours' };
  const door = ctx.timeZone && canonicalZone(ctx.timeZone);
  return door ? { zone: door, from: 'door' } : { zone: 'UTC', from: 'default' };
}

/** A short note under a time, when the zone was not the user's own choice. */
export function zoneNote(z: UserZone): string | undefined {
  if (z.from === 'yours') return undefined;
  const whose = z.from === 'door' ? `${z.zone}, from your profile or this machine` : 'UTC, since I do not know your time zone';
  return `Times are in ${whose}. Set yours with "timezone Europe/Berlin" (any IANA zone or city).`;
}

async function show(ctx: CommandContext): Promise<Reply> {
  const z = await userZone(ctx);
  const now = formatIn(z.zone, ctx.now().toISOString());
  const lead = z.from === 'yours' ? `Your time zone is ${z.zone} (you set it).` : z.from === 'door' ? `Your time zone is ${z.zone}, from your profile or this machine.` : 'You have not set a time zone, so your times are in UTC.';
  return reply({
    title: 'Time zone',
    children: [{ type: 'text', text: `${lead} It is ${now} there.` }, { type: 'note', text: 'Set another with "timezone Europe/Berlin" (an IANA zone or a city); "timezone off" goes back to the default.' }],
    ephemeral: true,
    suggestions: [{ label: 'My reminders', command: 'reminders' }],
  });
}

async function clear(ctx: CommandContext): Promise<Reply> {
  const written = await userWrite(ctx, (store, by, now) => store.setTimeZone(ctx.communityId, by, undefined, now));
  if (!written.ok) return written.reply;
  const r = written.value;
  if (!r.ok || !r.previous) return refusal('No time zone set', 'You had not set a time zone, so nothing changed.');
  const z = await userZone(ctx);
  return reply({ title: 'Time zone removed', children: [{ type: 'text', text: `Removed ${r.previous}. Your times are now in ${z.zone}${z.from === 'door' ? ' (from your profile or this machine)' : ''}.` }], ephemeral: true });
}

async function set(ctx: CommandContext, text: string): Promise<Reply> {
  const read = readZone(text);
  if (!read.ok) {
    const shown = cutText(text, 40);
    const hint = read.suggestions.length ? ` Did you mean: ${read.suggestions.join(', ')}?` : ' Use an IANA name like Europe/Berlin or America/New_York, or a city like Berlin.';
    return errorReply('Unknown time zone', `"${shown}" is not a time zone I know.${hint} Nothing was changed.`, 'invalid-option', read.suggestions.map((z) => ({ label: z, command: `timezone ${z}` })));
  }
  const written = await userWrite(ctx, (store, by, now) => store.setTimeZone(ctx.communityId, by, read.zone, now));
  if (!written.ok) return written.reply;
  if (!written.value.ok) return errorReply('Unknown time zone', `"${read.zone}" cannot be used as a time zone. Nothing was changed.`, 'invalid-option');
  const { previous } = written.value;
  const lead = previous === read.zone ? `Your time zone was already ${read.zone}.` : `Your time zone is now ${read.zone}${previous ? ` (it was ${previous})` : ''}.`;
  return reply({
    title: 'Time zone set',
    children: [{ type: 'text', text: `${lead} It is ${formatIn(read.zone, ctx.now().toISOString())} there. Reminders are read and shown in it; ones already set keep their time.` }],
    ephemeral: true,
    suggestions: [{ label: 'My reminders', command: 'reminders' }],
  });
}

export const timezone: CommandSpec = {
  name: 'timezone',
  aliases: ['tz', 'time-zone'],
  writes: true,
  description: 'Your time zone, for reminders: timezone Europe/Berlin; timezone alone shows it.',
  options: [{ name: 'zone', kind: 'string', description: 'An IANA zone (Europe/Berlin) or a city (Berlin); "off" goes back to the default', rest: true, maxLength: 64 }],
  examples: ['timezone Europe/Berlin', 'timezone', 'timezone off'],
  async run(ctx, { zone }) {
    const text = zone === undefined ? '' : cleanText(String(zone));
    if (!text) return show(ctx);
    if (OFF.has(text.toLowerCase())) return clear(ctx);
    return set(ctx, text);
  },
};

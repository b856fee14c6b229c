// Times as a user types and reads them, in their own time zone: "in 3 days", "tomorrow 9am",
// "next monday at 10", "2027-01-05 14:00" (read by chrono-node, a well-kept natural-date parser,
// rather than rules of our own), time zones by IANA name or city ("Europe/Berlin", "berlin"), and
// a time shown back in the zone it was meant in.
// The English locale alone: the package's default entry loads every language (a third of a one-shot run's start).
import * as chrono from 'chrono-node/en';
import { closestNames } from './closest.js';
import { canonicalTimeZone } from './store/rules.js';

const MINUTE_MS = 60_000;

// ------------------------------------------------------------------------------ time zones

let zones: string[] | undefined;
/** Every IANA zone this Node knows, plus UTC (which supportedValuesOf leaves out). */
function allZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  return zones;
}

/** The canonical name of a zone Intl accepts ("europe/berlin" -> "Europe/Berlin"), else undefined: the store's own rule, on typed text. */
export function canonicalZone(name: string): string | undefined {
  return /^[A-Za-z0-9_+\-/]+$/.test(name) ? canonicalTimeZone(name) : undefined;
}

/** The zone named by what the user typed: an IANA name in any case, or a city ("berlin", "new york"). */
export function readZone(text: string): { ok: true; zone: string } | { ok: false; suggestions: string[] } {
  const typed = text.trim().replace(/\s+/g, '_');
  const exact = canonicalZone(typed);
  if (exact) return { ok: true, zone: exact };
  const lower = typed.toLowerCase();
  const cities = allZones().filter((z) => z.toLowerCase().split('/').pop() === lower);
  if (cities.length === 1) return { ok: true, zone: cities[0]! };
  if (cities.length > 1) return { ok: false, suggestions: cities.slice(0, 3) };
  const byCity = closestNames(allZones().map((z) => z.split('/').pop()!.replace(/_/g, ' ')), typed.replace(/_/g, ' '));
  const suggestions = byCity.flatMap((city) => allZones().filter((z) => z.split('/').pop()!.replace(/_/g, ' ') === city));
  return { ok: false, suggestions: [...new Set([...suggestions, ...closestNames(allZones(), typed)])].slice(0, 3) };
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Berlin in July: 120). */
export function offsetMinutes(zone: string, at: Date): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = part.match(/GMT([+-])(\d{2}):(\d{2})/);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** An instant as the user reads it in their zone: "Thu 3 Dec 2026, 09:00". */
export function formatIn(zone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')}`;
}

/** A length of time in words, rounded to its largest sensible unit: "25 minutes", "3 hours", "2 days". */
export function duration(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < 90 * MINUTE_MS) return plural(Math.max(1, Math.round(ms / MINUTE_MS)), 'minute');
  if (ms < 36 * 60 * MINUTE_MS) return plural(Math.round(ms / (60 * MINUTE_MS)), 'hour');
  return plural(Math.round(ms / (24 * 60 * MINUTE_MS)), 'day');
}

/** How far ahead, in words: "in 3 days", "in 2 hours", "in 5 minutes". */
export const fromNow = (iso: string, now: Date): string => `in ${duration(Date.parse(iso) - now.getTime())}`;

// ------------------------------------------------------------------------------ reading "when"

export interface When {
  /** The instant meant (ISO). */
  at: string;
  /** The words that said when ("in 3 days"). */
  said: string;
  /** The rest of the text, without the time and its joining words: what to be reminded of. */
  rest: string;
}

/** Words between "remind" and the time, or between the time and the message, that say nothing. */
const LEADING = /^(?:(?:me|us|please|pls|plz)\b[\s,:]*)+/i;
const JOINING = /^(?:[\s,:;.\-–—]|to\b|about\b|that\b|of\b|re\b|for\b)+/i;
const TRAILING = /(?:[\s,:;\-–—]|\bto|\babout|\bat|\bon|\bin|\bby)+$/i;

/** The instant that is `hour`:00 on the day `day` falls on in `zone`. */
function localTime(zone: string, day: Date, hour: number): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(day).split('-').map(Number);
  const wall = Date.UTC(parts[0]!, parts[1]! - 1, parts[2]!, hour);
  // The offset at the wall time itself, found in two steps (it may differ from the offset a day earlier).
  const first = wall - offsetMinutes(zone, new Date(wall)) * MINUTE_MS;
  return new Date(wall - offsetMinutes(zone, new Date(first)) * MINUTE_MS);
}

/** The hour a reminder for a day without a time is set to: the morning, not chrono's noon. */
const DAY_ONLY_HOUR = 9;

/**
 * A date or a clock time as typed that no calendar or clock has ("2027-13-01", "25:00", "9:60",
 * "13pm", "31/02"), if the text holds one: chrono would read around it and set another time, so
 * the caller refuses instead. Only the forms that clearly try to be a date or a time.
 */
export function impossibleWhen(typed: string): string | undefined {
  // Only where the time is said: the words from the start up to the first that is no part of a
  // date or time ("tomorrow 25:00 x" is read; "tomorrow apply the 80/20 rule" stops at "apply").
  const when: string[] = [];
  for (const word of typed.trim().split(/\s+/)) {
    if (!WHEN_WORD.test(word)) break;
    when.push(word);
  }
  const text = when.join(' ');
  for (const m of text.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return m[0];
  }
  for (const m of text.matchAll(/(?<![\d/-])(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?(?![\d/])/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // Day and month either way round (13/12 or 12/13), but never a 13th month both ways or a day 0.
    if ((a > 12 && b > 12) || a === 0 || b === 0 || a > 31 || b > 31) return m[0];
  }
  for (const m of text.matchAll(/(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/g)) if (Number(m[1]) > 23 || Number(m[2]) > 59) return m[0];
  for (const m of text.matchAll(/(?<![\d:])(\d{1,2})\s*(am|pm)\b/gi)) if (Number(m[1]) === 0 || Number(m[1]) > 12) return m[0];
  return undefined;
}

/** A word that may be part of saying when: a number, a date or clock form, or a word of time. */
const WHEN_WORD = /^(?:me|us|please|pls|on|at|in|by|next|this|the|of|and|[\d:/.\-]+(?:am|pm|st|nd|rd|th|h)?|am|pm|today|tonight|tomorrow|noon|midnight|morning|afternoon|evening|night|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?s?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|an?)[,.]?$/i;

/**
 * Reads a reminder's time and message from what the user typed, in their zone, relative to `now`:
 * "me in 3 days to review step 4" -> 3 days from now, "review step 4". A day without a time is 9:00
 * there. Undefined when no time is found. Times are always read forward (a bare "friday" is the
 * next one).
 */
export function readWhen(text: string, now: Date, zone: string): When | undefined {
  const input = text.replace(LEADING, '');
  const parsed = chrono.parse(input, { instant: now, timezone: offsetMinutes(zone, now) }, { forwardDate: true });
  const found = parsed[0];
  if (!found) return undefined;
  const start = found.start;
  let at = start.date();
  // chrono applies the offset in force now; a time across a daylight-saving change needs the offset in force then.
  const shift = offsetMinutes(zone, now) - offsetMinutes(zone, at);
  if (shift) at = new Date(at.getTime() + shift * MINUTE_MS);
  // "on friday", "2027-01-05": a day without a clock time means that day's morning (chrono says
  // noon). Relative amounts ("in 3 days") keep the time of day.
  const relative = /\b(?:in|after)\b|\b(?:minute|min|hour|hr)s?\b/i.test(found.text);
  if (!start.isCertain('hour') && !relative) at = localTime(zone, at, DAY_ONLY_HOUR);
  const before = input.slice(0, found.index).replace(TRAILING, '');
  const after = input.slice(found.index + found.text.length).replace(JOINING, '');
  const rest = [before.replace(LEADING, '').replace(JOINING, '').trim(), after.trim()].filter(Boolean).join(' ');
  return { at: at.toISOString(), said: found.text, rest };
}

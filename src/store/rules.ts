// The rules every store applies the same way, as pure functions of plain values: what makes two
// tips the same tip, what a group may be called, how a question is kept. The file and memory
// stores (community.ts) and PostgreSQL (postgres.ts) both call these, so a rule changes in one place.
import { DIGEST_EVERY_MS, DOOR_MAX, GROUP_NAME_MAX, isSafeKey, KEY_MAX, PLAN_STEPS_MAX, QUESTION_MAX, REMINDER_AHEAD_MAX_DAYS, REMINDER_TEXT_MAX, REMINDER_TEXT_MIN, TIME_ZONE_MAX } from './schema.js';
import type { Door } from './store.js';

/** Character-trigram similarity at or above which two tips on one step are the same tip. */
export const DUPLICATE_SIMILARITY = 0.8;
/**
 * Near-duplicates are looked for among a step's best-ranked and newest tips, this many of each (the
 * ones people see); an identical text (after normalising) is found among all of them. A window
 * keeps adding a tip within its time goal at a million tips.
 */
export const DUPLICATE_WINDOW = 200;
/**
 * Autocomplete (`matching`) looks among a community's best-ranked tips, this many, and the tip
 * whose number was typed: a keystroke stays cheap however many tips there are, and the tips worth
 * offering are the ones people rank.
 */
export const MATCH_WINDOW = 5_000;
/** Unanswered questions kept per community; beyond it the least recently asked of those asked once goes. */
export const UNANSWERED_MAX = 500;

/** Stored times are before year 10000: a four-digit year, which every store (and PostgreSQL) reads back the same. */
const LAST_TIME = Date.UTC(10_000, 0, 1);

/** Whether a time (ms) is one every store can keep: a date before LAST_TIME. */
export const keepableMs = (ms: number): boolean => Number.isFinite(ms) && ms < LAST_TIME;

/** A time a store can keep, in milliseconds; undefined when it is not a date or not before LAST_TIME. */
function keepableTime(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return keepableMs(ms) ? ms : undefined;
}

/**
 * A pace plan as every store keeps it: the target as one canonical ISO time, after `now`, and a
 * whole number of steps done at the start; undefined when it cannot be kept (nothing is written).
 */
export function planToKeep(plan: { target: string; doneAtStart: number }, now: string): { target: string; doneAtStart: number } | undefined {
  const target = keepableTime(plan.target);
  if (target === undefined || !(target > Date.parse(now))) return undefined;
  if (!Number.isInteger(plan.doneAtStart) || plan.doneAtStart < 0 || plan.doneAtStart > PLAN_STEPS_MAX) return undefined;
  return { target: new Date(target).toISOString(), doneAtStart: plan.doneAtStart };
}

/** Lower case, accents and punctuation removed, whitespace folded: what "the same text" means. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A trigram set as sorted unique 32-bit hashes: intersecting two is a fast merge, not string lookups. */
export type Grams = Int32Array;

export function trigrams(norm: string): Grams {
  const s = ` ${norm} `;
  const out: number[] = [];
  for (let i = 0; i + 3 <= s.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + 3; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    out.push(h | 0);
  }
  const sorted = Int32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}

/** Sørensen-Dice similarity of two trigram sets, 0..1. */
export function similarity(a: Grams, b: Grams): number {
  if (!a.length && !b.length) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** A candidate tip's normalised text and trigrams (a store may cache them per tip). */
export interface Keyed<T> {
  item: T;
  norm: string;
  grams: Grams;
}

export const keyOf = <T>(item: T, text: string): Keyed<T> => {
  const norm = normalizeText(text);
  return { item, norm, grams: trigrams(norm) };
};

/** The candidate that says (nearly) the same thing as `text`, the most similar first; undefined when none does. */
export function mostSimilar<T>(text: string, candidates: Iterable<Keyed<T>>): T | undefined {
  const norm = normalizeText(text);
  const mine = trigrams(norm);
  // Dice >= s needs the smaller set to be at least s / (2 - s) of the bigger one.
  const ratio = DUPLICATE_SIMILARITY / (2 - DUPLICATE_SIMILARITY);
  let best: { item: T; score: number } | undefined;
  for (const c of candidates) {
    if (c.norm === norm) return c.item;
    if (Math.min(c.grams.length, mine.length) < ratio * Math.max(c.grams.length, mine.length)) continue;
    const score = similarity(mine, c.grams);
    if (score >= DUPLICATE_SIMILARITY && (!best || score > best.score)) best = { item: c.item, score };
  }
  return best?.item;
}

/** Whether a text can be a tip at all (length, and something left after normalising). */
export const tipTextOk = (text: string, min: number, max: number): boolean => text.length >= min && text.length <= max && normalizeText(text) !== '';

// ---------------------------------------------------------------- tip numbers

/** Edit distance between two short strings (tip numbers as digits). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** Every positive number one typo (a digit deleted, inserted or changed) away from `id`. */
export function oneTypoFrom(id: number): number[] {
  const s = String(id);
  const out = new Set<number>();
  const add = (t: string) => {
    if (/^[1-9]\d{0,14}$/.test(t) && t !== s) out.add(Number(t));
  };
  for (let i = 0; i < s.length; i++) add(s.slice(0, i) + s.slice(i + 1));
  for (let i = 0; i <= s.length; i++) for (let d = 0; d <= 9; d++) add(s.slice(0, i) + d + s.slice(i));
  for (let i = 0; i < s.length; i++) for (let d = 0; d <= 9; d++) add(s.slice(0, i) + d + s.slice(i + 1));
  return [...out];
}

/** Tips near a number, as `tipsNear` orders them: one typo away first, then by distance, then lower id. */
export function compareNear(id: number): (a: { id: number }, b: { id: number }) => number {
  const s = String(id);
  const typo = (x: number) => (editDistance(String(x), s) <= 1 ? 0 : 1);
  return (a, b) => typo(a.id) - typo(b.id) || Math.abs(a.id - id) - Math.abs(b.id - id) || a.id - b.id;
}

// ---------------------------------------------------------------- groups

/** Subcommand names a group cannot take, or `group join` would be ambiguous. */
const RESERVED_GROUP_NAMES = new Set(['create', 'join', 'leave', 'show', 'list']);

/** `Backend Club` and `backend-club` are one group. */
export function groupKey(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** Why a group name is refused, or undefined when it is fine. */
export function checkGroupName(name: string): string | undefined {
  // Characters, as the database counts them ("𝐀" is one character, two UTF-16 units).
  const length = [...name].length;
  if (length < 2 || length > GROUP_NAME_MAX) return `A group name is 2 to ${GROUP_NAME_MAX} characters.`;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(name)) return 'A group name has letters, digits, spaces, - and _ only, and starts with a letter or digit.';
  if (RESERVED_GROUP_NAMES.has(groupKey(name))) return `"${name}" is a command word; please pick another name.`;
  // "constructor" or "prototype" would be a key the data file refuses when it is read back.
  if (!isSafeKey(groupKey(name))) return `"${name}" cannot be used as a group name; please pick another.`;
  return undefined;
}

/** Most members first, then by name: how groups are listed and offered. */
export function compareGroups(a: { name: string; members: number }, b: { name: string; members: number }): number {
  return b.members - a.members || a.name.localeCompare(b.name);
}

// ---------------------------------------------------------------- unanswered questions

/** A question as kept (trimmed and cut) and the key it is counted under, or undefined when it cannot be kept. */
export function questionKey(question: string): { text: string; key: string } | undefined {
  // Cut between characters, never inside one (half an emoji is not text a database keeps).
  const text = [...question.trim()].slice(0, QUESTION_MAX).join('').slice(0, QUESTION_MAX).replace(/[\uD800-\uDBFF]$/, '');
  const key = normalizeText(text).slice(0, KEY_MAX).replace(/[\uD800-\uDBFF]$/, '');
  return text && isSafeKey(key) ? { text, key } : undefined;
}

/** Two ISO times, the later first (ISO strings of one format sort as the times they name). */
export const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

// ---------------------------------------------------------------- time zones, reminders, digests

const DAY_MS = 24 * 60 * 60_000;

/** A door name a store can keep (schema.ts DOOR_MAX): any door's, the core knows no list. */
export const isDoor = (door: unknown): door is Door => typeof door === 'string' && door.length >= 1 && door.length <= DOOR_MAX;

/** The name Intl resolves a zone to ("europe/berlin" -> "Europe/Berlin"), or undefined when it is not a zone Intl accepts. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!zone || zone.length > TIME_ZONE_MAX) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export const isTimeZone = (zone: string): boolean => canonicalTimeZone(zone) !== undefined;

/** A channel a job names: 1..KEY_MAX characters (UTF-16 units, as the file's schema counts). */
const channelOk = (channel: string): boolean => channel.length >= 1 && channel.length <= KEY_MAX;

/**
 * A reminder as every store keeps it: a door name that fits (isDoor), a channel (when given) that fits, text that
 * passes the tip-text check within REMINDER_TEXT_MIN..MAX, and a due time after `now` and at most
 * REMINDER_AHEAD_MAX_DAYS ahead, as one canonical ISO time; undefined when it cannot be kept.
 */
export function reminderToKeep(reminder: { door: Door; channel?: string; text: string; dueAt: string }, now: string): { door: Door; channel?: string; text: string; dueAt: string } | undefined {
  const due = keepableTime(reminder.dueAt);
  const at = Date.parse(now);
  if (due === undefined || !(due > at) || due > at + REMINDER_AHEAD_MAX_DAYS * DAY_MS) return undefined;
  if (!isDoor(reminder.door) || (reminder.channel !== undefined && !channelOk(reminder.channel))) return undefined;
  if (!tipTextOk(reminder.text, REMINDER_TEXT_MIN, REMINDER_TEXT_MAX)) return undefined;
  const kept = { door: reminder.door, text: reminder.text, dueAt: new Date(due).toISOString() };
  return reminder.channel === undefined ? kept : { ...kept, channel: reminder.channel };
}

/** A digest's place and first time as every store keeps them: a door name that fits, a channel that fits, a time after `now`; undefined when refused. */
export function digestToKeep(digest: { door: Door; channel: string; nextAt: string }, now: string): { door: Door; channel: string; nextAt: string } | undefined {
  const next = keepableTime(digest.nextAt);
  if (next === undefined || !(next > Date.parse(now)) || !isDoor(digest.door) || !channelOk(digest.channel)) return undefined;
  return { door: digest.door, channel: digest.channel, nextAt: new Date(next).toISOString() };
}

/**
 * When a digest that was due at `dueAt` comes next: whole weeks later, the first such time after
 * `now`. A bot that was down for three weeks sends one digest, not three, and keeps its weekday
 * and hour.
 */
export function nextDigestAt(dueAt: string, now: string): string {
  const due = Date.parse(dueAt);
  const weeks = Math.max(1, Math.floor((Date.parse(now) - due) / DIGEST_EVERY_MS) + 1);
  return new Date(due + weeks * DIGEST_EVERY_MS).toISOString();
}

/** A retry time to keep (canonical ISO), or undefined when it is not a time a store can keep. */
export function retryToKeep(at: string): string | undefined {
  const ms = keepableTime(at);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** When a job is due, as claimDue sees it: its own time, or later when a retry was asked for. */
export const claimableFrom = (due: string, retryAt: string | undefined): number => Math.max(Date.parse(due), retryAt === undefined ? -Infinity : Date.parse(retryAt));

/** A due job's key: the same across its attempts (a Discord nonce is made from it). */
export const reminderJobKey = (community: string, id: number): string => `reminder:${community}:${id}`;
export const digestJobKey = (community: string, group: string, nextAt: string): string => `digest:${community}:${group}:${nextAt}`;

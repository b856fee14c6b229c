// The rules every store applies the same way, as pure functions of plain values: what makes two
// tips the same tip, what a group may be called, how a question is kept. The file and memory
// stores (community.ts) and PostgreSQL (postgres.ts) both call these, so a rule changes in one place.
import { GROUP_NAME_MAX, isSafeKey, KEY_MAX, PLAN_STEPS_MAX, QUESTION_MAX } from './schema.js';

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

/** Plans end before year 10000: a four-digit year, which every store (and PostgreSQL) reads back the same. */
const LAST_PLAN_TIME = Date.UTC(10_000, 0, 1);

/**
 * A pace plan as every store keeps it: the target as one canonical ISO time, after `now`, and a
 * whole number of steps done at the start; undefined when it cannot be kept (nothing is written).
 */
export function planToKeep(plan: { target: string; doneAtStart: number }, now: string): { target: string; doneAtStart: number } | undefined {
  const target = Date.parse(plan.target);
  if (!Number.isFinite(target) || !(target > Date.parse(now)) || target >= LAST_PLAN_TIME) return undefined;
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

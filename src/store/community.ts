// What the community features do to a community's data: pure functions, shared by both stores and
// every command. Each write validates first and changes last (the store's transaction contract),
// and returns `changed: false` whenever it refuses, so bad input never writes anything.
import { skeleton } from '../confusable.js';
import { freezeTip, GROUP_NAME_MAX, MAX_TIP_ID, isSafeKey, KEY_MAX, NAME_MAX, own, QUESTION_MAX, TIP_MAX, TIP_MIN, type CommunityData, type GroupRecord, type TipRecord } from './schema.js';
import type { WriteResult } from './store.js';

/** Unanswered questions kept per community; beyond it the oldest asked-once entries go. */
const UNANSWERED_MAX = 500;
/** Character-trigram similarity at or above which two tips on one step are the same tip. */
export const DUPLICATE_SIMILARITY = 0.8;

export interface Who {
  id: string;
  name: string;
}

const unchanged = <T>(value: T): WriteResult<T> => ({ value, changed: false });
const changed = <T>(value: T): WriteResult<T> => ({ value, changed: true });

/** Records the user's display name and last activity (every accepted write calls it). */
export function touch(c: CommunityData, who: Who, now: string): void {
  if (!isSafeKey(who.id)) return;
  c.users[who.id] = { name: who.name.slice(0, NAME_MAX), lastActive: now };
}

// ---------------------------------------------------------------- progress

export function doneSteps(c: Readonly<CommunityData>, userId: string): Set<string> {
  return new Set(Object.keys(own(c.progress, userId) ?? {}));
}

export function markDone(c: CommunityData, who: Who, step: string, now: string): WriteResult<{ already: boolean }> {
  if (!isSafeKey(who.id) || !isSafeKey(step)) return unchanged({ already: false });
  const mine = own(c.progress, who.id);
  if (mine && own(mine, step)) return unchanged({ already: true });
  touch(c, who, now);
  (c.progress[who.id] = mine ?? {})[step] = now;
  return changed({ already: false });
}

export function markUndone(c: CommunityData, who: Who, step: string, now: string): WriteResult<{ wasDone: boolean }> {
  const mine = own(c.progress, who.id);
  if (!mine || !own(mine, step)) return unchanged({ wasDone: false });
  touch(c, who, now);
  delete mine[step];
  return changed({ wasDone: true });
}

// ---------------------------------------------------------------- tips

/** Lower case, accents and punctuation removed, whitespace folded: what "the same text" means. */
function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A trigram set as sorted unique 32-bit hashes: intersecting two is a fast merge, not string lookups. */
type Grams = Int32Array;

function trigrams(norm: string): Grams {
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

/** Per tip: its normalised text and trigrams, computed once (tip records are immutable). */
const tipCache = new WeakMap<TipRecord, { norm: string; grams: Grams }>();
function tipKey(tip: TipRecord): { norm: string; grams: Grams } {
  let t = tipCache.get(tip);
  if (!t) {
    const norm = normalizeText(tip.text);
    tipCache.set(tip, (t = { norm, grams: trigrams(norm) }));
  }
  return t;
}

/** Sørensen-Dice similarity of two trigram sets, 0..1. */
function similarity(a: Grams, b: Grams): number {
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

/** The existing tip on the same step that says (nearly) the same thing, if any. */
function findDuplicate(c: Readonly<CommunityData>, step: string, text: string): TipRecord | undefined {
  const norm = normalizeText(text);
  const mine = trigrams(norm);
  // Dice >= s needs the smaller set to be at least s / (2 - s) of the bigger one.
  const ratio = DUPLICATE_SIMILARITY / (2 - DUPLICATE_SIMILARITY);
  let best: { tip: TipRecord; score: number } | undefined;
  for (const tip of rankedTips(c, step)) {
    const theirs = tipKey(tip);
    if (Math.min(theirs.grams.length, mine.length) < ratio * Math.max(theirs.grams.length, mine.length)) continue;
    const score = theirs.norm === norm ? 1 : similarity(mine, theirs.grams);
    if (score >= DUPLICATE_SIMILARITY && (!best || score > best.score)) best = { tip, score };
  }
  return best?.tip;
}

export type AddTip = { ok: true; tip: TipRecord } | { ok: false; reason: 'length' } | { ok: false; reason: 'numbers' } | { ok: false; reason: 'duplicate'; existing: TipRecord };

export function addTip(c: CommunityData, who: Who, step: string, text: string, now: string): WriteResult<AddTip> {
  if (text.length < TIP_MIN || text.length > TIP_MAX || !normalizeText(text)) return unchanged({ ok: false, reason: 'length' });
  if (c.nextTipId >= MAX_TIP_ID) return unchanged({ ok: false, reason: 'numbers' });
  const existing = findDuplicate(c, step, text);
  if (existing) return unchanged({ ok: false, reason: 'duplicate', existing });
  const tip = freezeTip({ id: c.nextTipId, step, text, author: who.id, createdAt: now, votes: [] });
  touch(c, who, now);
  const ranking = currentRanking(c);
  c.tips.push(tip);
  if (ranking) {
    ranking.size++;
    rankIn(ranking, tip);
  }
  c.nextTipId++;
  return changed({ ok: true, tip });
}

/** Two ISO times, the later first (ISO strings of one format sort as the times they name). */
export const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

/** Best voted first, then newest. */
function compareTips(a: TipRecord, b: TipRecord): number {
  return b.votes.length - a.votes.length || newestFirst(a.createdAt, b.createdAt) || b.id - a.id;
}

/**
 * The tips in ranked order (all, and per step), and by id, kept up to date by the writes below
 * instead of sorted again for every request: with 100k tips a sort is ~27 ms of CPU, and Slack's
 * acks must go out within 3 s under load. Keyed by the tips array; a different array (the file
 * re-read, another process's writes) or a different length is ranked again from scratch, once.
 */
interface Ranking {
  size: number;
  all: TipRecord[];
  byStep: Map<string, TipRecord[]>;
  byId: Map<number, TipRecord>;
}
const rankings = new WeakMap<readonly TipRecord[], Ranking>();

function rankingOf(c: Readonly<CommunityData>): Ranking {
  const found = rankings.get(c.tips);
  if (found && found.size === c.tips.length) return found;
  const all = [...c.tips].sort(compareTips);
  const byStep = new Map<string, TipRecord[]>();
  for (const t of all) {
    const list = byStep.get(t.step);
    if (list) list.push(t);
    else byStep.set(t.step, [t]);
  }
  const ranking = { size: c.tips.length, all, byStep, byId: new Map(c.tips.map((t) => [t.id, t] as const)) };
  rankings.set(c.tips, ranking);
  return ranking;
}

/** The ranking to update in place, when there is a current one (none: the next read builds it). */
const currentRanking = (c: Readonly<CommunityData>): Ranking | undefined => {
  const found = rankings.get(c.tips);
  return found && found.size === c.tips.length ? found : undefined;
};

/** The first place in a ranked list where `tip` belongs (binary search). */
function placeOf(list: readonly TipRecord[], tip: TipRecord): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareTips(list[mid]!, tip) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rankIn(r: Ranking, tip: TipRecord): void {
  r.all.splice(placeOf(r.all, tip), 0, tip);
  const list = r.byStep.get(tip.step);
  if (list) list.splice(placeOf(list, tip), 0, tip);
  else r.byStep.set(tip.step, [tip]);
  r.byId.set(tip.id, tip);
}

function rankOut(r: Ranking, tip: TipRecord): void {
  const at = placeOf(r.all, tip);
  if (r.all[at] === tip) r.all.splice(at, 1);
  const list = r.byStep.get(tip.step);
  const i = list ? placeOf(list, tip) : -1;
  if (list && list[i] === tip) list.splice(i, 1);
  r.byId.delete(tip.id);
}

/** Tips best voted first, then newest: all of them, or one step's. Do not mutate. */
export function rankedTips(c: Readonly<CommunityData>, step?: string): readonly TipRecord[] {
  const r = rankingOf(c);
  return step === undefined ? r.all : (r.byStep.get(step) ?? []);
}

/** The first `count` ranked tips that pass `keep`, stopping there. */
export function bestTips(c: Readonly<CommunityData>, keep: (t: TipRecord) => boolean, count: number): TipRecord[] {
  const out: TipRecord[] = [];
  for (const t of rankingOf(c).all) {
    if (out.length >= count) break;
    if (keep(t)) out.push(t);
  }
  return out;
}

const findTip = (c: Readonly<CommunityData>, id: number): TipRecord | undefined => rankingOf(c).byId.get(id);

export type VoteTip = { ok: true; tip: TipRecord } | { ok: false; reason: 'unknown' | 'own' | 'already'; tip?: TipRecord };

export function voteTip(c: CommunityData, who: Who, id: number, now: string): WriteResult<VoteTip> {
  const tip = findTip(c, id);
  if (!tip) return unchanged({ ok: false, reason: 'unknown' });
  if (tip.author === who.id) return unchanged({ ok: false, reason: 'own', tip });
  if (tip.votes.includes(who.id)) return unchanged({ ok: false, reason: 'already', tip });
  touch(c, who, now);
  // Tip records are immutable (frozen): a vote replaces the record.
  const voted = freezeTip({ ...tip, votes: [...tip.votes, who.id] });
  const ranking = currentRanking(c);
  c.tips[c.tips.indexOf(tip)] = voted;
  if (ranking) {
    rankOut(ranking, tip);
    rankIn(ranking, voted);
  }
  return changed({ ok: true, tip: voted });
}

export type RemoveTip = { ok: true; tip: TipRecord } | { ok: false; reason: 'unknown' | 'forbidden'; tip?: TipRecord };

export function removeTip(c: CommunityData, who: Who, id: number, isModerator: boolean, now: string): WriteResult<RemoveTip> {
  const index = c.tips.findIndex((t) => t.id === id);
  const tip = c.tips[index];
  if (!tip) return unchanged({ ok: false, reason: 'unknown' });
  if (tip.author !== who.id && !isModerator) return unchanged({ ok: false, reason: 'forbidden', tip });
  touch(c, who, now);
  const ranking = currentRanking(c);
  c.tips.splice(index, 1);
  if (ranking) {
    ranking.size--;
    rankOut(ranking, tip);
  }
  return changed({ ok: true, tip });
}

// ---------------------------------------------------------------- groups

/** Subcommand names a group cannot take, or `group join` would be ambiguous. */
const RESERVED_GROUP_NAMES = new Set(['create', 'join', 'leave', 'show', 'list']);

/** `Backend Club` and `backend-club` are one group. */
export function groupKey(name: string): string {
  return name.toLowerCase().replace(/[\s_]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** Why a group name is refused, or undefined when it is fine. */
function checkGroupName(name: string): string | undefined {
  if (name.length < 2 || name.length > GROUP_NAME_MAX) return `A group name is 2 to ${GROUP_NAME_MAX} characters.`;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(name)) return 'A group name has letters, digits, spaces, - and _ only, and starts with a letter or digit.';
  if (RESERVED_GROUP_NAMES.has(groupKey(name))) return `"${name}" is a command word; please pick another name.`;
  // "constructor" or "prototype" would be a key the data file refuses when it is read back.
  if (!isSafeKey(groupKey(name))) return `"${name}" cannot be used as a group name; please pick another.`;
  return undefined;
}

/**
 * A group by name: its own key, or else a group whose name looks the same (same UTS #39 skeleton:
 * "bаckend-club" with a Cyrillic "а" is "backend-club"). Keys stay as they were stored.
 */
export function findGroup(c: Readonly<CommunityData>, name: string): GroupRecord | undefined {
  const key = groupKey(name);
  const exact = own(c.groups, key);
  if (exact) return exact;
  const looks = skeleton(key);
  for (const [k, g] of Object.entries(c.groups)) if (skeleton(k) === looks) return g;
  return undefined;
}

export type CreateGroup = { ok: true; group: GroupRecord } | { ok: false; reason: 'invalid'; message: string } | { ok: false; reason: 'exists'; group: GroupRecord };

export function createGroup(c: CommunityData, who: Who, name: string, now: string): WriteResult<CreateGroup> {
  const problem = checkGroupName(name);
  if (problem) return unchanged({ ok: false, reason: 'invalid', message: problem });
  const key = groupKey(name);
  const existing = findGroup(c, name);
  if (existing) return unchanged({ ok: false, reason: 'exists', group: existing });
  const group: GroupRecord = { name, createdBy: who.id, createdAt: now, members: { [who.id]: now } };
  touch(c, who, now);
  c.groups[key] = group;
  return changed({ ok: true, group });
}

export type Membership = { ok: true; group: GroupRecord } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'already' | 'not-member'; group: GroupRecord };

export function joinGroup(c: CommunityData, who: Who, name: string, now: string): WriteResult<Membership> {
  const group = findGroup(c, name);
  if (!group) return unchanged({ ok: false, reason: 'unknown' });
  if (own(group.members, who.id)) return unchanged({ ok: false, reason: 'already', group });
  touch(c, who, now);
  group.members[who.id] = now;
  return changed({ ok: true, group });
}

export function leaveGroup(c: CommunityData, who: Who, name: string, now: string): WriteResult<Membership> {
  const group = findGroup(c, name);
  if (!group) return unchanged({ ok: false, reason: 'unknown' });
  if (!own(group.members, who.id)) return unchanged({ ok: false, reason: 'not-member', group });
  touch(c, who, now);
  delete group.members[who.id];
  return changed({ ok: true, group });
}

/** Most members first, then by name: how groups are listed and offered. */
export function compareGroups(a: GroupRecord, b: GroupRecord): number {
  return Object.keys(b.members).length - Object.keys(a.members).length || a.name.localeCompare(b.name);
}

export function groupsOf(c: Readonly<CommunityData>, userId: string): GroupRecord[] {
  return Object.values(c.groups).filter((g) => own(g.members, userId));
}

// ---------------------------------------------------------------- unanswered questions

export function recordUnanswered(c: CommunityData, question: string, now: string): WriteResult<{ count: number }> {
  const text = question.trim().slice(0, QUESTION_MAX);
  const key = normalizeText(text).slice(0, KEY_MAX);
  if (!text || !isSafeKey(key)) return unchanged({ count: 0 });
  const entry = own(c.unanswered, key);
  if (entry) {
    entry.count++;
    entry.lastAsked = now;
    return changed({ count: entry.count });
  }
  const keys = Object.keys(c.unanswered);
  if (keys.length >= UNANSWERED_MAX) {
    // Make room: the least recently asked of the questions asked only once.
    const victim = keys
      .filter((k) => c.unanswered[k]!.count === 1)
      .sort((a, b) => newestFirst(c.unanswered[b]!.lastAsked, c.unanswered[a]!.lastAsked))[0];
    if (!victim) return unchanged({ count: 0 });
    delete c.unanswered[victim];
  }
  c.unanswered[key] = { text, count: 1, firstAsked: now, lastAsked: now };
  return changed({ count: 1 });
}

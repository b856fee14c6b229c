// What the community features do to one community's data as a document: pure functions, used by
// the memory and file stores (document.ts). Each write validates first and changes last (the
// store's transaction contract), and returns `changed: false` whenever it refuses, so bad input
// never writes anything. The rules themselves (rules.ts) are shared with PostgreSQL.
import { skeleton } from '../confusable.js';
import { checkGroupName, DUPLICATE_WINDOW, groupKey, keyOf, mostSimilar, newestFirst, normalizeText, planToKeep, questionKey, tipTextOk, UNANSWERED_MAX, type Keyed } from './rules.js';
import { freezeTip, MAX_TIP_ID, isSafeKey, NAME_MAX, own, TIP_MAX, TIP_MIN, type CommunityData, type GroupRecord, type PlanRecord, type TipRecord } from './schema.js';

/** What a change to a document did: its value, and whether anything is to be written. */
export interface WriteResult<T> {
  value: T;
  /** False when the request was refused or was a no-op: nothing is written. */
  changed: boolean;
}

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

// ---------------------------------------------------------------- pace plans

export type SetPlan = { ok: true; plan: PlanRecord; previous: PlanRecord | undefined } | { ok: false; reason: 'invalid' };

/** Sets (or replaces) the user's plan, made at `now`. */
export function setPlan(c: CommunityData, who: Who, plan: { target: string; doneAtStart: number }, now: string): WriteResult<SetPlan> {
  const keep = planToKeep(plan, now);
  if (!isSafeKey(who.id) || !keep) return unchanged({ ok: false, reason: 'invalid' });
  const previous = own(c.plans, who.id);
  const record: PlanRecord = { target: keep.target, setAt: now, doneAtStart: keep.doneAtStart };
  touch(c, who, now);
  c.plans[who.id] = record;
  return changed({ ok: true, plan: { ...record }, previous: previous && { ...previous } });
}

export function clearPlan(c: CommunityData, who: Who, now: string): WriteResult<{ removed: PlanRecord | undefined }> {
  const plan = own(c.plans, who.id);
  if (!plan) return unchanged({ removed: undefined });
  touch(c, who, now);
  delete c.plans[who.id];
  return changed({ removed: { ...plan } });
}

// ---------------------------------------------------------------- tips

/** Per tip: its normalised text and trigrams, computed once (tip records are immutable). */
const tipCache = new WeakMap<TipRecord, Keyed<TipRecord>>();
function tipKey(tip: TipRecord): Keyed<TipRecord> {
  let t = tipCache.get(tip);
  if (!t) tipCache.set(tip, (t = keyOf(tip, tip.text)));
  return t;
}

/** The step's tips a new tip is compared with (rules.ts): its best-ranked and newest, and any with the same text. */
function* duplicateCandidates(c: Readonly<CommunityData>, step: string, text: string): Generator<Keyed<TipRecord>> {
  const ranked = rankedTips(c, step);
  for (const t of ranked.slice(0, DUPLICATE_WINDOW)) yield tipKey(t);
  // Newest = highest numbers: tips are appended in number order.
  let newest = 0;
  for (let i = c.tips.length - 1; i >= 0 && newest < DUPLICATE_WINDOW; i--) {
    const t = c.tips[i]!;
    if (t.step !== step) continue;
    newest++;
    yield tipKey(t);
  }
  const norm = normalizeText(text);
  for (const t of ranked) if (tipKey(t).norm === norm) yield tipKey(t);
}

/** The existing tip on the same step that says (nearly) the same thing, if any. */
const findDuplicate = (c: Readonly<CommunityData>, step: string, text: string): TipRecord | undefined => mostSimilar(text, duplicateCandidates(c, step, text));

export type AddTip = { ok: true; tip: TipRecord } | { ok: false; reason: 'length' } | { ok: false; reason: 'numbers' } | { ok: false; reason: 'duplicate'; existing: TipRecord };

export function addTip(c: CommunityData, who: Who, step: string, text: string, now: string): WriteResult<AddTip> {
  if (!tipTextOk(text, TIP_MIN, TIP_MAX)) return unchanged({ ok: false, reason: 'length' });
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

/** Best voted first, then newest. */
export function compareTips(a: TipRecord, b: TipRecord): number {
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

export const tipById = (c: Readonly<CommunityData>, id: number): TipRecord | undefined => rankingOf(c).byId.get(id);

export type VoteTip = { ok: true; tip: TipRecord } | { ok: false; reason: 'unknown' | 'own' | 'already'; tip?: TipRecord };

export function voteTip(c: CommunityData, who: Who, id: number, now: string): WriteResult<VoteTip> {
  const tip = tipById(c, id);
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

/**
 * A group by name: its own key, or else a group whose name looks the same (same UTS #39 skeleton:
 * "bаckend-club" with a Cyrillic "а" is "backend-club"). Keys stay as they were stored.
 */
export function findGroup(c: Readonly<CommunityData>, name: string): [string, GroupRecord] | undefined {
  const key = groupKey(name);
  const exact = own(c.groups, key);
  if (exact) return [key, exact];
  const looks = skeleton(key);
  for (const [k, g] of Object.entries(c.groups)) if (skeleton(k) === looks) return [k, g];
  return undefined;
}

export type CreateGroup = { ok: true; key: string; group: GroupRecord } | { ok: false; reason: 'invalid'; message: string } | { ok: false; reason: 'exists'; key: string; group: GroupRecord };

export function createGroup(c: CommunityData, who: Who, name: string, now: string): WriteResult<CreateGroup> {
  const problem = checkGroupName(name);
  if (problem) return unchanged({ ok: false, reason: 'invalid', message: problem });
  const key = groupKey(name);
  const existing = findGroup(c, name);
  if (existing) return unchanged({ ok: false, reason: 'exists', key: existing[0], group: existing[1] });
  const group: GroupRecord = { name, createdBy: who.id, createdAt: now, members: { [who.id]: now } };
  touch(c, who, now);
  c.groups[key] = group;
  return changed({ ok: true, key, group });
}

export type Membership = { ok: true; key: string; group: GroupRecord } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'already' | 'not-member'; key: string; group: GroupRecord };

export function joinGroup(c: CommunityData, who: Who, name: string, now: string): WriteResult<Membership> {
  const found = findGroup(c, name);
  if (!found) return unchanged({ ok: false, reason: 'unknown' });
  const [key, group] = found;
  if (own(group.members, who.id)) return unchanged({ ok: false, reason: 'already', key, group });
  touch(c, who, now);
  group.members[who.id] = now;
  return changed({ ok: true, key, group });
}

export function leaveGroup(c: CommunityData, who: Who, name: string, now: string): WriteResult<Membership> {
  const found = findGroup(c, name);
  if (!found) return unchanged({ ok: false, reason: 'unknown' });
  const [key, group] = found;
  if (!own(group.members, who.id)) return unchanged({ ok: false, reason: 'not-member', key, group });
  touch(c, who, now);
  delete group.members[who.id];
  return changed({ ok: true, key, group });
}

export function groupsOf(c: Readonly<CommunityData>, userId: string): [string, GroupRecord][] {
  return Object.entries(c.groups).filter(([, g]) => own(g.members, userId));
}

// ---------------------------------------------------------------- unanswered questions

export function recordUnanswered(c: CommunityData, question: string, now: string): WriteResult<{ count: number }> {
  const kept = questionKey(question);
  if (!kept) return unchanged({ count: 0 });
  const { text, key } = kept;
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

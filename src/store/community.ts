// What the community features do to one community's data as a document: pure functions, used by
// the memory and file stores (document.ts). Each write validates first and changes last (the
// store's transaction contract), and returns `changed: false` whenever it refuses, so bad input
// never writes anything. The rules themselves (rules.ts) are shared with PostgreSQL.
import { skeleton } from '../confusable.js';
import {
  canonicalTimeZone,
  checkGroupName,
  claimableFrom,
  digestToKeep,
  DUPLICATE_WINDOW,
  groupKey,
  keyOf,
  mostSimilar,
  newestFirst,
  nextDigestAt,
  normalizeText,
  planToKeep,
  questionKey,
  reminderToKeep,
  retryToKeep,
  tipTextOk,
  UNANSWERED_MAX,
  type Keyed,
} from './rules.js';
import {
  freezeTip,
  MAX_REMINDER_ID,
  MAX_TIP_ID,
  isSafeKey,
  NAME_MAX,
  own,
  REMINDERS_PER_USER,
  TIP_MAX,
  TIP_MIN,
  type CommunityData,
  type DigestRecord,
  type GroupRecord,
  type PlanRecord,
  type ReminderRecord,
  type TipRecord,
} from './schema.js';
import type { Door, JobOutcome } from './store.js';

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

// ---------------------------------------------------------------- settings

export const timeZoneOf = (c: Readonly<CommunityData>, userId: string): string | undefined => own(c.settings, userId)?.timeZone;

export type SetTimeZone = { ok: true; previous: string | undefined } | { ok: false; reason: 'invalid' };

/** Sets the user's time zone (kept as the name Intl resolves it to), or clears it (undefined). */
export function setTimeZone(c: CommunityData, who: Who, zone: string | undefined, now: string): WriteResult<SetTimeZone> {
  const canonical = zone === undefined ? undefined : canonicalTimeZone(zone);
  if (!isSafeKey(who.id) || (zone !== undefined && canonical === undefined)) return unchanged({ ok: false, reason: 'invalid' });
  const previous = timeZoneOf(c, who.id);
  if (canonical === previous) return unchanged({ ok: true, previous });
  touch(c, who, now);
  // The zone is the only setting: a user who clears it has no settings left to keep.
  if (canonical === undefined) delete c.settings[who.id];
  else c.settings[who.id] = { timeZone: canonical };
  return changed({ ok: true, previous });
}

// ---------------------------------------------------------------- reminders

/** Soonest first, then by number. */
const compareReminders = (a: ReminderRecord, b: ReminderRecord): number => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id - b.id;

/** The user's reminders not yet sent (including one being delivered right now), soonest first. */
export function pendingReminders(c: Readonly<CommunityData>, userId: string): ReminderRecord[] {
  return c.reminders.filter((r) => r.user === userId).sort(compareReminders);
}

export type AddReminder = { ok: true; reminder: ReminderRecord } | { ok: false; reason: 'invalid' | 'too-many' };

export function addReminder(c: CommunityData, who: Who, reminder: { door: Door; channel?: string; text: string; dueAt: string }, now: string): WriteResult<AddReminder> {
  const keep = reminderToKeep(reminder, now);
  if (!isSafeKey(who.id) || !keep) return unchanged({ ok: false, reason: 'invalid' });
  // The counter's limit is far beyond any community; reaching it is one more reason to wait.
  if (c.reminders.filter((r) => r.user === who.id).length >= REMINDERS_PER_USER || c.nextReminderId >= MAX_REMINDER_ID) return unchanged({ ok: false, reason: 'too-many' });
  const record: ReminderRecord = { id: c.nextReminderId, user: who.id, ...keep, createdAt: now, attempts: 0 };
  touch(c, who, now);
  c.reminders.push(record);
  c.nextReminderId++;
  return changed({ ok: true, reminder: { ...record } });
}

export type CancelReminder = { ok: true; reminder: ReminderRecord } | { ok: false; reason: 'unknown' };

/** Removes one of the caller's own reminders; another user's is as unknown as a number never given. */
export function cancelReminder(c: CommunityData, who: Who, id: number, now: string): WriteResult<CancelReminder> {
  const index = c.reminders.findIndex((r) => r.id === id && r.user === who.id);
  const reminder = c.reminders[index];
  if (!reminder) return unchanged({ ok: false, reason: 'unknown' });
  touch(c, who, now);
  c.reminders.splice(index, 1);
  return changed({ ok: true, reminder: { ...reminder } });
}

// ---------------------------------------------------------------- weekly digests

export type SetDigest = { ok: true; key: string; group: GroupRecord; digest: DigestRecord | undefined; previous: DigestRecord | undefined } | { ok: false; reason: 'unknown' | 'invalid' };

/** Turns a group's weekly digest on (replacing the one there, claim and all) or off (undefined). */
export function setDigest(c: CommunityData, who: Who, name: string, digest: { door: Door; channel: string; nextAt: string } | undefined, now: string): WriteResult<SetDigest> {
  const found = findGroup(c, name);
  if (!found) return unchanged({ ok: false, reason: 'unknown' });
  const [key, group] = found;
  const previous = group.digest && { ...group.digest };
  if (digest === undefined) {
    if (!previous) return unchanged({ ok: true, key, group, digest: undefined, previous: undefined });
    touch(c, who, now);
    delete group.digest;
    return changed({ ok: true, key, group, digest: undefined, previous });
  }
  const keep = digestToKeep(digest, now);
  if (!isSafeKey(who.id) || !keep) return unchanged({ ok: false, reason: 'invalid' });
  const record: DigestRecord = { ...keep, by: who.id, since: now, attempts: 0 };
  touch(c, who, now);
  group.digest = record;
  return changed({ ok: true, key, group, digest: { ...record }, previous });
}

// ---------------------------------------------------------------- due jobs

/** A reminder or a digest, with what claimDue and finishJob read and change on either. */
export type JobRecord = { kind: 'reminder'; due: string; state: ReminderRecord; reminder: ReminderRecord } | { kind: 'digest'; due: string; state: DigestRecord; key: string; group: GroupRecord; digest: DigestRecord };

/** Every job of `door` in the community. */
function* jobsOf(c: Readonly<CommunityData>, door: Door): Generator<JobRecord> {
  for (const r of c.reminders) if (r.door === door) yield { kind: 'reminder', due: r.dueAt, state: r, reminder: r };
  for (const [key, group] of Object.entries(c.groups)) {
    const d = group.digest;
    if (d?.door === door) yield { kind: 'digest', due: d.nextAt, state: d, key, group, digest: d };
  }
}

/** When a job can next be claimed: when due (or retried) if no one holds it, else when the lease ends. */
const claimableAt = (job: JobRecord): number => (job.state.claim ? Date.parse(job.state.claim.leaseUntil) : claimableFrom(job.due, job.state.retryAt));

/** Whether a job can be claimed at `now`: due (and past any retry time), and unclaimed or its lease over. */
const claimableNow = (job: JobRecord, now: number): boolean => claimableFrom(job.due, job.state.retryAt) <= now && (!job.state.claim || Date.parse(job.state.claim.leaseUntil) <= now);

/** A job's place in line for claimDue. */
export interface Queued {
  job: JobRecord;
  /** When it is due, counting a retry time (ms). */
  at: number;
  /** Set by claimDue when the job's previous claim ended without a report: that lease's end. */
  resumed?: { leaseUntil: string };
}

/** Code-unit order (as PostgreSQL's "C" collation), never the locale's. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order jobs are claimed in, as every store claims them: soonest first; at the same time,
 * reminders before digests, then by reminder number or group key. A fixed order also makes a
 * write that is run again claim the same jobs.
 */
export function compareQueued(a: Queued, b: Queued): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.job.kind === 'reminder' && b.job.kind === 'reminder') return a.job.reminder.id - b.job.reminder.id;
  if (a.job.kind === 'digest' && b.job.kind === 'digest') return byCodeUnits(a.job.key, b.job.key);
  return a.job.kind === 'reminder' ? -1 : 1;
}

/** The community's jobs for `door` claimable at `now`, in claiming order. */
export function claimableJobs(c: Readonly<CommunityData>, door: Door, now: string): Queued[] {
  const at = Date.parse(now);
  const out: Queued[] = [];
  for (const job of jobsOf(c, door)) if (claimableNow(job, at)) out.push({ job, at: claimableFrom(job.due, job.state.retryAt) });
  return out.sort(compareQueued);
}

/** Claims up to `limit` of the community's claimable jobs for `owner`, until `leaseUntil`. */
export function claimDue(c: CommunityData, door: Door, owner: string, now: string, leaseUntil: string, limit: number): WriteResult<Queued[]> {
  const claimed = claimableJobs(c, door, now).slice(0, Math.max(0, limit));
  for (const queued of claimed) {
    const { job } = queued;
    // A claim still on the record was never finished: its lease ended (claimableNow checked).
    if (job.state.claim) queued.resumed = { leaseUntil: job.state.claim.leaseUntil };
    job.state.claim = { owner, leaseUntil };
    job.state.attempts++;
  }
  return { value: claimed, changed: claimed.length > 0 };
}

/** The soonest time (ms) any job of `door` here can next be claimed; undefined when there is none. */
export function nextDue(c: Readonly<CommunityData>, door: Door): number | undefined {
  let soonest: number | undefined;
  for (const job of jobsOf(c, door)) {
    const at = claimableAt(job);
    if (soonest === undefined || at < soonest) soonest = at;
  }
  return soonest;
}

/** Which job a report is about: a reminder by number, a digest by group key and the time it was due. */
export type JobRef = { kind: 'reminder'; id: number } | { kind: 'digest'; group: string; dueAt: string };

/** The job, when it is still there as it was claimed (a digest replaced or moved on is another job). */
function findJob(c: CommunityData, ref: JobRef): JobRecord | undefined {
  if (ref.kind === 'reminder') {
    const r = c.reminders.find((x) => x.id === ref.id);
    return r && { kind: 'reminder', due: r.dueAt, state: r, reminder: r };
  }
  const group = own(c.groups, ref.group);
  const d = group?.digest;
  return group && d && Date.parse(d.nextAt) === Date.parse(ref.dueAt) ? { kind: 'digest', due: d.nextAt, state: d, key: ref.group, group, digest: d } : undefined;
}

/**
 * Applies a delivery's outcome, when the job's current claim is `owner`'s with this `attempt`
 * (else false: its lease ended and another took it, or it was cancelled or replaced).
 */
export function finishJob(c: CommunityData, ref: JobRef, owner: string, attempt: number, outcome: JobOutcome, now: string): WriteResult<boolean> {
  const job = findJob(c, ref);
  if (!job || job.state.claim?.owner !== owner || job.state.attempts !== attempt) return unchanged(false);
  if (outcome.type === 'retry') {
    const retryAt = retryToKeep(outcome.at);
    // A time no store can keep is refused: the claim stays, and its lease ending frees the job.
    if (retryAt === undefined) return unchanged(false);
    delete job.state.claim;
    job.state.retryAt = retryAt;
    return changed(true);
  }
  if (job.kind === 'reminder') {
    c.reminders.splice(c.reminders.indexOf(job.reminder), 1);
    return changed(true);
  }
  job.group.digest = { door: job.digest.door, channel: job.digest.channel, by: job.digest.by, nextAt: nextDigestAt(job.digest.nextAt, now), since: job.digest.nextAt, attempts: 0 };
  return changed(true);
}

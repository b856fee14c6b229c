// The memory and file stores keep each community as one document (CommunityData) and change it
// with the pure functions of community.ts inside one serialised transaction. This base class turns
// those into the Store's operations, so both implement the contract the same way; a subclass
// provides only where the document lives (`read`, `write`, `close`).
//
// Transactions: `write` runs a callback on the LATEST data (the file store re-reads it under a
// cross-process lock when another process changed it) and keeps its changes only when it reports
// one. A callback must decide before it mutates: it validates, then changes, and never throws
// half-way. The file store may run a callback again when another one in its batch threw, so a
// callback must be a function of the data alone: the write limit is decided on the first run.
//
// Due jobs (reminders, digests) are claimed across communities: a read finds the communities with
// the soonest claimable jobs, then one write per such community claims them on its latest data,
// so the file store's cross-process lock gives each job to one process only.
import * as doc from './community.js';
import type { WriteResult } from './community.js';
import { Deliveries } from './deliveries.js';
import { compareGroups, compareNear, digestJobKey, isDoor, keepableMs, MATCH_WINDOW, newestFirst, reminderJobKey } from './rules.js';
import { isSafeKey, KEY_MAX, own, type CommunityData, type DigestRecord, type GroupRecord, type ReminderRecord, type TipRecord } from './schema.js';
import {
  RateLimiter,
  StoreError,
  type Actor,
  type AddReminder,
  type AddTip,
  type Bucket,
  type CancelReminder,
  type ClaimOptions,
  type CreateGroup,
  type Digest,
  type Door,
  type DueJob,
  type GroupBoard,
  type GroupSummary,
  type JobOutcome,
  type Limited,
  type Member,
  type Membership,
  type Page,
  type Plan,
  type RateLimit,
  type Reminder,
  type RemoveTip,
  type SetDigest,
  type SetPlan,
  type Store,
  type Tip,
  type TipQuery,
  type Unanswered,
  type VoteTip,
} from './store.js';

/** A stored tip as the contract shows it. */
export function tipView(c: Readonly<CommunityData>, t: TipRecord): Tip {
  return { id: t.id, step: t.step, text: t.text, author: t.author, authorName: own(c.users, t.author)?.name ?? t.author, createdAt: t.createdAt, votes: t.votes.length };
}

const summary = (key: string, g: GroupRecord): GroupSummary => ({ key, name: g.name, members: Object.keys(g.members).length });

/** A stored reminder as the contract shows it: without its delivery bookkeeping. */
export function reminderView(r: ReminderRecord): Reminder {
  const view: Reminder = { id: r.id, user: r.user, door: r.door, text: r.text, dueAt: r.dueAt, createdAt: r.createdAt };
  return r.channel === undefined ? view : { ...view, channel: r.channel };
}

/** A stored digest as the contract shows it: without its delivery bookkeeping. */
export const digestView = (d: DigestRecord): Digest => ({ door: d.door, channel: d.channel, by: d.by, nextAt: d.nextAt, since: d.since });

/** A claimed job as the contract shows it, made inside the claiming write (the records change later). */
function dueJob(community: string, queued: doc.Queued): DueJob {
  const { job, resumed } = queued;
  const previous = resumed ? { resumed } : {};
  if (job.kind === 'reminder') {
    const r = job.reminder;
    return { kind: 'reminder', key: reminderJobKey(community, r.id), community, attempt: r.attempts, dueAt: r.dueAt, reminder: reminderView(r), ...previous };
  }
  const d = job.digest;
  return { kind: 'digest', key: digestJobKey(community, job.key, d.nextAt), community, attempt: d.attempts, dueAt: d.nextAt, group: summary(job.key, job.group), digest: digestView(d), ...previous };
}

/** Which stored job a claimed one is: what finishJob looks for. */
const refOf = (job: DueJob): doc.JobRef => (job.kind === 'reminder' ? { kind: 'reminder', id: job.reminder.id } : { kind: 'digest', group: job.group.key, dueAt: job.dueAt });

/** A claim's owner, door and lease are kept in the file: refused (the caller's bug) when they cannot be, as every store refuses them. */
function checkClaim(options: ClaimOptions): void {
  const until = Date.parse(options.now) + options.leaseMs;
  const ownerOk = options.owner.length >= 1 && options.owner.length <= KEY_MAX;
  if (!isDoor(options.door) || !ownerOk || !(options.leaseMs > 0) || !keepableMs(until)) {
    throw new StoreError('devpath: cannot claim due jobs: the door, owner, time or lease is not one a store can keep.');
  }
}

/** A job in a community, in the order claimDue gives jobs across communities: the community's order, then by community. */
interface Placed extends doc.Queued {
  community: string;
}
const comparePlaced = (a: Placed, b: Placed): number => {
  const inOrder = doc.compareQueued(a, b);
  if (a.at !== b.at || a.job.kind !== b.job.kind) return inOrder;
  return (a.community < b.community ? -1 : a.community > b.community ? 1 : 0) || inOrder;
};

/** How many jobs to claim in each community: the first `limit` of them all, in claiming order. */
function soonestPerCommunity(due: readonly Placed[], limit: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { community } of [...due].sort(comparePlaced).slice(0, limit)) counts.set(community, (counts.get(community) ?? 0) + 1);
  return counts;
}

export abstract class DocumentStore implements Store {
  abstract readonly location: string;
  readonly limiter: RateLimiter;
  private readonly deliveries = new Deliveries();
  /** Set by close(): every later call is refused. */
  protected closed = false;

  constructor(rateLimit?: RateLimit) {
    this.limiter = new RateLimiter(rateLimit);
  }

  get rateLimit(): RateLimit {
    return this.limiter.limit;
  }

  /** Reads one community's latest data, after every write asked for before it (an empty community when it has none). Do not mutate. */
  abstract read<T>(community: string, fn: (data: Readonly<CommunityData>) => T): Promise<T>;
  /** Runs a change on one community's latest data; resolves once it is durably stored. */
  abstract write<T>(community: string, fn: (data: CommunityData) => WriteResult<T>): Promise<T>;
  /**
   * Reads the latest data of every community that has any (or of those of `ids` that have any),
   * after every write asked for before it: `fn`'s result for each. Do not mutate.
   */
  abstract readAll<T>(fn: (community: string, data: Readonly<CommunityData>) => T, ids?: readonly string[]): Promise<T[]>;
  abstract close(): Promise<void>;

  /** The document is in memory: it can serve until it is closed (a failing write reports its own problem). */
  async ping(): Promise<void> {
    if (this.closed) throw new StoreError('The store is closed.', this.location);
  }

  /**
   * A write by `by`, under the write limit: refused when over it, counted only when it changed
   * something. The check and the count happen inside the serialised write, so concurrent writes
   * by one user cannot all pass the check before any of them is counted.
   */
  private async change<T, V>(community: string, by: Actor, bucket: Bucket, now: string, fn: (c: CommunityData, now: string) => WriteResult<T>, view: (c: Readonly<CommunityData>, value: T) => V): Promise<Limited<V>> {
    const key = `${community}\u0000${by.id}\u0000${bucket}`;
    // One format, as PostgreSQL gives times back: ISO strings then sort as the times they name.
    now = new Date(now).toISOString();
    const at = Date.parse(now);
    let wait: number | undefined;
    let counted = false;
    return this.write(community, (c): WriteResult<Limited<V>> => {
      wait ??= by.limited ? this.limiter.waitMs(key, at) : 0;
      if (wait) return { value: { ok: false, waitMs: wait }, changed: false };
      const result = fn(c, now);
      if (result.changed && by.limited && !counted) {
        this.limiter.hit(key, at);
        counted = true;
      }
      return { value: { ok: true, value: view(c, result.value) }, changed: result.changed };
    });
  }

  // ---------------------------------------------------------------- progress

  progress(community: string, user: string): Promise<Record<string, string>> {
    return this.read(community, (c) => ({ ...own(c.progress, user) }));
  }

  markDone(community: string, by: Actor, step: string, now: string): Promise<Limited<{ already: boolean }>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.markDone(c, by, step, now), (_, v) => v);
  }

  markUndone(community: string, by: Actor, step: string, now: string): Promise<Limited<{ wasDone: boolean }>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.markUndone(c, by, step, now), (_, v) => v);
  }

  // ---------------------------------------------------------------- pace plans

  plan(community: string, user: string): Promise<Plan | undefined> {
    return this.read(community, (c) => {
      const p = own(c.plans, user);
      return p && { ...p };
    });
  }

  setPlan(community: string, by: Actor, plan: { target: string; doneAtStart: number }, now: string): Promise<Limited<SetPlan>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.setPlan(c, by, plan, now), (_, v) => v);
  }

  clearPlan(community: string, by: Actor, now: string): Promise<Limited<{ removed: Plan | undefined }>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.clearPlan(c, by, now), (_, v) => v);
  }

  // ---------------------------------------------------------------- people

  member(community: string, idOrName: string): Promise<Member | undefined> {
    return this.read(community, (c) => {
      const lower = idOrName.toLowerCase();
      const id = own(c.users, idOrName) ? idOrName : Object.entries(c.users).find(([, u]) => u.name.toLowerCase() === lower)?.[0];
      const user = id === undefined ? undefined : own(c.users, id);
      return id === undefined || !user ? undefined : { id, name: user.name, lastActive: user.lastActive };
    });
  }

  memberNames(community: string, limit: number): Promise<string[]> {
    return this.read(community, (c) => Object.values(c.users).slice(0, limit).map((u) => u.name));
  }

  // ---------------------------------------------------------------- tips

  tips(community: string, query: TipQuery): Promise<Page<Tip>> {
    return this.read(community, (c) => {
      const authors = query.authors && new Set(query.authors);
      const want = query.matching?.replace(/^#/, '').toLowerCase();
      // Compared as times: a migrated file may hold a creation time in another ISO form.
      const since = query.since === undefined ? undefined : Date.parse(query.since);
      const ranked = doc.rankedTips(c, query.step);
      const offset = query.offset ?? 0;
      if (!authors && !want && since === undefined) return { items: ranked.slice(offset, offset + query.limit).map((t) => tipView(c, t)), total: ranked.length };
      // Autocomplete looks only among the MATCH_WINDOW best (and at the tip whose number was typed).
      let candidates: readonly TipRecord[] = ranked;
      if (want) {
        const typed = /^\d+$/.test(want) ? doc.tipById(c, Number(want)) : undefined;
        const window = ranked.slice(0, MATCH_WINDOW);
        candidates = typed && (query.step === undefined || typed.step === query.step) && !window.includes(typed) ? [...window, typed].sort(doc.compareTips) : window;
      }
      const keep = (t: TipRecord) => (!authors || authors.has(t.author)) && (since === undefined || Date.parse(t.createdAt) >= since) && (!want || String(t.id).startsWith(want) || t.text.toLowerCase().includes(want));
      const out: TipRecord[] = [];
      let total = 0;
      for (const t of candidates) {
        if (!keep(t)) continue;
        if (total++ >= offset && out.length < query.limit) out.push(t);
        if (query.withTotal === false && out.length >= query.limit) break;
      }
      return { items: out.map((t) => tipView(c, t)), total: query.withTotal === false ? out.length : total };
    });
  }

  tipsNear(community: string, id: number, count: number): Promise<Tip[]> {
    return this.read(community, (c) => [...c.tips].sort(compareNear(id)).slice(0, count).map((t) => tipView(c, t)));
  }

  addTip(community: string, by: Actor, step: string, text: string, now: string): Promise<Limited<AddTip>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.addTip(c, by, step, text, now), (c, r): AddTip => {
      if (r.ok) return { ok: true, tip: tipView(c, r.tip) };
      if (r.reason === 'duplicate') return { ok: false, reason: 'duplicate', existing: tipView(c, r.existing) };
      return { ok: false, reason: r.reason };
    });
  }

  voteTip(community: string, by: Actor, id: number, now: string): Promise<Limited<VoteTip>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.voteTip(c, by, id, now), (c, r): VoteTip => {
      if (r.ok) return { ok: true, tip: tipView(c, r.tip) };
      return r.tip ? { ok: false, reason: r.reason as 'own' | 'already', tip: tipView(c, r.tip) } : { ok: false, reason: 'unknown' };
    });
  }

  removeTip(community: string, by: Actor, id: number, isModerator: boolean, now: string): Promise<Limited<RemoveTip>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.removeTip(c, by, id, isModerator, now), (c, r): RemoveTip => {
      if (r.ok) return { ok: true, tip: tipView(c, r.tip) };
      return r.tip ? { ok: false, reason: 'forbidden', tip: tipView(c, r.tip) } : { ok: false, reason: 'unknown' };
    });
  }

  // ---------------------------------------------------------------- groups

  groups(community: string): Promise<GroupSummary[]> {
    return this.read(community, (c) => Object.entries(c.groups).map(([k, g]) => summary(k, g)).sort(compareGroups));
  }

  groupsOf(community: string, user: string): Promise<GroupSummary[]> {
    return this.read(community, (c) => doc.groupsOf(c, user).map(([k, g]) => summary(k, g)).sort(compareGroups));
  }

  group(community: string, name: string): Promise<GroupBoard | undefined> {
    return this.read(community, (c) => {
      const found = doc.findGroup(c, name);
      if (!found) return undefined;
      const [key, g] = found;
      const people = Object.entries(g.members).map(([id, joinedAt]) => {
        const user = own(c.users, id);
        return { id, name: user?.name ?? id, joinedAt, lastActive: user?.lastActive ?? joinedAt, done: [...doc.doneSteps(c, id)] };
      });
      return { ...summary(key, g), people };
    });
  }

  createGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<CreateGroup>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.createGroup(c, by, name, now), (_, r): CreateGroup => {
      if (r.ok) return { ok: true, group: summary(r.key, r.group) };
      return r.reason === 'exists' ? { ok: false, reason: 'exists', group: summary(r.key, r.group) } : r;
    });
  }

  joinGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<Membership>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.joinGroup(c, by, name, now), (_, r) => membership(r));
  }

  leaveGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<Membership>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.leaveGroup(c, by, name, now), (_, r) => membership(r));
  }

  // ---------------------------------------------------------------- questions

  recordUnanswered(community: string, by: Actor, question: string, now: string): Promise<Limited<{ count: number }>> {
    return this.change(community, by, 'questions', now, (c, now) => doc.recordUnanswered(c, question, now), (_, v) => v);
  }

  unanswered(community: string, offset: number, limit: number): Promise<Page<Unanswered>> {
    return this.read(community, (c) => {
      const all = Object.values(c.unanswered).sort((a, b) => b.count - a.count || newestFirst(a.lastAsked, b.lastAsked));
      return { items: all.slice(offset, offset + limit).map((q) => ({ ...q })), total: all.length };
    });
  }

  // ---------------------------------------------------------------- settings

  timeZone(community: string, user: string): Promise<string | undefined> {
    return this.read(community, (c) => doc.timeZoneOf(c, user));
  }

  setTimeZone(community: string, by: Actor, zone: string | undefined, now: string): Promise<Limited<doc.SetTimeZone>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.setTimeZone(c, by, zone, now), (_, v) => v);
  }

  // ---------------------------------------------------------------- reminders

  addReminder(community: string, by: Actor, reminder: { door: Door; channel?: string; text: string; dueAt: string }, now: string): Promise<Limited<AddReminder>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.addReminder(c, by, reminder, now), (_, r): AddReminder => (r.ok ? { ok: true, reminder: reminderView(r.reminder) } : r));
  }

  reminders(community: string, user: string): Promise<Reminder[]> {
    return this.read(community, (c) => doc.pendingReminders(c, user).map(reminderView));
  }

  cancelReminder(community: string, by: Actor, id: number, now: string): Promise<Limited<CancelReminder>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.cancelReminder(c, by, id, now), (_, r): CancelReminder => (r.ok ? { ok: true, reminder: reminderView(r.reminder) } : r));
  }

  // ---------------------------------------------------------------- weekly digests

  setDigest(community: string, by: Actor, group: string, digest: { door: Door; channel: string; nextAt: string } | undefined, now: string): Promise<Limited<SetDigest>> {
    return this.change(community, by, 'changes', now, (c, now) => doc.setDigest(c, by, group, digest, now), (_, r): SetDigest => {
      if (!r.ok) return r;
      return { ok: true, group: summary(r.key, r.group), digest: r.digest && digestView(r.digest), previous: r.previous && digestView(r.previous) };
    });
  }

  digest(community: string, group: string): Promise<Digest | undefined> {
    return this.read(community, (c) => {
      const d = doc.findGroup(c, group)?.[1].digest;
      return d && digestView(d);
    });
  }

  // ---------------------------------------------------------------- due jobs

  async claimDue(options: ClaimOptions): Promise<DueJob[]> {
    checkClaim(options);
    const { door, owner } = options;
    const now = new Date(options.now).toISOString();
    const leaseUntil = new Date(Date.parse(now) + options.leaseMs).toISOString();
    const limit = Math.floor(options.limit);
    if (!(limit >= 1)) return [];
    // A read first, so only the communities holding the soonest jobs are written to.
    const due = await this.readAll((community, c) => doc.claimableJobs(c, door, now).map((q): Placed => ({ ...q, community })), options.communities);
    const counts = soonestPerCommunity(due.flat(), limit);
    // Then one write per community, all asked for at once (the file store writes them as one
    // batch). Each claims on the latest data under the store's lock: a job another process
    // claimed since the read is not claimed again, and fewer may be claimed than were seen.
    const claimed = await Promise.all(
      [...counts].map(([community, count]) =>
        this.write(community, (c) => {
          const r = doc.claimDue(c, door, owner, now, leaseUntil, count);
          // The view is made now: the records change with later writes.
          return { value: r.value.map((q) => ({ placed: { ...q, community }, job: dueJob(community, q) })), changed: r.changed };
        }),
      ),
    );
    return claimed
      .flat()
      .sort((a, b) => comparePlaced(a.placed, b.placed))
      .map((x) => x.job);
  }

  async finishJob(job: DueJob, owner: string, outcome: JobOutcome, now: string): Promise<boolean> {
    if (Number.isNaN(Date.parse(now))) throw new StoreError(`devpath: nothing was saved: "${String(now).slice(0, 40)}" is not a time.`);
    // A claim this store never gave: no community of that name can hold it.
    if (!isSafeKey(job.community)) return false;
    const at = new Date(now).toISOString();
    return this.write(job.community, (c) => doc.finishJob(c, refOf(job), owner, job.attempt, outcome, at));
  }

  async nextDue(door: Door, communities?: readonly string[]): Promise<string | undefined> {
    const times = await this.readAll((_, c) => doc.nextDue(c, door), communities);
    const soonest = times.reduce<number | undefined>((min, t) => (t !== undefined && (min === undefined || t < min) ? t : min), undefined);
    return soonest === undefined ? undefined : new Date(soonest).toISOString();
  }

  // ---------------------------------------------------------------- deliveries

  /** Per process: one process owns a file store (a second one on the same file is another bot). */
  firstDelivery(id: string, nowMs: number): Promise<boolean> {
    return Promise.resolve(this.deliveries.first(id, nowMs));
  }
}

function membership(r: doc.Membership): Membership {
  if (r.ok) return { ok: true, group: summary(r.key, r.group) };
  return r.reason === 'unknown' ? r : { ok: false, reason: r.reason, group: summary(r.key, r.group) };
}

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
import * as doc from './community.js';
import type { WriteResult } from './community.js';
import { Deliveries } from './deliveries.js';
import { compareGroups, compareNear, MATCH_WINDOW, newestFirst } from './rules.js';
import { own, type CommunityData, type GroupRecord, type TipRecord } from './schema.js';
import {
  RateLimiter,
  StoreError,
  type Actor,
  type AddTip,
  type Bucket,
  type CreateGroup,
  type GroupBoard,
  type GroupSummary,
  type Limited,
  type Member,
  type Membership,
  type Page,
  type Plan,
  type RateLimit,
  type RemoveTip,
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
      const ranked = doc.rankedTips(c, query.step);
      const offset = query.offset ?? 0;
      if (!authors && !want) return { items: ranked.slice(offset, offset + query.limit).map((t) => tipView(c, t)), total: ranked.length };
      // Autocomplete looks only among the MATCH_WINDOW best (and at the tip whose number was typed).
      let candidates: readonly TipRecord[] = ranked;
      if (want) {
        const typed = /^\d+$/.test(want) ? doc.tipById(c, Number(want)) : undefined;
        const window = ranked.slice(0, MATCH_WINDOW);
        candidates = typed && (query.step === undefined || typed.step === query.step) && !window.includes(typed) ? [...window, typed].sort(doc.compareTips) : window;
      }
      const keep = (t: TipRecord) => (!authors || authors.has(t.author)) && (!want || String(t.id).startsWith(want) || t.text.toLowerCase().includes(want));
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

// The Store: where community data lives, as one method per operation (add a tip, vote, mark a
// step, a page of tips, ...). Three implementations keep this contract, and one suite
// (tests/store-contract.test.ts) runs against each: memory (tests, one-off runs), the lowdb file
// (the embedded default, src/store/lowdb.ts) and PostgreSQL (src/store/postgres/store.ts, DATABASE_URL).
//
// Errbot-style namespacing: every call names one community (Discord guild, Slack workspace,
// `local`), and sees and changes only that community's records.
//
// A write is checked, applied and counted against the caller's write limit as one atomic step
// where the data lives (one serialised, locked file write; one PostgreSQL transaction), and is
// durably stored when its promise resolves. A refused write (bad input, over the limit, nothing
// to change) changes nothing and costs nothing.
// ------------------------------------------------------------------------------ the contract

/** Who is writing: the caller as stored, and whether their writes count against the write limit. */
export interface Actor {
  id: string;
  /** Display name, kept with the user's records (cut to NAME_MAX). */
  name: string;
  /** False for the person who runs devpath on their own machine (the terminal's operator). */
  limited: boolean;
}

/** Whose allowance a write counts against: the user's changes, or what they asked (unanswered questions). */
export type Bucket = 'changes' | 'questions';

/** A write's outcome: done (which may still be a refusal inside `value`), or over the limit. */
export type Limited<T> = { ok: true; value: T } | { ok: false; waitMs: number };

/** A tip as shown: its author's current display name and its vote count. */
export interface Tip {
  id: number;
  step: string;
  text: string;
  author: string;
  authorName: string;
  createdAt: string;
  votes: number;
}

export interface Member {
  id: string;
  name: string;
  lastActive: string;
}

export interface GroupSummary {
  /** The normalised name the group is stored under. */
  key: string;
  name: string;
  members: number;
}

export interface GroupBoard extends GroupSummary {
  /** Every member with the step ids they have marked done. */
  people: { id: string; name: string; joinedAt: string; lastActive: string; done: string[] }[];
}

export interface Unanswered {
  text: string;
  count: number;
  firstAsked: string;
  lastAsked: string;
}

/** A pace plan: finish the roadmap by `target`, counted from when it was set (data version 2). */
export interface Plan {
  /** When the plan ends (ISO): the end of the target day, UTC. */
  target: string;
  /** When it was set (ISO). */
  setAt: string;
  /** Roadmap steps the user had done when it was set. */
  doneAtStart: number;
}

// ------------------------------------------------------------ reminders and weekly digests
// Messages the bot sends later, by itself: a user's reminder (to them, privately) and a group's
// weekly digest (to the channel a moderator chose). Each is a due job kept in the store, so it is
// found again after a restart, and claimed by exactly one running instance (claimDue) before it is
// sent; the claim is a lease, so a job whose instance died is claimed again when the lease ends.

/**
 * The door that delivers a job, by the name it gives itself (Context.platform): each running door
 * claims only its own. The core knows no list of doors; a store keeps any name of 1 to DOOR_MAX
 * characters (schema.ts).
 */
export type Door = string;

export interface Reminder {
  /** Numbered per community: 1, 2, 3, ... */
  id: number;
  user: string;
  door: Door;
  /** Where it was asked (a channel), when the door has places. The reminder itself goes to the user privately. */
  channel?: string;
  /** Plain text, REMINDER_TEXT_MIN..REMINDER_TEXT_MAX characters. */
  text: string;
  dueAt: string;
  createdAt: string;
}

/** A group's weekly digest: where it is posted and when the next one is due. */
export interface Digest {
  door: Door;
  channel: string;
  /** Who turned it on (a moderator's user id). */
  by: string;
  /** When the next one is due (ISO). */
  nextAt: string;
  /** The start of the week the next digest covers: when it was turned on, else when the last one was due. */
  since: string;
}

/** A due job claimed by one instance: deliver it, then report with finishJob. */
export type DueJob = (
  | { kind: 'reminder'; key: string; community: string; attempt: number; dueAt: string; reminder: Reminder }
  | { kind: 'digest'; key: string; community: string; attempt: number; dueAt: string; group: GroupSummary; digest: Digest }
) & {
  /**
   * Set when the previous claim's lease ended unfinished: its instance died or stalled, perhaps
   * after the platform took the message. `leaseUntil` is when that lease ended. A door that cannot
   * tell a second send from the first must not send it again (the scheduler decides).
   */
  resumed?: { leaseUntil: string };
};

/**
 * How a delivery went. `sent`: done (a reminder is never claimed again; a digest moves to its next
 * week). `retry`: the platform did not take it (rate limit, outage); claimable again at `at`.
 * `failed`: it can never be delivered (the user cannot be messaged, the channel is gone): a
 * reminder is dropped, a digest moves on to its next week.
 */
export type JobOutcome = { type: 'sent' } | { type: 'retry'; at: string } | { type: 'failed'; reason: string };

export interface ClaimOptions {
  /** Only jobs this door delivers. */
  door: Door;
  /** Names this instance in the claim (a lease held by another owner is not taken until it ends). */
  owner: string;
  now: string;
  /** How long the claim holds: after it, a job not finished is claimable again (its instance died). */
  leaseMs: number;
  limit: number;
  /** Only these communities (the Discord guilds on this instance's shards); every one when left out. */
  communities?: readonly string[];
}

/** `invalid`: not due after `now` and within REMINDER_AHEAD_MAX_DAYS, or the text is empty or too long. `too-many`: REMINDERS_PER_USER pending already. */
export type AddReminder = { ok: true; reminder: Reminder } | { ok: false; reason: 'invalid' | 'too-many' };
export type CancelReminder = { ok: true; reminder: Reminder } | { ok: false; reason: 'unknown' };
/** `unknown`: no such group. `invalid`: a next time not after `now`. */
export type SetDigest = { ok: true; group: GroupSummary; digest: Digest | undefined; previous: Digest | undefined } | { ok: false; reason: 'unknown' | 'invalid' };

export interface Page<T> {
  items: T[];
  total: number;
}

export type AddTip = { ok: true; tip: Tip } | { ok: false; reason: 'length' | 'numbers' } | { ok: false; reason: 'duplicate'; existing: Tip };
export type VoteTip = { ok: true; tip: Tip } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'own' | 'already'; tip: Tip };
export type RemoveTip = { ok: true; tip: Tip } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'forbidden'; tip: Tip };
export type CreateGroup = { ok: true; group: GroupSummary } | { ok: false; reason: 'invalid'; message: string } | { ok: false; reason: 'exists'; group: GroupSummary };
/** `invalid`: the target is not a time after now, or doneAtStart is not a whole number from 0 to PLAN_STEPS_MAX. */
export type SetPlan = { ok: true; plan: Plan; previous: Plan | undefined } | { ok: false; reason: 'invalid' };
export type Membership = { ok: true; group: GroupSummary } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'already' | 'not-member'; group: GroupSummary };

/** Which tips, best voted first, then newest, then highest id. */
export interface TipQuery {
  step?: string;
  /** Only tips made at or after this time (ISO): a weekly digest's new tips. */
  since?: string;
  /** Only tips by these users. */
  authors?: readonly string[];
  /** Autocomplete: among the MATCH_WINDOW best-ranked tips, the id starts with it or the text contains it (case-insensitive); and the tip with that number. */
  matching?: string;
  /** Count the matches (`total`); false when only the first page is needed (autocomplete): then `total` is the page's length. */
  withTotal?: boolean;
  offset?: number;
  limit: number;
}

export interface Store {
  /** The data file's path, `:memory:`, or the database (without its password). */
  readonly location: string;
  /** The per-user write limit, enforced by the store for every process that shares it. */
  readonly rateLimit: RateLimit;

  // progress
  /** step id -> when the user marked it done. */
  progress(community: string, user: string): Promise<Record<string, string>>;
  markDone(community: string, by: Actor, step: string, now: string): Promise<Limited<{ already: boolean }>>;
  markUndone(community: string, by: Actor, step: string, now: string): Promise<Limited<{ wasDone: boolean }>>;

  // pace plans (one per user; setting one replaces the last)
  plan(community: string, user: string): Promise<Plan | undefined>;
  /** Sets the caller's plan, made at `now`; refused (nothing changed) when `target` is not after `now`. */
  setPlan(community: string, by: Actor, plan: { target: string; doneAtStart: number }, now: string): Promise<Limited<SetPlan>>;
  /** Removes the caller's plan: the plan removed, or undefined (nothing changed, nothing counted). */
  clearPlan(community: string, by: Actor, now: string): Promise<Limited<{ removed: Plan | undefined }>>;

  // people
  /** A user who has saved something here: by id, else by display name (case-insensitive). */
  member(community: string, idOrName: string): Promise<Member | undefined>;
  /** Display names of the users here (for "did you mean"), at most `limit`. */
  memberNames(community: string, limit: number): Promise<string[]>;

  // tips
  /** Ranked tips, and how many match without offset and limit. */
  tips(community: string, query: TipQuery): Promise<Page<Tip>>;
  /** Up to `count` tips whose number is closest to `id`: one typo away first, then nearest. */
  tipsNear(community: string, id: number, count: number): Promise<Tip[]>;
  addTip(community: string, by: Actor, step: string, text: string, now: string): Promise<Limited<AddTip>>;
  voteTip(community: string, by: Actor, id: number, now: string): Promise<Limited<VoteTip>>;
  removeTip(community: string, by: Actor, id: number, isModerator: boolean, now: string): Promise<Limited<RemoveTip>>;

  // groups
  /** Every group here, most members first, then by name. */
  groups(community: string): Promise<GroupSummary[]>;
  /** The groups a user is in, in the same order. */
  groupsOf(community: string, user: string): Promise<GroupSummary[]>;
  /** A group by name, or by a name that looks the same (UTS #39 skeleton). */
  group(community: string, name: string): Promise<GroupBoard | undefined>;
  createGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<CreateGroup>>;
  joinGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<Membership>>;
  leaveGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<Membership>>;

  // questions the bot could not answer
  /** Counts against the asker's `questions` allowance, not their changes. */
  recordUnanswered(community: string, by: Actor, question: string, now: string): Promise<Limited<{ count: number }>>;
  /** Most asked first, then most recently asked. */
  unanswered(community: string, offset: number, limit: number): Promise<Page<Unanswered>>;

  // a user's settings
  /** The IANA time zone the user chose (`timezone Europe/Berlin`), if any. */
  timeZone(community: string, user: string): Promise<string | undefined>;
  /** Sets (a valid IANA zone, see isTimeZone in rules.ts) or clears (undefined) the user's time zone; refused when invalid. */
  setTimeZone(community: string, by: Actor, zone: string | undefined, now: string): Promise<Limited<{ ok: true; previous: string | undefined } | { ok: false; reason: 'invalid' }>>;

  // reminders
  addReminder(community: string, by: Actor, reminder: { door: Door; channel?: string; text: string; dueAt: string }, now: string): Promise<Limited<AddReminder>>;
  /** The user's reminders not yet sent, soonest first. */
  reminders(community: string, user: string): Promise<Reminder[]>;
  /** Cancels one of the caller's own pending reminders (another user's is `unknown`). */
  cancelReminder(community: string, by: Actor, id: number, now: string): Promise<Limited<CancelReminder>>;

  // weekly digests (the caller is checked to be a moderator by the command)
  /** Turns a group's digest on (replacing where it went) or off (undefined). */
  setDigest(community: string, by: Actor, group: string, digest: { door: Door; channel: string; nextAt: string } | undefined, now: string): Promise<Limited<SetDigest>>;
  /** The group's digest, when it is on. */
  digest(community: string, group: string): Promise<Digest | undefined>;

  // due jobs: reminders and digests, across communities
  /**
   * Claims up to `limit` jobs for `door` that are due at `now` (soonest first): pending ones, and
   * claimed ones whose lease has ended. Each is given to exactly one caller, across every process
   * sharing the store, until its lease ends; each claim adds one to its attempt.
   */
  claimDue(options: ClaimOptions): Promise<DueJob[]>;
  /** Reports a claimed job's delivery; false (nothing changed) when the claim is no longer the owner's (its lease ended and another took it, or it was cancelled). */
  finishJob(job: DueJob, owner: string, outcome: JobOutcome, now: string): Promise<boolean>;
  /** The soonest time any job for `door` falls due (pending or with a lease), for a scheduler's sleep. */
  nextDue(door: Door, communities?: readonly string[]): Promise<string | undefined>;

  // deliveries (Slack resends a request it thinks was lost)
  /** True the first time any process sharing this store sees the id within the TTL. */
  firstDelivery(id: string, nowMs: number): Promise<boolean>;

  /** Resolves while the store can serve (the health check); rejects when it cannot, or is closed. */
  ping(): Promise<void>;
  /** Waits for writes in flight, then releases files, locks and connections. */
  close(): Promise<void>;
}

/** Why a write could not be saved, where the user can do something about it. */
export type StoreProblem = 'disk-full' | 'read-only' | 'locked' | 'busy' | 'unavailable';

/** The store cannot be used: the message names the file and what is wrong with it. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly problem?: StoreProblem,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** What an operating-system error means for a user who tried to save. */
export function problemOf(error: unknown): StoreProblem | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'read-only';
  if (code === 'ELOCKED') return 'locked';
  return undefined;
}

export interface RateLimit {
  max: number;
  windowMs: number;
}

const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, windowMs: 10 * 60_000 };

/** A sliding window of write times per key (community + user). In memory, per process. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.limit.windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /** How long until this key may write again: 0 when it may write now. */
  waitMs(key: string, now: number): number {
    const list = this.recent(key, now);
    if (list.length < this.limit.max) return 0;
    return this.limit.windowMs - (now - list[list.length - this.limit.max]!);
  }

  /** Counts one accepted write. */
  hit(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
  }
}

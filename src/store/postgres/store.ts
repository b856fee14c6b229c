// The PostgreSQL store (DATABASE_URL): the Store contract over one database that any number of
// devpath processes share. The rules are the same pure functions the file and memory stores call
// (../rules.ts); what PostgreSQL adds is where they are enforced:
//
// - Every write is one transaction: the write limit is checked under an advisory lock on
//   (community, user, bucket), the change is applied, the hit is counted, and all of it commits or
//   none of it does. A refusal rolls back, so it changes nothing, not even the caller's name.
// - Tip ids come from a per-community counter row locked by the adding transaction: ids 1..N with
//   no gaps, whatever the number of processes, and additions to one community are serialised, so
//   the duplicate check always sees every tip committed before it.
// - Constraints hold the rest (migrations.ts): one vote per voter and never the author's, votes
//   and members deleted with their tip and group, lengths, one group per look-alike name, one
//   digest per group (deleted with it), a claim's owner and lease set together.
// - Due jobs (reminders, digests) are claimed by ONE statement per batch that locks the rows it
//   takes with FOR UPDATE SKIP LOCKED and writes a lease on them: every process sharing the
//   database gets each due job once until its lease ends, and a report (finishJob) applies only
//   while the claim is still the reporter's, attempt and all. Reminder ids come from a per-community
//   counter row, as tip ids do. The bot's own claims and reports are not user writes: no limit.
// - Every query on the write path uses an index: at a million tips, adding one reads a counter
//   row, one md5 index probe for the same text, and the 2 x DUPLICATE_WINDOW tips the
//   near-duplicate rule compares against, through the ranking and newest-first indexes.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { ClientBase, PoolClient, QueryResultRow } from 'pg';
import { skeleton } from '../../confusable.js';
import {
  canonicalTimeZone,
  checkGroupName,
  compareGroups,
  compareNear,
  digestJobKey,
  digestToKeep,
  DUPLICATE_WINDOW,
  MATCH_WINDOW,
  groupKey,
  isDoor,
  mostSimilar,
  nextDigestAt,
  normalizeText,
  oneTypoFrom,
  planToKeep,
  questionKey,
  reminderJobKey,
  reminderToKeep,
  retryToKeep,
  tipTextOk,
  trigrams,
  UNANSWERED_MAX,
  type Keyed,
} from '../rules.js';
import { isSafeKey, MAX_REMINDER_ID, MAX_TIP_ID, NAME_MAX, REMINDERS_PER_USER, TIME_ZONE_MAX, TIP_MAX, TIP_MIN } from '../schema.js';
import {
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
} from '../store.js';
import { log } from '../../log.js';
import { connectOnce, parseTarget, problemOfPg, reasonOf, redact, type Target } from './connection.js';
import { MigrationConflict, runMigrations } from './migrations.js';

export interface PostgresStoreOptions {
  rateLimit?: RateLimit;
  /** Connections this process keeps at most (default 10). */
  poolSize?: number;
  /** Give up connecting after this long (default 5 s). */
  connectTimeoutMs?: number;
}

const DEFAULT_RATE_LIMIT: RateLimit = { max: 10, windowMs: 10 * 60_000 };
const DEFAULT_POOL_SIZE = 10;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** How long an operation waits for one of the pool's connections (or a new one) before it fails. */
const POOL_WAIT_MS = 30_000;
/** The health check's limit: a balancer asks often and must get an answer. */
const PING_TIMEOUT_MS = 2_000;
/**
 * Per connection: a write waits at most this long for a row lock (another instance paused or cut
 * off mid-transaction), a statement runs at most this long, and a transaction left open by a
 * process that stalled is ended by the server. Each fails the write with "busy, try again".
 */
const SESSION_LIMITS = '-c lock_timeout=5000 -c statement_timeout=15000 -c idle_in_transaction_session_timeout=60000';
/** Slack retries within minutes; a delivery id is remembered for an hour. */
const DELIVERY_TTL_MS = 60 * 60 * 1000;
/** Expired delivery ids are deleted at most this often by each process. */
const DELIVERY_SWEEP_MS = 60_000;
/** A delivery id longer than this is kept as its hash. */
const DELIVERY_ID_MAX = 300;
/** Deadlocks and serialisation failures are retried this many times in all. */
const MAX_ATTEMPTS = 3;
/** Tips whose normalised text and trigrams a process keeps (about 150 bytes each); then it starts again. */
const TIP_KEYS_MAX = 200_000;
/** One cache entry per community and tip number. */
const tipKeyOf = (community: string, id: string): string => `${community}\u0000${id}`;

// ---------------------------------------------------------------------------------------------
// Values PostgreSQL can keep as they are

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** PostgreSQL text holds no NUL, and UTF-8 no lone surrogate: such a string would not come back as it went in. */
const storable = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
/** A key as every store accepts it (schema.ts), and that PostgreSQL keeps exactly. */
const usableKey = (s: string): boolean => typeof s === 'string' && isSafeKey(s) && storable(s);
/** A display name as kept: cut to NAME_MAX (half an emoji kept as U+FFFD, as UTF-8 would), without NUL. */
const storedName = (name: string): string => name.slice(0, NAME_MAX).replace(/\u0000/g, '').replace(LONE_SURROGATES, '\uFFFD');
const validTipId = (id: number): boolean => Number.isSafeInteger(id) && id >= 1 && id < MAX_TIP_ID;
const validReminderId = (id: number): boolean => Number.isSafeInteger(id) && id >= 1 && id < MAX_REMINDER_ID;

/** Two 32-bit halves of a hash of `parts`: the key of a transaction-level advisory lock. */
function lockKey(...parts: string[]): [number, number] {
  const h = createHash('sha256').update(JSON.stringify(parts)).digest();
  return [h.readInt32BE(0), h.readInt32BE(4)];
}

// ---------------------------------------------------------------------------------------------
// Rows

interface TipRow {
  id: string;
  step: string;
  text: string;
  author: string;
  author_name: string;
  created_at: Date;
  votes: number;
}

const TIP_COLUMNS = 't.id, t.step, t.text, t.author, coalesce(u.name, t.author) AS author_name, t.created_at, t.votes';
const TIP_FROM = 'devpath.tips t LEFT JOIN devpath.users u ON u.community = t.community AND u.id = t.author';
const RANKED = 't.votes DESC, t.created_at DESC, t.id DESC';

const tipOf = (r: TipRow): Tip => ({
  id: Number(r.id),
  step: r.step,
  text: r.text,
  author: r.author,
  authorName: r.author_name,
  createdAt: r.created_at.toISOString(),
  votes: r.votes,
});

interface PlanRow {
  target: Date;
  set_at: Date;
  done_at_start: number;
}

const planOf = (r: PlanRow): Plan => ({ target: r.target.toISOString(), setAt: r.set_at.toISOString(), doneAtStart: r.done_at_start });

// ---------------------------------------------------------------------------------------------
// Time zones, reminders and digests, as every store keeps them (../rules.ts), and as PostgreSQL can

/** Times end before year 10000: a four-digit year, which JavaScript and PostgreSQL write back the same. */
const LAST_TIME = Date.UTC(10_000, 0, 1);
/** 0001-01-01T00:00:00.000Z: the first time written with four digits (Date.UTC reads year 1 as 1901). */
const FIRST_TIME = -62_135_596_800_000;

/** The zone as kept (the name Intl resolves), when PostgreSQL keeps it exactly and it fits. */
function zoneToKeep(zone: string): string | undefined {
  const canonical = canonicalTimeZone(zone);
  return canonical !== undefined && canonical.length <= TIME_ZONE_MAX && storable(canonical) ? canonical : undefined;
}

interface ReminderRow {
  id: string;
  user_id: string;
  door: Door;
  channel: string | null;
  text: string;
  due_at: Date;
  created_at: Date;
}

const REMINDER_COLUMNS = 'id, user_id, door, channel, text, due_at, created_at';

const reminderOf = (r: ReminderRow): Reminder => ({
  id: Number(r.id),
  user: r.user_id,
  door: r.door,
  ...(r.channel === null ? {} : { channel: r.channel }),
  text: r.text,
  dueAt: r.due_at.toISOString(),
  createdAt: r.created_at.toISOString(),
});

interface DigestRow {
  door: Door;
  channel: string;
  by_user: string;
  next_at: Date;
  since: Date;
}

const DIGEST_COLUMNS = 'door, channel, by_user, next_at, since';

const digestOf = (r: DigestRow): Digest => ({ door: r.door, channel: r.channel, by: r.by_user, nextAt: r.next_at.toISOString(), since: r.since.toISOString() });

/** A claimed job as claimDue's statement returns it: a reminder's columns or a digest's, the other's null. */
interface ClaimedRow {
  kind: 'reminder' | 'digest';
  community: string;
  attempts: number;
  order_at: Date;
  id: string | null;
  user_id: string | null;
  door: Door;
  channel: string | null;
  text: string | null;
  due_at: Date;
  created_at: Date | null;
  group_key: string | null;
  group_name: string | null;
  members: number | null;
  by_user: string | null;
  since: Date | null;
  /** The lease a claim left unfinished (its instance died or stalled): null when the job was free. */
  previous_lease: Date | null;
}

function dueJobOf(r: ClaimedRow): DueJob {
  const previous = r.previous_lease ? { resumed: { leaseUntil: r.previous_lease.toISOString() } } : {};
  if (r.kind === 'reminder') {
    const reminder = reminderOf({ id: r.id!, user_id: r.user_id!, door: r.door, channel: r.channel, text: r.text!, due_at: r.due_at, created_at: r.created_at! });
    return { kind: 'reminder', key: reminderJobKey(r.community, reminder.id), community: r.community, attempt: r.attempts, dueAt: reminder.dueAt, reminder, ...previous };
  }
  const digest = digestOf({ door: r.door, channel: r.channel!, by_user: r.by_user!, next_at: r.due_at, since: r.since! });
  return {
    kind: 'digest',
    key: digestJobKey(r.community, r.group_key!, digest.nextAt),
    community: r.community,
    attempt: r.attempts,
    dueAt: digest.nextAt,
    group: { key: r.group_key!, name: r.group_name!, members: r.members ?? 0 },
    digest,
    ...previous,
  };
}

type SetTimeZone = { ok: true; previous: string | undefined } | { ok: false; reason: 'invalid' };

/**
 * claimDue as ONE statement (graphile-worker's pattern): each kind's claimable jobs of the door
 * (due, and not held by a lease that has not ended), soonest due first, locked with FOR UPDATE SKIP
 * LOCKED, so a row another instance is claiming at this moment is passed over instead of waited
 * for or taken twice; the batch's soonest of both kinds; and their claims written, returned with
 * what delivering them needs. A row whose claim committed just before this statement locked it is
 * checked again as it is now (READ COMMITTED's recheck of a locked row): its new lease leaves it out.
 *
 * Each kind locks up to the batch size and the batch takes the soonest of both: the rows locked but
 * not taken are free again when the statement ends, a moment later.
 */
function claimStatement(filter: string): string {
  const due = (table: string, id: string) => `
    SELECT community, ${id}, claimable_from, lease_until AS previous_lease FROM devpath.${table}
    WHERE door = $1 AND claimable_from <= $2 AND (lease_until IS NULL OR lease_until <= $2)${filter}
    ORDER BY claimable_from, community COLLATE "C", ${id} LIMIT $4
    FOR UPDATE SKIP LOCKED`;
  return `
WITH due_reminders AS MATERIALIZED (${due('reminders', 'id')}
), due_digests AS MATERIALIZED (${due('digests', 'group_key')}
), picked AS MATERIALIZED (
  SELECT * FROM (
    SELECT 'reminder' AS kind, community, id, NULL::text AS group_key, claimable_from, previous_lease FROM due_reminders
    UNION ALL
    SELECT 'digest', community, NULL::bigint, group_key, claimable_from, previous_lease FROM due_digests
  ) j
  ORDER BY claimable_from, kind DESC, community COLLATE "C", id, group_key COLLATE "C" LIMIT $4
), reminders_claimed AS (
  UPDATE devpath.reminders r SET owner = $3, lease_until = $5, attempts = r.attempts + 1
  FROM picked p WHERE p.kind = 'reminder' AND r.community = p.community AND r.id = p.id
  RETURNING 'reminder'::text AS kind, r.community, r.attempts, p.claimable_from AS order_at, r.id, r.user_id, r.door, r.channel, r.text, r.due_at, r.created_at,
    NULL::text AS group_key, NULL::text AS group_name, NULL::int AS members, NULL::text AS by_user, NULL::timestamptz AS since, p.previous_lease
), digests_claimed AS (
  UPDATE devpath.digests d SET owner = $3, lease_until = $5, attempts = d.attempts + 1
  FROM picked p, devpath.groups g
  WHERE p.kind = 'digest' AND d.community = p.community AND d.group_key = p.group_key AND g.community = d.community AND g.key = d.group_key
  RETURNING 'digest'::text, d.community, d.attempts, p.claimable_from, NULL::bigint, NULL::text, d.door, d.channel, NULL::text, d.next_at, NULL::timestamptz,
    d.group_key, g.name, (SELECT count(*)::int FROM devpath.group_members m WHERE m.community = d.community AND m.group_key = d.group_key), d.by_user, d.since, p.previous_lease
)
SELECT * FROM reminders_claimed UNION ALL SELECT * FROM digests_claimed`;
}

const CLAIM_ALL = claimStatement('');
const CLAIM_IN = claimStatement(' AND community = ANY($6::text[])');

/** When the door's next job can be claimed: the soonest due of those nobody holds, and the soonest end of a lease. */
const nextDueStatement = (filter: string) => {
  const soonest = (table: string) =>
    `(SELECT min(claimable_from) FROM devpath.${table} WHERE door = $1 AND owner IS NULL${filter}), (SELECT min(lease_until) FROM devpath.${table} WHERE door = $1 AND owner IS NOT NULL${filter})`;
  return `SELECT least(${soonest('reminders')}, ${soonest('digests')}) AS at`;
};
const NEXT_DUE_ALL = nextDueStatement('');
const NEXT_DUE_IN = nextDueStatement(' AND community = ANY($2::text[])');

/** The order claimDue's statement picked in: soonest due first, reminders before digests, then by community and id. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const claimOrder = (a: ClaimedRow, b: ClaimedRow): number =>
  a.order_at.getTime() - b.order_at.getTime() ||
  (a.kind === b.kind ? 0 : a.kind === 'reminder' ? -1 : 1) ||
  byCodeUnits(a.community, b.community) ||
  Number(a.id ?? 0) - Number(b.id ?? 0) ||
  byCodeUnits(a.group_key ?? '', b.group_key ?? '');

/** A statement's name, from its text: each connection parses and plans it once, then only binds values. */
const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `devpath_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
  return name;
}

/** A statement's rows. Statements are prepared (named): the text must not vary with values, only the parameters. */
async function rows<R extends QueryResultRow>(c: ClientBase | pg.Pool, sql: string, params: unknown[] = []): Promise<R[]> {
  return (await c.query<R>({ name: statementName(sql), text: sql, values: params })).rows;
}

/** A value inlined in a simple-protocol query (several statements in one round trip). */
const literal = (value: string): string => pg.escapeLiteral(value);

/**
 * A write's body: what it returns, and whether it changed anything (false: everything is rolled
 * back). A change records the caller's name and last activity (the reference's touch()), unless
 * `touch` is false; that happens at commit, which the foreign keys to users wait for (deferred).
 */
interface Outcome<T> {
  value: T;
  changed: boolean;
  touch?: boolean;
}
const kept = <T>(value: T): Outcome<T> => ({ value, changed: true });
const refused = <T>(value: T): Outcome<T> => ({ value, changed: false });

interface WriteScope {
  c: PoolClient;
  community: string;
  by: Actor;
  now: string;
}

// ---------------------------------------------------------------------------------------------

export class PostgresStore implements Store {
  private closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** This process's writes not yet committed, per community: a read there waits for them, as the file store's does. */
  private readonly writing = new Map<string, Set<Promise<unknown>>>();
  /** tipKeyOf(community, id) -> the tip's normalised text and trigrams, for the near-duplicate rule. */
  private readonly tipKeys = new Map<string, Keyed<number>>();
  private lastSweep = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly target: Target,
    readonly rateLimit: RateLimit = DEFAULT_RATE_LIMIT,
  ) {}

  get location(): string {
    return this.target.location;
  }

  // ------------------------------------------------------------------------------- plumbing

  /** Runs one operation, refused once the store is closed; close() waits for it. */
  private track<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('devpath: the store is closed.'));
    const run = fn();
    this.inFlight.add(run);
    const forget = () => this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  private failure(error: unknown, writing: boolean): StoreError {
    if (error instanceof StoreError) return error;
    const why = redact(reasonOf(error), this.target.secrets);
    const message = writing
      ? `devpath: nothing was saved: the PostgreSQL database ${this.location} failed the write: ${why}`
      : `devpath: could not read from the PostgreSQL database ${this.location}: ${why}`;
    return new StoreError(message, undefined, problemOfPg(error));
  }

  /** A read on any pooled connection, its errors as StoreError. */
  private read<T>(community: string, fn: () => Promise<T>): Promise<T> {
    return this.track(async () => {
      // Read your own writes: a reply after "tip add" (or a question recorded without waiting)
      // shows what this process asked to store before it. Only that community's: a write stuck
      // on a lock elsewhere must not hold up every read.
      const pending = this.writing.get(community);
      if (pending?.size) await Promise.allSettled([...pending]);
      try {
        return await fn();
      } catch (error) {
        throw this.failure(error, false);
      }
    });
  }

  /**
   * One write, as one transaction: the write limit checked (under a lock on the caller's bucket,
   * so two processes cannot both pass it) before anything else, the body run, and then either a
   * rollback (the body refused: nothing changed, nothing counted) or the hit counted and a commit.
   */
  private write<T>(community: string, by: Actor, bucket: Bucket, now: string, body: (s: WriteScope) => Promise<Outcome<T>>): Promise<Limited<T>> {
    return this.pending(community, this.writeNow(community, by, bucket, now, body));
  }

  /** A write in flight in `community`, which reads there wait for (read your own writes). */
  private pending<T>(community: string, run: Promise<T>): Promise<T> {
    let pending = this.writing.get(community);
    if (!pending) this.writing.set(community, (pending = new Set()));
    pending.add(run);
    const forget = () => {
      pending.delete(run);
      if (!pending.size && this.writing.get(community) === pending) this.writing.delete(community);
    };
    run.then(forget, forget);
    return run;
  }

  private writeNow<T>(community: string, by: Actor, bucket: Bucket, now: string, body: (s: WriteScope) => Promise<Outcome<T>>): Promise<Limited<T>> {
    return this.track(async () => {
      if (!usableKey(community) || !usableKey(by.id)) {
        throw new StoreError('devpath: nothing was saved: this user or community id cannot be used for saved data.');
      }
      const nowMs = Date.parse(now);
      if (Number.isNaN(nowMs)) throw new StoreError(`devpath: nothing was saved: "${String(now).slice(0, 40)}" is not a time.`);
      for (let attempt = 1; ; attempt++) {
        let client: PoolClient;
        try {
          client = await this.pool.connect();
        } catch (error) {
          throw this.failure(error, true);
        }
        let broken: Error | undefined;
        try {
          return await this.transaction(client, community, by, bucket, now, nowMs, body);
        } catch (error) {
          // A connection that failed mid-transaction is not given back to the pool.
          broken = error instanceof Error ? error : new Error(String(error));
          const code = (error as { code?: unknown }).code;
          if ((code === '40P01' || code === '40001') && attempt < MAX_ATTEMPTS) continue;
          throw this.failure(error, true);
        } finally {
          client.release(broken);
        }
      }
    });
  }

  private async transaction<T>(c: PoolClient, community: string, by: Actor, bucket: Bucket, now: string, nowMs: number, body: (s: WriteScope) => Promise<Outcome<T>>): Promise<Limited<T>> {
    try {
      if (by.limited) {
        // Simple protocol (no parameters, two statements, one round trip); the lock is held to commit.
        const [a, b] = lockKey('rate', community, by.id, bucket);
        await c.query(`BEGIN; SELECT pg_advisory_xact_lock(${a}, ${b})`);
        // A statement after the lock: it sees every hit committed by whoever held it before.
        const since = new Date(nowMs - this.rateLimit.windowMs).toISOString();
        const [hit] = await rows<{ at: Date }>(
          c,
          'SELECT at FROM devpath.rate_hits WHERE community = $1 AND user_id = $2 AND bucket = $3 AND at > $4 ORDER BY at DESC OFFSET $5 LIMIT 1',
          [community, by.id, bucket, since, this.rateLimit.max - 1],
        );
        if (hit) {
          await c.query('ROLLBACK');
          return { ok: false, waitMs: this.rateLimit.windowMs - (nowMs - hit.at.getTime()) };
        }
      } else {
        await c.query('BEGIN');
      }
      const outcome = await body({ c, community, by, now });
      if (!outcome.changed) {
        await c.query('ROLLBACK');
        return { ok: true, value: outcome.value };
      }
      // The caller recorded, the hit counted and the commit, in one round trip (simple protocol,
      // values as escaped literals). A failing statement aborts the rest, and the catch rolls back.
      const finish: string[] = [];
      if (outcome.touch !== false) {
        const name = storedName(by.name);
        finish.push(
          `INSERT INTO devpath.users (community, id, name, name_key, last_active) VALUES (${literal(community)}, ${literal(by.id)}, ${literal(name)}, ${literal(name.toLowerCase())}, ${literal(now)}::timestamptz)
           ON CONFLICT (community, id) DO UPDATE SET name = EXCLUDED.name, name_key = EXCLUDED.name_key, last_active = EXCLUDED.last_active`,
        );
      }
      if (by.limited) {
        const key = `community = ${literal(community)} AND user_id = ${literal(by.id)} AND bucket = ${literal(bucket)}`;
        const since = new Date(nowMs - this.rateLimit.windowMs).toISOString();
        finish.push(`DELETE FROM devpath.rate_hits WHERE ${key} AND at <= ${literal(since)}::timestamptz`);
        finish.push(`INSERT INTO devpath.rate_hits (community, user_id, bucket, at) VALUES (${literal(community)}, ${literal(by.id)}, ${literal(bucket)}, ${literal(now)}::timestamptz)`);
      }
      finish.push('COMMIT');
      await c.query(finish.join(';\n'));
      return { ok: true, value: outcome.value };
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  // ------------------------------------------------------------------------------- progress

  progress(community: string, user: string): Promise<Record<string, string>> {
    return this.read(community, async () => {
      if (!usableKey(community) || !storable(user)) return {};
      const found = await rows<{ step: string; done_at: Date }>(
        this.pool,
        'SELECT step, done_at FROM devpath.progress WHERE community = $1 AND user_id = $2 ORDER BY done_at, step',
        [community, user],
      );
      const out: Record<string, string> = {};
      for (const r of found) out[r.step] = r.done_at.toISOString();
      return out;
    });
  }

  markDone(community: string, by: Actor, step: string, now: string): Promise<Limited<{ already: boolean }>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<{ already: boolean }>> => {
      if (!usableKey(step)) return refused({ already: false });
      const inserted = await rows(
        c,
        'INSERT INTO devpath.progress (community, user_id, step, done_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
        [community, by.id, step, now],
      );
      return inserted.length ? kept({ already: false }) : refused({ already: true });
    });
  }

  markUndone(community: string, by: Actor, step: string, now: string): Promise<Limited<{ wasDone: boolean }>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<{ wasDone: boolean }>> => {
      if (!storable(step)) return refused({ wasDone: false });
      const deleted = await rows(c, 'DELETE FROM devpath.progress WHERE community = $1 AND user_id = $2 AND step = $3 RETURNING 1', [community, by.id, step]);
      if (!deleted.length) return refused({ wasDone: false });
      return kept({ wasDone: true });
    });
  }

  // ------------------------------------------------------------------------------- pace plans

  plan(community: string, user: string): Promise<Plan | undefined> {
    return this.read(community, async () => {
      if (!usableKey(community) || !storable(user)) return undefined;
      const [r] = await rows<PlanRow>(this.pool, 'SELECT target, set_at, done_at_start FROM devpath.plans WHERE community = $1 AND user_id = $2', [community, user]);
      return r && planOf(r);
    });
  }

  setPlan(community: string, by: Actor, plan: { target: string; doneAtStart: number }, now: string): Promise<Limited<SetPlan>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<SetPlan>> => {
      const keep = planToKeep(plan, now);
      if (!keep) return refused({ ok: false, reason: 'invalid' });
      // The row locked (when there is one) until commit: the plan replaced is the one reported.
      const [old] = await rows<PlanRow>(c, 'SELECT target, set_at, done_at_start FROM devpath.plans WHERE community = $1 AND user_id = $2 FOR UPDATE', [community, by.id]);
      const setAt = new Date(now).toISOString();
      await c.query(
        `INSERT INTO devpath.plans (community, user_id, target, set_at, done_at_start) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (community, user_id) DO UPDATE SET target = EXCLUDED.target, set_at = EXCLUDED.set_at, done_at_start = EXCLUDED.done_at_start`,
        [community, by.id, keep.target, setAt, keep.doneAtStart],
      );
      return kept({ ok: true, plan: { target: keep.target, setAt, doneAtStart: keep.doneAtStart }, previous: old && planOf(old) });
    });
  }

  clearPlan(community: string, by: Actor, now: string): Promise<Limited<{ removed: Plan | undefined }>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<{ removed: Plan | undefined }>> => {
      const [gone] = await rows<PlanRow>(c, 'DELETE FROM devpath.plans WHERE community = $1 AND user_id = $2 RETURNING target, set_at, done_at_start', [community, by.id]);
      return gone ? kept({ removed: planOf(gone) }) : refused({ removed: undefined });
    });
  }

  // ------------------------------------------------------------------------------- people

  member(community: string, idOrName: string): Promise<Member | undefined> {
    return this.read(community, async () => {
      if (!usableKey(community) || !storable(idOrName)) return undefined;
      // By id first, else the first user (in the order they came) whose name matches case-insensitively.
      const [r] = await rows<{ id: string; name: string; last_active: Date }>(
        this.pool,
        `SELECT id, name, last_active FROM devpath.users WHERE community = $1 AND (id = $2 OR name_key = $3)
         ORDER BY (id = $2) DESC, arrival LIMIT 1`,
        [community, idOrName, idOrName.toLowerCase()],
      );
      return r ? { id: r.id, name: r.name, lastActive: r.last_active.toISOString() } : undefined;
    });
  }

  memberNames(community: string, limit: number): Promise<string[]> {
    return this.read(community, async () => {
      const n = Math.floor(limit);
      if (!usableKey(community) || !(n > 0)) return [];
      const found = await rows<{ name: string }>(this.pool, 'SELECT name FROM devpath.users WHERE community = $1 ORDER BY arrival LIMIT $2', [community, n]);
      return found.map((r) => r.name);
    });
  }

  // ------------------------------------------------------------------------------- tips

  tips(community: string, query: TipQuery): Promise<Page<Tip>> {
    return this.read(community, async () => {
      if (!usableKey(community)) return { items: [], total: 0 };
      const where = ['t.community = $1'];
      const params: unknown[] = [community];
      const param = (v: unknown) => `$${params.push(v)}`;
      if (query.step !== undefined) {
        if (!storable(query.step)) return { items: [], total: 0 };
        where.push(`t.step = ${param(query.step)}`);
      }
      if (query.authors !== undefined) where.push(`t.author = ANY(${param(query.authors.filter(storable))}::text[])`);
      if (query.since !== undefined) {
        // A time no tip can be at or after (not a time, or past year 9999) matches nothing; one
        // before year 1 matches every tip.
        const since = Date.parse(query.since);
        if (!(since < LAST_TIME)) return { items: [], total: 0 };
        if (since >= FIRST_TIME) where.push(`t.created_at >= ${param(new Date(since).toISOString())}::timestamptz`);
      }
      // As typed for autocomplete: `#12` is tip 12.
      const want = query.matching?.replace(/^#/, '').toLowerCase();
      if (want) {
        if (!storable(want)) return { items: [], total: 0 };
        const m = param(want);
        // Among the MATCH_WINDOW best-ranked tips (the ranking index stops there), or the tip with
        // the number typed. lower() on both sides: the same case folding for the text and the typed part.
        const window = `SELECT w.id FROM devpath.tips w WHERE w.community = $1${query.step !== undefined ? ' AND w.step = $2' : ''} ORDER BY w.votes DESC, w.created_at DESC, w.id DESC LIMIT ${MATCH_WINDOW}`;
        const typed = /^\d{1,15}$/.test(want) ? ` OR t.id = ${param(Number(want))}` : '';
        where.push(`((t.id IN (${window}) AND (starts_with(t.id::text, ${m}) OR strpos(lower(t.text), lower(${m})) > 0))${typed})`);
      }
      const filter = where.join(' AND ');
      const offset = Math.max(0, Math.floor(query.offset ?? 0)) || 0;
      const limit = Math.max(0, Math.floor(query.limit)) || 0;
      const [count, page] = await Promise.all([
        query.withTotal === false ? Promise.resolve(undefined) : rows<{ n: number }>(this.pool, `SELECT count(*)::int AS n FROM devpath.tips t WHERE ${filter}`, params),
        limit
          ? rows<TipRow>(this.pool, `SELECT ${TIP_COLUMNS} FROM ${TIP_FROM} WHERE ${filter} ORDER BY ${RANKED} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`, [...params, offset, limit])
          : Promise.resolve([]),
      ]);
      return { items: page.map(tipOf), total: count ? (count[0]?.n ?? 0) : page.length };
    });
  }

  tipsNear(community: string, id: number, count: number): Promise<Tip[]> {
    return this.read(community, async () => {
      const n = Math.floor(count);
      if (!usableKey(community) || !Number.isSafeInteger(id) || !(n > 0)) return [];
      // Every tip one typo away (and the id itself, should it exist), and the n nearest on each side:
      // enough for the first n in compareNear's order.
      const typos = [id, ...oneTypoFrom(id)].filter((x) => x >= 1 && x < MAX_TIP_ID).map(String);
      const found = await rows<TipRow>(
        this.pool,
        `SELECT ${TIP_COLUMNS} FROM ${TIP_FROM} WHERE t.community = $1 AND t.id IN (
           SELECT unnest($2::bigint[])
           UNION SELECT id FROM (SELECT id FROM devpath.tips WHERE community = $1 AND id < $3 ORDER BY id DESC LIMIT $4) below
           UNION SELECT id FROM (SELECT id FROM devpath.tips WHERE community = $1 AND id > $3 ORDER BY id LIMIT $4) above)`,
        [community, typos, String(id), n],
      );
      return found.map(tipOf).sort(compareNear(id)).slice(0, n);
    });
  }

  private async tipById(c: ClientBase, community: string, id: number, forUpdate: boolean): Promise<Tip | undefined> {
    const [r] = await rows<TipRow>(c, `SELECT ${TIP_COLUMNS} FROM ${TIP_FROM} WHERE t.community = $1 AND t.id = $2${forUpdate ? ' FOR UPDATE OF t' : ''}`, [community, id]);
    return r ? tipOf(r) : undefined;
  }

  /** A tip's normalised text as a duplicate candidate, its trigrams computed once per text. */
  /** A tip's normalised text and trigrams, by community and number (numbers are never reused). */
  private rememberTip(community: string, id: string, norm: string): void {
    if (this.tipKeys.size >= TIP_KEYS_MAX) this.tipKeys.clear();
    this.tipKeys.set(tipKeyOf(community, id), { item: Number(id), norm, grams: trigrams(norm) });
  }

  addTip(community: string, by: Actor, step: string, text: string, now: string): Promise<Limited<AddTip>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<AddTip>> => {
      if (!tipTextOk(text, TIP_MIN, TIP_MAX) || !storable(text)) return refused({ ok: false, reason: 'length' });
      if (!usableKey(step)) throw new StoreError(`devpath: nothing was saved: "${step.slice(0, 40)}" cannot be a step id.`);
      // The community's counter row, locked to commit: one addition at a time per community, so the
      // checks below see every tip added before, and ids follow each other without gaps.
      const lockCounter = () => rows<{ next_id: string }>(c, 'SELECT next_id FROM devpath.tip_counters WHERE community = $1 FOR UPDATE', [community]);
      let [counter] = await lockCounter();
      if (!counter) {
        await c.query('INSERT INTO devpath.tip_counters (community, next_id) VALUES ($1, 1) ON CONFLICT DO NOTHING', [community]);
        [counter] = await lockCounter();
      }
      const id = Number(counter!.next_id);
      if (id >= MAX_TIP_ID) return refused({ ok: false, reason: 'numbers' });
      // The same text anywhere on the step (an md5 index probe), and the step's best-ranked and
      // newest (highest-numbered) tips for the near-duplicate rule: one statement, after the lock.
      const norm = normalizeText(text);
      // Numbers only: each tip's normalised text comes from this process's cache (a tip's text never
      // changes), and only the few it lacks are fetched. Reading 400 texts a write made garbage
      // whose collection pauses set the p99 at a million tips.
      const found = await rows<{ part: number; id: string }>(
        c,
        `(SELECT 0 AS part, id FROM devpath.tips WHERE community = $1 AND step = $2 AND md5(norm) = md5($3) AND norm = $3 ORDER BY votes DESC, created_at DESC, id DESC LIMIT 1)
         UNION ALL
         (SELECT 1, id FROM devpath.tips WHERE community = $1 AND step = $2 ORDER BY votes DESC, created_at DESC, id DESC LIMIT $4)
         UNION ALL
         (SELECT 2, id FROM devpath.tips WHERE community = $1 AND step = $2 ORDER BY id DESC LIMIT $4)`,
        [community, step, norm, DUPLICATE_WINDOW],
      );
      const missing = found.filter((r) => r.part !== 0 && !this.tipKeys.has(tipKeyOf(community, r.id))).map((r) => r.id);
      if (missing.length) {
        const texts = await rows<{ id: string; norm: string }>(c, 'SELECT id, norm FROM devpath.tips WHERE community = $1 AND id = ANY($2::bigint[])', [community, missing]);
        for (const r of texts) this.rememberTip(community, r.id, r.norm);
      }
      // In the reference's order: the best-ranked window, then the newest; rows keep their part's order.
      const seen = new Set<string>();
      const candidates: Keyed<number>[] = [];
      let same: number | undefined;
      for (const part of [0, 1, 2]) {
        for (const r of found) {
          if (r.part !== part) continue;
          if (part === 0) same = Number(r.id);
          else if (!seen.has(r.id)) {
            seen.add(r.id);
            const known = this.tipKeys.get(tipKeyOf(community, r.id));
            if (known) candidates.push(known); // else removed between the two reads: not a candidate
          }
        }
      }
      const duplicate = same ?? mostSimilar(text, candidates);
      if (duplicate !== undefined) {
        const existing = await this.tipById(c, community, duplicate, false);
        if (existing) return refused({ ok: false, reason: 'duplicate', existing });
      }
      const [made] = await rows<{ created_at: Date }>(
        c,
        `WITH counted AS (UPDATE devpath.tip_counters SET next_id = next_id + 1 WHERE community = $1)
         INSERT INTO devpath.tips (community, id, step, text, norm, author, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING created_at`,
        [community, id, step, text, norm, by.id, now],
      );
      const tip: Tip = { id, step, text, author: by.id, authorName: storedName(by.name), createdAt: made!.created_at.toISOString(), votes: 0 };
      // Known before commit: a rollback leaves an entry for a number no tip has, which no query returns.
      this.rememberTip(community, String(id), norm);
      return kept({ ok: true, tip });
    });
  }

  voteTip(community: string, by: Actor, id: number, now: string): Promise<Limited<VoteTip>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<VoteTip>> => {
      if (!validTipId(id)) return refused({ ok: false, reason: 'unknown' });
      // The tip's row is locked to commit: two votes on one tip are one after the other.
      const tip = await this.tipById(c, community, id, true);
      if (!tip) return refused({ ok: false, reason: 'unknown' });
      if (tip.author === by.id) return refused({ ok: false, reason: 'own', tip });
      const voted = await rows(c, 'SELECT 1 FROM devpath.votes WHERE community = $1 AND tip_id = $2 AND voter = $3', [community, id, by.id]);
      if (voted.length) return refused({ ok: false, reason: 'already', tip });
      const [r] = await rows<{ votes: number }>(
        c,
        `WITH vote AS (INSERT INTO devpath.votes (community, tip_id, voter, author, voted_at) VALUES ($1, $2, $3, $4, $5))
         UPDATE devpath.tips SET votes = votes + 1 WHERE community = $1 AND id = $2 RETURNING votes`,
        [community, id, by.id, tip.author, now],
      );
      return kept({ ok: true, tip: { ...tip, votes: r!.votes } });
    });
  }

  removeTip(community: string, by: Actor, id: number, isModerator: boolean, now: string): Promise<Limited<RemoveTip>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<RemoveTip>> => {
      if (!validTipId(id)) return refused({ ok: false, reason: 'unknown' });
      const tip = await this.tipById(c, community, id, true);
      if (!tip) return refused({ ok: false, reason: 'unknown' });
      if (tip.author !== by.id && !isModerator) return refused({ ok: false, reason: 'forbidden', tip });
      // Its votes go with it (ON DELETE CASCADE).
      await c.query('DELETE FROM devpath.tips WHERE community = $1 AND id = $2', [community, id]);
      return kept({ ok: true, tip: tip.author === by.id ? { ...tip, authorName: storedName(by.name) } : tip });
    });
  }

  // ------------------------------------------------------------------------------- groups

  /** A group by its key, else by a key that looks the same (the first made, as the reference's insertion order). */
  private async findGroup(c: ClientBase | pg.Pool, community: string, name: string): Promise<{ key: string; name: string } | undefined> {
    if (!storable(name)) return undefined;
    const key = groupKey(name);
    const [r] = await rows<{ key: string; name: string }>(
      c,
      'SELECT key, name FROM devpath.groups WHERE community = $1 AND (key = $2 OR skeleton = $3) ORDER BY (key = $2) DESC, created_at, key LIMIT 1',
      [community, key, skeleton(key)],
    );
    return r;
  }

  private async summary(c: ClientBase, community: string, group: { key: string; name: string }): Promise<GroupSummary> {
    const [r] = await rows<{ n: number }>(c, 'SELECT count(*)::int AS n FROM devpath.group_members WHERE community = $1 AND group_key = $2', [community, group.key]);
    return { key: group.key, name: group.name, members: r?.n ?? 0 };
  }

  private async summaries(community: string, user?: string): Promise<GroupSummary[]> {
    const found = await rows<{ key: string; name: string; members: number }>(
      this.pool,
      `SELECT g.key, g.name, count(m.user_id)::int AS members
       FROM devpath.groups g LEFT JOIN devpath.group_members m ON m.community = g.community AND m.group_key = g.key
       WHERE g.community = $1 ${user === undefined ? '' : 'AND EXISTS (SELECT 1 FROM devpath.group_members o WHERE o.community = $1 AND o.group_key = g.key AND o.user_id = $2)'}
       GROUP BY g.key, g.name`,
      user === undefined ? [community] : [community, user],
    );
    // Sorted here, not by the database's collation: the same order as every other store.
    return found.map((r) => ({ key: r.key, name: r.name, members: r.members })).sort(compareGroups);
  }

  groups(community: string): Promise<GroupSummary[]> {
    return this.read(community, async () => (usableKey(community) ? this.summaries(community) : []));
  }

  groupsOf(community: string, user: string): Promise<GroupSummary[]> {
    return this.read(community, async () => (usableKey(community) && storable(user) ? this.summaries(community, user) : []));
  }

  group(community: string, name: string): Promise<GroupBoard | undefined> {
    return this.read(community, async () => {
      if (!usableKey(community)) return undefined;
      const found = await this.findGroup(this.pool, community, name);
      if (!found) return undefined;
      const people = await rows<{ user_id: string; joined_at: Date; name: string | null; last_active: Date | null; done: string[] }>(
        this.pool,
        `SELECT m.user_id, m.joined_at, u.name, u.last_active,
                coalesce((SELECT array_agg(p.step ORDER BY p.done_at, p.step) FROM devpath.progress p WHERE p.community = m.community AND p.user_id = m.user_id), '{}') AS done
         FROM devpath.group_members m LEFT JOIN devpath.users u ON u.community = m.community AND u.id = m.user_id
         WHERE m.community = $1 AND m.group_key = $2 ORDER BY m.joined_at, m.user_id`,
        [community, found.key],
      );
      return {
        key: found.key,
        name: found.name,
        members: people.length,
        people: people.map((p) => ({
          id: p.user_id,
          name: p.name ?? p.user_id,
          joinedAt: p.joined_at.toISOString(),
          lastActive: (p.last_active ?? p.joined_at).toISOString(),
          done: p.done,
        })),
      };
    });
  }

  createGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<CreateGroup>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<CreateGroup>> => {
      const problem = checkGroupName(name);
      if (problem) return refused({ ok: false, reason: 'invalid', message: problem });
      const existing = await this.findGroup(c, community, name);
      if (existing) return refused({ ok: false, reason: 'exists', group: await this.summary(c, community, existing) });
      const key = groupKey(name);
      // Another process may create it (or one that looks the same) at this moment: the unique
      // index decides, after waiting for that transaction; the loser reports the winner's group.
      const made = await rows(
        c,
        'INSERT INTO devpath.groups (community, key, name, skeleton, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1',
        [community, key, name, skeleton(key), by.id, now],
      );
      if (!made.length) {
        const winner = await this.findGroup(c, community, name);
        if (!winner) throw new StoreError('devpath: nothing was saved: the group could not be created; try again.');
        return refused({ ok: false, reason: 'exists', group: await this.summary(c, community, winner) });
      }
      await c.query('INSERT INTO devpath.group_members (community, group_key, user_id, joined_at) VALUES ($1, $2, $3, $4)', [community, key, by.id, now]);
      return kept({ ok: true, group: { key, name, members: 1 } });
    });
  }

  joinGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<Membership>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<Membership>> => {
      const group = await this.findGroup(c, community, name);
      if (!group) return refused({ ok: false, reason: 'unknown' });
      const joined = await rows(
        c,
        'INSERT INTO devpath.group_members (community, group_key, user_id, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
        [community, group.key, by.id, now],
      );
      const summary = await this.summary(c, community, group);
      return joined.length ? kept({ ok: true, group: summary }) : refused({ ok: false, reason: 'already', group: summary });
    });
  }

  leaveGroup(community: string, by: Actor, name: string, now: string): Promise<Limited<Membership>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<Membership>> => {
      const group = await this.findGroup(c, community, name);
      if (!group) return refused({ ok: false, reason: 'unknown' });
      const left = await rows(c, 'DELETE FROM devpath.group_members WHERE community = $1 AND group_key = $2 AND user_id = $3 RETURNING 1', [community, group.key, by.id]);
      if (!left.length) return refused({ ok: false, reason: 'not-member', group: await this.summary(c, community, group) });
      return kept({ ok: true, group: await this.summary(c, community, group) });
    });
  }

  // ------------------------------------------------------------------------------- unanswered

  recordUnanswered(community: string, by: Actor, question: string, now: string): Promise<Limited<{ count: number }>> {
    // As the reference's recordUnanswered: asking does not make the asker a member (no touch).
    return this.write(community, by, 'questions', now, async ({ c }): Promise<Outcome<{ count: number }>> => {
      const kept = questionKey(question);
      // Cut at QUESTION_MAX, a question can end in half an emoji: kept as U+FFFD, as UTF-8 would.
      const q = kept && { text: kept.text.replace(/\u0000/g, '').replace(LONE_SURROGATES, '\uFFFD'), key: kept.key.replace(LONE_SURROGATES, '\uFFFD') };
      if (!q?.text || !storable(q.key)) return refused({ count: 0 });
      // One question write at a time per community: the UNANSWERED_MAX room check holds.
      const [a, b] = lockKey('unanswered', community);
      await c.query(`SELECT pg_advisory_xact_lock(${a}, ${b})`);
      const [again] = await rows<{ count: number }>(
        c,
        'UPDATE devpath.unanswered SET count = count + 1, last_asked = $3 WHERE community = $1 AND key = $2 RETURNING count',
        [community, q.key, now],
      );
      if (again) return { value: { count: again.count }, changed: true, touch: false };
      const [stored] = await rows<{ n: number }>(c, 'SELECT count(*)::int AS n FROM devpath.unanswered WHERE community = $1', [community]);
      if ((stored?.n ?? 0) >= UNANSWERED_MAX) {
        // Make room: the least recently asked of the questions asked only once; none: refused.
        const gone = await rows(
          c,
          `DELETE FROM devpath.unanswered WHERE (community, key) IN (
             SELECT community, key FROM devpath.unanswered WHERE community = $1 AND count = 1 ORDER BY last_asked, first_asked, key LIMIT 1)
           RETURNING 1`,
          [community],
        );
        if (!gone.length) return refused({ count: 0 });
      }
      await c.query('INSERT INTO devpath.unanswered (community, key, text, count, first_asked, last_asked) VALUES ($1, $2, $3, 1, $4, $4)', [community, q.key, q.text, now]);
      return { value: { count: 1 }, changed: true, touch: false };
    });
  }

  unanswered(community: string, offset: number, limit: number): Promise<Page<Unanswered>> {
    return this.read(community, async () => {
      if (!usableKey(community)) return { items: [], total: 0 };
      const from = Math.max(0, Math.floor(offset)) || 0;
      const n = Math.max(0, Math.floor(limit)) || 0;
      const [count, page] = await Promise.all([
        rows<{ n: number }>(this.pool, 'SELECT count(*)::int AS n FROM devpath.unanswered WHERE community = $1', [community]),
        n
          ? rows<{ text: string; count: number; first_asked: Date; last_asked: Date }>(
              this.pool,
              'SELECT text, count, first_asked, last_asked FROM devpath.unanswered WHERE community = $1 ORDER BY count DESC, last_asked DESC, key OFFSET $2 LIMIT $3',
              [community, from, n],
            )
          : Promise.resolve([]),
      ]);
      return {
        items: page.map((r) => ({ text: r.text, count: r.count, firstAsked: r.first_asked.toISOString(), lastAsked: r.last_asked.toISOString() })),
        total: count[0]?.n ?? 0,
      };
    });
  }

  // ------------------------------------------------------------------------------- settings

  timeZone(community: string, user: string): Promise<string | undefined> {
    return this.read(community, async () => {
      if (!usableKey(community) || !storable(user)) return undefined;
      const [r] = await rows<{ time_zone: string }>(this.pool, 'SELECT time_zone FROM devpath.settings WHERE community = $1 AND user_id = $2', [community, user]);
      return r?.time_zone;
    });
  }

  setTimeZone(community: string, by: Actor, zone: string | undefined, now: string): Promise<Limited<SetTimeZone>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<SetTimeZone>> => {
      const keep = zone === undefined ? undefined : zoneToKeep(zone);
      if (zone !== undefined && keep === undefined) return refused({ ok: false, reason: 'invalid' });
      // The row locked (when there is one) until commit: the zone replaced is the one reported.
      const [old] = await rows<{ time_zone: string }>(c, 'SELECT time_zone FROM devpath.settings WHERE community = $1 AND user_id = $2 FOR UPDATE', [community, by.id]);
      const previous = old?.time_zone;
      // The same zone again, or clearing none: nothing to change, nothing counted.
      if (keep === previous) return refused({ ok: true, previous });
      if (keep === undefined) await c.query('DELETE FROM devpath.settings WHERE community = $1 AND user_id = $2', [community, by.id]);
      else {
        await c.query(
          'INSERT INTO devpath.settings (community, user_id, time_zone) VALUES ($1, $2, $3) ON CONFLICT (community, user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone',
          [community, by.id, keep],
        );
      }
      return kept({ ok: true, previous });
    });
  }

  // ------------------------------------------------------------------------------- reminders

  addReminder(community: string, by: Actor, reminder: { door: Door; channel?: string; text: string; dueAt: string }, now: string): Promise<Limited<AddReminder>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<AddReminder>> => {
      const keep = reminderToKeep(reminder, now);
      // Text PostgreSQL would not give back as it was (a NUL, half an emoji) is refused as the other stores refuse bad text.
      if (!keep || !storable(keep.text) || (keep.channel !== undefined && !storable(keep.channel))) return refused({ ok: false, reason: 'invalid' });
      // The community's counter row, locked to commit (as addTip locks the tips'): ids follow each
      // other without gaps, and the count below sees every reminder added before this one.
      const lockCounter = () => rows<{ next_id: string }>(c, 'SELECT next_id FROM devpath.reminder_counters WHERE community = $1 FOR UPDATE', [community]);
      let [counter] = await lockCounter();
      if (!counter) {
        await c.query('INSERT INTO devpath.reminder_counters (community, next_id) VALUES ($1, 1) ON CONFLICT DO NOTHING', [community]);
        [counter] = await lockCounter();
      }
      const id = Number(counter!.next_id);
      const [pending] = await rows<{ n: number }>(c, 'SELECT count(*)::int AS n FROM devpath.reminders WHERE community = $1 AND user_id = $2', [community, by.id]);
      // No numbers left (2^48 reminders in one community) is a limit no user reaches; said as one.
      if ((pending?.n ?? 0) >= REMINDERS_PER_USER || id >= MAX_REMINDER_ID) return refused({ ok: false, reason: 'too-many' });
      const createdAt = new Date(now).toISOString();
      await c.query(
        `WITH counted AS (UPDATE devpath.reminder_counters SET next_id = next_id + 1 WHERE community = $1)
         INSERT INTO devpath.reminders (community, id, user_id, door, channel, text, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [community, id, by.id, keep.door, keep.channel ?? null, keep.text, keep.dueAt, createdAt],
      );
      return kept({ ok: true, reminder: { id, user: by.id, ...keep, createdAt } });
    });
  }

  reminders(community: string, user: string): Promise<Reminder[]> {
    return this.read(community, async () => {
      if (!usableKey(community) || !storable(user)) return [];
      const found = await rows<ReminderRow>(this.pool, `SELECT ${REMINDER_COLUMNS} FROM devpath.reminders WHERE community = $1 AND user_id = $2 ORDER BY due_at, id`, [community, user]);
      return found.map(reminderOf);
    });
  }

  cancelReminder(community: string, by: Actor, id: number, now: string): Promise<Limited<CancelReminder>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<CancelReminder>> => {
      if (!validReminderId(id)) return refused({ ok: false, reason: 'unknown' });
      // Only the caller's own; a claim in progress ends with it (finishJob then finds nothing).
      const [gone] = await rows<ReminderRow>(c, `DELETE FROM devpath.reminders WHERE community = $1 AND id = $2 AND user_id = $3 RETURNING ${REMINDER_COLUMNS}`, [community, id, by.id]);
      return gone ? kept({ ok: true, reminder: reminderOf(gone) }) : refused({ ok: false, reason: 'unknown' });
    });
  }

  // ------------------------------------------------------------------------------- digests

  setDigest(community: string, by: Actor, name: string, digest: { door: Door; channel: string; nextAt: string } | undefined, now: string): Promise<Limited<SetDigest>> {
    return this.write(community, by, 'changes', now, async ({ c }): Promise<Outcome<SetDigest>> => {
      const found = await this.findGroup(c, community, name);
      if (!found) return refused({ ok: false, reason: 'unknown' });
      let keep: Digest | undefined;
      if (digest) {
        const place = digestToKeep(digest, now);
        if (!place || !storable(place.channel)) return refused({ ok: false, reason: 'invalid' });
        keep = { ...place, by: by.id, since: new Date(now).toISOString() };
      }
      // The group's row locked to commit (NO KEY: joins, which only check it exists, go on): two
      // moderators at once change its digest one after the other, each reporting the one it replaced.
      const locked = await rows(c, 'SELECT 1 FROM devpath.groups WHERE community = $1 AND key = $2 FOR NO KEY UPDATE', [community, found.key]);
      if (!locked.length) return refused({ ok: false, reason: 'unknown' });
      const [old] = await rows<DigestRow>(c, `SELECT ${DIGEST_COLUMNS} FROM devpath.digests WHERE community = $1 AND group_key = $2`, [community, found.key]);
      const previous = old && digestOf(old);
      const group = await this.summary(c, community, found);
      if (!keep) {
        if (!old) return refused({ ok: true, group, digest: undefined, previous: undefined });
        await c.query('DELETE FROM devpath.digests WHERE community = $1 AND group_key = $2', [community, found.key]);
        return kept({ ok: true, group, digest: undefined, previous });
      }
      // A new digest: any claim on the one it replaces ends (its finishJob then changes nothing).
      await c.query(
        `INSERT INTO devpath.digests (community, group_key, door, channel, by_user, next_at, since) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (community, group_key) DO UPDATE SET door = EXCLUDED.door, channel = EXCLUDED.channel, by_user = EXCLUDED.by_user, next_at = EXCLUDED.next_at,
           since = EXCLUDED.since, retry_at = NULL, owner = NULL, lease_until = NULL, attempts = 0`,
        [community, found.key, keep.door, keep.channel, keep.by, keep.nextAt, keep.since],
      );
      return kept({ ok: true, group, digest: keep, previous });
    });
  }

  digest(community: string, name: string): Promise<Digest | undefined> {
    return this.read(community, async () => {
      if (!usableKey(community)) return undefined;
      const found = await this.findGroup(this.pool, community, name);
      if (!found) return undefined;
      const [r] = await rows<DigestRow>(this.pool, `SELECT ${DIGEST_COLUMNS} FROM devpath.digests WHERE community = $1 AND group_key = $2`, [community, found.key]);
      return r && digestOf(r);
    });
  }

  // ------------------------------------------------------------------------------- due jobs

  claimDue(options: ClaimOptions): Promise<DueJob[]> {
    return this.track(async () => {
      const { door, owner, leaseMs } = options;
      const nowMs = Date.parse(options.now);
      if (!isDoor(door) || !usableKey(owner) || !Number.isFinite(nowMs) || !(leaseMs > 0) || !(nowMs + leaseMs < LAST_TIME)) {
        throw new StoreError('devpath: cannot claim due jobs: the door, owner, time or lease is not one a store can keep.');
      }
      const limit = Math.floor(options.limit);
      const only = options.communities?.filter(usableKey);
      if (!(limit > 0) || (only && !only.length)) return [];
      const params = [door, new Date(nowMs).toISOString(), owner, limit, new Date(nowMs + leaseMs).toISOString(), ...(only ? [only] : [])];
      try {
        const claimed = await rows<ClaimedRow>(this.pool, only ? CLAIM_IN : CLAIM_ALL, params);
        return claimed.sort(claimOrder).map(dueJobOf);
      } catch (error) {
        throw this.failure(error, true);
      }
    });
  }

  finishJob(job: DueJob, owner: string, outcome: JobOutcome, now: string): Promise<boolean> {
    return this.pending(
      job.community,
      this.track(async () => {
        if (Number.isNaN(Date.parse(now))) throw new StoreError(`devpath: nothing was saved: "${String(now).slice(0, 40)}" is not a time.`);
        // A retry time no store can keep is refused as the other stores refuse it: the claim stays,
        // and its lease ending frees the job.
        const retryAt = outcome.type === 'retry' ? retryToKeep(outcome.at) : undefined;
        if (outcome.type === 'retry' && retryAt === undefined) return false;
        // A claim this store never gave: nothing of it can be in the database.
        if (!usableKey(job.community) || !usableKey(owner) || !Number.isSafeInteger(job.attempt)) return false;
        try {
          if (job.kind === 'reminder') {
            if (!validReminderId(job.reminder.id)) return false;
            const claim = [job.community, job.reminder.id, owner, job.attempt];
            const done =
              retryAt === undefined
                ? // Sent, or never deliverable: the reminder is done either way.
                  await rows(this.pool, 'DELETE FROM devpath.reminders WHERE community = $1 AND id = $2 AND owner = $3 AND attempts = $4 RETURNING 1', claim)
                : await rows(
                    this.pool,
                    'UPDATE devpath.reminders SET owner = NULL, lease_until = NULL, retry_at = $5 WHERE community = $1 AND id = $2 AND owner = $3 AND attempts = $4 RETURNING 1',
                    [...claim, retryAt],
                  );
            return done.length > 0;
          }
          const dueMs = Date.parse(job.dueAt);
          if (!storable(job.group.key) || !(dueMs < LAST_TIME)) return false;
          // The claim, and the week it was for: a digest set again since is another job.
          const dueAt = new Date(dueMs).toISOString();
          const claim = [job.community, job.group.key, owner, job.attempt, dueAt];
          const done =
            retryAt === undefined
              ? // Sent or not, the digest moves on to its next week after now, the claim and retry cleared.
                await rows(
                  this.pool,
                  `UPDATE devpath.digests SET since = next_at, next_at = $6, retry_at = NULL, owner = NULL, lease_until = NULL, attempts = 0
                   WHERE community = $1 AND group_key = $2 AND owner = $3 AND attempts = $4 AND next_at = $5 RETURNING 1`,
                  [...claim, nextDigestAt(dueAt, new Date(now).toISOString())],
                )
              : await rows(
                  this.pool,
                  'UPDATE devpath.digests SET owner = NULL, lease_until = NULL, retry_at = $6 WHERE community = $1 AND group_key = $2 AND owner = $3 AND attempts = $4 AND next_at = $5 RETURNING 1',
                  [...claim, retryAt],
                );
          return done.length > 0;
        } catch (error) {
          throw this.failure(error, true);
        }
      }),
    );
  }

  nextDue(door: Door, communities?: readonly string[]): Promise<string | undefined> {
    return this.track(async () => {
      if (!isDoor(door)) return undefined;
      const only = communities?.filter(usableKey);
      if (only && !only.length) return undefined;
      try {
        const [r] = await rows<{ at: Date | null }>(this.pool, only ? NEXT_DUE_IN : NEXT_DUE_ALL, only ? [door, only] : [door]);
        return r?.at?.toISOString();
      } catch (error) {
        throw this.failure(error, false);
      }
    });
  }

  // ------------------------------------------------------------------------------- deliveries

  firstDelivery(id: string, nowMs: number): Promise<boolean> {
    return this.track(async () => {
      const key = id.length <= DELIVERY_ID_MAX && id.length > 0 && storable(id) ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
      const at = Math.floor(nowMs);
      try {
        // New, or seen longer than the TTL ago (then it counts as new, and its time is replaced);
        // a repeat within the TTL changes nothing.
        const first = await rows(
          this.pool,
          `INSERT INTO devpath.deliveries (id, seen_ms) VALUES ($1, $2)
           ON CONFLICT (id) DO UPDATE SET seen_ms = EXCLUDED.seen_ms WHERE devpath.deliveries.seen_ms <= $2::bigint - ${DELIVERY_TTL_MS}
           RETURNING 1`,
          [key, at],
        );
        if (at - this.lastSweep >= DELIVERY_SWEEP_MS) {
          this.lastSweep = at;
          await this.pool.query(`DELETE FROM devpath.deliveries WHERE seen_ms <= $1::bigint - ${DELIVERY_TTL_MS}`, [at]);
        }
        return first.length > 0;
      } catch (error) {
        throw this.failure(error, true);
      }
    });
  }

  // ------------------------------------------------------------------------------- lifetime

  /** One round trip to the server on a pooled connection: the health check. */
  ping(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('devpath: the store is closed.'));
    // Not behind this process's writes, and never longer than a health check can wait.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreError(`devpath: the PostgreSQL database ${this.location} did not answer within ${PING_TIMEOUT_MS} ms.`, undefined, 'busy')), PING_TIMEOUT_MS);
    });
    return Promise.race([this.pool.query('SELECT 1').then(() => undefined, (error: unknown) => Promise.reject(this.failure(error, false))), late]).finally(() => clearTimeout(timer));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await this.pool.end();
  }
}

/**
 * Connects to the database at `url`, applies the migrations it lacks (safely when several
 * instances start at once), and returns the store. Throws StoreError, never showing the password,
 * when the URL is wrong, the server cannot be reached, or the database cannot be used.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const target = parseTarget(url);
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!Number.isInteger(rateLimit.max) || rateLimit.max < 1 || !(rateLimit.windowMs > 0)) {
    throw new StoreError('devpath: the write limit must allow at least one write in a window longer than 0 ms.');
  }
  // Connect and migrate on a connection of its own, with the short timeout: an unreachable server
  // is reported at once. The pool waits longer, as a burst of writes queues for its connections.
  const client = await connectOnce(url, target, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  try {
    await runMigrations(client);
  } catch (error) {
    const why = redact(error instanceof MigrationConflict ? error.message : reasonOf(error), target.secrets);
    throw new StoreError(`devpath: cannot prepare the PostgreSQL database ${target.location}: ${why}.`, undefined, problemOfPg(error));
  } finally {
    await client.end().catch(() => undefined);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: POOL_WAIT_MS,
    idleTimeoutMillis: 30_000,
    options: SESSION_LIMITS,
  });
  // An idle connection the server closes (a restart, a timeout) must not crash the bot.
  pool.on('error', (error) => log().warn({ store: target.location, reason: redact(reasonOf(error), target.secrets) }, 'an idle PostgreSQL connection failed; the pool makes a new one'));
  return new PostgresStore(pool, target, rateLimit);
}

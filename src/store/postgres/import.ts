// `devpath db import <file>`: copies a lowdb data file (DATA_DIR/devpath.json) into the PostgreSQL
// database, so moving up loses nothing; and `devpath db migrate`, which prepares that database.
//
// - The file is read and validated by the file store's own code (validateData: an older version is
//   migrated in memory, the file is never written). A missing, unreadable or invalid file stops the
//   import before anything is connected to, let alone written.
// - Each community is copied in ONE transaction: a failure leaves that community as it was, and the
//   communities copied before it stay copied (a second run finishes the job).
// - Idempotent: every row is inserted "if not there yet" (ON CONFLICT), so a second run copies
//   nothing and says so. Where the database already holds something of its own, nothing of it is
//   overwritten: a user keeps the later of the two last activities (and the name that goes with
//   it), a step already marked keeps its time, a group of the same (or a look-alike) name keeps its
//   record and gets the file's members, a question keeps the higher count and the wider time span,
//   of two pace plans for one user the one set later is kept, a user's time zone already set there
//   stays, and so does a group's weekly digest already on there.
// - Tips keep their numbers when the number is free. A number already taken by the SAME tip (author,
//   step, text, time) is that tip, copied before; one taken by ANOTHER tip (the database was already
//   in use) gets the community's next free number and is reported as renumbered, never dropped or
//   written over. The same tip found under another number (renumbered by an earlier run) is that tip.
//   Reminders (data version 3) are numbered the same way, against the community's reminder counter.
//   A reminder or digest keeps its delivery state (attempts, retry time, a claim's lease), so a job
//   a running bot had claimed is not claimed again before its lease ends. A reminder that was sent
//   or cancelled in the database after an earlier import is copied again by the next, as a tip
//   removed there is: import once, when moving, before the bot runs on the database.
// - The community's tip and reminder counters are locked for the whole transaction, as `addTip` and
//   `addReminder` lock them: a bot running on the database meanwhile adds its tips and reminders
//   before or after the import, never among it.
// - Rows go in batches (unnest arrays, BATCH rows a statement), never one round trip per row.
//
// A record the database cannot hold (a file devpath wrote has none: only a hand-edited one) is
// skipped, and the report says which and why: a vote by the tip's own author, a key PostgreSQL
// cannot store, a step id longer than any key.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { ClientBase } from 'pg';
import { skeleton } from '../../confusable.js';
import { DATA_FILE_NAME, validateData } from '../lowdb.js';
import { normalizeText, tipTextOk } from '../rules.js';
import {
  GROUP_NAME_MAX,
  isSafeKey,
  KEY_MAX,
  MAX_REMINDER_ID,
  MAX_TIP_ID,
  NAME_MAX,
  QUESTION_MAX,
  REMINDER_AHEAD_MAX_DAYS,
  REMINDER_TEXT_MAX,
  REMINDER_TEXT_MIN,
  TIME_ZONE_MAX,
  TIP_MAX,
  TIP_MIN,
  type CommunityData,
  type DbFile,
  type DigestRecord,
  type ReminderRecord,
} from '../schema.js';
import { StoreError } from '../store.js';
import { connectOnce, parseTarget, reasonOf, redact, type Target } from './connection.js';
import { MIGRATIONS, MigrationConflict, runMigrations } from './migrations.js';

/** Rows per statement: big enough that 100k tips are a few dozen round trips, small enough for one message. */
const BATCH = 5_000;
/** Deadlocks and serialisation failures (a bot writing meanwhile) are retried this many times in all. */
const MAX_ATTEMPTS = 3;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** integer columns (unanswered.count, attempts). */
const INT_MAX = 2_147_483_647;

// ---------------------------------------------------------------------------------------------
// The report

/** Records of one kind: how many were copied, and how many were already in the database. */
export interface Tally {
  copied: number;
  already: number;
}

export interface Counts {
  /** `updated`: already there, with an older last activity (the file's is kept, with its name). */
  users: Tally & { updated: number; placeholders: number };
  /** Steps marked done. */
  progress: Tally;
  /** `copied` includes the renumbered ones. */
  tips: Tally & { renumbered: number };
  votes: Tally;
  groups: Tally;
  /** Group memberships. */
  members: Tally;
  /** Unanswered questions; `updated`: already there, their count or time span widened. */
  questions: Tally & { updated: number };
  /** Pace plans; `updated`: the database held an older plan for that user, replaced by the file's. */
  plans: Tally & { updated: number };
  /** Users' settings (a time zone); `already`: the database had one for that user, kept. */
  settings: Tally;
  /** Reminders not yet sent; `copied` includes the renumbered ones. */
  reminders: Tally & { renumbered: number };
  /** Weekly digests; `already`: the group had one in the database, kept. */
  digests: Tally;
  /** Records the database cannot hold, skipped (see `problems`). */
  skipped: number;
}

export interface Renumbered {
  from: number;
  to: number;
}

export interface CommunityReport extends Counts {
  community: string;
  /** File tips whose number was taken by another tip: the number they have now. */
  renumbered: Renumbered[];
  /** File reminders whose number was taken by another reminder: the number they have now. */
  renumberedReminders: Renumbered[];
  /** What was skipped, and why. */
  problems: string[];
}

export interface ImportReport {
  /** The data file, as an absolute path. */
  file: string;
  /** The database, without its password. */
  location: string;
  communities: CommunityReport[];
  total: Counts;
  /** False when the database already held everything in the file: nothing was written. */
  changed: boolean;
}

const tally = (): Tally => ({ copied: 0, already: 0 });
const emptyCounts = (): Counts => ({
  users: { ...tally(), updated: 0, placeholders: 0 },
  progress: tally(),
  tips: { ...tally(), renumbered: 0 },
  votes: tally(),
  groups: tally(),
  members: tally(),
  questions: { ...tally(), updated: 0 },
  plans: { ...tally(), updated: 0 },
  settings: tally(),
  reminders: { ...tally(), renumbered: 0 },
  digests: tally(),
  skipped: 0,
});

function addCounts(into: Counts, from: Counts): void {
  const add = <T extends object>(a: T, b: T) => {
    for (const k of Object.keys(a) as (keyof T)[]) (a[k] as number) += b[k] as number;
  };
  add(into.users, from.users);
  add(into.progress, from.progress);
  add(into.tips, from.tips);
  add(into.votes, from.votes);
  add(into.groups, from.groups);
  add(into.members, from.members);
  add(into.questions, from.questions);
  add(into.plans, from.plans);
  add(into.settings, from.settings);
  add(into.reminders, from.reminders);
  add(into.digests, from.digests);
  into.skipped += from.skipped;
}

/** Whether anything was written for these counts. */
const wrote = (c: Counts): boolean =>
  c.users.copied +
    c.users.updated +
    c.users.placeholders +
    c.progress.copied +
    c.tips.copied +
    c.votes.copied +
    c.groups.copied +
    c.members.copied +
    c.questions.copied +
    c.questions.updated +
    c.plans.copied +
    c.plans.updated +
    c.settings.copied +
    c.reminders.copied +
    c.digests.copied >
  0;

// ---------------------------------------------------------------------------------------------
// Errors

/** The import could not be done: the message names the file or the database (never its password). */
export class ImportError extends StoreError {
  constructor(
    message: string,
    file?: string,
    /** What was copied before the failure (communities done), when it got that far. */
    readonly partial?: ImportReport,
  ) {
    super(message, file);
    this.name = 'ImportError';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the file

/**
 * The data file at `path` (or DATA_DIR/devpath.json when `path` is a folder), validated and, when
 * older, migrated in memory exactly as the file store reads it. Throws ImportError naming the file.
 */
export async function readDataFile(path: string): Promise<{ file: string; data: DbFile }> {
  let file = resolve(path);
  const cannot = (problem: string) => new ImportError(`devpath: cannot import ${file}: ${problem}. Nothing was copied.`, file);
  const found = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) {
    if (found.code === 'ENOENT') throw cannot(`there is no such file (give the path of a devpath data file, e.g. DATA_DIR/${DATA_FILE_NAME})`);
    throw cannot(`it cannot be read (${found.message})`);
  }
  if (found.isDirectory()) file = join(file, DATA_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw cannot(e.code === 'ENOENT' ? `there is no ${DATA_FILE_NAME} in that folder` : `it cannot be read (${e.message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw cannot(`it is not valid JSON (${(error as Error).message})`);
  }
  try {
    return { file, data: validateData(file, raw) };
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    // The file store's words, without its advice about starting with an empty file.
    throw new ImportError(`${error.message.replace(/\s*It was left untouched;.*$/s, '')} Nothing was copied.`, file);
  }
}

// ---------------------------------------------------------------------------------------------
// Values PostgreSQL keeps as they are (as the PostgreSQL store checks them)

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/** A key as every store accepts it, that PostgreSQL keeps exactly (no NUL, no lone surrogate). */
const usableKey = (s: string): boolean => isSafeKey(s) && !s.includes('\u0000') && !LONE_SURROGATE.test(s);
/** Text as PostgreSQL keeps it: without NUL, half an emoji as U+FFFD (as UTF-8 would). */
const clean = (s: string): string => s.replace(/\u0000/g, '').replace(LONE_SURROGATES, '\uFFFD');
/** A display name as the PostgreSQL store keeps it. */
const storedName = (name: string): string => clean(name.slice(0, NAME_MAX));
/** Text PostgreSQL keeps exactly (no NUL, no lone surrogate), unchanged. */
const storable = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
/** A time as one canonical ISO string: the same instant always compares (and is sent) the same. */
const iso = (s: string): string => new Date(s).toISOString();
const quoted = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}...` : s);

// ---------------------------------------------------------------------------------------------
// One community, in one transaction

/** A reminder or digest's delivery state as the database keeps it (migrations.ts jobState). */
interface FileJobState {
  attempts: number;
  retryAt: string | null;
  owner: string | null;
  leaseUntil: string | null;
}

interface FileReminder extends FileJobState {
  id: number;
  user: string;
  door: string;
  channel: string | null;
  text: string;
  dueAt: string;
  createdAt: string;
}

interface FileDigest extends FileJobState {
  /** The file's group key (its members' group in the database is found by copyGroups). */
  group: string;
  door: string;
  channel: string;
  by: string;
  nextAt: string;
  since: string;
}

/** A job's delivery state: a claim by an owner the database cannot name is left out (the job is then free to claim). */
function jobStateOf(r: ReminderRecord | DigestRecord): FileJobState {
  const claim = r.claim && usableKey(r.claim.owner) ? r.claim : undefined;
  // A claim is at least the first attempt (the database's CHECK); a file devpath wrote always says so.
  const attempts = Math.min(claim ? Math.max(1, r.attempts) : r.attempts, INT_MAX);
  return { attempts, retryAt: r.retryAt === undefined ? null : iso(r.retryAt), owner: claim?.owner ?? null, leaseUntil: claim ? iso(claim.leaseUntil) : null };
}

interface FileTip {
  id: number;
  step: string;
  text: string;
  norm: string;
  author: string;
  createdAt: string;
  voters: string[];
}

/** The statement's rows; arrays of values go as parameters (one statement, one round trip). */
async function q<R extends pg.QueryResultRow>(c: ClientBase, sql: string, params: unknown[]): Promise<R[]> {
  return (await c.query<R>(sql, params)).rows;
}

/** `fn` over `items` BATCH at a time, in order. */
async function batches<T>(items: readonly T[], fn: (batch: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await fn(items.slice(i, i + BATCH));
}

const column = <T, K extends keyof T>(rows: readonly T[], key: K): T[K][] => rows.map((r) => r[key]);

async function importCommunity(c: ClientBase, community: string, data: CommunityData): Promise<CommunityReport> {
  const r: CommunityReport = { community, ...emptyCounts(), renumbered: [], renumberedReminders: [], problems: [] };
  const skip = (why: string) => {
    r.problems.push(why);
    r.skipped++;
  };

  // ------------------------------------------------------------------- what to copy, in memory
  /** Users the rows below name, with the earliest time known for them (a row for each is needed: foreign keys). */
  const named = new Map<string, string>();
  const name = (id: string, at: string) => {
    const before = named.get(id);
    if (before === undefined || at < before) named.set(id, at);
  };

  const users: { id: string; name: string; nameKey: string; at: string }[] = [];
  for (const [id, u] of Object.entries(data.users)) {
    if (!usableKey(id)) {
      skip(`user ${quoted(id)}: an id PostgreSQL cannot store`);
      continue;
    }
    const n = storedName(u.name);
    users.push({ id, name: n, nameKey: n.toLowerCase(), at: iso(u.lastActive) });
  }

  const marks: { user: string; step: string; at: string }[] = [];
  for (const [user, steps] of Object.entries(data.progress)) {
    if (!usableKey(user)) {
      skip(`progress of user ${quoted(user)}: an id PostgreSQL cannot store`);
      continue;
    }
    for (const [step, at] of Object.entries(steps)) {
      if (!usableKey(step)) {
        skip(`step ${quoted(step)} marked by ${quoted(user)}: a step id PostgreSQL cannot store`);
        continue;
      }
      marks.push({ user, step, at: iso(at) });
      name(user, iso(at));
    }
  }

  const tips: FileTip[] = [];
  for (const t of data.tips) {
    const text = clean(t.text);
    if (!usableKey(t.step)) skip(`tip #${t.id}: its step id ${quoted(t.step)} cannot be stored (1 to 200 characters)`);
    else if (!usableKey(t.author)) skip(`tip #${t.id}: its author's id ${quoted(t.author)} cannot be stored`);
    else if (!tipTextOk(text, TIP_MIN, TIP_MAX)) skip(`tip #${t.id}: its text has no letters or digits to keep`);
    else {
      const createdAt = iso(t.createdAt);
      name(t.author, createdAt);
      const voters: string[] = [];
      for (const v of new Set(t.votes)) {
        if (v === t.author) skip(`a vote on tip #${t.id} by its own author ${quoted(v)}`);
        else if (!usableKey(v)) skip(`a vote on tip #${t.id} by ${quoted(v)}: an id PostgreSQL cannot store`);
        else {
          voters.push(v);
          name(v, createdAt);
        }
      }
      const repeated = t.votes.length - new Set(t.votes).size;
      if (repeated) skip(`${repeated} repeated vote${repeated === 1 ? '' : 's'} on tip #${t.id} (one vote a person)`);
      tips.push({ id: t.id, step: t.step, text, norm: normalizeText(text), author: t.author, createdAt, voters });
    }
  }

  const groups: { key: string; name: string; skeleton: string; createdBy: string; createdAt: string; members: [string, string][] }[] = [];
  const digests: FileDigest[] = [];
  for (const [key, g] of Object.entries(data.groups)) {
    const gname = clean(g.name);
    if (!usableKey(key)) skip(`group ${quoted(key)}: a key PostgreSQL cannot store`);
    else if (gname.length < 2 || gname.length > GROUP_NAME_MAX) skip(`group ${quoted(key)}: a name of 2 to ${GROUP_NAME_MAX} characters is needed`);
    else if (!usableKey(g.createdBy)) skip(`group ${quoted(key)}: its creator's id ${quoted(g.createdBy)} cannot be stored`);
    else {
      const createdAt = iso(g.createdAt);
      name(g.createdBy, createdAt);
      const members: [string, string][] = [];
      for (const [user, joined] of Object.entries(g.members)) {
        if (!usableKey(user)) {
          skip(`member ${quoted(user)} of group ${quoted(key)}: an id PostgreSQL cannot store`);
          continue;
        }
        members.push([user, iso(joined)]);
        name(user, iso(joined));
      }
      groups.push({ key, name: gname, skeleton: skeleton(key), createdBy: g.createdBy, createdAt, members });
      const d = g.digest;
      if (!d) continue;
      if (!usableKey(d.by)) skip(`the digest of group ${quoted(key)}: its moderator's id ${quoted(d.by)} cannot be stored`);
      else if (!storable(d.channel) || d.channel.length > KEY_MAX) skip(`the digest of group ${quoted(key)}: its channel ${quoted(d.channel)} cannot be stored`);
      else if (!(Date.parse(d.nextAt) > Date.parse(d.since))) skip(`the digest of group ${quoted(key)}: its next time is not after the week it covers starts`);
      else {
        const since = iso(d.since);
        name(d.by, since);
        digests.push({ group: key, door: d.door, channel: d.channel, by: d.by, nextAt: iso(d.nextAt), since, ...jobStateOf(d) });
      }
    }
  }

  const questions: { key: string; text: string; count: number; first: string; last: string }[] = [];
  for (const [key, u] of Object.entries(data.unanswered)) {
    const text = clean(u.text).slice(0, QUESTION_MAX);
    if (!usableKey(key)) skip(`unanswered question ${quoted(key)}: a key PostgreSQL cannot store`);
    else if (!text) skip(`unanswered question ${quoted(key)}: no text to keep`);
    else questions.push({ key, text, count: Math.min(u.count, INT_MAX), first: iso(u.firstAsked), last: iso(u.lastAsked) });
  }

  const plans: { user: string; target: string; setAt: string; doneAtStart: number }[] = [];
  for (const [user, p] of Object.entries(data.plans)) {
    if (!usableKey(user)) {
      skip(`the plan of user ${quoted(user)}: an id PostgreSQL cannot store`);
      continue;
    }
    const setAt = iso(p.setAt);
    plans.push({ user, target: iso(p.target), setAt, doneAtStart: p.doneAtStart });
    name(user, setAt);
  }

  const reminders: FileReminder[] = [];
  for (const x of data.reminders) {
    const text = clean(x.text);
    const due = Date.parse(x.dueAt);
    const made = Date.parse(x.createdAt);
    if (!usableKey(x.user)) skip(`reminder #${x.id}: its user's id ${quoted(x.user)} cannot be stored`);
    else if (!tipTextOk(text, REMINDER_TEXT_MIN, REMINDER_TEXT_MAX)) skip(`reminder #${x.id}: its text has no letters or digits to keep`);
    else if (x.channel !== undefined && !storable(x.channel)) skip(`reminder #${x.id}: its channel ${quoted(x.channel)} cannot be stored`);
    else if (!(due > made) || due - made > REMINDER_AHEAD_MAX_DAYS * 24 * 60 * 60_000) skip(`reminder #${x.id}: due ${quoted(x.dueAt)}, not after it was made and within ${REMINDER_AHEAD_MAX_DAYS} days`);
    else {
      const createdAt = iso(x.createdAt);
      name(x.user, createdAt);
      reminders.push({ id: x.id, user: x.user, door: x.door, channel: x.channel ?? null, text, dueAt: iso(x.dueAt), createdAt, ...jobStateOf(x) });
    }
  }

  // Settings: the time zone, kept as the file has it (the file store resolved it when it was set).
  const settings: { user: string; zone: string }[] = [];
  for (const [user, s] of Object.entries(data.settings)) {
    if (s.timeZone === undefined) continue;
    if (!usableKey(user)) skip(`the settings of user ${quoted(user)}: an id PostgreSQL cannot store`);
    else if (!storable(s.timeZone) || s.timeZone.length > TIME_ZONE_MAX) skip(`the time zone of user ${quoted(user)}: ${quoted(s.timeZone)} cannot be stored`);
    // Only for a user the file lists or names: settings carry no time to name one by.
    else if (!Object.hasOwn(data.users, user) && !named.has(user)) skip(`the time zone of user ${quoted(user)}, whom the file does not list`);
    else settings.push({ user, zone: s.timeZone });
  }

  // ------------------------------------------------------------------- the transaction
  await c.query('BEGIN');
  try {
    // The counter row first, locked to commit (as addTip locks it): no tip is added here meanwhile.
    await c.query('INSERT INTO devpath.tip_counters (community, next_id) VALUES ($1, 1) ON CONFLICT DO NOTHING', [community]);
    const [counter] = await q<{ next_id: string }>(c, 'SELECT next_id FROM devpath.tip_counters WHERE community = $1 FOR UPDATE', [community]);

    // Users, in the file's order (the order they came: memberNames, and which of two same names wins).
    await batches(users, async (batch) => {
      const done = await q<{ inserted: boolean }>(
        c,
        `INSERT INTO devpath.users (community, id, name, name_key, last_active)
         SELECT $1, u.id, u.name, u.name_key, u.last_active
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS u(id, name, name_key, last_active, ord)
         ORDER BY u.ord
         ON CONFLICT (community, id) DO UPDATE SET name = EXCLUDED.name, name_key = EXCLUDED.name_key, last_active = EXCLUDED.last_active
           WHERE devpath.users.last_active < EXCLUDED.last_active
         RETURNING (xmax = 0) AS inserted`,
        [community, column(batch, 'id'), column(batch, 'name'), column(batch, 'nameKey'), column(batch, 'at')],
      );
      const inserted = done.filter((d) => d.inserted).length;
      r.users.copied += inserted;
      r.users.updated += done.length - inserted;
      r.users.already += batch.length - done.length;
    });
    // Users the file names but does not list: named by their id, active when first seen.
    const listed = new Set(users.map((u) => u.id));
    const unlisted = [...named].filter(([id]) => !listed.has(id)).map(([id, at]) => ({ id, at }));
    await batches(unlisted, async (batch) => {
      const done = await q(
        c,
        `INSERT INTO devpath.users (community, id, name, name_key, last_active)
         SELECT $1, u.id, u.id, u.name_key, u.at FROM unnest($2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS u(id, name_key, at, ord) ORDER BY u.ord
         ON CONFLICT (community, id) DO NOTHING RETURNING 1`,
        [community, column(batch, 'id'), batch.map((u) => u.id.toLowerCase()), column(batch, 'at')],
      );
      r.users.placeholders += done.length;
    });

    // Progress: a step already marked keeps its time.
    await batches(marks, async (batch) => {
      const done = await q(
        c,
        `INSERT INTO devpath.progress (community, user_id, step, done_at)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING 1`,
        [community, column(batch, 'user'), column(batch, 'step'), column(batch, 'at')],
      );
      r.progress.copied += done.length;
      r.progress.already += batch.length - done.length;
    });

    const counterRaised = await copyTips(c, community, data.nextTipId, Number(counter!.next_id), tips, r);
    const groupOf = await copyGroups(c, community, groups, r);
    await copyDigests(c, community, digests, groupOf, r);

    // Unanswered questions: the higher count, the earliest first and the latest last time.
    await batches(questions, async (batch) => {
      const done = await q<{ inserted: boolean }>(
        c,
        `INSERT INTO devpath.unanswered (community, key, text, count, first_asked, last_asked)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::timestamptz[])
         ON CONFLICT (community, key) DO UPDATE SET
           count = GREATEST(devpath.unanswered.count, EXCLUDED.count),
           first_asked = LEAST(devpath.unanswered.first_asked, EXCLUDED.first_asked),
           last_asked = GREATEST(devpath.unanswered.last_asked, EXCLUDED.last_asked)
         WHERE devpath.unanswered.count < EXCLUDED.count OR devpath.unanswered.first_asked > EXCLUDED.first_asked OR devpath.unanswered.last_asked < EXCLUDED.last_asked
         RETURNING (xmax = 0) AS inserted`,
        [community, column(batch, 'key'), column(batch, 'text'), column(batch, 'count'), column(batch, 'first'), column(batch, 'last')],
      );
      const inserted = done.filter((d) => d.inserted).length;
      r.questions.copied += inserted;
      r.questions.updated += done.length - inserted;
      r.questions.already += batch.length - done.length;
    });

    // Pace plans: of two for one user, the one set later (the same time: the database's stays).
    await batches(plans, async (batch) => {
      const done = await q<{ inserted: boolean }>(
        c,
        `INSERT INTO devpath.plans (community, user_id, target, set_at, done_at_start)
         SELECT $1, * FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[])
         ON CONFLICT (community, user_id) DO UPDATE SET target = EXCLUDED.target, set_at = EXCLUDED.set_at, done_at_start = EXCLUDED.done_at_start
           WHERE devpath.plans.set_at < EXCLUDED.set_at
         RETURNING (xmax = 0) AS inserted`,
        [community, column(batch, 'user'), column(batch, 'target'), column(batch, 'setAt'), column(batch, 'doneAtStart')],
      );
      const inserted = done.filter((d) => d.inserted).length;
      r.plans.copied += inserted;
      r.plans.updated += done.length - inserted;
      r.plans.already += batch.length - done.length;
    });

    // Settings: a time zone the database has for that user stays.
    await batches(settings, async (batch) => {
      const done = await q(
        c,
        `INSERT INTO devpath.settings (community, user_id, time_zone) SELECT $1, * FROM unnest($2::text[], $3::text[])
         ON CONFLICT (community, user_id) DO NOTHING RETURNING 1`,
        [community, column(batch, 'user'), column(batch, 'zone')],
      );
      r.settings.copied += done.length;
      r.settings.already += batch.length - done.length;
    });

    const reminderCounterRaised = await copyReminders(c, community, data.nextReminderId, reminders, r);

    // Nothing to write: roll back (the counter rows made above, if they were new, go with it).
    await c.query(wrote(r) || counterRaised || reminderCounterRaised ? 'COMMIT' : 'ROLLBACK');
    return r;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Tips and their votes, inside the community's transaction (the counter row is locked). */
/** Resolves true when the counter had to be raised. */
async function copyTips(c: ClientBase, community: string, fileNextId: number, counterNext: number, tips: FileTip[], r: CommunityReport): Promise<boolean> {
  /** file tip -> its number in the database, for those already there. */
  const there = new Map<FileTip, number>();
  /** Numbers in the database that are some file tip. */
  const claimed = new Set<number>();
  const taken = new Set<number>();
  const same = (t: FileTip, row: { author: string; step: string; text: string; created_at: Date }) =>
    row.author === t.author && row.step === t.step && row.text === t.text && row.created_at.getTime() === Date.parse(t.createdAt);

  // Each file tip's number: free, the same tip (copied before), or another tip.
  await batches(tips, async (batch) => {
    const found = await q<{ id: string; author: string; step: string; text: string; created_at: Date }>(
      c,
      'SELECT id, author, step, text, created_at FROM devpath.tips WHERE community = $1 AND id = ANY($2::bigint[])',
      [community, column(batch, 'id')],
    );
    const byId = new Map(found.map((row) => [Number(row.id), row]));
    for (const t of batch) {
      const row = byId.get(t.id);
      if (!row) continue;
      taken.add(t.id);
      if (same(t, row)) {
        there.set(t, t.id);
        claimed.add(t.id);
      }
    }
  });
  // A file tip not at its number may be in the database under another one (renumbered by an earlier run).
  const elsewhere = tips.filter((t) => !there.has(t));
  await batches(elsewhere, async (batch) => {
    const found = await q<{ ord: string; id: string }>(
      c,
      `SELECT f.ord, t.id
       FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS f(author, step, text, created_at, ord)
       JOIN devpath.tips t ON t.community = $1 AND t.author = f.author AND t.step = f.step AND t.created_at = f.created_at AND t.text = f.text
       ORDER BY f.ord, t.id`,
      [community, column(batch, 'author'), column(batch, 'step'), column(batch, 'text'), column(batch, 'createdAt')],
    );
    for (const row of found) {
      const t = batch[Number(row.ord) - 1]!;
      const id = Number(row.id);
      if (there.has(t) || claimed.has(id)) continue;
      there.set(t, id);
      claimed.add(id);
    }
  });

  // New tips: at their own number when it is free, else at the next free one.
  const fresh = tips.filter((t) => !there.has(t));
  const own = fresh.filter((t) => !taken.has(t.id));
  const moved = fresh.filter((t) => taken.has(t.id));
  const [highest] = await q<{ max: string }>(c, 'SELECT coalesce(max(id), 0) AS max FROM devpath.tips WHERE community = $1', [community]);
  let next = own.reduce((max, t) => Math.max(max, t.id + 1), Math.max(counterNext, fileNextId, Number(highest!.max) + 1));
  if (moved.length && next + moved.length > MAX_TIP_ID) throw new Error(`this community has no tip numbers left for ${moved.length} renumbered tips`);
  const placed = new Map<FileTip, number>();
  for (const t of own) placed.set(t, t.id);
  for (const t of [...moved].sort((a, b) => a.id - b.id)) {
    r.renumbered.push({ from: t.id, to: next });
    placed.set(t, next++);
  }
  const inserts = [...placed];
  await batches(inserts, async (batch) => {
    // A new tip has no vote rows yet, and gets one for each of its voters below: its count is known.
    await c.query(
      `INSERT INTO devpath.tips (community, id, step, text, norm, author, created_at, votes)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[])`,
      [
        community,
        batch.map(([, id]) => id),
        batch.map(([t]) => t.step),
        batch.map(([t]) => t.text),
        batch.map(([t]) => t.norm),
        batch.map(([t]) => t.author),
        batch.map(([t]) => t.createdAt),
        batch.map(([t]) => t.voters.length),
      ],
    );
  });
  r.tips.copied = placed.size;
  r.tips.renumbered = r.renumbered.length;
  r.tips.already = there.size;

  // Votes, on each tip's number in the database. voted_at: the file keeps no vote times; the tip's
  // time is the earliest the vote can have been.
  const votes: { id: number; voter: string; author: string; at: string }[] = [];
  for (const t of tips) {
    const id = there.get(t) ?? placed.get(t)!;
    for (const voter of t.voters) votes.push({ id, voter, author: t.author, at: t.createdAt });
  }
  /** Tips already there that got votes: their count is recounted. */
  const counted = new Set<number>();
  const before = new Set(there.values());
  await batches(votes, async (batch) => {
    const done = await q<{ tip_id: string }>(
      c,
      `INSERT INTO devpath.votes (community, tip_id, voter, author, voted_at)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING tip_id`,
      [community, column(batch, 'id'), column(batch, 'voter'), column(batch, 'author'), column(batch, 'at')],
    );
    for (const d of done) if (before.has(Number(d.tip_id))) counted.add(Number(d.tip_id));
    r.votes.copied += done.length;
    r.votes.already += batch.length - done.length;
  });
  // Each tip that was there and got votes counts its vote rows (what voteTip keeps up to date one at a time).
  await batches([...counted], async (batch) => {
    await c.query(
      `UPDATE devpath.tips t SET votes = n.votes
       FROM (SELECT ids.id, (SELECT count(*)::int FROM devpath.votes v WHERE v.community = $1 AND v.tip_id = ids.id) AS votes FROM unnest($2::bigint[]) AS ids(id)) n
       WHERE t.community = $1 AND t.id = n.id AND t.votes <> n.votes`,
      [community, batch],
    );
  });

  // The counter past every tip, and past the file's own counter (a number the file used is not given again).
  const raised = await c.query(
    `UPDATE devpath.tip_counters SET next_id = m.next FROM
       (SELECT GREATEST($2::bigint, (SELECT coalesce(max(id), 0) + 1 FROM devpath.tips WHERE community = $1)) AS next) m
     WHERE community = $1 AND next_id < m.next`,
    [community, fileNextId],
  );
  return (raised.rowCount ?? 0) > 0;
}

/** Groups and their members, inside the community's transaction. */
async function copyGroups(
  c: ClientBase,
  community: string,
  groups: { key: string; name: string; skeleton: string; createdBy: string; createdAt: string; members: [string, string][] }[],
  r: CommunityReport,
): Promise<Map<string, string>> {
  /** file group key -> the key of the group its members (and digest) went to. */
  const target = new Map<string, string>();
  if (!groups.length) return target;
  // A group of that name, or of a look-alike name, keeps its record (the unique indexes decide).
  await batches(groups, async (batch) => {
    const made = await q(
      c,
      `INSERT INTO devpath.groups (community, key, name, skeleton, created_by, created_at)
       SELECT $1, g.key, g.name, g.skeleton, g.created_by, g.created_at
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) WITH ORDINALITY AS g(key, name, skeleton, created_by, created_at, ord)
       ORDER BY g.ord
       ON CONFLICT DO NOTHING RETURNING 1`,
      [community, column(batch, 'key'), column(batch, 'name'), column(batch, 'skeleton'), column(batch, 'createdBy'), column(batch, 'createdAt')],
    );
    r.groups.copied += made.length;
    r.groups.already += batch.length - made.length;
  });
  // Where each file group's members go: the group of its key, else the one that looks the same
  // (the first made, as the store's findGroup picks it).
  await batches(groups, async (batch) => {
    const found = await q<{ key: string; skeleton: string }>(
      c,
      'SELECT key, skeleton FROM devpath.groups WHERE community = $1 AND (key = ANY($2::text[]) OR skeleton = ANY($3::text[])) ORDER BY created_at, key',
      [community, column(batch, 'key'), column(batch, 'skeleton')],
    );
    const keys = new Set(found.map((f) => f.key));
    for (const g of batch) {
      const to = keys.has(g.key) ? g.key : found.find((f) => f.skeleton === g.skeleton)?.key;
      if (to === undefined) throw new Error(`group "${g.key}" was neither created nor found`);
      target.set(g.key, to);
    }
  });
  // One membership per (group, user): the earliest join time when two file groups became one.
  const members = new Map<string, { group: string; user: string; at: string }>();
  for (const g of groups) {
    for (const [user, at] of g.members) {
      const group = target.get(g.key)!;
      const k = JSON.stringify([group, user]);
      const before = members.get(k);
      if (!before || at < before.at) members.set(k, { group, user, at });
    }
  }
  const rows = [...members.values()];
  await batches(rows, async (batch) => {
    const joined = await q(
      c,
      `INSERT INTO devpath.group_members (community, group_key, user_id, joined_at)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING 1`,
      [community, column(batch, 'group'), column(batch, 'user'), column(batch, 'at')],
    );
    r.members.copied += joined.length;
    r.members.already += batch.length - joined.length;
  });
  return target;
}

/** Columns of a job's delivery state, for an unnest(...) insert. */
const jobColumns = (batch: readonly FileJobState[]) => [column(batch, 'attempts'), column(batch, 'retryAt'), column(batch, 'owner'), column(batch, 'leaseUntil')];

/** Weekly digests, on the group each file group went to: a group with a digest in the database keeps it. */
async function copyDigests(c: ClientBase, community: string, digests: FileDigest[], groupOf: Map<string, string>, r: CommunityReport): Promise<void> {
  // Two file groups that became one database group: the first one's digest.
  const seen = new Set<string>();
  const rows = digests.flatMap((d) => {
    const group = groupOf.get(d.group);
    if (group === undefined || seen.has(group)) {
      r.digests.already++;
      return [];
    }
    seen.add(group);
    return [{ ...d, group }];
  });
  await batches(rows, async (batch) => {
    const done = await q(
      c,
      `INSERT INTO devpath.digests (community, group_key, door, channel, by_user, next_at, since, attempts, retry_at, owner, lease_until)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::timestamptz[], $10::text[], $11::timestamptz[])
       ON CONFLICT (community, group_key) DO NOTHING RETURNING 1`,
      [community, column(batch, 'group'), column(batch, 'door'), column(batch, 'channel'), column(batch, 'by'), column(batch, 'nextAt'), column(batch, 'since'), ...jobColumns(batch)],
    );
    r.digests.copied += done.length;
    r.digests.already += batch.length - done.length;
  });
}

/**
 * Reminders, inside the community's transaction, numbered as copyTips numbers tips: at their own
 * number when it is free, the same reminder (user, door, text, times) found at it or under another
 * number is already there, and one whose number another reminder has gets the next free number.
 * Resolves true when the counter had to be raised.
 */
async function copyReminders(c: ClientBase, community: string, fileNextId: number, reminders: FileReminder[], r: CommunityReport): Promise<boolean> {
  // The counter row, locked to commit as addReminder locks it: no reminder is added here meanwhile.
  await c.query('INSERT INTO devpath.reminder_counters (community, next_id) VALUES ($1, 1) ON CONFLICT DO NOTHING', [community]);
  const [counter] = await q<{ next_id: string }>(c, 'SELECT next_id FROM devpath.reminder_counters WHERE community = $1 FOR UPDATE', [community]);
  type Row = { id: string; user_id: string; door: string; text: string; due_at: Date; created_at: Date };
  const same = (x: FileReminder, row: Row) =>
    row.user_id === x.user && row.door === x.door && row.text === x.text && row.due_at.getTime() === Date.parse(x.dueAt) && row.created_at.getTime() === Date.parse(x.createdAt);
  const there = new Map<FileReminder, number>();
  const claimed = new Set<number>();
  const taken = new Set<number>();
  await batches(reminders, async (batch) => {
    const found = await q<Row>(c, 'SELECT id, user_id, door, text, due_at, created_at FROM devpath.reminders WHERE community = $1 AND id = ANY($2::bigint[])', [community, column(batch, 'id')]);
    const byId = new Map(found.map((row) => [Number(row.id), row]));
    for (const x of batch) {
      const row = byId.get(x.id);
      if (!row) continue;
      taken.add(x.id);
      if (same(x, row)) {
        there.set(x, x.id);
        claimed.add(x.id);
      }
    }
  });
  // Renumbered by an earlier run: the same reminder under another number.
  const elsewhere = reminders.filter((x) => !there.has(x));
  await batches(elsewhere, async (batch) => {
    const found = await q<{ ord: string; id: string }>(
      c,
      `SELECT f.ord, t.id
       FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) WITH ORDINALITY AS f(user_id, door, text, due_at, created_at, ord)
       JOIN devpath.reminders t ON t.community = $1 AND t.user_id = f.user_id AND t.door = f.door AND t.text = f.text AND t.due_at = f.due_at AND t.created_at = f.created_at
       ORDER BY f.ord, t.id`,
      [community, column(batch, 'user'), column(batch, 'door'), column(batch, 'text'), column(batch, 'dueAt'), column(batch, 'createdAt')],
    );
    for (const row of found) {
      const x = batch[Number(row.ord) - 1]!;
      const id = Number(row.id);
      if (there.has(x) || claimed.has(id)) continue;
      there.set(x, id);
      claimed.add(id);
    }
  });

  const fresh = reminders.filter((x) => !there.has(x));
  const own = fresh.filter((x) => !taken.has(x.id));
  const moved = fresh.filter((x) => taken.has(x.id));
  const [highest] = await q<{ max: string }>(c, 'SELECT coalesce(max(id), 0) AS max FROM devpath.reminders WHERE community = $1', [community]);
  let next = own.reduce((max, x) => Math.max(max, x.id + 1), Math.max(Number(counter!.next_id), fileNextId, Number(highest!.max) + 1));
  if (moved.length && next + moved.length > MAX_REMINDER_ID) throw new Error(`this community has no reminder numbers left for ${moved.length} renumbered reminders`);
  const placed: [FileReminder, number][] = own.map((x) => [x, x.id]);
  for (const x of [...moved].sort((a, b) => a.id - b.id)) {
    r.renumberedReminders.push({ from: x.id, to: next });
    placed.push([x, next++]);
  }
  await batches(placed, async (batch) => {
    await c.query(
      `INSERT INTO devpath.reminders (community, id, user_id, door, channel, text, due_at, created_at, attempts, retry_at, owner, lease_until)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::int[], $10::timestamptz[], $11::text[], $12::timestamptz[])`,
      [
        community,
        batch.map(([, id]) => id),
        batch.map(([x]) => x.user),
        batch.map(([x]) => x.door),
        batch.map(([x]) => x.channel),
        batch.map(([x]) => x.text),
        batch.map(([x]) => x.dueAt),
        batch.map(([x]) => x.createdAt),
        ...jobColumns(batch.map(([x]) => x)),
      ],
    );
  });
  r.reminders.copied = placed.length;
  r.reminders.renumbered = r.renumberedReminders.length;
  r.reminders.already = there.size;

  // The counter past every reminder, and past the file's own counter (a number the file used is not given again).
  const raised = await c.query(
    `UPDATE devpath.reminder_counters SET next_id = m.next FROM
       (SELECT GREATEST($2::bigint, (SELECT coalesce(max(id), 0) + 1 FROM devpath.reminders WHERE community = $1)) AS next) m
     WHERE community = $1 AND next_id < m.next`,
    [community, fileNextId],
  );
  return (raised.rowCount ?? 0) > 0;
}

// ---------------------------------------------------------------------------------------------
// The database

export interface ImportOptions {
  /** Give up connecting after this long (default 10 s). Only when a URL is given. */
  connectTimeoutMs?: number;
  /** The database as the report names it, when a client or pool is given (a URL names itself). */
  location?: string;
  /** Called as each community is committed. */
  onCommunity?: (report: CommunityReport) => void;
}

type Database = string | pg.Pool | ClientBase;

/** A connection to `database` for `fn`: a URL is connected to (and closed), a pool lends one, a client is used as is. */
async function withClient<T>(database: Database, target: Target, timeoutMs: number, fn: (c: ClientBase) => Promise<T>): Promise<T> {
  if (typeof database !== 'string') {
    if (database instanceof pg.Pool) {
      const client = await database.connect();
      let broken: Error | undefined;
      try {
        return await fn(client);
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        client.release(broken);
      }
    }
    return fn(database);
  }
  const client = await connectOnce(database, target, timeoutMs, (message) => new ImportError(`${message} Nothing was copied.`));
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function targetOf(database: Database, location: string | undefined): Target {
  if (typeof database === 'string') {
    try {
      return parseTarget(database);
    } catch (error) {
      throw new ImportError((error as Error).message);
    }
  }
  return { location: location ?? 'the PostgreSQL database', secrets: [] };
}

/** Applies the migrations the database lacks (as every store open does): the versions applied, and the latest. */
export async function migrateDatabase(database: Database, options: Pick<ImportOptions, 'connectTimeoutMs' | 'location'> = {}): Promise<{ location: string; applied: number[]; latest: number }> {
  const target = targetOf(database, options.location);
  return withClient(database, target, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, async (c) => {
    try {
      const applied = await runMigrations(c);
      return { location: target.location, applied, latest: Math.max(...MIGRATIONS.map((m) => m.version)) };
    } catch (error) {
      const why = redact(error instanceof MigrationConflict ? error.message : reasonOf(error), target.secrets);
      throw new ImportError(`devpath: cannot prepare the PostgreSQL database ${target.location}: ${why}.`);
    }
  });
}

/**
 * Copies the data file at `path` (or DATA_DIR/devpath.json in the folder `path`) into `database`
 * (a postgres:// URL, a pool, or a connected client), migrating the database first. Resolves with
 * what was copied; throws ImportError, never showing a password, naming the file or the database.
 */
export async function importFile(database: Database, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const target = targetOf(database, options.location);
  // The whole file is read and checked before the database is touched.
  const { file, data } = await readDataFile(path);
  const report: ImportReport = { file, location: target.location, communities: [], total: emptyCounts(), changed: false };
  return withClient(database, target, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, async (c) => {
    try {
      await runMigrations(c);
    } catch (error) {
      const why = redact(error instanceof MigrationConflict ? error.message : reasonOf(error), target.secrets);
      throw new ImportError(`devpath: cannot prepare the PostgreSQL database ${target.location}: ${why}. Nothing was copied.`, file);
    }
    for (const [community, content] of Object.entries(data.communities)) {
      let done: CommunityReport;
      if (!usableKey(community)) {
        done = { community, ...emptyCounts(), renumbered: [], renumberedReminders: [], problems: [`community ${quoted(community)}: an id PostgreSQL cannot store`], skipped: 1 };
      } else {
        for (let attempt = 1; ; attempt++) {
          try {
            done = await importCommunity(c, community, content);
            break;
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            if ((code === '40P01' || code === '40001') && attempt < MAX_ATTEMPTS) continue;
            const why = redact(reasonOf(error), target.secrets);
            const before = report.communities.length;
            throw new ImportError(
              `devpath: could not copy community ${quoted(community)} from ${file} into ${target.location}: ${why}. That community was left as it was` +
                (before ? `; the ${before} before it in the file were copied` : '') +
                '. Running the import again is safe: nothing is copied twice.',
              file,
              report,
            );
          }
        }
      }
      report.communities.push(done);
      addCounts(report.total, done);
      report.changed ||= wrote(done);
      options.onCommunity?.(done);
    }
    return report;
  }).catch((error: unknown) => {
    if (error instanceof StoreError) throw error;
    throw new ImportError(`devpath: the import into ${target.location} failed: ${redact(reasonOf(error), target.secrets)}.`, file, report);
  });
}

// ---------------------------------------------------------------------------------------------
// In words

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "120 tips (3 already there, 2 renumbered)": what was copied of one kind, and what was not. */
function phrase(n: Tally & { updated?: number; placeholders?: number; renumbered?: number }, one: string, many?: string, renumbered?: Renumbered[]): string | undefined {
  const notes: string[] = [];
  if (n.updated) notes.push(`${n.updated} updated`);
  if (n.placeholders) notes.push(`${n.placeholders} more named by their id`);
  if (n.already) notes.push(`${n.already} already there`);
  if (n.renumbered) notes.push(renumbered ? `${n.renumbered} renumbered: ${renumbered.map((x) => `#${x.from} -> #${x.to}`).join(', ')}` : `${n.renumbered} renumbered, listed below`);
  if (!n.copied && !notes.length) return undefined;
  return `${plural(n.copied, one, many)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** What was copied of each kind; the renumbered tips and reminders listed when given (one community's). */
function phrases(c: Counts, listed?: Pick<CommunityReport, 'renumbered' | 'renumberedReminders'>): string {
  return [
    phrase(c.users, 'user'),
    phrase(c.progress, 'step marked done', 'steps marked done'),
    phrase(c.tips, 'tip', 'tips', listed?.renumbered),
    phrase(c.votes, 'vote'),
    phrase(c.groups, 'group'),
    phrase(c.members, 'group member'),
    phrase(c.questions, 'unanswered question'),
    phrase(c.plans, 'pace plan'),
    phrase(c.settings, 'time zone'),
    phrase(c.reminders, 'reminder', 'reminders', listed?.renumberedReminders),
    phrase(c.digests, 'weekly digest'),
  ]
    .filter(Boolean)
    .join(', ');
}

/** SHOWN problems at most are listed one a line; the rest are counted. */
const SHOWN = 50;

/** The report as plain lines: the total first, then one line per community, then what was skipped. */
export function describeImport(report: ImportReport): string[] {
  const lines: string[] = [];
  const n = report.communities.length;
  if (!report.changed) {
    lines.push(`Nothing to copy: everything in ${report.file} is already in ${report.location} (${plural(n, 'community', 'communities')}).`);
  } else {
    const one = n === 1 ? report.communities[0] : undefined;
    lines.push(`Copied from ${report.file} into ${report.location}: ${plural(n, 'community', 'communities')}${one ? ` (${quoted(one.community)})` : ''}, ${phrases(report.total, one)}.`);
    if (!one) {
      for (const c of report.communities) lines.push(`  ${quoted(c.community)}: ${wrote(c) ? phrases(c, c) : 'nothing new, everything already there'}.`);
    }
    if (report.total.tips.renumbered) lines.push('Renumbered tips had a number another tip already had in the database; they keep their text, author, time and votes.');
    if (report.total.reminders.renumbered) lines.push('Renumbered reminders had a number another reminder already had in the database; they keep their text, user and times.');
  }
  if (report.total.skipped) {
    lines.push(`Skipped ${plural(report.total.skipped, 'record')} the database cannot hold:`);
    const all = report.communities.flatMap((c) => c.problems.map((p) => (n === 1 ? p : `${quoted(c.community)}: ${p}`)));
    for (const p of all.slice(0, SHOWN)) lines.push(`  ${p}`);
    if (all.length > SHOWN) lines.push(`  ... and ${all.length - SHOWN} more`);
  }
  return lines;
}

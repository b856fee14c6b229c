// The PostgreSQL schema, as numbered migrations kept in TypeScript strings (so `tsc` ships them
// with the code; the build copies no .sql files), and the runner that applies them: at every
// open, and by `npm run db:migrate`.
//
// Safe when several instances start at once: the runner holds a session-level advisory lock while
// it reads `devpath.schema_migrations` and applies what is missing, each migration in its own
// transaction together with the row that records it. An instance that waited for the lock finds
// the work done. A database migrated by a newer devpath (a version this code does not know) is
// refused rather than written with the wrong rules.
//
// Everything lives in the schema `devpath`, so a DATABASE_URL shared with another application
// never mixes its tables (a `users` table of its own, say) with ours.
import type { ClientBase } from 'pg';
import {
  DOOR_MAX,
  KEY_MAX,
  MAX_REMINDER_ID,
  MAX_TIP_ID,
  NAME_MAX,
  PLAN_STEPS_MAX,
  QUESTION_MAX,
  REMINDER_AHEAD_MAX_DAYS,
  REMINDER_TEXT_MAX,
  REMINDER_TEXT_MIN,
  TIME_ZONE_MAX,
  TIP_MAX,
  TIP_MIN,
  GROUP_NAME_MAX,
} from '../schema.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** One key (community, user, step, group, question): 1 to KEY_MAX characters. */
const key = (column: string) => `CHECK (char_length(${column}) BETWEEN 1 AND ${KEY_MAX})`;

/**
 * Version 1. The rules that must never break are constraints here, not only code: every key is
 * scoped by community; one vote per (community, tip, voter) and never by the tip's author (the
 * vote row carries the author, tied to the tip by a foreign key, so the CHECK is about the real
 * author); a tip's votes, and a group's members, go with it; lengths as the data file's schema.
 *
 * Indexes serve every query on the write path (addTip at a million tips): ranking per step and
 * overall (votes DESC, created_at DESC, id DESC), a step's newest tips (the near-duplicate
 * window: the highest numbers), md5 of the normalised text per step (the exact-duplicate check, through the whole
 * step; md5 because a normalised 500-character tip can outgrow a btree entry), the per-community
 * tip counter (one row, locked by the adding transaction: ids 1..N with no gaps), and the write
 * limit's recent hits per (community, user, bucket).
 *
 * Foreign keys to users are checked at commit (DEFERRABLE INITIALLY DEFERRED): a write records its
 * user in the same round trip as the commit, after the rows that name them.
 */
const V1 = `
CREATE TABLE devpath.users (
  community   text        NOT NULL ${key('community')},
  id          text        NOT NULL ${key('id')},
  name        text        NOT NULL CHECK (char_length(name) <= ${NAME_MAX}),
  -- name.toLowerCase() as JavaScript computes it: member() by name, case-insensitively
  name_key    text        NOT NULL,
  last_active timestamptz NOT NULL,
  -- the order users first saved something: memberNames(), and which of two same names member() finds
  arrival     bigint      GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (community, id)
);
CREATE INDEX users_by_name ON devpath.users (community, name_key);
CREATE INDEX users_by_arrival ON devpath.users (community, arrival);

CREATE TABLE devpath.progress (
  community text        NOT NULL,
  user_id   text        NOT NULL,
  step      text        NOT NULL ${key('step')},
  done_at   timestamptz NOT NULL,
  PRIMARY KEY (community, user_id, step),
  FOREIGN KEY (community, user_id) REFERENCES devpath.users (community, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE devpath.tip_counters (
  community text   PRIMARY KEY ${key('community')},
  next_id   bigint NOT NULL CHECK (next_id BETWEEN 1 AND ${MAX_TIP_ID})
);

CREATE TABLE devpath.tips (
  community  text        NOT NULL ${key('community')},
  id         bigint      NOT NULL CHECK (id BETWEEN 1 AND ${MAX_TIP_ID - 1}),
  step       text        NOT NULL ${key('step')},
  text       text        NOT NULL CHECK (char_length(text) BETWEEN ${TIP_MIN} AND ${TIP_MAX}),
  -- normalizeText(text) (src/store/rules.ts): the duplicate check's idea of "the same text"
  norm       text        NOT NULL CHECK (norm <> ''),
  author     text        NOT NULL,
  created_at timestamptz NOT NULL,
  votes      integer     NOT NULL DEFAULT 0 CHECK (votes >= 0),
  PRIMARY KEY (community, id),
  -- the target of the votes' foreign key, which ties each vote to the tip's real author
  UNIQUE (community, id, author),
  FOREIGN KEY (community, author) REFERENCES devpath.users (community, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX tips_ranked ON devpath.tips (community, votes DESC, created_at DESC, id DESC);
CREATE INDEX tips_ranked_by_step ON devpath.tips (community, step, votes DESC, created_at DESC, id DESC);
CREATE INDEX tips_newest_by_step ON devpath.tips (community, step, id DESC);
CREATE INDEX tips_same_text ON devpath.tips (community, step, md5(norm));
CREATE INDEX tips_by_author ON devpath.tips (community, author, votes DESC, created_at DESC, id DESC);

CREATE TABLE devpath.votes (
  community text        NOT NULL,
  tip_id    bigint      NOT NULL,
  voter     text        NOT NULL,
  author    text        NOT NULL,
  voted_at  timestamptz NOT NULL,
  PRIMARY KEY (community, tip_id, voter),
  CONSTRAINT votes_not_by_author CHECK (voter <> author),
  FOREIGN KEY (community, tip_id, author) REFERENCES devpath.tips (community, id, author) ON DELETE CASCADE,
  FOREIGN KEY (community, voter) REFERENCES devpath.users (community, id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE devpath.groups (
  community  text        NOT NULL,
  key        text        NOT NULL ${key('key')},
  name       text        NOT NULL CHECK (char_length(name) BETWEEN 2 AND ${GROUP_NAME_MAX}),
  -- skeleton(key) (UTS #39): a name that looks like a group's finds that group
  skeleton   text        NOT NULL,
  created_by text        NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (community, key),
  FOREIGN KEY (community, created_by) REFERENCES devpath.users (community, id) DEFERRABLE INITIALLY DEFERRED
);
-- Two groups that look alike are one group, also when two processes create them at once.
CREATE UNIQUE INDEX groups_look_alike ON devpath.groups (community, skeleton);

CREATE TABLE devpath.group_members (
  community text        NOT NULL,
  group_key text        NOT NULL,
  user_id   text        NOT NULL,
  joined_at timestamptz NOT NULL,
  PRIMARY KEY (community, group_key, user_id),
  FOREIGN KEY (community, group_key) REFERENCES devpath.groups (community, key) ON DELETE CASCADE,
  FOREIGN KEY (community, user_id) REFERENCES devpath.users (community, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX group_members_by_user ON devpath.group_members (community, user_id);

CREATE TABLE devpath.unanswered (
  community   text        NOT NULL ${key('community')},
  key         text        NOT NULL ${key('key')},
  text        text        NOT NULL CHECK (char_length(text) BETWEEN 1 AND ${QUESTION_MAX}),
  count       integer     NOT NULL CHECK (count >= 1),
  first_asked timestamptz NOT NULL,
  last_asked  timestamptz NOT NULL,
  PRIMARY KEY (community, key)
);
CREATE INDEX unanswered_ranked ON devpath.unanswered (community, count DESC, last_asked DESC);
CREATE INDEX unanswered_asked_once ON devpath.unanswered (community, last_asked) WHERE count = 1;

-- The write limit's counted writes, per (community, user, bucket); older than the window, they go.
CREATE TABLE devpath.rate_hits (
  community text        NOT NULL,
  user_id   text        NOT NULL,
  bucket    text        NOT NULL CHECK (bucket IN ('changes', 'questions')),
  at        timestamptz NOT NULL
);
CREATE INDEX rate_hits_recent ON devpath.rate_hits (community, user_id, bucket, at DESC);

-- Slack deliveries seen by any instance (firstDelivery), by id, for an hour.
CREATE TABLE devpath.deliveries (
  id      text   PRIMARY KEY CHECK (char_length(id) BETWEEN 1 AND 300),
  seen_ms bigint NOT NULL
);
CREATE INDEX deliveries_by_time ON devpath.deliveries (seen_ms);
`;

/**
 * Version 2: pace plans, one per (community, user), as the data file's `plans` (version 2). A plan
 * ends after it was set; it goes with its user.
 */
const V2 = `
CREATE TABLE devpath.plans (
  community     text        NOT NULL,
  user_id       text        NOT NULL,
  target        timestamptz NOT NULL,
  set_at        timestamptz NOT NULL,
  done_at_start integer     NOT NULL CHECK (done_at_start BETWEEN 0 AND ${PLAN_STEPS_MAX}),
  PRIMARY KEY (community, user_id),
  CONSTRAINT plans_end_after_set CHECK (target > set_at),
  FOREIGN KEY (community, user_id) REFERENCES devpath.users (community, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
`;

/**
 * The doors version 3 knew, exactly as it was applied (an applied migration is never edited).
 * Version 4 lifts the list: a door names itself, and the core keeps no list of doors.
 */
const V3_DOOR_CHECK = "CHECK (door IN ('terminal', 'discord', 'slack'))";

/**
 * A due job's delivery (store.ts claimDue), as the data file's JobState: who holds it and until
 * when (set and cleared together), the claims made since it was last delivered (at least one while
 * it is held), and a time before which it is not claimed again. `claimable_from` is when it is
 * due, counting the retry time (rules.ts claimableFrom), kept by the database so no write can get
 * it wrong: claimDue takes jobs in its order.
 */
const jobState = (due: string) => `
  retry_at       timestamptz,
  owner          text        CHECK (char_length(owner) BETWEEN 1 AND ${KEY_MAX}),
  lease_until    timestamptz,
  attempts       integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  claimable_from timestamptz NOT NULL GENERATED ALWAYS AS (greatest(${due}, retry_at)) STORED,
  CHECK ((owner IS NULL) = (lease_until IS NULL)),
  CHECK (owner IS NULL OR attempts >= 1)`;

/**
 * Version 3: a user's settings (their time zone), reminders and weekly digests, as the data file's
 * `settings`, `reminders` and groups' `digest` (version 3).
 *
 * Reminders and digests are two tables, not one jobs table: each keeps the constraints of its own
 * kind without columns that are empty for the other (a reminder's text and user, tied to the users
 * table; a digest's group, deleted with it, and one per group by its primary key). claimDue reads
 * both in one statement (store.ts). Reminder ids come from a per-community counter row, locked by
 * the adding transaction as tip ids are: 1..N with no gaps, and the per-user count checked after it.
 *
 * Indexes: (door, claimable_from) on each kind serves claimDue (the soonest due first, stopping at
 * the batch; the few held by a lease are passed over) and nextDue's soonest unclaimed job; (door,
 * lease_until) of the held ones, a handful, its soonest lease end. A user's pending reminders in
 * due order; tips by time for a digest's new tips (TipQuery.since) among a million.
 */
const V3 = `
CREATE TABLE devpath.settings (
  community text NOT NULL,
  user_id   text NOT NULL,
  -- an IANA name as Intl resolves it (rules.ts)
  time_zone text NOT NULL CHECK (char_length(time_zone) BETWEEN 1 AND ${TIME_ZONE_MAX}),
  PRIMARY KEY (community, user_id),
  FOREIGN KEY (community, user_id) REFERENCES devpath.users (community, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE devpath.reminder_counters (
  community text   PRIMARY KEY ${key('community')},
  next_id   bigint NOT NULL CHECK (next_id BETWEEN 1 AND ${MAX_REMINDER_ID})
);

CREATE TABLE devpath.reminders (
  community  text        NOT NULL ${key('community')},
  id         bigint      NOT NULL CHECK (id BETWEEN 1 AND ${MAX_REMINDER_ID - 1}),
  user_id    text        NOT NULL,
  door       text        NOT NULL ${V3_DOOR_CHECK},
  channel    text        CHECK (char_length(channel) BETWEEN 1 AND ${KEY_MAX}),
  text       text        NOT NULL CHECK (char_length(text) BETWEEN ${REMINDER_TEXT_MIN} AND ${REMINDER_TEXT_MAX}),
  due_at     timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  ${jobState('due_at')},
  PRIMARY KEY (community, id),
  -- hours, not days: a day across a daylight-saving change is not 24 hours in the session's zone
  CONSTRAINT reminders_due_ahead CHECK (due_at > created_at AND due_at <= created_at + interval '${REMINDER_AHEAD_MAX_DAYS * 24} hours'),
  FOREIGN KEY (community, user_id) REFERENCES devpath.users (community, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX reminders_due ON devpath.reminders (door, claimable_from);
CREATE INDEX reminders_leased ON devpath.reminders (door, lease_until) WHERE owner IS NOT NULL;
CREATE INDEX reminders_by_user ON devpath.reminders (community, user_id, due_at, id);

CREATE TABLE devpath.digests (
  community text        NOT NULL,
  group_key text        NOT NULL,
  door      text        NOT NULL ${V3_DOOR_CHECK},
  channel   text        NOT NULL ${key('channel')},
  by_user   text        NOT NULL,
  next_at   timestamptz NOT NULL,
  since     timestamptz NOT NULL,
  ${jobState('next_at')},
  -- one digest per group
  PRIMARY KEY (community, group_key),
  CONSTRAINT digests_next_after_since CHECK (next_at > since),
  FOREIGN KEY (community, group_key) REFERENCES devpath.groups (community, key) ON DELETE CASCADE,
  FOREIGN KEY (community, by_user) REFERENCES devpath.users (community, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX digests_due ON devpath.digests (door, claimable_from);
CREATE INDEX digests_leased ON devpath.digests (door, lease_until) WHERE owner IS NOT NULL;

CREATE INDEX tips_by_time ON devpath.tips (community, created_at);
`;

/**
 * Version 4: a job's door is whatever name the door gives itself, 1 to DOOR_MAX characters (as the
 * data file's schema), no longer one of the doors version 3 listed, so a new door keeps reminders
 * and digests with no change to the core. Every row version 3 kept still fits. The constraints
 * keep the names PostgreSQL gave version 3's column checks.
 */
const V4 = `
ALTER TABLE devpath.reminders
  DROP CONSTRAINT reminders_door_check,
  ADD CONSTRAINT reminders_door_check CHECK (char_length(door) BETWEEN 1 AND ${DOOR_MAX});
ALTER TABLE devpath.digests
  DROP CONSTRAINT digests_door_check,
  ADD CONSTRAINT digests_door_check CHECK (char_length(door) BETWEEN 1 AND ${DOOR_MAX});
`;

/** Every migration, in order. Append only: an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'community data', sql: V1 },
  { version: 2, name: 'pace plans', sql: V2 },
  { version: 3, name: 'settings, reminders and weekly digests', sql: V3 },
  { version: 4, name: 'any door name', sql: V4 },
];

/** The session-level advisory lock every runner takes (one bigint key: 'devpat' in ASCII, 0x646576706174). */
export const MIGRATION_LOCK = '110386941550964';

export class MigrationConflict extends Error {}

/**
 * Applies every migration the database lacks, under the migration lock; returns the versions it
 * applied (none when another instance had already done it). Throws MigrationConflict when the
 * database was migrated by a newer devpath.
 */
export async function runMigrations(client: ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
  try {
    // Created only when missing: an account that may use a schema an administrator made for it,
    // but not create one, still opens the store.
    const { rows: found } = await client.query<{ schema: boolean; table: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'devpath') AS schema, to_regclass('devpath.schema_migrations') IS NOT NULL AS table`,
    );
    if (!found[0]?.schema) await client.query('CREATE SCHEMA devpath');
    if (!found[0]?.table) {
      await client.query(`
        CREATE TABLE devpath.schema_migrations (
          version    integer     PRIMARY KEY,
          name       text        NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
    }
    const { rows } = await client.query<{ version: number }>('SELECT version FROM devpath.schema_migrations ORDER BY version');
    const applied = new Set(rows.map((r) => r.version));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = rows.map((r) => r.version).filter((v) => !known.has(v));
    if (unknown.length) {
      throw new MigrationConflict(
        `the database has schema version ${Math.max(...unknown)}, written by a newer devpath (this one knows up to ${Math.max(0, ...known)}); upgrade devpath, or use another database`,
      );
    }
    const done: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO devpath.schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      done.push(m.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]).catch(() => undefined);
  }
}

// The data file's shape, validated with zod when it is read (at start, and whenever another
// process changed it). Everything is scoped by community (Discord guild, Slack workspace, `local`)
// and then by user: no command ever sees another community's data.
import { z } from 'zod';

/** The version this code writes. Older files are migrated (after a backup copy); newer ones refused. */
export const CURRENT_VERSION = 3;

// Length limits, in one place: the schema refuses a file beyond them, and the writers
// (store/community.ts) never store more, so whatever the bot saved always opens again.
/** Ids and other keys (user, step, normalised group name or question). */
export const KEY_MAX = 200;
/** A user's display name. */
export const NAME_MAX = 200;
export const TIP_MIN = 1;
export const TIP_MAX = 500;
export const GROUP_NAME_MAX = 32;
/** An unanswered question, as kept for moderators. */
export const QUESTION_MAX = 300;
/** A pace plan's count of steps done when it was set: far above any roadmap. */
export const PLAN_STEPS_MAX = 10_000;

// Reminders, time zones and weekly digests (data version 3).
export const REMINDER_TEXT_MIN = 1;
export const REMINDER_TEXT_MAX = 300;
/** Pending reminders one user may have in one community. */
export const REMINDERS_PER_USER = 25;
/** How far ahead a reminder may be set. */
export const REMINDER_AHEAD_MAX_DAYS = 366;
/** An IANA time zone name ("America/Argentina/ComodRivadavia" is among the longest). */
export const TIME_ZONE_MAX = 64;
/** A weekly digest comes once a week. */
export const DIGEST_EVERY_MS = 7 * 24 * 60 * 60_000;

/** Keys that would reach Object.prototype if used as a property name. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const isSafeKey = (k: string): boolean => k.length > 0 && k.length <= KEY_MAX && !UNSAFE_KEYS.has(k);
const Key = z.string().refine(isSafeKey, 'is not a usable key');
const Iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date');

export const UserRecord = z.object({ name: z.string().max(NAME_MAX), lastActive: Iso });
export type UserRecord = z.infer<typeof UserRecord>;

/**
 * The highest tip number: far beyond any community, and far below 2^53, so a file the bot wrote
 * always opens again (a counter at 2^53 - 1 would become 2^53 with one more tip).
 */
export const MAX_TIP_ID = 2 ** 48;

export const TipRecord = z.object({
  id: z.number().int().positive().max(MAX_TIP_ID - 1),
  step: z.string().min(1),
  text: z.string().min(TIP_MIN).max(TIP_MAX),
  author: Key,
  createdAt: Iso,
  /** User ids that voted for it: one vote each, never the author. */
  votes: z.array(z.string()),
});
export type TipRecord = z.infer<typeof TipRecord>;

/**
 * The name of the door that delivers a due job (store.ts `Door`): whatever name the door gives
 * itself, 1 to DOOR_MAX characters. The core keeps no list of doors, so a new door needs no change here.
 */
export const DOOR_MAX = 32;
const DoorName = z.string().min(1).max(DOOR_MAX);
/** A channel a job is delivered to, or where a reminder was asked. */
const Channel = z.string().min(1).max(KEY_MAX);

/**
 * How a due job (a reminder, a digest) is being delivered. `claim`: the running instance that took
 * it, and until when no other may (a lease: an instance that died loses it). `attempts`: how often
 * it was claimed since it was last delivered (a claim's number, so a late report of an earlier
 * claim is told apart). `retryAt`: not claimable again before then (the platform refused it).
 */
const JobState = {
  attempts: z.number().int().nonnegative(),
  retryAt: Iso.optional(),
  claim: z.object({ owner: z.string().min(1).max(KEY_MAX), leaseUntil: Iso }).optional(),
};

/** A group's weekly digest (data version 3): posted to `channel` at `nextAt`, covering the week from `since`. */
export const DigestRecord = z.object({
  door: DoorName,
  channel: Channel,
  /** Who turned it on. */
  by: Key,
  nextAt: Iso,
  since: Iso,
  ...JobState,
});
export type DigestRecord = z.infer<typeof DigestRecord>;

export const GroupRecord = z.object({
  name: z.string().min(1).max(GROUP_NAME_MAX),
  createdBy: Key,
  createdAt: Iso,
  /** user id -> when they joined */
  members: z.record(Key, Iso),
  /** Its weekly digest, when a moderator turned it on (data version 3). */
  digest: DigestRecord.optional(),
});
export type GroupRecord = z.infer<typeof GroupRecord>;

export const UnansweredRecord = z.object({
  text: z.string().min(1).max(QUESTION_MAX),
  count: z.number().int().positive(),
  firstAsked: Iso,
  lastAsked: Iso,
});
export type UnansweredRecord = z.infer<typeof UnansweredRecord>;

/**
 * A user's pace plan: finish the roadmap by `target` (the end of a UTC day), counted from `setAt`,
 * when `doneAtStart` roadmap steps were done. The target is always after the time it was set.
 */
export const PlanRecord = z
  .object({
    target: Iso,
    setAt: Iso,
    doneAtStart: z.number().int().nonnegative().max(PLAN_STEPS_MAX),
  })
  .refine((p) => Date.parse(p.target) > Date.parse(p.setAt), 'a plan must end after it was set');
export type PlanRecord = z.infer<typeof PlanRecord>;

/** The highest reminder number, for the same reason as MAX_TIP_ID. */
export const MAX_REMINDER_ID = 2 ** 48;

/** A reminder not yet sent (data version 3): a sent or cancelled one is removed. */
export const ReminderRecord = z.object({
  id: z.number().int().positive().max(MAX_REMINDER_ID - 1),
  user: Key,
  door: DoorName,
  /** Where it was asked, when the door has channels. */
  channel: Channel.optional(),
  text: z.string().min(REMINDER_TEXT_MIN).max(REMINDER_TEXT_MAX),
  dueAt: Iso,
  createdAt: Iso,
  ...JobState,
});
export type ReminderRecord = z.infer<typeof ReminderRecord>;

/** A user's settings (data version 3). */
export const SettingsRecord = z.object({
  /**
   * An IANA name, as Intl resolved it when it was set. Only its length is checked on read: a zone
   * one Node's time zone data knows must not make the file unreadable for another.
   */
  timeZone: z.string().min(1).max(TIME_ZONE_MAX).optional(),
});
export type SettingsRecord = z.infer<typeof SettingsRecord>;

/** Records with numbers of their own (tips, reminders): no number may appear twice. */
const uniqueIds = (what: string) => (records: readonly { id: number }[], ctx: z.RefinementCtx) => {
  const seen = new Set<number>();
  for (const r of records) {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `${what} #${r.id} appears twice` });
    seen.add(r.id);
  }
};

export const CommunityData = z.object({
  users: z.record(Key, UserRecord),
  /** user id -> step id -> when it was marked done */
  progress: z.record(Key, z.record(Key, Iso)),
  tips: z.array(TipRecord).superRefine(uniqueIds('tip')),
  nextTipId: z.number().int().positive().max(MAX_TIP_ID),
  /** normalised group name -> group */
  groups: z.record(Key, GroupRecord),
  /** normalised question -> record */
  unanswered: z.record(Key, UnansweredRecord),
  /** user id -> their pace plan (data version 2) */
  plans: z.record(Key, PlanRecord),
  /** user id -> their settings (data version 3) */
  settings: z.record(Key, SettingsRecord),
  /** Reminders not yet sent, in the order they were made (data version 3). */
  reminders: z.array(ReminderRecord).superRefine(uniqueIds('reminder')),
  nextReminderId: z.number().int().positive().max(MAX_REMINDER_ID),
});
export type CommunityData = z.infer<typeof CommunityData>;

export const DbFile = z.object({
  version: z.literal(CURRENT_VERSION),
  /** Incremented by every write, by whichever process makes it. */
  revision: z.number().int().nonnegative(),
  communities: z.record(Key, CommunityData),
});
export type DbFile = z.infer<typeof DbFile>;

export const emptyCommunity = (): CommunityData => ({ users: {}, progress: {}, tips: [], nextTipId: 1, groups: {}, unanswered: {}, plans: {}, settings: {}, reminders: [], nextReminderId: 1 });

/** An own property only: `constructor` must never resolve to Object's. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Tip records are immutable once made: frozen, so a change must replace the record. That lets the
 * file store cache each tip's JSON (and the duplicate check its trigrams) by identity.
 */
export function freezeTip(tip: TipRecord): TipRecord {
  Object.freeze(tip.votes);
  return Object.freeze(tip);
}

// The data file's shape, validated with zod when it is read (at start, and whenever another
// process changed it). Everything is scoped by community (Discord guild, Slack workspace, `local`)
// and then by user: no command ever sees another community's data.
import { z } from 'zod';

/** The version this code writes. Older files are migrated (after a backup copy); newer ones refused. */
export const CURRENT_VERSION = 2;

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

export const GroupRecord = z.object({
  name: z.string().min(1).max(GROUP_NAME_MAX),
  createdBy: Key,
  createdAt: Iso,
  /** user id -> when they joined */
  members: z.record(Key, Iso),
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

export const CommunityData = z.object({
  users: z.record(Key, UserRecord),
  /** user id -> step id -> when it was marked done */
  progress: z.record(Key, z.record(Key, Iso)),
  tips: z.array(TipRecord).superRefine((tips, ctx) => {
    const seen = new Set<number>();
    for (const t of tips) {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', message: `tip #${t.id} appears twice` });
      seen.add(t.id);
    }
  }),
  nextTipId: z.number().int().positive().max(MAX_TIP_ID),
  /** normalised group name -> group */
  groups: z.record(Key, GroupRecord),
  /** normalised question -> record */
  unanswered: z.record(Key, UnansweredRecord),
  /** user id -> their pace plan (data version 2) */
  plans: z.record(Key, PlanRecord),
});
export type CommunityData = z.infer<typeof CommunityData>;

export const DbFile = z.object({
  version: z.literal(CURRENT_VERSION),
  /** Incremented by every write, by whichever process makes it. */
  revision: z.number().int().nonnegative(),
  communities: z.record(Key, CommunityData),
});
export type DbFile = z.infer<typeof DbFile>;

export const emptyCommunity = (): CommunityData => ({ users: {}, progress: {}, tips: [], nextTipId: 1, groups: {}, unanswered: {}, plans: {} });

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

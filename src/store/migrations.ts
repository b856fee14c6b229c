// Migrations from older data-file versions to CURRENT_VERSION. Each step is a pure function of
// the parsed JSON; the file store keeps a backup copy of the old file before writing the result.
//
// v0 (the first prototype's shape, before communities): { tips: [{ id, step, text, author,
// createdAt, votes }], progress: { [userId]: string[] } } with no `version` field, all of it
// implicitly in the terminal's `local` community.
//
// v1 -> v2: each community gains `plans` (user id -> pace plan), empty. A devpath that reads only
// v1 refuses a v2 file ("written by a newer devpath") rather than drop the plans on its next write.
//
// v2 -> v3: each community gains `settings` (user id -> time zone), `reminders` (none) and
// `nextReminderId` (1); a group gains an optional `digest`, so groups are left as they are. As
// before, a devpath that reads only v2 refuses a v3 file rather than drop reminders and digests.
import { z } from 'zod';
import { CURRENT_VERSION } from './schema.js';

const V0 = z.object({
  version: z.literal(0).optional(),
  tips: z
    .array(
      z.object({
        id: z.number().int().positive(),
        step: z.string(),
        text: z.string(),
        author: z.string(),
        createdAt: z.string(),
        votes: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  progress: z.record(z.string(), z.array(z.string())).default({}),
});

export class MigrationError extends Error {}

/** The version a parsed file claims; a file without `version` is v0. */
export function versionOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const v = (raw as { version?: unknown }).version;
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function v0to1(raw: unknown): unknown {
  const parsed = V0.safeParse(raw);
  if (!parsed.success) throw new MigrationError(`it looks like a version 0 file but ${parsed.error.issues[0]?.message ?? 'does not match'}`);
  const { tips, progress } = parsed.data;
  const when = tips.reduce((latest, t) => (t.createdAt > latest ? t.createdAt : latest), new Date(0).toISOString());
  const users: Record<string, { name: string; lastActive: string }> = {};
  const done: Record<string, Record<string, string>> = {};
  for (const [user, steps] of Object.entries(progress)) {
    done[user] = Object.fromEntries(steps.map((s) => [s, when]));
    users[user] = { name: user, lastActive: when };
  }
  for (const t of tips) users[t.author] ??= { name: t.author, lastActive: t.createdAt };
  const local = {
    users,
    progress: done,
    tips: tips.map((t) => ({ ...t, votes: t.votes.filter((v) => v !== t.author) })),
    nextTipId: tips.reduce((max, t) => Math.max(max, t.id), 0) + 1,
    groups: {},
    unanswered: {},
  };
  return { version: 1, revision: 0, communities: tips.length || Object.keys(progress).length ? { local } : {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function v1to2(raw: unknown): unknown {
  // Anything that is not a v1 file's shape is passed on as it is, for the schema to name the problem.
  if (!isRecord(raw) || !isRecord(raw.communities)) return { ...(isRecord(raw) ? raw : {}), version: 2 };
  // fromEntries defines own properties: no key can reach a prototype.
  const communities = Object.fromEntries(Object.entries(raw.communities).map(([id, c]) => [id, isRecord(c) && !Object.hasOwn(c, 'plans') ? { ...c, plans: {} } : c]));
  return { ...raw, version: 2, communities };
}

/** The v3 fields a v2 community lacks, empty. */
const v3Fields = () => ({ settings: {}, reminders: [], nextReminderId: 1 });

function v2to3(raw: unknown): unknown {
  // As v1to2: anything not shaped like a v2 file is passed on for the schema to name the problem.
  if (!isRecord(raw) || !isRecord(raw.communities)) return { ...(isRecord(raw) ? raw : {}), version: 3 };
  // Only missing fields are added: a field already there is kept for the schema to check.
  const communities = Object.fromEntries(Object.entries(raw.communities).map(([id, c]) => [id, isRecord(c) ? { ...v3Fields(), ...c } : c]));
  return { ...raw, version: 3, communities };
}

const STEPS: Record<number, (raw: unknown) => unknown> = { 0: v0to1, 1: v1to2, 2: v2to3 };

/** Runs every step from `from` to CURRENT_VERSION. */
export function migrate(raw: unknown, from: number): unknown {
  let data = raw;
  for (let v = from; v < CURRENT_VERSION; v++) {
    const step = STEPS[v];
    if (!step) throw new MigrationError(`there is no migration from version ${v}`);
    data = step(data);
  }
  return data;
}

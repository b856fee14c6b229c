// The Store: where community data lives. Two implementations share this interface: the lowdb file
// store (the default, src/store/lowdb.ts) and an in-memory twin for tests (src/store/memory.ts).
//
// Errbot-style namespacing: every read and write names one community (Discord guild, Slack
// workspace, `local`), and the callback sees only that community's data, so a command can never
// touch another community's records. Within a community, records are keyed by user id.
//
// Writes are transactions: the callback runs on the LATEST data (the file store re-reads it under
// a cross-process lock when another process changed it), reports whether it changed anything,
// and all writes go through one serialised queue. A callback must decide before it mutates: it
// validates, then changes, and never throws half-way. One that throws anyway is rejected and leaves
// nothing behind in either store; the file store then restores the data from the file and runs the
// other callbacks of its batch again, so a callback must be a function of the data alone (anything
// it does besides, like counting a rate-limit hit, must happen once however often it runs).
import type { CommunityData } from './schema.js';

export interface WriteResult<T> {
  value: T;
  /** False when the request was refused or was a no-op: nothing is written. */
  changed: boolean;
}

export interface Store {
  /** The data file's path, or `:memory:`. */
  readonly location: string;
  /** Per-user write rate limit, shared by every command of this process. */
  readonly limiter: RateLimiter;
  /** Reads one community's latest data, after every write asked for before it (an empty community when it has none). Do not mutate. */
  read<T>(community: string, fn: (data: Readonly<CommunityData>) => T): Promise<T>;
  /** Reads what this process already holds, synchronously (autocomplete: may be slightly stale). */
  peek<T>(community: string, fn: (data: Readonly<CommunityData>) => T): T;
  /** Runs a change on one community's latest data; resolves once it is durably stored. */
  write<T>(community: string, fn: (data: CommunityData) => WriteResult<T>): Promise<T>;
  /** Waits for queued writes, then releases files and locks. */
  close(): Promise<void>;
}

/** Why a write could not be saved, where the user can do something about it. */
export type StoreProblem = 'disk-full' | 'read-only' | 'locked';

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

// The file store: lowdb 7 (`Low`) over one JSON file at DATA_DIR/devpath.json, with an adapter of
// our own instead of lowdb's JSONFile, because JSONFile (steno) writes through one fixed temp file
// without fsync and keeps its lock in one process's memory (measured: two processes lost 25 of 50
// records). What this store adds, and why:
//
// - One serialised queue per process. Writes that arrive while one is in progress are coalesced:
//   the next batch applies all of them to the data and writes the file once.
// - A cross-process lock (proper-lockfile) around every batch, and under it a re-read of the file
//   when another process changed it (its inode, mtime in ns, or size differ from what we last saw),
//   so each write is applied to the LATEST file, never to a copy read at start.
// - Atomic writes: a unique temp file, fsync, rename over the data file, fsync of the directory.
//   A process killed mid-write leaves the last good file (and a temp file, cleaned up at start).
// - Serialising in slices: the JSON is produced a slice of records at a time, as utf8 bytes that are
//   cached per slice of frozen records (tips), so a write re-encodes only the slices that changed and
//   hands the rest to writev as they are. Building is interrupted by a write to the disk every few
//   ms, so one big file never blocks the event loop in one go.
// - A file that is not valid JSON or not a valid data file stops the start with a message naming it,
//   and is never overwritten. An older version is migrated after a backup copy of the old file.
import { log } from '../log.js';
import { constants } from 'node:fs';
import { access, copyFile, lstat, mkdir, open, readdir, readFile, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low, type Adapter } from 'lowdb';
import { fileLock, Mutex } from './lock.js';
import { migrate, MigrationError, versionOf } from './migrations.js';
import { CURRENT_VERSION, DbFile, emptyCommunity, freezeTip, isSafeKey, own, type CommunityData } from './schema.js';
import type { WriteResult } from './community.js';
import { DocumentStore } from './document.js';
import { problemOf, StoreError, type RateLimit } from './store.js';

export const DATA_FILE_NAME = 'devpath.json';

export interface LowdbStoreOptions {
  rateLimit?: RateLimit;
  /** fsync the file and its directory on every write (default true): survives power loss, not just a crash. */
  fsync?: boolean;
  /** Passed to the cross-process lock. */
  lockStaleMs?: number;
  lockWaitMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Reading and validating

function describe(file: string, problem: string): string {
  return `devpath: cannot use the data file ${file}: ${problem}. It was left untouched; fix it, or move it away to start with an empty one.`;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A file that is not there, as readJson tells it apart from a file holding `null`. */
const MISSING = Symbol('missing');

/** The parsed JSON of the file, or MISSING when it does not exist. A UTF-8 byte order mark is skipped. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return MISSING;
    throw new StoreError(describe(file, `it cannot be read (${(error as Error).message})`), file, problemOf(error));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new StoreError(describe(file, `it is not valid JSON (${(error as Error).message})`), file);
  }
}

/** The first key anywhere in parsed JSON that would reach Object.prototype ("__proto__"), if any. */
function unsafeKeyIn(value: unknown, path: string[] = []): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    if (!Array.isArray(value) && UNSAFE_KEYS.has(key)) return [...path, key].join('.');
    const found = unsafeKeyIn((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Validates parsed JSON as a current data file, migrating an older version in memory. */
export function validateData(file: string, raw: unknown): DbFile {
  // JSON.parse keeps "__proto__" as a key; the schema would drop it, and the first write erase it.
  const unsafe = unsafeKeyIn(raw);
  if (unsafe) throw new StoreError(describe(file, `it uses "${unsafe}" as a key, which devpath cannot store safely`), file);
  const version = versionOf(raw);
  if (version === undefined) throw new StoreError(describe(file, 'it is not a devpath data file (no valid "version")'), file);
  if (version > CURRENT_VERSION) {
    throw new StoreError(describe(file, `it was written by a newer devpath (data version ${version}; this one reads up to ${CURRENT_VERSION})`), file);
  }
  let data = raw;
  if (version < CURRENT_VERSION) {
    try {
      data = migrate(raw, version);
    } catch (error) {
      const why = error instanceof MigrationError ? error.message : String(error);
      throw new StoreError(describe(file, `it could not be migrated from version ${version}: ${why}`), file);
    }
  }
  const parsed = DbFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw new StoreError(describe(file, `it is not a valid data file (${where}: ${issue?.message ?? 'invalid'})`), file);
  }
  return freezeTips(repairCounters(file, parsed.data));
}

/**
 * A nextTipId (or nextReminderId) not above the highest id would number two records alike: it is
 * moved past them, and the user is told. Nothing stored is lost; the file is rewritten by the next write.
 */
function repairCounters(file: string, db: DbFile): DbFile {
  for (const [name, c] of Object.entries(db.communities)) {
    const where = name.slice(0, 40);
    const tips = c.tips.reduce((max, t) => Math.max(max, t.id), 0);
    if (c.nextTipId <= tips) {
      log().warn({ file, community: where }, `community "${where}" would number its next tip #${c.nextTipId}, but tip #${tips} exists; numbering from #${tips + 1}`);
      c.nextTipId = tips + 1;
    }
    const reminders = c.reminders.reduce((max, r) => Math.max(max, r.id), 0);
    if (c.nextReminderId <= reminders) {
      log().warn({ file, community: where }, `community "${where}" would number its next reminder #${c.nextReminderId}, but reminder #${reminders} exists; numbering from #${reminders + 1}`);
      c.nextReminderId = reminders + 1;
    }
  }
  return db;
}

const emptyDb = (): DbFile => ({ version: CURRENT_VERSION, revision: 0, communities: {} });

/** Freezes every tip of a freshly read or migrated file. */
function freezeTips(db: DbFile): DbFile {
  for (const c of Object.values(db.communities)) c.tips.forEach(freezeTip);
  return db;
}

/** What identifies one version of the file on disk: a rename makes a new inode, a write a new mtime. */
async function stampOf(file: string): Promise<string | null> {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.ino}:${s.mtimeNs}:${s.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

const SLICE = 500;
/** Write what has been gathered once this much is pending, or once this long was spent building it. */
const FLUSH_BYTES = 8 * 1024 * 1024;
const FLUSH_MS = 8;

/** The JSON of frozen records (tips), by identity: a frozen record cannot change, so neither can its JSON. */
const jsonCache = new WeakMap<object, string>();
const frozenRecord = (v: unknown): v is object => typeof v === 'object' && v !== null && Object.isFrozen(v);
/** A value whose JSON cannot change: a primitive, or a frozen record. */
const immutable = (v: unknown): boolean => typeof v !== 'object' || v === null || frozenRecord(v);
function recordJson(v: unknown): string {
  if (!frozenRecord(v)) return JSON.stringify(v) ?? 'null';
  let json = jsonCache.get(v);
  if (json === undefined) jsonCache.set(v, (json = JSON.stringify(v)));
  return json;
}

/**
 * The utf8 JSON of each SLICE-record slice of a big array, by the array's identity, with the records
 * it was made from: a slice whose records are all frozen and are still the same ones, at the same
 * places, has the same JSON. So appending a tip re-encodes only the last slice, and a vote (which
 * replaces one frozen record) only its slice; the other slices are written from memory as they are.
 */
interface SliceJson {
  items: unknown[];
  bytes: Buffer;
}
const sliceCache = new WeakMap<object, SliceJson[]>();

function sliceBytes(array: unknown[], start: number): { bytes: Buffer; built: boolean } {
  const end = Math.min(array.length, start + SLICE);
  let slices = sliceCache.get(array);
  const cached = slices?.[start / SLICE];
  if (cached && cached.items.length === end - start && cached.items.every((item, j) => item === array[start + j])) {
    return { bytes: cached.bytes, built: false };
  }
  const items = array.slice(start, end);
  const bytes = Buffer.from(items.map(recordJson).join(','));
  if (items.every(immutable)) {
    if (!slices) sliceCache.set(array, (slices = []));
    slices[start / SLICE] = { items, bytes };
  } else if (slices) {
    delete slices[start / SLICE];
  }
  return { bytes, built: true };
}

const SEP: Record<string, Buffer> = Object.fromEntries(['[', ']', '{', '}', ',', '\n'].map((c) => [c, Buffer.from(c)]));

/** One piece of the file's bytes, and whether it took work to make (false: it came from the cache). */
interface JsonPiece {
  bytes: Buffer;
  built: boolean;
}
const fixed = (c: string): JsonPiece => ({ bytes: SEP[c]!, built: false });
const made = (text: string): JsonPiece => ({ bytes: Buffer.from(text), built: true });

/**
 * The utf8 JSON of `value` in pieces, equal to JSON.stringify(value) once concatenated. Containers
 * near the top (the file, communities, a community) are walked; the big collections inside a
 * community are produced SLICE records at a time: arrays (tips) from the slice cache above, objects
 * (users, progress...) stringified a slice of entries at a time.
 */
function* jsonPieces(value: unknown, depth = 0): Generator<JsonPiece> {
  if (depth > 3 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield made(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    yield fixed('[');
    for (let i = 0; i < value.length; i += SLICE) {
      if (i) yield fixed(',');
      yield sliceBytes(value as unknown[], i);
    }
    yield fixed(']');
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  yield fixed('{');
  if (depth === 3) {
    for (let i = 0; i < entries.length; i += SLICE) {
      const part = entries
        .slice(i, i + SLICE)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(',');
      yield made(i ? `,${part}` : part);
    }
  } else {
    let first = true;
    for (const [k, v] of entries) {
      yield made(`${first ? '' : ','}${JSON.stringify(k)}:`);
      yield* jsonPieces(v, depth + 1);
      first = false;
    }
  }
  yield fixed('}');
}

/** Writes all of `buffers` at `position` (writev; libuv splits past IOV_MAX, and a short write is resumed). */
export async function writeAll(handle: Pick<FileHandle, 'writev'>, buffers: Buffer[], position: number): Promise<number> {
  let total = 0;
  for (const b of buffers) total += b.length;
  let done = 0;
  while (done < total) {
    const { bytesWritten } = await handle.writev(buffers, position + done);
    if (bytesWritten <= 0) throw new Error('the disk accepted no bytes');
    done += bytesWritten;
    if (done < total) {
      // Drop what was written, including the written head of a partly written buffer.
      let skip = bytesWritten;
      while (skip >= buffers[0]!.length) skip -= buffers.shift()!.length;
      if (skip) buffers[0] = buffers[0]!.subarray(skip);
    }
  }
  return total;
}

let tempCounter = 0;
const TEMP_RE = /^(.*)\.(\d+)\.(\d+)\.tmp$/;

/**
 * Thrown instead of renaming when the file changed under us after we read it (another process took
 * over our lock while we were paused): the write is applied again to the new file, never over it.
 */
export class WriteConflict extends Error {
  constructor(file: string) {
    super(`another process changed ${file} while this one held a lock it has since lost`);
    this.name = 'WriteConflict';
  }
}

/** What a write checks just before it replaces the file: true when the file is still the one it read. */
export type WriteGuard = () => Promise<boolean>;

/**
 * The file a path names, through a symlink: a symlinked data file keeps its link, and its target
 * is updated, also when the target does not exist yet (the first write creates it there).
 */
async function targetOf(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const link = await lstat(file).catch(() => undefined);
    if (!link?.isSymbolicLink()) return file;
    return resolve(dirname(file), await readlink(file));
  }
}

/**
 * Writes the whole file atomically: temp file, fsync, rename, fsync of the directory. The bytes
 * go out with writev, from the cached slices where nothing changed; what is gathered is written
 * (awaiting the disk, so letting the event loop run) whenever building it took FLUSH_MS. The new
 * file keeps the old one's mode and owner (another account sharing it can still open it), and a
 * symlink is followed. `guard` is asked just before the rename; false throws WriteConflict.
 */
export async function writeAtomic(file: string, data: unknown, fsync = true, guard?: WriteGuard): Promise<void> {
  const target = await targetOf(file);
  const before = await stat(target).catch(() => undefined);
  const mode = before ? before.mode & 0o7777 : 0o600;
  const temp = `${target}.${process.pid}.${++tempCounter}.tmp`;
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let position = 0;
    let since = performance.now();
    for (const piece of jsonPieces(data)) {
      pending.push(piece.bytes);
      pendingBytes += piece.bytes.length;
      if (pendingBytes >= FLUSH_BYTES || (piece.built && performance.now() - since > FLUSH_MS)) {
        position += await writeAll(handle, pending, position);
        pending = [];
        pendingBytes = 0;
        since = performance.now();
      }
    }
    pending.push(SEP['\n']!);
    await writeAll(handle, pending, position);
    if (before) {
      // The umask may have narrowed the mode at open; only root can give a file to someone else.
      await handle.chmod(mode);
      // Root can keep the owner; anyone else can at least keep the group (a member of it may),
      // so an account that shares the file through its group can still open it.
      await handle.chown(before.uid, before.gid).catch(() => handle.chown(-1, before.gid)).catch(() => undefined);
    }
    if (fsync) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (guard && !(await guard())) throw new WriteConflict(file);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (fsync) {
    // The rename itself is durable only once the directory is flushed. Not every platform can.
    const dir = await open(dirname(target), 'r').catch(() => undefined);
    await dir?.sync().catch(() => undefined);
    await dir?.close().catch(() => undefined);
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes temp files left by processes killed mid-write (under the lock, at start). */
async function removeDeadTemps(file: string): Promise<void> {
  const target = await targetOf(file);
  const base = basename(target);
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    const m = name.match(TEMP_RE);
    if (m && m[1] === base && !alive(Number(m[2]))) await rm(join(dirname(target), name), { force: true });
  }
}

/** lowdb's adapter: reads and validates the latest file, writes it atomically. */
class SafeJsonFile implements Adapter<DbFile> {
  /** Asked before each write replaces the file (set by the store). */
  guard: WriteGuard | undefined;

  constructor(
    readonly file: string,
    private readonly fsync: boolean,
  ) {}

  async read(): Promise<DbFile | null> {
    const raw = await readJson(this.file);
    return raw === MISSING ? null : validateData(this.file, raw);
  }

  write(data: DbFile): Promise<void> {
    return writeAtomic(this.file, data, this.fsync, this.guard);
  }
}

// ---------------------------------------------------------------------------------------------
// The store

interface Job {
  community: string;
  fn: (data: CommunityData) => WriteResult<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The store's constructor, for openLowdbStore only (set by the class's static block). */
let construct: (location: string, data: DbFile, stamp: string | null, options: LowdbStoreOptions) => LowdbStore;

const MAX_BATCH = 1000;
/** How often a batch is applied again after another process saved under it. */
const MAX_ATTEMPTS = 5;
const APPLY_SLICE_MS = 8;

export class LowdbStore extends DocumentStore {
  private readonly db: Low<DbFile>;
  private readonly mutex = new Mutex();
  private readonly pending: Job[] = [];
  private draining: Promise<void> | null = null;
  /** Settles when the last write asked for so far has: a read waits for it (it sees its own writes). */
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** Set when memory may differ from the file (a failed write): reload before the next use. */
  private stale = false;
  /** Set when the lock of the batch being written was taken over by another process. */
  private lockLost = false;
  /** Set once a write has made the folder, checked it and the lock, and removed dead temp files. */
  private prepared = false;
  /** Writes made to the file by this store (tests and the benchmark). */
  readonly stats = { writes: 0 };

  private constructor(
    readonly location: string,
    data: DbFile,
    private stamp: string | null,
    private readonly options: LowdbStoreOptions,
  ) {
    super(options.rateLimit);
    const adapter = new SafeJsonFile(location, options.fsync ?? true);
    // A write replaces the file only while it is the one read under our lock, and the lock is
    // still ours: a process paused past the lock's staleness (a laptop lid, a debugger) must not
    // put its older copy over what another process saved meanwhile.
    adapter.guard = async () => !this.lockLost && (await stampOf(this.location)) === this.stamp;
    this.db = new Low(adapter, data);
  }

  static {
    // openLowdbStore is the one way to make a store: it reads and validates the file first.
    construct = (location, data, stamp, options) => new LowdbStore(location, data, stamp, options);
  }

  peek<T>(community: string, fn: (data: Readonly<CommunityData>) => T): T {
    return fn(own(this.db.data.communities, community) ?? emptyCommunity());
  }

  async read<T>(community: string, fn: (data: Readonly<CommunityData>) => T): Promise<T> {
    if (this.closed) throw new StoreError('The store is closed.', this.location);
    await this.lastWrite;
    await this.mutex.run(() => this.refresh());
    return this.peek(community, fn);
  }

  write<T>(community: string, fn: (data: CommunityData) => WriteResult<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError('The store is closed.', this.location));
    if (!isSafeKey(community)) return Promise.reject(new StoreError(`Not a usable community id: ${community.slice(0, 40)}`));
    const written = new Promise<T>((resolvePromise, reject) => {
      this.pending.push({ community, fn, resolve: resolvePromise as (v: unknown) => void, reject });
      this.draining ??= this.drain();
    });
    this.lastWrite = written.catch(() => undefined);
    return written;
  }

  async readAll<T>(fn: (community: string, data: Readonly<CommunityData>) => T, ids?: readonly string[]): Promise<T[]> {
    if (this.closed) throw new StoreError('The store is closed.', this.location);
    await this.lastWrite;
    await this.mutex.run(() => this.refresh());
    const out: T[] = [];
    for (const id of ids ? new Set(ids) : Object.keys(this.db.data.communities)) {
      const data = own(this.db.data.communities, id);
      if (data) out.push(fn(id, data));
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
  }

  /** Applies queued writes in batches until none are left. */
  private async drain(): Promise<void> {
    // Let every write issued in this turn of the event loop join the first batch.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_BATCH);
        await this.mutex.run(() => this.commit(batch));
      }
    } finally {
      this.draining = null;
    }
  }

  /** Re-reads the file when it is not the one we last read or wrote. Call inside the mutex. */
  private async refresh(): Promise<void> {
    const now = await stampOf(this.location);
    if (!this.stale && now === this.stamp) return;
    // A file deleted while running: keep what we hold, the next write recreates it.
    if (now !== null) {
      await this.db.read();
    }
    this.stamp = now;
    this.stale = false;
  }

  private async commit(batch: Job[], attempt = 1): Promise<void> {
    let release: (() => Promise<void>) | undefined;
    try {
      this.lockLost = false;
      // The folder is made by the first write (and again if the file went with it). Until a write
      // has got this far, a read-only folder fails at once, not after the lock's retries, and so
      // does a lock dated in the future (left by a machine with a wrong clock), which would never
      // go stale; after that these checks would only cost each write three system calls.
      if (!this.prepared || this.stamp === null) await mkdir(dirname(this.location), { recursive: true });
      if (!this.prepared) {
        await access(dirname(this.location), constants.W_OK);
        await refuseFutureLock(this.location);
      }
      release = await fileLock(this.location, {
        staleMs: this.options.lockStaleMs,
        waitMs: this.options.lockWaitMs,
        onCompromised: () => {
          this.lockLost = true;
        },
      });
      if (!this.prepared) {
        await removeDeadTemps(this.location);
        this.prepared = true;
      }
      await this.refresh();
      // A file deleted while running is written again from memory before the batch: the file is
      // the last good state that a batch in which a callback throws is restored from.
      if (this.stamp === null) {
        await this.db.write();
        this.stamp = await stampOf(this.location);
      }
    } catch (error) {
      await release?.().catch(() => undefined);
      const failure = error instanceof StoreError ? error : new StoreError(`devpath: nothing was saved: cannot lock or read ${this.location}: ${lockMessage(this.location, error)}`, this.location, problemOf(error));
      for (const job of batch) job.reject(failure);
      return;
    }
    // A callback that threw may have changed the data half-way, and the others in the batch have
    // changed it too: then memory is restored from the file (the last good state, read under the
    // lock we hold) and the batch applied again without the ones that threw. Callbacks are pure
    // functions of the data, so the others give the same results; each pass drops at least one job.
    const thrown = new Map<Job, unknown>();
    let applied = await this.apply(batch, thrown);
    while (applied.threw) {
      try {
        await this.db.read();
      } catch (error) {
        this.stale = true;
        await release().catch(() => undefined);
        const failure = error instanceof StoreError ? error : new StoreError(`devpath: cannot read ${this.location}: ${(error as Error).message}`, this.location);
        for (const job of batch) job.reject(thrown.get(job) ?? failure);
        return;
      }
      applied = await this.apply(batch.filter((job) => !thrown.has(job)), thrown);
    }
    const { changed, values } = applied;
    let failure: unknown;
    let retry = false;
    try {
      if (changed) {
        // A change counter only: it wraps rather than reach a number the next start cannot read.
        this.db.data.revision = this.db.data.revision >= Number.MAX_SAFE_INTEGER ? 0 : this.db.data.revision + 1;
        await this.db.write();
        this.stamp = await stampOf(this.location);
        this.stats.writes++;
      }
    } catch (error) {
      // Memory now holds changes the file does not: forget them at the next use.
      this.stale = true;
      if (error instanceof WriteConflict && attempt < MAX_ATTEMPTS) retry = true;
      else if (error instanceof WriteConflict) failure = new StoreError(`devpath: nothing was saved: the data file ${this.location} kept changing under this process (${error.message}). Try again.`, this.location);
      else failure = new StoreError(`devpath: nothing was saved: could not write the data file ${this.location}: ${(error as Error).message}`, this.location, problemOf(error));
    } finally {
      await release().catch(() => undefined);
    }
    // Another process saved while we were paused: the batch is applied again to what it saved
    // (refresh() re-reads it, as memory is stale), under a lock of our own.
    if (retry) return this.commit(batch, attempt + 1);
    for (const job of batch) {
      if (thrown.has(job)) job.reject(thrown.get(job));
      else if (failure) job.reject(failure);
      else job.resolve(values.get(job));
    }
  }

  /** Runs each job's callback on the data in memory; the ones that throw go into `thrown`. */
  private async apply(jobs: Job[], thrown: Map<Job, unknown>): Promise<{ changed: boolean; threw: boolean; values: Map<Job, unknown> }> {
    const values = new Map<Job, unknown>();
    let changed = false;
    let threw = false;
    let slice = performance.now();
    for (const job of jobs) {
      // A big batch yields to the event loop every few ms: new writes only queue meanwhile, and
      // reads wait on the mutex, so no one sees or changes a half-applied batch.
      if (performance.now() - slice > APPLY_SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        slice = performance.now();
      }
      try {
        const existing = own(this.db.data.communities, job.community);
        const target = existing ?? emptyCommunity();
        const result = job.fn(target);
        if (result.changed) {
          if (!existing) this.db.data.communities[job.community] = target;
          changed = true;
        }
        values.set(job, result.value);
      } catch (error) {
        thrown.set(job, error);
        threw = true;
      }
    }
    return { changed, threw, values };
  }
}

/** `name`, or `name.1`, `name.2`...: the first that does not exist yet. */
async function freeName(name: string): Promise<string> {
  for (let i = 0; ; i++) {
    const candidate = i ? `${name}.${i}` : name;
    if ((await stampOf(candidate)) === null) return candidate;
  }
}

/**
 * Opens DATA_DIR/devpath.json; throws StoreError naming the file when it cannot use it. Nothing is
 * created here: reading needs no lock and no write access (knowledge commands work from a
 * read-only folder), and the folder and file are made by the first write.
 */
export async function openLowdbStore(dataDir: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
  const dir = resolve(dataDir);
  const file = join(dir, DATA_FILE_NAME);
  const folder = await stat(dir).catch(() => undefined);
  if (folder && !folder.isDirectory()) throw new StoreError(`devpath: cannot create the data directory ${dir}: it is a file, not a folder. Set DATA_DIR to a folder.`, file);
  const raw = await readJson(file);
  if (raw === MISSING) return construct(file, emptyDb(), null, options);
  let data = validateData(file, raw); // throws before anything is written
  if (versionOf(raw)! < CURRENT_VERSION) {
    // An older file is migrated once, under the lock, after a backup copy of it. It is read again
    // under the lock: another devpath may have migrated it, and saved more, while this one waited.
    let release: () => Promise<void>;
    try {
      release = await fileLock(file, { staleMs: options.lockStaleMs, waitMs: options.lockWaitMs });
    } catch (error) {
      throw new StoreError(`devpath: cannot migrate the data file ${file}: ${lockMessage(file, error)}`, file, problemOf(error));
    }
    try {
      const latest = await readJson(file);
      if (latest === MISSING) throw new StoreError(`devpath: the data file ${file} disappeared while it was being migrated; start again.`, file);
      data = validateData(file, latest);
      const version = versionOf(latest)!;
      if (version < CURRENT_VERSION) {
        const backup = await freeName(`${file}.v${version}.bak`);
        await copyFile(file, backup, constants.COPYFILE_EXCL);
        await writeAtomic(file, data, options.fsync ?? true);
      }
    } finally {
      await release().catch(() => undefined);
    }
  }
  return construct(file, data, await stampOf(file), options);
}

/** How far in the future a lock's date may be (clocks drift) before it is taken as left behind. */
const FUTURE_LOCK_MS = 60_000;

async function refuseFutureLock(file: string): Promise<void> {
  const lock = await stat(`${file}.lock`).catch(() => undefined);
  if (lock && lock.mtimeMs > Date.now() + FUTURE_LOCK_MS) throw Object.assign(new Error('the lock is dated in the future'), { code: 'ELOCKED' });
}

/** What to do about a lock we could not take: which lock, and how to clear one left behind. */
export function lockMessage(file: string, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') return (error as Error).message;
  return `another devpath process holds its lock (${file}.lock). If no other devpath is running (a crash or a copied folder can leave one behind), remove ${file}.lock and try again.`;
}

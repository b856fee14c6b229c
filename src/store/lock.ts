// Two kinds of exclusion. Mutex: one async section at a time inside this process (the write queue
// and reloads). fileLock: one process at a time on a data file, with proper-lockfile (an atomic
// mkdir of `<file>.lock`, kept fresh while held; a lock left by a killed process is taken over once
// it is `stale` ms old).
import { log } from '../log.js';
import lockfile from 'proper-lockfile';

export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

interface FileLockOptions {
  /** A lock not refreshed for this long belongs to a dead process and is taken over. */
  staleMs?: number;
  /** Give up waiting for the lock after about this long. */
  waitMs?: number;
  /** Called when the lock was lost while held (the disk stalled past `staleMs`). */
  onCompromised?: (error: Error) => void;
}

const DEFAULT_STALE_MS = 5_000;

/** Takes the cross-process lock on `file` (which need not exist); resolves with its release. */
export async function fileLock(file: string, options: FileLockOptions = {}): Promise<() => Promise<void>> {
  const stale = options.staleMs ?? DEFAULT_STALE_MS;
  const waitMs = options.waitMs ?? stale * 3;
  // Short waits first (the other process holds it for a few ms), capped at 50 ms, for about waitMs.
  const retries = { retries: Math.ceil(waitMs / 40), minTimeout: 2, maxTimeout: 50, factor: 1.5, randomize: true };
  return lockfile.lock(file, {
    stale,
    retries,
    realpath: false,
    // The default throws from a timer, which would crash the bot: report it instead; the write that
    // holds it still completes with an atomic rename, and the next write re-reads the file.
    onCompromised: options.onCompromised ?? ((error) => log().error({ file, err: error }, 'the lock on the data file was lost')),
  });
}

// What the PostgreSQL store says about its database without ever showing a password: the URL as
// a location, and error messages with any password taken out.
import pg from 'pg';
import { StoreError, type StoreProblem } from '../store.js';

export interface Target {
  /** The URL without its password (and without a `password` query parameter). */
  location: string;
  /** Every spelling of the password that a message could repeat. */
  secrets: string[];
}

/** Reads a postgres:// URL; throws StoreError (never repeating the URL) when it is not one. */
export function parseTarget(url: string): Target {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new StoreError('devpath: the database URL is not a valid URL; it should look like postgres://user:password@host:5432/database.');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new StoreError(`devpath: the database URL must start with postgres:// or postgresql://, not ${u.protocol}//.`);
  }
  const secrets = new Set<string>();
  const add = (s: string | null) => {
    if (!s) return;
    secrets.add(s);
    try {
      secrets.add(decodeURIComponent(s));
    } catch {
      // not percent-encoded: the raw form is enough
    }
  };
  add(u.password);
  add(u.searchParams.get('password'));
  u.password = '';
  u.searchParams.delete('password');
  // Longest first, so a password that contains another is taken out whole.
  return { location: u.toString(), secrets: [...secrets].sort((a, b) => b.length - a.length) };
}

/** `text` with every secret replaced by ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

/** What went wrong, in words: node's AggregateError (one error per address tried) has no message of its own. */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return [...new Set(error.errors.map(reasonOf))].join('; ');
  const e = error as { message?: unknown; code?: unknown } | undefined;
  const message = typeof e?.message === 'string' && e.message ? e.message : String(error);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${message} (${e.code})` : message;
}

/** What a PostgreSQL error means for a user who tried to save. */
export function problemOfPg(error: unknown): StoreProblem | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === '53100') return 'disk-full'; // disk_full
  if (code === '25006' || code === '42501') return 'read-only'; // read_only_sql_transaction, insufficient_privilege
  // lock_not_available (lock_timeout), query_canceled (statement_timeout), serialization and deadlock
  // failures left after the retries, too many connections: all pass, so "try again in a moment".
  if (code === '55P03' || code === '57014' || code === '40001' || code === '40P01' || code === '53300') return 'busy';
  // The server went away, is starting or stopping, or cannot be reached.
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ENOTFOUND' || (typeof code === 'string' && code.startsWith('08'))) return 'unavailable';
  // pg's pool gives up waiting for a free connection with a plain Error.
  if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) return 'busy';
  if (error instanceof Error && /Connection terminated/i.test(error.message)) return 'unavailable';
  return undefined;
}

/**
 * One connection of its own (for migrating or importing), with a short timeout so an unreachable
 * server is reported at once. Throws `failed(message)` (a StoreError), the password never in it.
 */
export async function connectOnce(url: string, target: Target, timeoutMs: number, failed: (message: string) => StoreError = (m) => new StoreError(m)): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined); // a connection lost here fails the query in progress
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw failed(`devpath: cannot connect to the PostgreSQL database ${target.location}: ${redact(reasonOf(error), target.secrets)}. Check DATABASE_URL, and that the server is running and reachable.`);
  }
}

// A PostgreSQL database of its own for a test: made on the server at TEST_DATABASE_URL (default: the
// local server, trust auth), dropped afterwards. Without a server the tests are skipped with a
// message that says how to run them, rather than failing on a machine that has none.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../src/store/postgres/store.js';
import { parseTarget, reasonOf, redact } from '../../src/store/postgres/connection.js';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** How long a server has to answer before the tests are skipped. */
const ANSWER_MS = 2_000;

const baseUrl = () => process.env.TEST_DATABASE_URL?.trim() || DEFAULT_TEST_DATABASE_URL;

/** The same server and credentials, another database. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: ANSWER_MS });
  // A server that goes away mid-test must fail the test, not crash the runner.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type TestDatabase = { url: string; drop(): Promise<void> } | { skip: string };

/** A fresh, uniquely named, empty database; or why there is none. */
export async function testDatabase(): Promise<TestDatabase> {
  const url = baseUrl();
  const name = `devpath_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  try {
    await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    let where = 'TEST_DATABASE_URL';
    let why = reasonOf(error);
    try {
      const target = parseTarget(url);
      where = target.location;
      why = redact(why, target.secrets);
    } catch {
      why = 'not a postgres:// URL';
    }
    return { skip: `PostgreSQL tests skipped: no server at ${where} (${why}). Set TEST_DATABASE_URL=postgres://user@host:port/db to run them.` };
  }
  let dropped = false;
  return {
    url: withDatabase(url, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * A store on a fresh database, dropped when the store is closed; `{ skip }` without a server.
 * Each call makes its own database, so tests never see each other's data (firstDelivery is
 * shared by every community of a database).
 */
export async function openTestPostgresStore(options: PostgresStoreOptions = {}): Promise<PostgresStore | { skip: string }> {
  const db = await testDatabase();
  if ('skip' in db) return db;
  let store: PostgresStore;
  try {
    store = await openPostgresStore(db.url, options);
  } catch (error) {
    await db.drop().catch(() => undefined);
    throw error;
  }
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await db.drop();
  };
  return store;
}

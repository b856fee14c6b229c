// A PostgreSQL database of its own for a test: made on the server at TEST_DATABASE_URL (default: the
// local server, trust auth), dropped afterwards. With no server there but PostgreSQL's programs
// installed (initdb, pg_ctl), a throwaway cluster is started for this test process and removed when
// it exits. Without either, the tests are skipped with a message that says how to run them, rather
// than failing on a machine that has none.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
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

/** PostgreSQL's server programs, when installed (Debian keeps them out of PATH). */
function serverPrograms(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let cluster: Promise<string | undefined> | undefined;

/**
 * A throwaway cluster for this test file (initdb about 3 s, start 0.25 s; no fsync: it holds
 * nothing worth keeping), stopped and deleted after the file's tests (vitest ends its worker
 * processes without an 'exit' event). As root, the server programs run as the `postgres` user,
 * as PostgreSQL requires. Undefined when it cannot be made.
 */
function throwawayCluster(): Promise<string | undefined> {
  cluster ??= (async () => {
    const bin = serverPrograms();
    if (!bin) return undefined;
    const dir = mkdtempSync(join(tmpdir(), 'devpath-pg-'));
    const asRoot = process.getuid?.() === 0;
    const run = (program: string, args: string[]) => {
      const command = asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, program), ...args] : [join(bin, program), ...args];
      return spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', timeout: 60_000 });
    };
    if (asRoot) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      if (!Number.isInteger(uid)) return undefined;
      chownSync(dir, uid, uid);
    }
    const data = join(dir, 'data');
    const port = await freePort();
    const made = run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const started = made.status === 0 && run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']).status === 0;
    const remove = () => {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    };
    if (!started) {
      remove();
      return undefined;
    }
    // After the file's own afterAll hooks (they drop their databases first): hooks run in reverse.
    afterAll(() => {
      remove();
      cluster = undefined;
    });
    return `postgres://postgres@127.0.0.1:${port}/postgres`;
  })();
  return cluster;
}

/** A fresh, uniquely named, empty database; or why there is none. */
export async function testDatabase(): Promise<TestDatabase> {
  let url = baseUrl();
  const name = `devpath_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  try {
    try {
      await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
    } catch (error) {
      // No server where the tests look by default: a throwaway one, if this machine can start it.
      const local = process.env.TEST_DATABASE_URL?.trim() ? undefined : await throwawayCluster();
      if (!local) throw error;
      url = local;
      await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
    }
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
    const skip = `PostgreSQL tests skipped: no server at ${where} (${why}), and no PostgreSQL programs to start one. Set TEST_DATABASE_URL=postgres://user@host:port/db, or install PostgreSQL, to run them.`;
    // CI sets this where it found or started a server: a skip there would hide every PostgreSQL test.
    if (process.env.DEVPATH_REQUIRE_POSTGRES === '1') throw new Error(`${skip} (DEVPATH_REQUIRE_POSTGRES=1: PostgreSQL is required here.)`);
    return { skip };
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

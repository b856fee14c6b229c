// Every Store implementation, opened fresh for a test: memory, the lowdb file in a temp folder, and
// PostgreSQL in a database of its own when a server answers (else a `skip` message saying how to
// run those tests). The contract suite and the command tests run once per kind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openLowdbStore } from '../../src/store/lowdb.js';
import { MemoryStore } from '../../src/store/memory.js';
import type { RateLimit, Store } from '../../src/store/store.js';
import { openTestPostgresStore, testDatabase } from './postgres.js';

export interface StoreKind {
  name: string;
  /** A new, empty store of this kind. */
  open: (options?: { rateLimit?: RateLimit }) => Promise<Store>;
  /** Why this kind cannot run here, and how to run it. */
  skip?: string;
}

export async function storeKinds(): Promise<StoreKind[]> {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  // Asked once per file: is there a server? Each PostgreSQL store then gets a database of its own.
  const probe = await testDatabase();
  if ('skip' in probe) console.warn(probe.skip);
  else await probe.drop();
  return [
    {
      name: 'PostgreSQL',
      open: async (o = {}) => {
        const store = await openTestPostgresStore(o);
        if ('skip' in store) throw new Error(store.skip);
        return store;
      },
      ...('skip' in probe ? { skip: probe.skip } : {}),
    },
    { name: 'memory', open: async (o = {}) => new MemoryStore(o) },
    {
      name: 'lowdb file',
      open: async (o = {}) => {
        const dir = mkdtempSync(join(tmpdir(), 'devpath-kind-'));
        dirs.push(dir);
        return openLowdbStore(dir, { fsync: false, ...o });
      },
    },
  ];
}

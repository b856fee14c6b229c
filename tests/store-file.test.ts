// The data file at start: created on first run, refused (and left byte-for-byte untouched) when it
// is unreadable, invalid or from a newer devpath, migrated from v0 with a backup copy first; and
// the sliced serialiser writes exactly what JSON.stringify would.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addTip, markDone } from '../src/store/community.js';
import { DATA_FILE_NAME, jsonPieces, openLowdbStore } from '../src/store/lowdb.js';
import { MemoryStore } from '../src/store/memory.js';
import { StoreError } from '../src/store/store.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'devpath-file-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const alice = { id: 'alice', name: 'Alice' };
const now = '2025-03-01T12:00:00.000Z';

describe('the data file at start', () => {
  it('is created on first run, in a directory created too', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const store = await openLowdbStore(dir);
    await store.close();
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE_NAME), 'utf8'))).toEqual({ version: 1, revision: 0, communities: {} });
  });

  it.each([
    ['not JSON', '{"version": 1, "communities": {', /not valid JSON/],
    ['not an object', '[1, 2, 3]', /not a devpath data file/],
    ['a bad field', JSON.stringify({ version: 1, revision: 0, communities: { g: { users: {}, progress: {}, tips: [{ id: 'one' }], nextTipId: 1, groups: {}, unanswered: {} } } }), /communities\.g\.tips\.0\.id/],
    ['a newer version', JSON.stringify({ version: 99, revision: 0, communities: {} }), /newer devpath \(data version 99/],
    ['an empty file', '', /not valid JSON/],
  ])('refuses %s, naming the file, and leaves it untouched', async (_what, content, reason) => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    writeFileSync(file, content);
    const error = await openLowdbStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain('left untouched');
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(dir).sort()).toEqual([DATA_FILE_NAME]);
  });

  it('refuses a file that became invalid while running, without overwriting it', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir, { fsync: false });
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    writeFileSync(join(dir, DATA_FILE_NAME), 'oops');
    await expect(store.write('g', (c) => markDone(c, alice, 'security', now))).rejects.toThrow(/not valid JSON/);
    expect(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')).toBe('oops');
  });

  it('migrates a v0 file to v1, keeping a backup copy of the old file first', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    const v0 = JSON.stringify({
      tips: [{ id: 3, step: 'databases', text: 'Learn joins', author: 'alice', createdAt: now, votes: ['bob', 'alice'] }],
      progress: { alice: ['choose-path', 'learn-language'] },
    });
    writeFileSync(file, v0);
    const store = await openLowdbStore(dir);
    expect(readFileSync(join(dir, `${DATA_FILE_NAME}.v0.bak`), 'utf8')).toBe(v0);
    const migrated = JSON.parse(readFileSync(file, 'utf8'));
    expect(migrated.version).toBe(1);
    const local = await store.read('local', (c) => c);
    expect(Object.keys(local.progress.alice ?? {})).toEqual(['choose-path', 'learn-language']);
    expect(local.tips[0]).toMatchObject({ id: 3, text: 'Learn joins', votes: ['bob'] });
    // New tips continue after the old ids.
    const added = await store.write('local', (c) => addTip(c, alice, 'security', 'Hash passwords with a slow hash', now));
    expect(added.ok && added.tip.id).toBe(4);
    await store.close();
    // Opening again: already v1, no second backup.
    await (await openLowdbStore(dir)).close();
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual([`${DATA_FILE_NAME}.v0.bak`]);
  });

  it('removes a temp file left by a dead process, but not the data', async () => {
    const dir = tempDir();
    await (await openLowdbStore(dir)).close();
    writeFileSync(join(dir, `${DATA_FILE_NAME}.999999.1.tmp`), '{"half": ');
    mkdirSync(join(dir, 'other'));
    await (await openLowdbStore(dir)).close();
    expect(readdirSync(dir).sort()).toEqual([DATA_FILE_NAME, 'other']);
  });
});

describe('writes', () => {
  it('a refused or no-op write does not touch the file', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir);
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    const before = readFileSync(join(dir, DATA_FILE_NAME), 'utf8');
    const writes = store.stats.writes;
    await store.write('g', (c) => markDone(c, alice, 'databases', now));
    await store.write('g', (c) => addTip(c, alice, 'databases', '', now));
    expect(store.stats.writes).toBe(writes);
    expect(readFileSync(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before);
    await store.close();
  });

  it('a write that throws is rejected and leaves nothing behind (memory store)', async () => {
    const store = new MemoryStore();
    await expect(
      store.write('g', (c) => {
        c.tips.push({ id: 1, step: 's', text: 't', author: 'a', createdAt: now, votes: [] });
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await store.read('g', (c) => c.tips.length)).toBe(0);
  });

  it('a write that throws is rejected and is not written (lowdb store)', async () => {
    const dir = tempDir();
    const store = await openLowdbStore(dir);
    await expect(
      store.write('g', (c) => {
        c.tips.push({ id: 1, step: 's', text: 't', author: 'a', createdAt: now, votes: [] });
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await store.read('g', (c) => c.tips.length)).toBe(0);
    await store.close();
  });

  it('serialises in slices exactly as JSON.stringify does', () => {
    const tip = fc.record({ id: fc.nat(), text: fc.string(), votes: fc.array(fc.string()) });
    const community = fc.record({ users: fc.dictionary(fc.string(), fc.record({ name: fc.string() }), { maxKeys: 700 }), tips: fc.array(tip, { maxLength: 1200 }) });
    fc.assert(
      fc.property(fc.record({ version: fc.constant(1), revision: fc.nat(), communities: fc.dictionary(fc.string(), community, { maxKeys: 3 }) }), (data) => {
        expect([...jsonPieces(data)].join('')).toBe(JSON.stringify(data));
      }),
      { numRuns: 30 },
    );
  });
});

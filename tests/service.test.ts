// `npm start` run as a service: the built entry point in a child process, as a process manager runs
// it. It logs JSON lines on stderr at LOG_LEVEL, answers the balancer's health check on HEALTH_PORT,
// and on SIGTERM finishes what it was doing and exits 0 with nothing acknowledged lost, on the data
// file and on PostgreSQL (DATABASE_URL), which it then selects instead of the file.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase } from './support/postgres.js';

const main = join(import.meta.dirname, '..', 'dist', 'adapters', 'main.js');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devpath-service-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const envFor = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? '', NO_COLOR: '1', DATA_DIR: join(dir, 'data'), ...extra });

/** The bot as a long-running child, with what it printed so far. */
function serve(extra: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [main], { cwd: dir, env: envFor(extra) });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (b: Buffer) => (out.stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out.stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = async (test: () => boolean, what: string, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stdout: ${out.stdout.slice(-500)} stderr: ${out.stderr.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const logs = () =>
    out.stderr
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; [k: string]: unknown });
  return { child, out, exited, until, logs };
}

/** One-shot `npm start` with the given input (the chat ends at the end of its input). */
const once = (extra: Record<string, string>, input: string) => spawnSync(process.execPath, [main], { cwd: dir, env: envFor(extra), input, encoding: 'utf8', timeout: 20_000 });

describe('npm start as a service', () => {
  it('logs JSON lines, answers /health, and on SIGTERM saves what it acknowledged, then exits 0', async () => {
    const port = await freePort();
    const bot = serve({ HEALTH_PORT: String(port), LOG_LEVEL: 'info' });
    try {
      await bot.until(() => bot.out.stderr.includes('"msg":"started"'), 'the started log line');
      const started = bot.logs().find((l) => l.msg === 'started')!;
      expect(started).toMatchObject({ level: 30, app: 'devpath', doors: ['terminal'], health: port, store: expect.stringContaining('devpath.json') });
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);

      bot.child.stdin.write('done 3\n');
      await bot.until(() => bot.out.stdout.includes('1/12 steps'), 'the reply to done 3');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.logs().map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping', 'stopped']));
      expect(bot.logs().find((l) => l.msg === 'stopping')).toMatchObject({ why: 'SIGTERM' });
    } finally {
      bot.child.kill('SIGKILL');
    }
    const again = once({}, 'progress\n');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/1\/12 steps/);
  });

  it('logs only problems in the terminal chat by default, so nothing runs through the conversation', () => {
    const r = once({}, 'done 1\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('refuses a wrong LOG_LEVEL or HEALTH_PORT with a clear message', () => {
    const r = once({ LOG_LEVEL: 'loud', HEALTH_PORT: 'x' }, '');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
    expect(r.stderr).toMatch(/HEALTH_PORT must be a number/);
  });
});

const db = await testDatabase();
if ('skip' in db) console.warn(db.skip);
afterAll(async () => {
  if (!('skip' in db)) await db.drop();
});

describe.skipIf('skip' in db)('npm start on PostgreSQL (DATABASE_URL)', () => {
  const url = 'url' in db ? db.url : '';

  it('keeps what users stored in the database, not in a file, across a SIGTERM and a new start', async () => {
    const port = await freePort();
    const bot = serve({ DATABASE_URL: url, HEALTH_PORT: String(port), LOG_LEVEL: 'info' });
    try {
      await bot.until(() => bot.out.stderr.includes('"msg":"started"'), 'the started log line');
      expect(bot.logs().find((l) => l.msg === 'started')?.store).toMatch(/^postgres(ql)?:\/\//);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      bot.child.stdin.write('done 2\ntip add 2 Pick one language and write a small project in it\n');
      await bot.until(() => bot.out.stdout.includes('Saved tip #1'), 'the reply to tip add');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
    expect(existsSync(join(dir, 'data', 'devpath.json'))).toBe(false);
    const again = once({ DATABASE_URL: url }, 'progress\ntips 2\n');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/1\/12 steps/);
    expect(again.stdout).toContain('Pick one language and write a small project in it');
  });

  it('stops with a clear message, and no password, when the database cannot be reached', () => {
    const r = once({ DATABASE_URL: 'postgres://devpath:hunter2-secret@127.0.0.1:1/devpath' }, '');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PostgreSQL/);
    expect(r.stderr).not.toContain('hunter2-secret');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

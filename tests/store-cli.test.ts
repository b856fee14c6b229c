// The bot and `devpath --stdin` in another shell share one data file: each sees the other's
// writes. A data file the bot cannot use stops the start with a StartError naming it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBot, openStore, StartError } from '../adapters/start.js';
import { DATA_FILE_NAME } from '../src/store/lowdb.js';

const root = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'devpath-cli-'));
  dirs.push(d);
  return d;
};

function devpathStdin(dataDir: string, input: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'devpath.js'), '--stdin'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
    p.stdin.end(input);
  });
}

describe('the bot and devpath --stdin on one data file', () => {
  it('keep each other\'s writes', async () => {
    const dir = tempDir();
    const { bot, store } = await openBot(dir); // as npm start opens it
    const discord = { platform: 'discord' as const, userId: 'u1', userName: 'Dana', isModerator: false, communityId: 'local' };
    await bot.dispatchText('tip add 5 Learn what an index is before you need one', discord);
    const cli = await devpathStdin(dir, 'tips 5\ntip add 5 Practise SQL joins on a real dataset\ndone 5\n');
    expect(cli.err).toBe('');
    expect(cli.out).toContain('Learn what an index is'); // the CLI read the bot's tip
    expect(cli.out).toContain('Saved tip #2');
    // The bot, still running with its store open, sees the CLI's tip and adds after it.
    expect((await bot.dispatchText('tips 5', discord)).text).toContain('Practise SQL joins');
    expect((await bot.dispatchText('tip add 5 Back up before every migration', discord)).text).toContain('Saved tip #3');
    await store.close();
    const file = JSON.parse(readFileSync(join(dir, DATA_FILE_NAME), 'utf8'));
    expect(file.communities.local.tips.map((t: { id: number }) => t.id)).toEqual([1, 2, 3]);
  }, 30_000);

  it('a bad data file stops the start, naming the file, and stays as it was', async () => {
    const dir = tempDir();
    const file = join(dir, DATA_FILE_NAME);
    writeFileSync(file, '{"version": 1, "communities": 3}');
    const error = await openStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toContain(file);
    const cli = await devpathStdin(dir, 'progress\n');
    expect(cli.code).toBe(1);
    expect(cli.err).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "communities": 3}');
  }, 30_000);
});

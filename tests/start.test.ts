// `npm start` as a user runs it: the built entry point in a child process, in a folder with no
// .env, with no platform tokens in the environment.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const main = join(import.meta.dirname, '..', 'dist', 'adapters', 'main.js');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'devpath-start-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(extra: Record<string, string>, input: string) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1', DATA_DIR: join(dir, 'data'), ...extra };
  const r = spawnSync(process.execPath, [main], { cwd: dir, env, input, encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm start', () => {
  it('opens the terminal chat when no platform is configured, and keeps what the user stored', () => {
    const first = start({}, 'how much do junior backend devs earn\ndone 2\nexit\n');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/devpath: your guide/);
    expect(first.stdout).toContain('$61,042');
    expect(first.stdout).toMatch(/1\/12 steps/);
    const second = start({}, 'progress\n');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/1\/12 steps/);
  });

  it('stops with a clear message and exit 1 on a wrong setting, printing no secret and no stack', () => {
    const r = start({ PORT: 'abc', SLACK_BOT_TOKEN: 'not-a-token-s3cret' }, '');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT must be a number from 1 to 65535/);
    expect(r.stderr).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
    expect(r.stderr).not.toContain('s3cret');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses to start on a data file it cannot read, names it, and leaves it untouched', () => {
    const file = join(dir, 'data', 'devpath.json');
    const first = start({}, 'done 1\nexit\n'); // the first write creates the data folder and file
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    writeFileSync(file, '{"version": 1, "communities": ');
    const r = start({}, 'exit\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "communities": ');
  });

  it('refuses a DATA_DIR that is not a folder, naming it, with exit 1 and no stack', () => {
    const notAFolder = join(dir, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const r = start({ DATA_DIR: notAFolder }, 'exit\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot create the data directory ${notAFolder}`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).not.toMatch(/devpath: your guide/);
  });
});

// What a user of the devpath command meets when the data file cannot be written, or is not there,
// or the reader of its output goes away: real child processes, real folders, a real full disk and
// a real read-only filesystem (small tmpfs mounts, where this machine lets the tests mount them).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME } from '../src/store/lowdb.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'devpath.js');
const dirs: string[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'devpath-fail-'));
  dirs.push(d);
  return d;
};

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function devpath(args: string[], opts: { cwd?: string; dataDir?: string; input?: string } = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.DATA_DIR;
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
    p.stdin.end(opts.input ?? '');
  });
}

/** A small tmpfs at a new folder, or undefined where this machine does not let tests mount one. */
function tmpfs(sizeKb: number): string | undefined {
  const dir = tempDir();
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const probe = tmpfs(16);
  if (!probe) console.warn('cli-failures: cannot mount a tmpfs here (run the tests as root on Linux to check a full disk and a read-only folder); those tests are skipped.');
  return probe !== undefined;
})();

describe('commands that need no data', () => {
  it('work in a folder with no data file, and create none', async () => {
    const cwd = tempDir();
    for (const args of [['sources'], ['salary', 'entry'], ['ask', 'do', 'I', 'need', 'a', 'degree'], ['roadmap'], ['progress']]) {
      const r = await devpath(args, { cwd });
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    }
    // No data file: only the progress card's picture was written (data/cards/).
    expect(readdirSync(join(cwd, 'data'))).toEqual(['cards']);
    const saved = await devpath(['done', '3'], { cwd });
    expect(saved.code).toBe(0);
    expect(existsSync(join(cwd, 'data', DATA_FILE_NAME))).toBe(true);
  }, 30_000);

  it('a lock left behind (even with a date in the future) does not stop reading, and a write says which lock to clear', async () => {
    const dataDir = tempDir();
    expect((await devpath(['done', '2'], { dataDir })).code).toBe(0);
    const lock = join(dataDir, `${DATA_FILE_NAME}.lock`);
    mkdirSync(lock);
    const future = new Date(Date.now() + 24 * 3600_000);
    utimesSync(lock, future, future);
    const started = Date.now();
    const read = await devpath(['progress'], { dataDir });
    expect(read.code).toBe(0);
    expect(read.out).toMatch(/1\/12/);
    expect(Date.now() - started).toBeLessThan(5000);
    const write = await devpath(['done', '4'], { dataDir });
    expect(write.code).toBe(1);
    const said = write.out.replace(/\s+/g, ' '); // wrapped to the terminal's width
    expect(said).toMatch(/Nothing was saved/);
    expect(said).toContain(lock);
    expect(said).toMatch(/remove .*\.lock and try again/);
    expect(write.err).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});

describe.skipIf(!canMount)('a data folder that cannot be written', () => {
  it('a full disk: the save fails with that reason, the file keeps what it had, and the exit code is 1', async () => {
    const dataDir = tmpfs(64)!;
    expect((await devpath(['tip', 'add', '4', 'Build one small REST API end to end'], { dataDir })).code).toBe(0);
    const before = readFileSync(join(dataDir, DATA_FILE_NAME), 'utf8');
    spawnSync('dd', ['if=/dev/zero', `of=${join(dataDir, 'filler')}`, 'bs=1k', 'count=200']);
    const once = await devpath(['tip', 'add', '5', 'Learn what an index is before you need one'], { dataDir });
    expect(once.code).toBe(1);
    expect(once.out).toMatch(/Nothing was saved: the disk that holds the data file is full/);
    expect(once.err).not.toMatch(/\n\s+at /);
    const stdin = await devpath(['--stdin'], { dataDir, input: 'done 3\nsalary entry\n' });
    expect(stdin.code).toBe(1);
    expect(stdin.out).toMatch(/disk that holds the data file is full/);
    expect(stdin.out).toContain('$61,042'); // the next line is still answered
    expect(readFileSync(join(dataDir, DATA_FILE_NAME), 'utf8')).toBe(before);
  }, 60_000);

  it('a read-only folder: knowledge commands work, a save says the folder cannot be written', async () => {
    const dataDir = tmpfs(256)!;
    expect((await devpath(['done', '1'], { dataDir })).code).toBe(0);
    expect(spawnSync('mount', ['-o', 'remount,ro', dataDir]).status).toBe(0);
    for (const args of [['sources'], ['salary', 'entry'], ['progress']]) expect((await devpath(args, { dataDir })).code).toBe(0);
    const r = await devpath(['done', '2'], { dataDir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Nothing was saved: the data folder cannot be written/);
  }, 60_000);
});

describe('a data file shared with others', () => {
  it('a devpath process keeps the file\'s mode and writes through a symlink to its target', async () => {
    const real = tempDir();
    expect((await devpath(['done', '1'], { dataDir: real })).code).toBe(0);
    const target = join(real, DATA_FILE_NAME);
    chmodSync(target, 0o664);
    const linked = tempDir();
    symlinkSync(target, join(linked, DATA_FILE_NAME));
    expect((await devpath(['done', '2'], { dataDir: linked })).code).toBe(0);
    expect(lstatSync(join(linked, DATA_FILE_NAME)).isSymbolicLink()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o664);
    const progress = await devpath(['progress'], { dataDir: real });
    expect(progress.out).toMatch(/2\/12/);
  }, 30_000);
});

/** Root, with setpriv, can run devpath as another account to share a file the way two accounts would. */
const canSwitchUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

describe.skipIf(!canSwitchUser)('a data file shared by two accounts through its group', () => {
  it('a writer that cannot keep the owner keeps the group and the mode, so the other account still opens it', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o777);
    expect((await devpath(['done', '1'], { dataDir })).code).toBe(0);
    const file = join(dataDir, DATA_FILE_NAME);
    chownSync(file, 1, 1234); // owned by one account, shared with group 1234
    chmodSync(file, 0o660);
    const env = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
    const other = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--groups', '1234', process.execPath, bin, 'done', '2'], { encoding: 'utf8', env });
    expect(other.status, other.stderr).toBe(0);
    expect(statSync(file).gid).toBe(1234);
    expect(statSync(file).mode & 0o777).toBe(0o660);
  }, 30_000);
});

describe('when the reader goes away', () => {
  it('`devpath --stdin | head -1` stops quietly with exit 0', async () => {
    const r = spawnSync('sh', ['-c', `yes salary | head -300 | "${process.execPath}" "${bin}" --stdin | head -1`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DATA_DIR: tempDir() } });
    expect(r.stdout).toMatch(/salary/i);
    expect(r.stderr).toBe('');
    // The exit code of devpath itself, third in the pipeline.
    const status = spawnSync('bash', ['-c', `yes salary | head -300 | "${process.execPath}" "${bin}" --stdin 2>/dev/null | head -1 >/dev/null; exit \${PIPESTATUS[2]}`], { encoding: 'utf8', env: { ...process.env, DATA_DIR: tempDir() } });
    expect(status.status).toBe(0);
  }, 30_000);
});

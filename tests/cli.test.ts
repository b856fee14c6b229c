// The `devpath` binary as a user runs it: a real child process on the built code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../adapters/terminal/cli.js';
import { DATA_FILE_NAME } from '../src/store/lowdb.js';

const bin = join(import.meta.dirname, '..', 'bin', 'devpath.js');
const dataDir = mkdtempSync(join(tmpdir(), 'devpath-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], input?: string, options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: input ?? '', env: options.env ?? env, cwd: options.cwd, timeout: 15_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('devpath one-shot', () => {
  it('answers a command with sourced text and exits 0', () => {
    const r = run(['salary', 'entry']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$61,042');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('PayScale, cited by Career Karma');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour when piped
  });

  it('takes one quoted argument as the whole line, and keeps quotes inside an argument', () => {
    const own = mkdtempSync(join(tmpdir(), 'devpath-cli-quotes-'));
    const envHere = { ...env, DATA_DIR: own };
    try {
      expect(run(['salary entry'], undefined, { env: envHere }).stdout).toContain('$61,042');
      const saved = run(['tip add 4 use a framework'], undefined, { env: envHere });
      expect(saved.code).toBe(0);
      expect(saved.stdout).toContain('Saved tip #1 for step 4');
      const quoted = run(['tip', 'add', '6', 'the "N+1" problem', 'matters'], undefined, { env: envHere });
      // No quote the user did not type is saved (the shell's grouping quotes are not).
      expect(quoted.stdout.replace(/\s+/g, ' ')).toContain('"the "N+1" problem matters"');
      expect(run(['tips'], undefined, { env: envHere }).stdout.replace(/\s+/g, ' ')).toContain('the "N+1" problem matters');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('says that "more" alone has nothing before it in a run of its own, and "more <what>" shows it in full', () => {
    const alone = run(['more']);
    expect(alone.stdout.replace(/\s+/g, ' ')).toContain('Each devpath command runs on its own, so "more" alone has nothing before it.');
    const named = run(['more', 'roadmap', '6']);
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/Step 6 of 12/);
    expect(named.stdout).not.toMatch(/Short answer/);
  });

  it('wraps to 80 columns when piped, between words, and keeps every word whole', () => {
    // The full card (--json prints it in full), so both show the same words.
    const r = run(['more', 'role', 'backend']);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.length > 80 && l.trim().includes(' '))).toEqual([]);
    const json = JSON.parse(run(['--json', 'role', 'backend']).stdout) as { text: string; brief?: unknown; card: { children: { type: string; text?: string; items?: string[] }[] } };
    // JSON is for programs: the full reply, without the core's short-form working material.
    expect(json.text).not.toMatch(/Short answer/);
    expect(json.brief).toBeUndefined();
    const words = r.stdout.split(/\s+/);
    // The card's words (its actions, what to try next, are command lines, not words of the card).
    for (const item of json.card.children.filter((c) => c.type !== 'actions').flatMap((c) => c.items ?? (c.text ? [c.text] : []))) {
      for (const word of item.split(/\s+/).filter((w) => w.length > 3)) expect(words.some((w) => w.includes(word)), word).toBe(true);
    }
    expect(lines.filter((l) => l.startsWith('Sources:'))).toHaveLength(1);
  });

  it('prints the Reply as JSON with --json', () => {
    const r = run(['--json', 'ask', 'how long does it take']);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply.answered).toBe(true);
    expect(reply.text).toMatch(/three months to four years/);
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it('answers the README example, a question in several unquoted words', () => {
    const r = run(['--json', 'ask', 'do', 'I', 'need', 'a', 'degree']);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply.answered).toBe(true);
    expect(reply.card.title).toBe('Do I need a degree to become a back-end developer?');
  });

  it('runs a command asked for in words, as `ask` or without it: "what\'s the roadmap?" is the roadmap', () => {
    for (const args of [['--json', 'ask', "what's the roadmap?"], ['--json', 'whats', 'the', 'roadmap']]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).card.title).toBe('The back-end developer roadmap');
    }
  });

  it('answers a question typed without "ask", and says "did you mean" for a typo of a command it cannot read as one', () => {
    const q = run(['how', 'much', 'do', 'juniors', 'make']);
    expect(q.code).toBe(0);
    expect(q.stdout).toContain('$61,042');
    const question = run(['do', 'i', 'need', 'a', 'portfolio']); // "do" is not a typo of "done"
    expect(question.stdout).toMatch(/portfolio/i);
    expect(question.code).toBe(0);
    // A typo of a command with more words is read as a question when that answers it...
    const typed = run(['sallary', 'for', 'begginers']);
    expect(typed.code).toBe(0);
    expect(typed.stdout).toContain('$61,042');
    expect(run(['indeed', 'salary']).stdout).toContain('$124,303');
    // ...and said to be a typo when it does not, or stands alone.
    const typo = run(['roadmp', 'qq']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean "roadmap"\?/);
  });

  it('says it does not know, as JSON, for an off-topic question', () => {
    const reply = JSON.parse(run(['ask', 'best pizza in naples', '--json']).stdout);
    expect(reply.answered).toBe(false);
  });

  it.each([
    [['salray'], /I don't know the command "salray". Did you mean "salary"\?/],
    [['interview', 'ten'], /Number must be a whole number/],
    [['--frobnicate'], /unknown option --frobnicate/],
  ])('rejects %j on stderr with exit code 2', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('prints usage with --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: devpath/);
  });

  it('prints the package version with --version', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version}\n`);
  });

  it('answers although a platform setting is wrong: the command needs only DATA_DIR', () => {
    const r = run(['salary', 'entry'], '', { env: { ...env, SLACK_BOT_TOKEN: 'not-a-token', PORT: 'abc' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$61,042');
  });

  it('reads DATA_DIR from a .env file in the folder it runs in, as npm start does', () => {
    const folder = mkdtempSync(join(tmpdir(), 'devpath-cli-env-'));
    try {
      writeFileSync(join(folder, '.env'), `DATA_DIR=${join(folder, 'from-dotenv')}\n`);
      const { DATA_DIR: _ignored, ...withoutDataDir } = env;
      const r = run(['done', '2'], '', { env: withoutDataDir, cwd: folder });
      expect(r.code).toBe(0);
      expect(existsSync(join(folder, 'from-dotenv', DATA_FILE_NAME))).toBe(true);
      expect(existsSync(join(folder, 'data'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** The size in a PNG's IHDR chunk, after checking the PNG signature. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('devpath pictures', () => {
  it('progress writes its card as a PNG under DATA_DIR/cards and prints the path', () => {
    expect(run(['done', '1']).code).toBe(0);
    const r = run(['progress']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Picture: Roadmap progress of .+: 1 of 12 steps done; next step 2, /m);
    const path = /^Saved as (.+\.png)$/m.exec(r.stdout)?.[1];
    expect(path).toBeDefined();
    expect(dirname(path!)).toBe(join(dataDir, 'cards'));
    expect(basename(path!)).toMatch(/^progress-local-[a-z0-9-]+\.png$/);
    expect(pngSize(path!)).toEqual({ width: 800, height: 400 });
  });

  it('--json lists each picture by its path, alt text and size, never its bytes', () => {
    const r = run(['--stdin', '--json'], 'group create cli-pics\ngroup cli-pics\n');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/"png"|"data":\[/);
    const board = JSON.parse(r.stdout.trim().split('\n')[1]!) as { card: { children: Record<string, unknown>[] } };
    const picture = board.card.children.find((n) => n.type === 'image');
    expect(picture).toEqual({
      type: 'image',
      name: 'group-cli-pics.png',
      alt: expect.stringMatching(/^Board of the study group cli-pics: 1 member; steps done: /),
      width: 800,
      height: 400,
      path: join(dataDir, 'cards', 'group-cli-pics.png'),
    });
    expect(pngSize(picture!.path as string)).toEqual({ width: 800, height: 400 });
  });

  it('a picture that cannot be written: the answer comes anyway, saying the picture was not saved', () => {
    const folder = mkdtempSync(join(tmpdir(), 'devpath-cli-ro-'));
    try {
      // DATA_DIR/cards is a file: no picture can be written under it (root ignores read-only modes).
      writeFileSync(join(folder, 'cards'), 'x');
      const r = run(['progress'], '', { env: { ...env, DATA_DIR: folder, LOG_LEVEL: 'silent' } });
      expect(r.code).toBe(0);
      expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/\[picture: Roadmap progress of .+\] \(not saved: E[A-Z]+\)/);
      expect(r.stdout).not.toContain('Saved as');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('devpath colour', () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, NO_COLOR: process.env.NO_COLOR };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  async function onTerminal(args: string[]): Promise<string> {
    process.env.DATA_DIR = dataDir;
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    expect(await runCli(args, { stdin: new PassThrough(), stdout, stderr: new PassThrough() })).toBe(0);
    return out;
  }

  it('says a mistake once on a terminal (no second copy on stderr); piped, stderr still has it and the exit code is 2', async () => {
    process.env.DATA_DIR = dataDir;
    const run = async (tty: boolean) => {
      const stdout = Object.assign(new PassThrough(), { isTTY: tty });
      const stderr = Object.assign(new PassThrough(), { isTTY: tty });
      let out = '';
      let err = '';
      stdout.on('data', (d: Buffer) => (out += d.toString()));
      stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await runCli(['done', '13'], { stdin: new PassThrough(), stdout, stderr });
      return { code, out, err };
    };
    const screen = await run(true);
    expect(screen.code).toBe(2);
    expect(screen.out).toContain('there is no step 13');
    expect(screen.err).toBe('');
    const piped = await run(false);
    expect(piped.code).toBe(2);
    expect(piped.err).toContain('there is no step 13');
  });

  it('colours the answer on a terminal, and not when NO_COLOR is set', async () => {
    delete process.env.NO_COLOR;
    expect(await onTerminal(['salary', 'entry'])).toMatch(/\u001b\[1m/);
    process.env.NO_COLOR = '1';
    const plain = await onTerminal(['salary', 'entry']);
    expect(plain).toContain('$61,042');
    expect(plain).not.toMatch(/\u001b\[/);
  });
});

describe('due reminders after a one-shot command', () => {
  const saved = process.env.DATA_DIR;
  const own = mkdtempSync(join(tmpdir(), 'devpath-cli-remind-'));
  afterEach(() => {
    vi.useRealTimers();
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
  });
  afterAll(() => rmSync(own, { recursive: true, force: true }));

  async function cli(args: string[], tty: boolean): Promise<string> {
    process.env.DATA_DIR = own;
    const stdout = Object.assign(new PassThrough(), { isTTY: tty });
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    expect(await runCli(args, { stdin: new PassThrough(), stdout, stderr: new PassThrough() })).toBe(0);
    return out;
  }

  it('shows a reminder that fell due after the answer on a terminal, once; never in piped or JSON output', async () => {
    // Only the clock is faked: the store's file writes run as they do for a user.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T09:00:00Z'));
    expect(await cli(['remind', 'in', '1', 'hour', 'to', 'stretch'], false)).toContain('Reminder #1 set');
    vi.setSystemTime(new Date('2026-12-01T10:30:00Z'));
    // Piped and --json output hold the answer only: the reminder waits.
    expect(await cli(['salary', 'entry'], false)).not.toContain('stretch');
    expect(await cli(['--json', 'salary', 'entry'], true)).not.toContain('stretch');
    const shown = await cli(['salary', 'entry'], true);
    expect(shown.indexOf('$61,042')).toBeGreaterThanOrEqual(0);
    expect(shown.indexOf('stretch')).toBeGreaterThan(shown.indexOf('$61,042'));
    expect(shown).toMatch(/Reminder #1/);
    expect(shown).toMatch(/late/i);
    expect(await cli(['salary', 'entry'], true)).not.toContain('stretch');
    expect(await cli(['reminders'], false)).toContain('No reminders');
  });

  it('shows them after the last answer of a --stdin run on a terminal too', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-02T09:00:00Z'));
    expect(await cli(['remind', 'in', '1', 'hour', 'to', 'review', 'step', '4'], false)).toContain('Reminder #');
    vi.setSystemTime(new Date('2026-12-02T10:05:00Z'));
    process.env.DATA_DIR = own;
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    const stdin = new PassThrough();
    stdin.end('salary entry\nroadmap 2\n');
    expect(await runCli(['--stdin'], { stdin, stdout, stderr: new PassThrough() })).toBe(0);
    expect(out.indexOf('review step 4')).toBeGreaterThan(out.indexOf('Step 2 of 12'));
  });
});

describe('devpath --stdin', () => {
  it('picks a suggestion by its number, as the chat does, and never asks a number as a question', () => {
    const r = run(['--stdin', '--json'], 'roadmap 1\n1\n9\n');
    const [, picked, missing] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(picked.card.title).toMatch(/^Step 2 of 12/);
    expect(missing.card.title).toBe('Not a suggestion');
  });

  it('after the roadmap list or an article\'s numbered plan, a number is one of its items, not a suggestion', () => {
    const r = run(['--stdin', '--json'], 'done 1\nroadmap\n1\nwhat are the steps in the career karma guide?\n2\n');
    const [, list, first, , second] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(list.numbered).toBe(true);
    expect(first.card.title).toMatch(/^Step 1 of 12/);
    expect(second.text).toMatch(/Step 2: Begin your studies/);
  });

  it('answers each line in order, one JSON object per line', () => {
    const r = run(['--stdin', '--json'], 'ask how long does it take\nsalary entry\n\nroadmap 2\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.answered)).toEqual([true, true, true]);
    expect(lines[0].text).toMatch(/three months to four years/);
    expect(lines[1].text).toContain('$72,514');
    expect(lines[2].text).toMatch(/^Step 2 of 12/);
  });

  it('keeps going after a bad line, reports it on stderr, and exits 2', () => {
    const r = run(['--stdin', '--json'], 'done 99\nsalary\n');
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].error).toBe('invalid-option');
    expect(lines[1].answered).toBe(true);
    expect(r.stderr).toMatch(/there is no step 99/);
  });

  it('reads lines as typed in chat: questions, and follow-ups read with the line before', () => {
    const r = run(['--stdin', '--json'], 'how much do junior backend devs make\nand for seniors?\nroadmap 3\nwhat next?\nhow do i become a registered pharmacist\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answered)).toEqual([true, true, true, true, false]);
    expect(lines[0].text).toContain('$61,042');
    expect(lines[1].text).toContain('$167K');
    expect(lines[1].text).not.toContain('$61,042');
    expect(lines[3].text).toMatch(/^Step 4 of 12/);
    expect(lines[4].text).toMatch(/I don't know that yet/);
  });
});

describe('devpath chat', () => {
  it('runs nothing pasted after "exit": leaving saves nothing more', () => {
    const own = mkdtempSync(join(tmpdir(), 'devpath-exit-'));
    const chat = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'dist', 'adapters', 'main.js')], { input: 'exit\ndone 3\n', env: { ...env, DATA_DIR: own }, encoding: 'utf8' });
    expect(chat.stdout).toMatch(/Good luck on the path!/);
    expect(chat.stdout).not.toMatch(/Step done/);
    expect(run(['progress'], undefined, { env: { ...env, DATA_DIR: own } }).stdout).toMatch(/0\/12 steps/);
  });

  it('answers typed questions and commands, runs a numbered suggestion, and exits on "exit"', async () => {
    const child = spawn(process.execPath, [bin], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.write('how much do junior backend devs earn\n');
    child.stdin.write('roadmap 1\n');
    child.stdin.write('1\n'); // the first suggestion of the last answer: the next step
    child.stdin.write('progress\n');
    child.stdin.write('exit\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/devpath: your guide/);
    expect(out).toContain('$61,042');
    expect(out).toMatch(/Step 1 of 12/);
    expect(out).toMatch(/Step 2 of 12/);
    expect(out).toMatch(/Good luck on the path!/);
    // The progress card, saved as a file: its path is printed.
    const path = /^Saved as (.+\.png)$/m.exec(out)?.[1];
    expect(path && dirname(path)).toBe(join(dataDir, 'cards'));
    expect(existsSync(path!)).toBe(true);
  });
});

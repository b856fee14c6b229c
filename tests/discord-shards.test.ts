// Sharded Discord end to end: the real discord.js Client, through the adapter's own factory, against
// the fake Discord, which keeps state per connection and sends each guild only to the shard that
// owns it ((id >> 22) % count), as Discord does. Then `npm run start:shards` as a user runs it: the
// built ShardingManager script forking one child process per shard.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createDiscordAdapter, shardOptions } from '../adapters/discord/index.js';
import { shardPlan } from '../adapters/discord/shards.js';
import type { Adapter } from '../adapters/adapter.js';
import { Bot } from '../src/bot.js';
import type { CommandSpec } from '../src/command.js';
import { commands as defaultCommands } from '../src/commands/index.js';
import { parseConfig } from '../adapters/start.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { reply } from '../src/reply.js';
import { shardOf, startFakeDiscord, type FakeDiscord } from './fakes/discord.js';

/** Two guilds on different shards of 2: (id >> 22) % 2 is 0 for the first, 1 for the second. */
const GUILD_A = '777777777777777777';
const GUILD_B = '555555555555555555';
const alice = { id: '700000000000000001', username: 'alice', global_name: 'Alice A.' };

/** Answers with the community (guild) the adapter put in the context. */
const where: CommandSpec = {
  name: 'where',
  description: 'Echo the community.',
  examples: [],
  run: (ctx) => reply({ title: `community ${ctx.communityId}` }),
};

const errors: string[] = [];
const testOptions = {
  clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 1000 },
  logError: (message: string, error: unknown) => void errors.push(`${message} ${String(error)}`),
};

let fake: FakeDiscord | undefined;
let adapter: Adapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.close();
  adapter = undefined;
  fake = undefined;
});

/** A /where command in a guild: which shard's connection the fake sent it on, and what came back. */
async function askWhere(f: FakeDiscord, guildId: string) {
  const { id } = f.slashCommand({ name: 'where', user: alice, guildId });
  const sentOn = f.dispatched.at(-1)!;
  const callback = await f.waitForCallback(id);
  return { sentOn, title: callback.body.data.embeds[0].title as string };
}

describe('the fake models sharding', () => {
  test('the two test guilds are on different shards of 2', () => {
    expect(shardOf(GUILD_A, 2)).toBe(0);
    expect(shardOf(GUILD_B, 2)).toBe(1);
  });
});

describe('several shards in one process (DISCORD_SHARDS)', () => {
  const knowledge = loadKnowledge();
  const bot = () => new Bot({ knowledge, commands: [...defaultCommands, where], logError: () => undefined });

  test('DISCORD_SHARDS=2: both shards are ready, each is sent only its own guild, and answers its commands', async () => {
    // Discord recommends 1 shard here: the number set wins. max_concurrency 2 lets both identify at once.
    fake = await startFakeDiscord({ guildIds: [GUILD_A, GUILD_B], shards: 1, maxConcurrency: 2 });
    const config = parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl, DISCORD_SHARDS: '2' });
    adapter = createDiscordAdapter(bot(), config, testOptions);
    const started = Date.now();
    await adapter.start(); // resolves on ClientReady: every shard READY and its guilds received
    expect(Date.now() - started).toBeLessThan(4000); // no 5 s identify queue, no guild left to time out

    expect(fake.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(fake.connectedShards).toEqual([[0, 2], [1, 2]]);
    const sent = (t: string) => fake!.dispatched.filter((d) => d.t === t).map((d) => [d.shard[0], d.guildId ?? null]);
    expect(sent('READY').sort()).toEqual([[0, null], [1, null]]);
    expect(sent('GUILD_CREATE').sort()).toEqual([[0, GUILD_A], [1, GUILD_B]]);

    const a = await askWhere(fake, GUILD_A);
    expect(a.sentOn).toMatchObject({ t: 'INTERACTION_CREATE', shard: [0, 2], guildId: GUILD_A });
    expect(a.title).toBe(`community ${GUILD_A}`);
    const b = await askWhere(fake, GUILD_B);
    expect(b.sentOn).toMatchObject({ t: 'INTERACTION_CREATE', shard: [1, 2], guildId: GUILD_B });
    expect(b.title).toBe(`community ${GUILD_B}`);
    expect(errors).toEqual([]);
  });

  test("DISCORD_SHARDS=auto takes the count from GET /gateway/bot, through DISCORD_REST_URL", async () => {
    fake = await startFakeDiscord({ guildIds: [GUILD_A, GUILD_B], shards: 2 });
    const config = parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl, DISCORD_SHARDS: 'auto' });
    adapter = createDiscordAdapter(bot(), config, testOptions);
    await adapter.start();
    expect(fake.requests.find((r) => r.path === '/v10/gateway/bot')?.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.connectedShards).toEqual([[0, 2], [1, 2]]);
    expect((await askWhere(fake, GUILD_A)).sentOn.shard).toEqual([0, 2]);
    expect((await askWhere(fake, GUILD_B)).sentOn.shard).toEqual([1, 2]);
  });

  test('a shard reconnects (op 7) and resumes on its own; the other shard is untouched', async () => {
    fake = await startFakeDiscord({ guildIds: [GUILD_A, GUILD_B], shards: 2 });
    adapter = createDiscordAdapter(bot(), parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl, DISCORD_SHARDS: '2' }), testOptions);
    await adapter.start();
    await fake.reconnect(1);
    expect(fake.resumes).toHaveLength(1);
    expect(fake.identifies).toHaveLength(2);
    expect((await askWhere(fake, GUILD_B)).title).toBe(`community ${GUILD_B}`);
    expect((await askWhere(fake, GUILD_A)).title).toBe(`community ${GUILD_A}`);
  });

  test('without DISCORD_SHARDS the client runs one shard, which is sent every guild', async () => {
    fake = await startFakeDiscord({ guildIds: [GUILD_A, GUILD_B], shards: 2 });
    adapter = createDiscordAdapter(bot(), parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl }), testOptions);
    await adapter.start();
    expect(fake.connectedShards).toEqual([[0, 1]]);
    expect(fake.dispatched.filter((d) => d.t === 'GUILD_CREATE').map((d) => d.guildId).sort()).toEqual([GUILD_B, GUILD_A].sort());
  });
});

describe('shard options', () => {
  test('DISCORD_SHARDS becomes discord.js shards and shardCount, unless a ShardingManager assigned the shard', () => {
    expect(shardOptions(undefined, {})).toEqual({});
    expect(shardOptions('auto', {})).toEqual({ shards: 'auto' });
    expect(shardOptions(3, {})).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    // What ShardingManager gives a child: discord.js's Client reads it only when the options leave it alone.
    expect(shardOptions(3, { SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '3' })).toEqual({});
    expect(shardOptions('auto', { SHARD_COUNT: '2' })).toEqual({});
  });

  test('start:shards runs DISCORD_SHARDS shards, else the recommended count; it queues starts when max_concurrency is lower', () => {
    const gateway = (shards: number, max_concurrency: number) => ({ shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency } });
    expect(shardPlan(undefined, gateway(3, 16))).toEqual({ total: 3, recommended: 3, delay: 0 });
    expect(shardPlan('auto', gateway(2, 1))).toEqual({ total: 2, recommended: 2, delay: 5500 });
    expect(shardPlan(4, gateway(1, 4))).toEqual({ total: 4, recommended: 1, delay: 0 });
    expect(shardPlan(1, gateway(1, 1))).toEqual({ total: 1, recommended: 1, delay: 0 });
  });
});

// ---------------------------------------------------------------- one process per shard

const script = join(import.meta.dirname, '..', 'dist', 'adapters', 'discord', 'shards.js');

interface Manager {
  process: ChildProcess;
  output: () => string;
  /** Resolves with the first output line matching, or rejects when the manager exits first. */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

function startManager(env: Record<string, string>, cwd: string): Manager {
  const child = spawn(process.execPath, [script], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      output += chunk;
      for (const l of listeners) l();
    });
  }
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = output.match(pattern);
        if (m) {
          listeners.delete(check);
          resolve(m);
        }
      };
      listeners.add(check);
      check();
      void exited.then((code) => {
        listeners.delete(check);
        reject(new Error(`the shard manager exited (${code}) before ${pattern}:\n${output}`));
      });
    });
  return { process: child, output: () => output, waitFor, exited };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return condition();
}

describe('npm run start:shards: one process per shard', () => {
  let dir: string;
  let manager: Manager | undefined;
  let pids: number[] = [];

  afterEach(() => {
    manager?.process.kill('SIGKILL');
    for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
    manager = undefined;
    pids = [];
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function startTwoShards(): Promise<FakeDiscord> {
    const f = (fake = await startFakeDiscord({ guildIds: [GUILD_A, GUILD_B], shards: 2 }));
    dir = mkdtempSync(join(tmpdir(), 'devpath-shards-'));
    manager = startManager(
      {
        DISCORD_TOKEN: f.token,
        DISCORD_REST_URL: f.restUrl,
        DISCORD_SHARDS: 'auto',
        DATA_DIR: join(dir, 'data'),
        // Slack is configured, pointing nowhere: the children must not start it.
        SLACK_BOT_TOKEN: 'xoxb-not-for-shards',
        SLACK_SIGNING_SECRET: 'not-for-shards',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
      dir,
    );
    await manager.waitFor(/all 2 Discord shards are ready/);
    pids = [...manager.output().matchAll(/Discord shard \d of 2 started \(process (\d+)\)/g)].map((m) => Number(m[1]));
    // The orphan checks below wait for these to be gone: they must have been seen.
    expect(pids).toHaveLength(2);
    return f;
  }

  test('two child processes, one shard each, and each answers its own guild', async () => {
    const f = await startTwoShards();
    const out = manager!.output();
    expect(out).toMatch(/starting 2 Discord shards, one process each \(Discord recommends 2\)/);
    expect(out).toMatch(/Slack is not started by start:shards/);
    expect(out).not.toContain(f.token);
    expect(new Set(pids).size).toBe(2);
    expect(pids.every(alive)).toBe(true);
    // The count came through DISCORD_REST_URL; each child identified once, for its own shard.
    expect(f.requestsTo('GET', /^\/v10\/gateway\/bot$/).length).toBeGreaterThanOrEqual(3); // the manager's, then each child's
    expect(f.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(f.connectedShards).toEqual([[0, 2], [1, 2]]);

    for (const [guildId, shard] of [[GUILD_A, 0], [GUILD_B, 1]] as const) {
      const { id } = f.slashCommand({ name: 'salary', options: [{ name: 'level', type: 3, value: 'entry' }], user: alice, guildId });
      expect(f.dispatched.at(-1)).toMatchObject({ t: 'INTERACTION_CREATE', shard: [shard, 2], guildId });
      const callback = await f.waitForCallback(id);
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.embeds[0].title).toMatch(/salary/i);
    }

    // SIGTERM: every child stops cleanly, then the manager exits 0.
    manager!.process.kill('SIGTERM');
    expect(await manager!.exited).toBe(0);
    expect(pids.some(alive)).toBe(false);
    expect(await until(() => f.connectedShards.length === 0, 2000)).toBe(true);
    expect(manager!.output()).not.toMatch(/restarting/);
  }, 40_000);

  test('a rejected token stops the manager before any child starts: a clear message, exit 1, no token', async () => {
    const f = (fake = await startFakeDiscord({ shards: 2 }));
    dir = mkdtempSync(join(tmpdir(), 'devpath-shards-'));
    manager = startManager({ DISCORD_TOKEN: 'wrong-s3cret-token', DISCORD_REST_URL: f.restUrl, DATA_DIR: join(dir, 'data') }, dir);
    expect(await manager.exited).toBe(1);
    expect(manager.output()).toMatch(/Discord rejected DISCORD_TOKEN \(401\)/);
    expect(manager.output()).not.toContain('s3cret');
    expect(manager.output()).not.toMatch(/^\s+at /m);
    expect(f.requestsTo('GET', /^\/v10\/gateway\/bot$/)).toHaveLength(1);
    expect(f.identifies).toHaveLength(0);
  });

  test('a child whose manager was killed stops instead of living on as an orphan', async () => {
    const f = await startTwoShards();
    manager!.process.kill('SIGKILL');
    await manager!.exited;
    expect(await until(() => !pids.some(alive), 10_000)).toBe(true);
    expect(await until(() => f.connectedShards.length === 0, 2000)).toBe(true);
  }, 40_000);
});

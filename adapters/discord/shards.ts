// `npm run start:shards`: the Discord door as one process per gateway shard, for a bot in many
// servers. discord.js's ShardingManager forks dist/adapters/main.js once per shard with SHARDS,
// SHARD_COUNT and DISCORD_TOKEN in the child's environment; each child starts as `npm start` does,
// and its Client reads its shard from there (the adapter then leaves DISCORD_SHARDS alone, see
// shardOptions in index.ts).
//
// How many shards: DISCORD_SHARDS when it is a number; otherwise (auto, or unset) Discord's
// recommendation from GET /gateway/bot, fetched here through DISCORD_REST_URL when it is set. The
// manager's own `totalShards: 'auto'` would call discord.com directly and ignore a REST proxy, so it
// is always given a number. The same answer's max_concurrency says whether every shard may identify at
// once; if not, the children start 5.5 s apart, as discord.js does by default.
//
// The children run the Discord door only: SLACK_ variables are blanked for them (N Slack doors in
// HTTP mode would fight over one PORT); run Slack as its own `npm start`. The token goes to the
// children in their environment and is never printed. Stopping (SIGINT, SIGTERM) closes each child's
// IPC channel: a child that is not stopping already stops itself cleanly (index.ts), one that is
// (a Ctrl-C reaches the whole process group) is left to finish; the manager waits for them all.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import { ConfigError } from '../../src/config.js';
import { loadConfig } from '../start.js';
import { StartError } from '../start-error.js';
import type { DiscordConfig } from './config.js';
import { explainDiscordError } from './errors.js';

/** discord.js's ShardingManager default: the time between two shards' starts when they must queue. */
const IDENTIFY_SPACING_MS = 5_500;
/** How long a stopping child may take before it is killed. */
const STOP_GRACE_MS = 10_000;
/** The Slack variables blanked for the children (blank, not deleted: dotenv would fill a deleted one from .env). */
const SLACK_VARIABLES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

export interface ShardPlan {
  /** How many shards, hence child processes. */
  total: number;
  /** Discord's recommended shard count. */
  recommended: number;
  /** Milliseconds between two children's starts: 0 when every shard may identify at once. */
  delay: number;
}

/** How many shards to run and how fast to start them, from DISCORD_SHARDS and GET /gateway/bot. */
export function shardPlan(setting: DiscordConfig['DISCORD_SHARDS'], gateway: Pick<RESTGetAPIGatewayBotResult, 'shards' | 'session_start_limit'>): ShardPlan {
  const recommended = Math.max(1, gateway.shards);
  const total = typeof setting === 'number' ? setting : recommended;
  const delay = gateway.session_start_limit.max_concurrency >= total ? 0 : IDENTIFY_SPACING_MS;
  return { total, recommended, delay };
}

/** GET /v10/gateway/bot through DISCORD_REST_URL (else Discord's API), `Authorization: Bot <token>`. */
export async function fetchGatewayBot(token: string, restUrl?: string, retries?: number): Promise<RESTGetAPIGatewayBotResult> {
  const rest = new REST({ version: '10', ...(restUrl ? { api: restUrl.replace(/\/+$/, '') } : {}), ...(retries === undefined ? {} : { retries }) }).setToken(token);
  return (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
}

export interface RunningShards {
  manager: ShardingManager;
  plan: ShardPlan;
  /**
   * Resolves true once every shard is ready, false if stop() was called first; rejects (with a
   * StartError, every child stopped) if a shard could not start.
   */
  ready: Promise<boolean>;
  /** Stops every child (see the file comment) and resolves when all have exited. */
  stop(): Promise<void>;
}

export interface StartShardsOptions {
  /** The script each shard runs; default dist/adapters/main.js beside this file's build. */
  file?: string;
  print?: (line: string) => void;
}

/** Asks a child to stop by closing its IPC channel; kills it after STOP_GRACE_MS; resolves on its exit. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
  });
}

/** Fetches the plan, then forks one child per shard, one after another (`ready` says when all are). */
export async function startShards(config: DiscordConfig & { SLACK_BOT_TOKEN?: string }, options: StartShardsOptions = {}): Promise<RunningShards> {
  const print = options.print ?? ((line: string) => console.log(line));
  const token = config.DISCORD_TOKEN;
  if (!token) throw new StartError('DISCORD_TOKEN is not set. Copy .env.example to .env and add the bot token.');
  let gateway: RESTGetAPIGatewayBotResult;
  try {
    gateway = await fetchGatewayBot(token, config.DISCORD_REST_URL);
  } catch (error) {
    const clear = explainDiscordError(error, config.DISCORD_REST_URL);
    throw new StartError(clear ?? `Could not ask Discord for the shard count: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plan = shardPlan(config.DISCORD_SHARDS, gateway);
  const { total } = plan;
  print(`devpath: starting ${total} Discord shard${total === 1 ? '' : 's'}, one process each (Discord recommends ${plan.recommended}).`);
  if (total < plan.recommended) print(`devpath: DISCORD_SHARDS=${total} is below Discord's recommendation; Discord may refuse the connection (sharding required).`);
  if (config.SLACK_BOT_TOKEN) print('devpath: Slack is not started by start:shards; run it with npm start (without DISCORD_TOKEN).');
  for (const name of SLACK_VARIABLES) process.env[name] = '';

  const file = options.file ?? fileURLToPath(new URL('../main.js', import.meta.url));
  let stopping: Promise<void> | undefined;
  const manager = new ShardingManager(file, { totalShards: total, token, mode: 'process', respawn: true });
  manager.on('shardCreate', (shard: Shard) => {
    const name = `Discord shard ${shard.id} of ${total}`;
    // mode 'process': each shard's child is a ChildProcess, never a Worker.
    shard.on('spawn', (child) => {
      print(`devpath: ${name} started (process ${(child as ChildProcess).pid}).`);
      // Spawned by manager.spawn's loop after stop() began: stop it too.
      if (stopping) void stopChild(child as ChildProcess);
    });
    shard.on('ready', () => print(`devpath: ${name} is ready.`));
    shard.on('death', (child) => {
      const { exitCode, signalCode } = child as ChildProcess;
      print(`devpath: ${name} stopped (${exitCode === null ? signalCode : `exit code ${exitCode}`})${manager.respawn ? '; restarting it' : ''}.`);
    });
    shard.on('error', (error: Error) => print(`devpath: ${name}: ${error.message}`));
  });

  const stop = () =>
    (stopping ??= (async () => {
      manager.respawn = false;
      await Promise.all([...manager.shards.values()].map((shard) => (shard.process ? stopChild(shard.process) : undefined)));
    })());

  const ready = manager.spawn({ amount: total, delay: plan.delay }).then(
    () => !stopping,
    async (error: unknown) => {
      if (stopping) return false; // a child stopped on purpose: not a failure to start
      await stop();
      throw new StartError(`A Discord shard could not start: ${error instanceof Error ? error.message : String(error)} (its own error, if any, is above).`);
    },
  );
  return { manager, plan, ready, stop };
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  try {
    const running = await startShards(loadConfig());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void running.stop().then(() => process.exit(0)));
    }
    const { total } = running.plan;
    if (await running.ready) console.log(total === 1 ? 'devpath: the Discord shard is ready.' : `devpath: all ${total} Discord shards are ready.`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartError) console.error(error.message);
    else console.error('devpath: could not start the Discord shards:', error);
    process.exit(1);
  }
}

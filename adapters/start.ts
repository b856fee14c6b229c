// What `npm start` does: loads the config, builds the Bot once, and starts every adapter the config enables
// (Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is set). With no platform
// configured it opens the terminal chat. Platform libraries are imported only when used, so the
// terminal starts fast and a missing token never loads discord.js.
import { Bot } from '../src/bot.js';
import { CoreEnv, loadEnv, parseEnv, type CoreConfig } from '../src/config.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLog, log, useLog, type LogLevel } from '../src/log.js';
import { startHealth, type Health } from './health.js';
import { openLowdbStore } from '../src/store/lowdb.js';
import { StoreError, type Store } from '../src/store/store.js';
import type { Adapter } from './adapter.js';
import { StartError } from './start-error.js';
import { createTerminalAdapter } from './terminal/index.js';
import { DiscordEnv, type DiscordConfig } from './discord/config.js';
import { SlackEnv, type SlackConfig } from './slack/config.js';
import { Scheduler } from '../src/jobs/scheduler.js';

export { StartError };

/**
 * Every variable npm start reads: each door's own (adapters/<door>/config.ts, declared by the door)
 * and the core's (src/config.ts). A new door adds its part here and its factory in adaptersFor.
 */
const PARTS = [DiscordEnv, SlackEnv, CoreEnv] as const;

export type Config = DiscordConfig & SlackConfig & CoreConfig;

/** Reads every part from one environment; one ConfigError names every wrong variable (never a value). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  return parseEnv(env, ...PARTS);
}

/** Reads .env (if present, without overriding real environment variables), then parseConfig. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadEnv(env, ...PARTS);
}

/**
 * Opens where the community data lives: the PostgreSQL database at DATABASE_URL when it is set
 * (migrated to the current schema first), else the data file in DATA_DIR. One it cannot use stops
 * the start with a message naming it (never a password). pg is loaded only when it is used.
 */
export async function openStore(dataDir: string, databaseUrl?: string): Promise<Store> {
  try {
    if (databaseUrl) {
      const { openPostgresStore } = await import('../src/store/postgres/store.js');
      return await openPostgresStore(databaseUrl);
    }
    return await openLowdbStore(dataDir);
  } catch (error) {
    if (error instanceof StoreError) throw new StartError(error.message);
    throw error;
  }
}

/**
 * The Bot every door uses (npm start and the devpath command): the knowledge base, then the data file
 * at DATA_DIR. A bad knowledge base throws KnowledgeError before the file is touched; a data file it
 * cannot use throws StartError. The caller closes the store.
 */
export async function openBot(dataDir: string, databaseUrl?: string): Promise<{ bot: Bot; store: Store }> {
  const knowledge = loadKnowledge();
  const store = await openStore(dataDir, databaseUrl);
  return { bot: new Bot({ knowledge, store }), store };
}

async function adaptersFor(config: Config, bot: Bot): Promise<{ adapters: Adapter[]; waitFor?: Promise<void> }> {
  const adapters: Adapter[] = [];
  // Platform adapters are added here by their factories: see adapters/<platform>/index.ts.
  if (config.SLACK_BOT_TOKEN) { const { createSlackAdapter } = await import('./slack/index.js'); adapters.push(createSlackAdapter(bot, config)); }
  if (config.DISCORD_TOKEN) { const { createDiscordAdapter } = await import('./discord/index.js'); adapters.push(createDiscordAdapter(bot, config)); }
  if (adapters.length) return { adapters };
  const terminal = createTerminalAdapter(bot, { dataDir: config.DATA_DIR });
  return { adapters: [terminal], waitFor: terminal.done };
}

/** How long /health answers 503 before the doors stop, so a balancer stops sending first. */
const HEALTH_DRAIN_MS = 2_000;
/** How long a stop may take before the process exits anyway (status 1). */
const STOP_DEADLINE_MS = 20_000;

/** With a platform, a service: info. In the terminal chat, only what goes wrong, so logs do not run through the conversation. */
const defaultLevel = (config: Config): LogLevel => (config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN ? 'info' : 'warn');

export async function main(): Promise<void> {
  const config = loadConfig();
  useLog(createLog(config.LOG_LEVEL ?? defaultLevel(config)));
  const { bot, store } = await openBot(config.DATA_DIR, config.DATABASE_URL);
  const { adapters, waitFor } = await adaptersFor(config, bot);
  // A service (Discord, Slack) builds the whole search model before its first question, so no
  // one waits for it; the terminal chat builds each part when a question first needs it.
  if (!waitFor) bot.services.search.warm();
  const started: Adapter[] = [];
  const schedulers: Scheduler[] = [];
  let health: Health | undefined;
  let stopped: Promise<boolean> | undefined;
  // A clean stop: the balancer is told first and given a moment to move traffic away, then each
  // door stops taking events, then the store finishes the writes in flight and closes. Nothing
  // acknowledged is lost. A stop that hangs (a database that does not answer) ends after a deadline.
  const stopAll = (why: string) =>
    (stopped ??= (async () => {
      log().info({ why }, 'stopping');
      if (health) {
        health.stopping();
        await new Promise((resolve) => setTimeout(resolve, HEALTH_DRAIN_MS));
      }
      const clean = (async () => {
        // Reminders and digests first: a send in progress finishes while its door is still up.
        await Promise.allSettled(schedulers.map((s) => s.stop()));
        await Promise.allSettled(started.map((a) => a.stop()));
        await store.close().catch((error: unknown) => log().error({ err: error, store: store.location }, 'could not close the store'));
        await health?.close();
        return true;
      })();
      const done = await Promise.race([clean, new Promise<false>((resolve) => setTimeout(() => resolve(false), STOP_DEADLINE_MS).unref())]);
      if (done) log().info('stopped');
      else log().error({ deadlineMs: STOP_DEADLINE_MS }, 'could not stop cleanly in time; exiting');
      return done;
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll(signal).then((clean) => process.exit(clean ? 0 : 1)));
  }
  for (const adapter of adapters) {
    await adapter.start();
    started.push(adapter);
  }
  // Each door that can send reminders and digests gets a scheduler: due jobs (late ones first,
  // from while devpath was down) are sent now, then as they fall due.
  for (const adapter of started) {
    if (!adapter.deliverer) continue;
    const scheduler = new Scheduler({ store, knowledge: bot.services.knowledge, deliverer: adapter.deliverer });
    schedulers.push(scheduler);
    scheduler.start();
  }
  // Healthy once the doors are up: a balancer sends nothing before they can take it.
  if (config.HEALTH_PORT) health = await startHealth(config.HEALTH_PORT, () => store.ping());
  log().info({ doors: started.map((a) => a.name), store: store.location, ...(health ? { health: health.port } : {}) }, 'started');
  if (waitFor) {
    await waitFor;
    await stopAll('the chat ended');
  }
}

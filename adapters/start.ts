// What `npm start` does: loads the config, builds the Bot once, and starts every adapter the config enables
// (Discord when DISCORD_TOKEN is set, Slack when SLACK_BOT_TOKEN is set). With no platform
// configured it opens the terminal chat. Platform libraries are imported only when used, so the
// terminal starts fast and a missing token never loads discord.js.
import { Bot } from '../src/bot.js';
import { loadConfig, type Config } from '../src/config.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { openLowdbStore, type LowdbStore } from '../src/store/lowdb.js';
import { StoreError } from '../src/store/store.js';
import type { Adapter } from './adapter.js';
import { StartError } from './start-error.js';
import { createTerminalAdapter } from './terminal/index.js';

export { StartError };

/** Opens the community data file at DATA_DIR; a file it cannot use stops the start, naming it. */
export async function openStore(dataDir: string): Promise<LowdbStore> {
  try {
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
export async function openBot(dataDir: string): Promise<{ bot: Bot; store: LowdbStore }> {
  const knowledge = loadKnowledge();
  const store = await openStore(dataDir);
  return { bot: new Bot({ knowledge, store }), store };
}

async function adaptersFor(config: Config, bot: Bot): Promise<{ adapters: Adapter[]; waitFor?: Promise<void> }> {
  const adapters: Adapter[] = [];
  // Platform adapters are added here by their factories: see adapters/<platform>/index.ts.
  if (config.SLACK_BOT_TOKEN) { const { createSlackAdapter } = await import('./slack/index.js'); adapters.push(createSlackAdapter(bot, config)); }
  if (config.DISCORD_TOKEN) { const { createDiscordAdapter } = await import('./discord/index.js'); adapters.push(createDiscordAdapter(bot, config)); }
  if (adapters.length) return { adapters };
  const terminal = createTerminalAdapter(bot);
  return { adapters: [terminal], waitFor: terminal.done };
}

export async function main(): Promise<void> {
  const config = loadConfig();
  const { bot, store } = await openBot(config.DATA_DIR);
  const { adapters, waitFor } = await adaptersFor(config, bot);
  const started: Adapter[] = [];
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(started.map((a) => a.stop()));
    await store.close().catch((error: unknown) => console.error('devpath: could not close the data file:', error));
  };
  for (const adapter of adapters) {
    await adapter.start();
    started.push(adapter);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)));
  }
  if (waitFor) {
    await waitFor;
    await stopAll();
  }
}

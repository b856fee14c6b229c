// The `devpath` command line:
//   devpath                      open the chat (same as npm start with no platform configured)
//   devpath <command> [args]     answer once and exit (a question in plain words works too)
//   devpath --json <command>     print the Reply as JSON (a picture as the path of its file, never its bytes)
//   devpath --stdin [--json]     answer each input line as typed in chat, in order
//   devpath db migrate           prepare the PostgreSQL database at DATABASE_URL
//   devpath db import <file>     copy a data file (devpath.json) into that database
// An unknown command or a bad option prints a clear message on stderr and exits with code 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Bot } from '../../src/bot.js';
import type { Context } from '../../src/command.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { log } from '../../src/log.js';
import { ConfigError, loadStoreSettings } from '../../src/config.js';
import { KnowledgeError } from '../../src/knowledge/load.js';
import { packageRoot } from '../../src/paths.js';
import { StoreError } from '../../src/store/store.js';
import { suggestionsOf, type Reply, type Suggestion } from '../../src/reply.js';
import { openBot } from '../start.js';
import { StartError } from '../start-error.js';
import { commands } from '../../src/commands/index.js';
import { terminalContext } from './context.js';
import { terminalDeliverer } from './deliver.js';
import { createTerminalAdapter } from './index.js';
import { jsonReply, savePictures } from './pictures.js';
import { DEFAULT_WIDTH, renderTerminal } from './render.js';
import { wrapLine } from '../../src/width.js';

/** The command names, from the command specs (never a list kept by hand), wrapped to 80 columns. */
const NAMES = wrapLine(`Commands: ${commands.map((c) => c.name).join(', ')}.`, DEFAULT_WIDTH, 10).join('\n');

export const USAGE = `Usage: devpath [--json] <command> [arguments]   or   devpath <a question in plain words>
       devpath --version
       devpath --stdin [--json]     one line per input line, as typed in chat
       devpath                      interactive chat
       devpath db migrate           prepare the PostgreSQL database at DATABASE_URL
       devpath db import <file>     copy a data file (DATA_DIR/devpath.json) into it
${NAMES}
Example: devpath salary backend entry`;

export const EXIT_USAGE = 2;

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

const isUsageError = (r: Reply) => r.error === 'unknown-command' || r.error === 'invalid-option' || r.error === 'refused';
/** A request that failed inside devpath (a save that did not happen): exit 1, not 0. */
const isFailure = (r: Reply) => r.error === 'internal' || r.error === 'storage';
/** Exit code 1 for a failure, 2 for a wrong request, 0 otherwise. */
export const EXIT_FAILURE = 1;

/** Colour only for a person at a terminal, and never when NO_COLOR is set. */
const colorFor = (io: CliIo): boolean => Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;

/** Prints a reply (its pictures saved under dataDir first, and shown by their paths). */
async function print(reply: Reply, json: boolean, io: CliIo, dataDir: string): Promise<void> {
  const saved = await savePictures(reply, dataDir);
  if (json) {
    io.stdout.write(`${JSON.stringify(jsonReply(reply, saved))}\n`);
  } else {
    io.stdout.write(`${renderTerminal(reply, colorFor(io), io.stdout.columns, saved)}\n`);
  }
  // The message goes to stderr too, for scripts that read only stdout; not when both are the
  // same terminal, where it would show the person the same words twice.
  const sameScreen = Boolean(io.stdout.isTTY && io.stderr.isTTY) && !json;
  if ((isUsageError(reply) || isFailure(reply)) && !sameScreen) io.stderr.write(`devpath: ${reply.card.children.map((n) => ('text' in n ? n.text : '')).join(' ').trim()}\n`);
}

/**
 * An argument with spaces is quoted again so it stays one value (`tip add "learn framework" ...`);
 * one with quotes of its own is passed as it is, so no quote the user did not type is saved.
 */
function requote(arg: string): string {
  return /\s/.test(arg) && !/["'“”]/.test(arg) ? `"${arg}"` : arg;
}

/** Runs the CLI and resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // The database commands work on DATABASE_URL itself: they never open the bot.
  if (argv[0] === 'db' && (argv[1] === 'import' || argv[1] === 'migrate')) return runDb(argv.slice(1), io);
  // Our flags may stand anywhere; any other `--word` after the command belongs to the command
  // (`salary --role dba`), but one before any command is a mistake.
  const known = ['--json', '--stdin', '--help', '--version'];
  const flags = new Set(argv.filter((a) => known.includes(a)));
  const rest = argv.filter((a) => !known.includes(a));
  if (flags.has('--help')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (flags.has('--version')) {
    const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (rest[0]?.startsWith('-')) {
    io.stderr.write(`devpath: unknown option ${rest[0]}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const json = flags.has('--json');
  // DATABASE_URL and DATA_DIR as the bot reads them (.env included), so `devpath --stdin` shares the bot's data.
  let opened: Awaited<ReturnType<typeof openBot>>;
  let dataDir: string;
  try {
    const settings = loadStoreSettings();
    dataDir = settings.dataDir;
    opened = await openBot(settings.dataDir, settings.databaseUrl);
  } catch (error) {
    if (error instanceof StartError || error instanceof KnowledgeError || error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    return await run(opened.bot, rest, flags, json, io, dataDir);
  } finally {
    await opened.store.close();
  }
}

const DB_USAGE = 'Usage: devpath db migrate   or   devpath db import <file>   (with DATABASE_URL set to the PostgreSQL database)';

/** `devpath db migrate` and `devpath db import <file>`: exit 0 done, 1 failed, 2 a wrong request or no DATABASE_URL. */
async function runDb(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  if (rest.includes('--help')) {
    io.stdout.write(`${DB_USAGE}\n`);
    return 0;
  }
  if (action === 'import' ? rest.length !== 1 || rest[0]!.startsWith('-') : rest.length !== 0) {
    io.stderr.write(`devpath: ${action === 'import' ? 'db import takes one file, the data file to copy (e.g. data/devpath.json)' : 'db migrate takes no arguments'}.\n${DB_USAGE}\n`);
    return EXIT_USAGE;
  }
  let databaseUrl: string | undefined;
  try {
    ({ databaseUrl } = loadStoreSettings());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
  if (!databaseUrl) {
    io.stderr.write(
      `devpath: DATABASE_URL is not set. Set it (in the environment or in .env) to the PostgreSQL database to ${action === 'import' ? 'copy into' : 'prepare'}, e.g.\n  DATABASE_URL=postgres://user:password@host:5432/devpath devpath db ${action === 'import' ? 'import data/devpath.json' : 'migrate'}\n`,
    );
    return EXIT_USAGE;
  }
  // Loaded here: a chat or a one-shot answer does not load the PostgreSQL client.
  const { describeImport, importFile, migrateDatabase } = await import('../../src/store/postgres/import.js');
  try {
    if (action === 'migrate') {
      const { location, applied, latest } = await migrateDatabase(databaseUrl);
      io.stdout.write(
        applied.length
          ? `${location}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}; the schema is at version ${latest}.\n`
          : `${location}: the schema was already at version ${latest}; nothing to do.\n`,
      );
      return 0;
    }
    const report = await importFile(databaseUrl, rest[0]!);
    io.stdout.write(`${describeImport(report).join('\n')}\n`);
    return 0;
  } catch (error) {
    // Every failure the database commands expect is a StoreError whose message names the file or
    // the database without its password.
    if (!(error instanceof StoreError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_FAILURE;
  }
}

async function run(bot: Bot, rest: string[], flags: Set<string>, json: boolean, io: CliIo, dataDir: string): Promise<number> {
  // JSON is for programs: the full reply, never the short form a person reads first.
  const context = { ...terminalContext(), ...(json ? { full: true } : {}) };

  if (flags.has('--stdin')) {
    let failed = false;
    let broke = false;
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let last: Suggestion[] = [];
    // After a numbered list (the roadmap), a number is one of its items: the bot reads it.
    let listed = false;
    for await (const line of rl) {
      if (!line.trim()) continue;
      // Lines as typed in chat: a line that names no command is a question, read with the lines
      // before it (one conversation per run), so "and for seniors?" follows up; a number picks
      // one of the last answer's suggestions.
      const picked = /^\s*\d{1,2}\s*$/.test(line) && !listed ? last[Number(line) - 1] : undefined;
      const reply = await bot.dispatchText(picked ? picked.command : line, context, { fallbackToAsk: true });
      last = suggestionsOf(reply);
      listed = !!reply.numbered;
      if (isUsageError(reply)) failed = true;
      if (isFailure(reply)) broke = true;
      await print(reply, json, io, dataDir);
      if (!json) io.stdout.write('\n');
    }
    if (!json && io.stdout.isTTY) await showDueReminders(bot, context, io);
    return broke ? EXIT_FAILURE : failed ? EXIT_USAGE : 0;
  }

  if (!rest.length) {
    const chat = createTerminalAdapter(bot, { input: io.stdin, output: io.stdout, dataDir });
    await chat.start();
    await chat.done;
    return 0;
  }

  // One argument is the whole line (`devpath "tip add 4 use a framework"`). Otherwise quoting
  // survives the shell (see requote).
  const line = rest.length === 1 ? rest[0]! : rest.map(requote).join(' ');
  // `devpath how much do juniors make` is a question; `devpath salray` gets "did you mean salary".
  const reply = await bot.dispatchText(line, { ...context, oneShot: true }, { fallbackToAsk: 'unless-typo' });
  await print(reply, json, io, dataDir);
  if (!json && io.stdout.isTTY) await showDueReminders(bot, context, io);
  return isFailure(reply) ? EXIT_FAILURE : isUsageError(reply) ? EXIT_USAGE : 0;
}

/**
 * Reminders that fell due, shown after the answer when a person reads it on a terminal, as the
 * chat shows them. Piped output and --json hold answers only: there the reminders wait for the
 * chat or the next run on a terminal. A store that fails here costs the reminders, not the answer.
 */
async function showDueReminders(bot: Bot, context: Context, io: CliIo): Promise<void> {
  const { store, knowledge, now } = bot.services;
  const deliverer = terminalDeliverer(context, (message) => {
    io.stdout.write(`\n${renderTerminal(message, colorFor(io), io.stdout.columns)}\n`);
    return true;
  });
  try {
    await new Scheduler({ store, knowledge, deliverer, now }).runDue();
  } catch (error) {
    log().warn({ err: error }, 'could not look for due reminders');
  }
}

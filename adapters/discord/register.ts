// `npm run discord:register`: registers devpath's slash commands with Discord, only when they
// changed. It fetches what is registered, compares it with the JSON generated from the command
// declarations (sapphire's computeDifferences idea: normalise defaults and order first, so Discord
// echoing `required: false` or localisation fields back is not a change), and sends one bulk PUT
// when something differs. DISCORD_GUILD_ID registers to one server (instant); otherwise globally.
import { pathToFileURL } from 'node:url';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import type { CommandSpec } from '../../src/command.js';
import { commands as defaultCommands } from '../../src/commands/index.js';
import { ConfigError } from '../../src/config.js';
import { loadConfig } from '../start.js';
import type { DiscordConfig } from './config.js';
import { explainDiscordError } from './errors.js';
import { toApiCommands, type ApiCommand, type ApiOption } from './commands.js';

export interface RegisterOptions {
  token: string;
  clientId: string;
  guildId?: string;
  restUrl?: string;
  commands?: readonly CommandSpec[];
  /** REST retries (discord.js's default is 3); tests use 0. */
  retries?: number;
}

export interface RegisterResult {
  /** Added, changed and removed commands; 0 means nothing was sent. */
  changed: number;
  sent: boolean;
  scope: 'guild' | 'global';
  /** What to print, e.g. "3 commands changed, registered to guild 123". */
  message: string;
}

/** A user-fixable failure: print the message alone and exit 1. */
export class RegisterError extends Error {}

type Json = Record<string, unknown>;

/** Only the fields devpath sets, with Discord's defaults filled in, so equal commands compare equal. */
function normalizeOption(o: Json): Json {
  const out: Json = {
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    choices: Array.isArray(o.choices) ? o.choices.map((c: Json) => ({ name: c.name, value: c.value })) : [],
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    options: Array.isArray(o.options) ? o.options.map(normalizeOption) : [],
  };
  return out;
}

function normalizeCommand(c: Json | ApiCommand): Json {
  const cmd = c as Json;
  return {
    type: cmd.type ?? 1,
    name: cmd.name,
    description: cmd.description ?? '',
    options: Array.isArray(cmd.options) ? cmd.options.map(normalizeOption) : [],
  };
}

/** Names of commands that differ between what is registered and what should be (order of commands ignored). */
export function computeDifferences(registered: readonly Json[], wanted: readonly ApiCommand[]): string[] {
  const have = new Map(registered.map((c) => [String(c.name), JSON.stringify(normalizeCommand(c))]));
  const want = new Map(wanted.map((c) => [c.name, JSON.stringify(normalizeCommand(c))]));
  const changed: string[] = [];
  for (const [name, json] of want) if (have.get(name) !== json) changed.push(name);
  for (const name of have.keys()) if (!want.has(name)) changed.push(name);
  return changed;
}

/** The shared explanation (token, network, timeout), plus what only registering can hit (403, 404, other statuses). */
function explain(error: unknown, options: RegisterOptions): RegisterError | undefined {
  const shared = explainDiscordError(error, options.restUrl);
  if (shared) return new RegisterError(shared);
  if (error instanceof DiscordAPIError || (error as { status?: unknown })?.status !== undefined) {
    const status = (error as { status: number }).status;
    if (status === 403) return new RegisterError(`Discord refused (403): is the bot in guild ${options.guildId ?? ''} with the applications.commands scope?`);
    if (status === 404) return new RegisterError('Discord does not know that application (404). Check DISCORD_CLIENT_ID (and DISCORD_GUILD_ID).');
    return new RegisterError(`Discord answered ${status}: ${(error as Error).message}`);
  }
  return undefined;
}

/** Fetches the registered commands and PUTs the generated ones only if they differ. */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({
    version: '10',
    ...(options.restUrl ? { api: options.restUrl.replace(/\/+$/, '') } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
  }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.clientId, options.guildId) : Routes.applicationCommands(options.clientId);
  const scope = options.guildId ? 'guild' : 'global';
  const where = options.guildId ? `to guild ${options.guildId}` : 'globally (may take up to an hour to appear everywhere)';
  const wanted = toApiCommands(options.commands ?? defaultCommands);
  try {
    const registered = (await rest.get(route)) as Json[];
    const changed = computeDifferences(registered, wanted);
    if (!changed.length) return { changed: 0, sent: false, scope, message: `Commands unchanged (${wanted.length} registered ${options.guildId ? `in guild ${options.guildId}` : 'globally'}); nothing sent.` };
    await rest.put(route, { body: wanted });
    const n = changed.length;
    return { changed: n, sent: true, scope, message: `${n} command${n === 1 ? '' : 's'} changed (${changed.join(', ')}), registered ${where}.` };
  } catch (error) {
    throw explain(error, options) ?? error;
  }
}

/** The script: reads the config, registers, prints what it did. Returns the exit code. */
export async function runRegister(config: DiscordConfig, print: (line: string) => void = console.log): Promise<number> {
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((k) => !config[k]);
  if (missing.length) {
    print(`devpath: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set. Add ${missing.length === 1 ? 'it' : 'them'} to .env (see .env.example) and run npm run discord:register again.`);
    return 1;
  }
  try {
    const result = await registerCommands({
      token: config.DISCORD_TOKEN!,
      clientId: config.DISCORD_CLIENT_ID!,
      ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
      ...(config.DISCORD_REST_URL ? { restUrl: config.DISCORD_REST_URL } : {}),
    });
    print(result.message);
    return 0;
  } catch (error) {
    if (error instanceof RegisterError) {
      print(`devpath: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  try {
    process.exitCode = await runRegister(loadConfig(), (line) => (line.startsWith('devpath:') ? console.error(line) : console.log(line)));
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('devpath: could not register commands:', error);
    process.exitCode = 1;
  }
}

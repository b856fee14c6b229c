// Configuration: the core's variables (its data, its log, the process's health endpoint), the
// pieces every door declares its own variables with, and one clear error when any is wrong. Values
// come from the environment (and a .env file, via dotenv); secrets are never printed, not even in
// errors. The core names no platform: each door declares its variables in its own folder
// (adapters/<door>/config.ts), and the start-up code reads the core's and every door's at once
// (parseEnv), so a user is told of every wrong variable in one ConfigError.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.js';

/** A variable that may be unset: trimmed, and an empty or blank value counts as not set. */
export const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An optional http(s) URL; the message names the variable, never its value. */
export const url = (what: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), `${what} must be an http(s) URL`);

/** An optional TCP port, read as a number from 1 to 65535; the message names the variable, never its value. */
export const port = (what: string) =>
  optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), `${what} must be a number from 1 to 65535`)
    .transform((v) => (v === undefined ? undefined : Number(v)));

/** The core's variables: where the data lives, how much is logged, the health endpoint. */
export const CoreEnv = z.object({
  DATA_DIR: optional.transform((v) => v ?? './data'),
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'DATABASE_URL must be a postgres:// URL'),
  LOG_LEVEL: optional.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`).transform((v) => v as LogLevel | undefined),
  // The process's health endpoint (adapters/health.ts), whichever doors run: not one door's.
  HEALTH_PORT: port('HEALTH_PORT'),
});

export type CoreConfig = z.infer<typeof CoreEnv>;

/** The configuration is wrong: every problem, of the core's variables and every door's, in one message. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`devpath: the configuration is invalid:\n- ${problems.join('\n- ')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** One part's variables (the core's, a door's): a zod object over the environment's strings. */
export type EnvPart = z.ZodObject;

/** What the parts read: each one's settings, together. */
export type Settings<Parts extends readonly EnvPart[]> = Parts extends readonly [infer First extends EnvPart, ...infer Rest extends readonly EnvPart[]]
  ? z.output<First> & Settings<Rest>
  : unknown;

/** A problem as the user reads it: the message names the variable (never its value). */
const problemsOf = (error: z.ZodError): string[] =>
  error.issues.map((i) => (i.code === 'custom' || i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`));

/**
 * Reads every part's variables from one environment: the core's (CoreEnv) and each door's. Throws
 * ONE ConfigError naming every wrong variable of every part (never a value), so a user fixes them
 * all at once. Two parts declaring the same variable is a mistake in the code, refused here.
 */
export function parseEnv<const Parts extends readonly EnvPart[]>(env: Record<string, string | undefined>, ...parts: Parts): Settings<Parts> {
  const declared = new Set<string>();
  for (const name of parts.flatMap((part) => Object.keys(part.shape))) {
    if (declared.has(name)) throw new Error(`devpath: the variable ${name} is declared by two parts of the configuration`);
    declared.add(name);
  }
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const part of parts) {
    const result = part.safeParse(env);
    if (result.success) Object.assign(settings, result.data);
    else problems.push(...problemsOf(result.error));
  }
  if (problems.length) throw new ConfigError(problems);
  return settings as Settings<Parts>;
}

/** Reads .env (if present, without overriding real environment variables), then parseEnv. */
export function loadEnv<const Parts extends readonly EnvPart[]>(env: NodeJS.ProcessEnv, ...parts: Parts): Settings<Parts> {
  loadDotenv({ quiet: true });
  return parseEnv(env, ...parts);
}

/** DATA_DIR alone, read as the start-up code reads it: for the devpath command, which a wrong door setting should not stop. */
export function loadDataDir(env: NodeJS.ProcessEnv = process.env): string {
  loadDotenv({ quiet: true });
  return CoreEnv.shape.DATA_DIR.parse(env.DATA_DIR);
}

/** Where the data lives (DATABASE_URL, else the file in DATA_DIR), read as the start-up code reads it, for the devpath command. */
export function loadStoreSettings(env: NodeJS.ProcessEnv = process.env): { dataDir: string; databaseUrl?: string } {
  loadDotenv({ quiet: true });
  const databaseUrl = CoreEnv.shape.DATABASE_URL.safeParse(env.DATABASE_URL);
  if (!databaseUrl.success) throw new ConfigError(databaseUrl.error.issues.map((i) => i.message));
  return { dataDir: CoreEnv.shape.DATA_DIR.parse(env.DATA_DIR), ...(databaseUrl.data ? { databaseUrl: databaseUrl.data } : {}) };
}

// Configuration: every variable, its default, and a clear error when one is wrong. Values come
// from the environment (and a .env file, via dotenv); secrets are never printed, not even in errors.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './log.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (what: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), `${what} must be an http(s) URL`);

const Env = z
  .object({
    DISCORD_TOKEN: optional,
    DISCORD_CLIENT_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'DISCORD_CLIENT_ID must be the numeric application id'),
    DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'DISCORD_GUILD_ID must be a numeric server id'),
    DISCORD_REST_URL: url('DISCORD_REST_URL'),
    // How many gateway shards one process runs: a number (shards 0..N-1 of N) or `auto` (Discord's
    // recommendation, from GET /gateway/bot). Unset: discord.js's default, one shard, or the shards
    // a ShardingManager (npm run start:shards) assigned to this process.
    DISCORD_SHARDS: optional
      .transform((v) => v?.toLowerCase())
      .refine((v) => v === undefined || v === 'auto' || (/^[1-9]\d*$/.test(v) && Number.isSafeInteger(Number(v))), 'DISCORD_SHARDS must be auto or a whole number of shards, 1 or more')
      .transform((v): number | 'auto' | undefined => (v === undefined || v === 'auto' ? v : Number(v))),
    SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), 'SLACK_BOT_TOKEN must start with xoxb-'),
    SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), 'SLACK_APP_TOKEN must start with xapp-'),
    SLACK_SIGNING_SECRET: optional,
    SLACK_API_URL: url('SLACK_API_URL'),
    PORT: optional
      .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), 'PORT must be a number from 1 to 65535')
      .transform((v) => (v === undefined ? 3000 : Number(v))),
    DATA_DIR: optional.transform((v) => v ?? './data'),
    DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'DATABASE_URL must be a postgres:// URL'),
    LOG_LEVEL: optional.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`).transform((v) => v as LogLevel | undefined),
    HEALTH_PORT: optional
      .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) < 65536), 'HEALTH_PORT must be a number from 1 to 65535')
      .transform((v) => (v === undefined ? undefined : Number(v))),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'SLACK_BOT_TOKEN is set, so Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)',
      });
    }
    if ((env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) && !env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'SLACK_BOT_TOKEN is required when other SLACK_ variables are set' });
    }
  });

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`devpath: the configuration is invalid:\n- ${problems.join('\n- ')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; throws ConfigError naming each bad variable (never its value). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = Env.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => (i.code === 'custom' || i.message.includes(String(i.path[0])) ? i.message : `${String(i.path[0])}: ${i.message}`)));
}

/** Reads .env (if present, without overriding real environment variables) and parses. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true });
  return parseConfig(env);
}

/** DATA_DIR alone, read as loadConfig reads it: for the devpath command, which a wrong platform setting should not stop. */
export function loadDataDir(env: NodeJS.ProcessEnv = process.env): string {
  loadDotenv({ quiet: true });
  return Env.shape.DATA_DIR.parse(env.DATA_DIR);
}

/** Where the data lives (DATABASE_URL, else the file in DATA_DIR), read as loadConfig reads it, for the devpath command. */
export function loadStoreSettings(env: NodeJS.ProcessEnv = process.env): { dataDir: string; databaseUrl?: string } {
  loadDotenv({ quiet: true });
  const databaseUrl = Env.shape.DATABASE_URL.safeParse(env.DATABASE_URL);
  if (!databaseUrl.success) throw new ConfigError(databaseUrl.error.issues.map((i) => i.message));
  return { dataDir: Env.shape.DATA_DIR.parse(env.DATA_DIR), ...(databaseUrl.data ? { databaseUrl: databaseUrl.data } : {}) };
}

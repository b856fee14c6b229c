// The Discord door's variables (documented in .env.example). The door declares them here, with the
// core's pieces (src/config.ts); adapters/start.ts reads them together with the core's and every
// other door's, so one ConfigError names every wrong variable, and never prints a value.
import { z } from 'zod';
import { optional, url } from '../../src/config.js';

export const DiscordEnv = z.object({
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
});

export type DiscordConfig = z.infer<typeof DiscordEnv>;

// Every variable in .env.example: its default, a good value, and a wrong one stopped with a message
// that names the variable and never prints the value. The core declares its own variables
// (src/config.ts), each door its own (adapters/<door>/config.ts); npm start reads them all at once
// (adapters/start.ts parseConfig), so one error names every wrong variable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, CoreEnv, loadDataDir, parseEnv } from '../src/config.js';
import { parseConfig } from '../adapters/start.js';
import { DiscordEnv } from '../adapters/discord/config.js';
import { SlackEnv } from '../adapters/slack/config.js';

const root = join(import.meta.dirname, '..');

/** A good value and wrong ones for each variable. DISCORD_TOKEN and SLACK_SIGNING_SECRET have no
 * format: a wrong token is refused by Discord (discord-e2e), a missing secret by the Slack rule below. */
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'shh' };
const cases: Record<string, { good: Record<string, string>; bad: [Record<string, string>, RegExp][] }> = {
  DISCORD_TOKEN: { good: { DISCORD_TOKEN: 'any-token' }, bad: [] },
  DISCORD_CLIENT_ID: { good: { DISCORD_CLIENT_ID: '111111111111111111' }, bad: [[{ DISCORD_CLIENT_ID: 'my-app-s3cret' }, /DISCORD_CLIENT_ID must be the numeric application id/]] },
  DISCORD_GUILD_ID: { good: { DISCORD_GUILD_ID: '222222222222222222' }, bad: [[{ DISCORD_GUILD_ID: '12ab-s3cret' }, /DISCORD_GUILD_ID must be a numeric server id/]] },
  DISCORD_REST_URL: {
    good: { DISCORD_REST_URL: 'http://127.0.0.1:8080' },
    bad: [
      [{ DISCORD_REST_URL: 'ftp://s3cret.example' }, /DISCORD_REST_URL must be an http\(s\) URL/],
      [{ DISCORD_REST_URL: 'http://has s3cret space' }, /DISCORD_REST_URL must be an http\(s\) URL/],
    ],
  },
  DISCORD_SHARDS: {
    good: { DISCORD_SHARDS: '2' },
    bad: ['0', '-1', '1.5', 'two', 's3cret', '99999999999999999999'].map((v) => [{ DISCORD_SHARDS: v }, /DISCORD_SHARDS must be auto or a whole number of shards, 1 or more/] as [Record<string, string>, RegExp]),
  },
  SLACK_BOT_TOKEN: { good: SLACK, bad: [[{ ...SLACK, SLACK_BOT_TOKEN: 'xoxp-s3cret' }, /SLACK_BOT_TOKEN must start with xoxb-/]] },
  SLACK_APP_TOKEN: {
    good: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' },
    bad: [
      [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-s3cret' }, /SLACK_APP_TOKEN must start with xapp-/],
      [{ SLACK_APP_TOKEN: 'xapp-s3cret' }, /SLACK_BOT_TOKEN is required when other SLACK_ variables are set/],
    ],
  },
  SLACK_SIGNING_SECRET: {
    good: SLACK,
    bad: [
      [{ SLACK_BOT_TOKEN: 'xoxb-s3cret' }, /SLACK_BOT_TOKEN is set, so Slack needs SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP\)/],
      [{ SLACK_SIGNING_SECRET: 's3cret' }, /SLACK_BOT_TOKEN is required when other SLACK_ variables are set/],
    ],
  },
  SLACK_API_URL: { good: { ...SLACK, SLACK_API_URL: 'https://slack-gov.com/api/' }, bad: [[{ ...SLACK, SLACK_API_URL: 's3cret.example/api' }, /SLACK_API_URL must be an http\(s\) URL/]] },
  PORT: {
    good: { PORT: '8080' },
    bad: ['abc', '0', '65536', '-1', '3000.5'].map((v) => [{ PORT: v }, /PORT must be a number from 1 to 65535/] as [Record<string, string>, RegExp]),
  },
  // A DATA_DIR that cannot be used is refused when the data file is opened (start.test, store-cli.test).
  DATA_DIR: { good: { DATA_DIR: '/srv/devpath' }, bad: [] },
  DATABASE_URL: {
    good: { DATABASE_URL: 'postgres://devpath:pw@127.0.0.1:5432/devpath' },
    bad: [
      [{ DATABASE_URL: 'mysql://u:s3cret@host/db' }, /DATABASE_URL must be a postgres:\/\/ URL/],
      [{ DATABASE_URL: 'postgres://u:s3cret @host/db' }, /DATABASE_URL must be a postgres:\/\/ URL/],
    ],
  },
  LOG_LEVEL: { good: { LOG_LEVEL: 'debug' }, bad: [[{ LOG_LEVEL: 'loud-s3cret' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/]] },
  HEALTH_PORT: {
    good: { HEALTH_PORT: '8081' },
    bad: ['abc', '0', '65536', 's3cret'].map((v) => [{ HEALTH_PORT: v }, /HEALTH_PORT must be a number from 1 to 65535/] as [Record<string, string>, RegExp]),
  },
};

const documented = (file: string, pattern: RegExp) => [...readFileSync(join(root, file), 'utf8').matchAll(pattern)].map((m) => m[1]!);

describe('configuration', () => {
  it('has a case here for every variable .env.example and the README document', () => {
    const example = documented('.env.example', /^([A-Z_]+)=/gm);
    const readme = documented('README.md', /^\| `([A-Z_]+)` \|/gm);
    expect(example.sort()).toEqual(Object.keys(cases).sort());
    expect(readme.sort()).toEqual(example.sort());
  });

  it('defaults every variable, and takes an empty or blank value as not set', () => {
    const blank = Object.fromEntries(Object.keys(cases).map((name) => [name, '  ']));
    for (const env of [{}, blank]) {
      const config = parseConfig(env);
      expect(config.PORT).toBe(3000);
      expect(config.DATA_DIR).toBe('./data');
      for (const name of Object.keys(cases).filter((n) => n !== 'PORT' && n !== 'DATA_DIR')) expect(config[name as keyof typeof config]).toBeUndefined();
    }
  });

  it.each(Object.entries(cases))('accepts a good %s, trimmed', (name, { good }) => {
    const config = parseConfig(Object.fromEntries(Object.entries(good).map(([k, v]) => [k, ` ${v} `])));
    expect(String(config[name as keyof typeof config])).toBe(good[name]);
  });

  it.each(Object.entries(cases).flatMap(([name, { bad }]) => bad.map(([env, message]) => [name, env, message] as const)))(
    'refuses a wrong %s %j, naming it and printing no value',
    (_name, env, message) => {
      const error = (() => {
        try {
          parseConfig(env);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toMatch(/See \.env\.example for every variable\.$/);
      for (const value of Object.values(env).filter((v) => v.includes('s3cret'))) expect((error as Error).message).not.toContain(value);
    },
  );

  it('reads DISCORD_SHARDS as a number of shards or auto, in any case', () => {
    expect(parseConfig({ DISCORD_SHARDS: '16' }).DISCORD_SHARDS).toBe(16);
    expect(parseConfig({ DISCORD_SHARDS: ' Auto ' }).DISCORD_SHARDS).toBe('auto');
    expect(parseConfig({}).DISCORD_SHARDS).toBeUndefined();
  });

  it('names every wrong variable at once', () => {
    expect(() => parseConfig({ PORT: 'abc', DISCORD_GUILD_ID: 'x' })).toThrow(/PORT must be.*\n- DISCORD_GUILD_ID must be|DISCORD_GUILD_ID must be.*\n- PORT must be/s);
  });

  it('each variable is declared once: the core declares its own, and each door its own', () => {
    const parts = { core: CoreEnv, discord: DiscordEnv, slack: SlackEnv };
    const names = Object.values(parts).flatMap((part) => Object.keys(part.shape));
    expect(names.sort()).toEqual(Object.keys(cases).sort());
    expect(Object.keys(CoreEnv.shape).filter((name) => /^(DISCORD|SLACK)_/.test(name) || name === 'PORT')).toEqual([]);
    expect(Object.keys(DiscordEnv.shape).every((name) => name.startsWith('DISCORD_'))).toBe(true);
    expect(Object.keys(SlackEnv.shape).filter((name) => !name.startsWith('SLACK_'))).toEqual(['PORT']);
  });

  it("reads a door's variables with its own rules, and refuses two parts declaring one variable", () => {
    expect(parseEnv({ DISCORD_SHARDS: '2', PORT: 'abc' }, DiscordEnv)).toEqual({ DISCORD_SHARDS: 2 });
    expect(() => parseEnv({ SLACK_APP_TOKEN: 'xapp-s3cret' }, SlackEnv)).toThrow(/SLACK_BOT_TOKEN is required when other SLACK_ variables are set/);
    expect(() => parseEnv({}, CoreEnv, SlackEnv, SlackEnv)).toThrow(/the variable SLACK_BOT_TOKEN is declared by two parts/);
  });

  it('names every wrong variable of the core and of every door in one error', () => {
    const error = (() => {
      try {
        parseConfig({ LOG_LEVEL: 'loud', DISCORD_SHARDS: 'many', PORT: '0' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DISCORD_SHARDS must be auto or a whole number of shards, 1 or more',
      'PORT must be a number from 1 to 65535',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('reads DATA_DIR alone for the devpath command, whatever the other variables say', () => {
    expect(loadDataDir({ DATA_DIR: ' /srv/devpath ', SLACK_BOT_TOKEN: 'wrong', PORT: 'abc' })).toBe('/srv/devpath');
    expect(loadDataDir({ DATA_DIR: '' })).toBe('./data');
  });
});

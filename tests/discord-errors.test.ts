// One explanation of a Discord failure, shared by the adapter's start() and the register script.
import { DiscordjsErrorCodes } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { explainDiscordError } from '../adapters/discord/errors.js';

describe('explainDiscordError', () => {
  test('a rejected token: HTTP 401, gateway close 4004 or discord.js TokenInvalid', () => {
    for (const error of [Object.assign(new Error('401: Unauthorized'), { status: 401 }), { code: 4004 }, { code: DiscordjsErrorCodes.TokenInvalid }]) {
      expect(explainDiscordError(error)).toMatch(/^Discord rejected DISCORD_TOKEN \(401\)/);
    }
  });

  test('refused intents', () => {
    expect(explainDiscordError({ code: 4014 })).toMatch(/intents/);
  });

  test('a network code on the error or its cause names DISCORD_REST_URL when set', () => {
    const refused = new Error('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(explainDiscordError(refused, 'http://127.0.0.1:9')).toBe('Could not reach Discord at http://127.0.0.1:9: ECONNREFUSED. Check the network connection and DISCORD_REST_URL.');
    expect(explainDiscordError({ code: 'ENOTFOUND' })).toBe('Could not reach Discord: ENOTFOUND. Check the network connection.');
  });

  test('a timeout', () => {
    expect(explainDiscordError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toMatch(/did not answer in time/);
  });

  test('anything else is not explained (the caller shows it as it is)', () => {
    expect(explainDiscordError(new Error('something else'))).toBeUndefined();
    expect(explainDiscordError(undefined)).toBeUndefined();
  });
});

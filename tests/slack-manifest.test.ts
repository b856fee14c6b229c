// slack-manifest.yml is step 1 of "Connecting Slack" in the README: pasted as it is, it must set
// up everything the adapter listens for and calls, and its usage hint must name real commands.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLASH_COMMAND } from '../adapters/slack/listeners/index.js';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';

const manifest = readFileSync(new URL('../slack-manifest.yml', import.meta.url), 'utf8');
/** The lines that are not comments (the HTTP-mode URLs are commented out). */
const lines = manifest.split('\n').filter((l) => !/^\s*#/.test(l));

/** The value of the one `key: value` line with this key. */
function valueOf(key: string): string | undefined {
  const found = lines.filter((l) => new RegExp(`^\\s*-?\\s*${key}:\\s*\\S`).test(l));
  expect(found, key).toHaveLength(1);
  return found[0]!.replace(new RegExp(`^\\s*-?\\s*${key}:\\s*`), '').replace(/^"(.*)"$/, '$1');
}

/** The `- item` lines right under the one `key:` line. */
function listUnder(key: string): string[] {
  const at = lines.findIndex((l) => new RegExp(`^\\s*${key}:\\s*$`).test(l));
  expect(at, key).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const l of lines.slice(at + 1)) {
    const item = /^\s*- (\S+)\s*$/.exec(l);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
}

describe('slack-manifest.yml', () => {
  it('declares the slash command the adapter registers', () => {
    expect(valueOf('command')).toBe(SLASH_COMMAND);
  });

  it('subscribes to every event the adapter listens for, and turns on buttons, the Home and Messages tabs and Socket Mode', () => {
    expect(listUnder('bot_events').sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(valueOf('is_enabled')).toBe('true'); // interactivity: suggestion and Home tab buttons
    expect(valueOf('home_tab_enabled')).toBe('true');
    expect(valueOf('messages_tab_enabled')).toBe('true');
    expect(valueOf('messages_tab_read_only_enabled')).toBe('false');
    expect(valueOf('socket_mode_enabled')).toBe('true'); // the README's default: no public URL
  });

  it('asks for the scopes of every Web API call and event the adapter uses', () => {
    expect(listUnder('bot').sort()).toEqual(
      [
        'commands', // /devpath
        'app_mentions:read', // app_mention
        'im:history', // message.im
        'chat:write', // chat.postMessage, chat.postEphemeral
        'files:write', // files.uploadV2 (getUploadURLExternal, completeUploadExternal): progress and group cards, exports
        'im:read',
        'im:write', // conversations.open for a Home tab click's answer, and for pictures and files sent to the DM
        'users:read', // users.info: display name and admin status
      ].sort(),
    );
  });

  it("the usage hint's commands are real commands with real answers", async () => {
    const hint = valueOf('usage_hint')!;
    const examples = hint
      .replace(/^\[|\]$/g, '')
      .split('|')
      .map((s) => s.trim())
      .filter((s) => !s.includes('<'));
    expect(examples).toEqual(['help', 'salary entry', 'roadmap', 'learn', 'role backend']);
    const bot = new Bot({ logError: () => undefined });
    const context: Context = { platform: 'slack', userId: 'U0HINT', userName: 'hint', isModerator: false, communityId: 'T0HINT' };
    for (const line of examples) {
      const reply = await bot.dispatchText(line, context);
      expect(reply.error, line).toBeUndefined();
    }
    const ask = await bot.dispatchText('ask how long does it take', context);
    expect(ask.error).toBeUndefined();
  });
});

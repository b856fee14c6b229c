// A user named by a mention, through the real doors: the core reads no platform's syntax, each door
// gives its own in the Context (readMention). `progress <@id>` in a Discord message, and
// `/devpath progress <@U…|name>` or `@devpath progress <@U…>` in Slack, name the member as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel, type Logger } from '@slack/bolt';
import type { Adapter } from '../adapters/adapter.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { DiscordEnv } from '../adapters/discord/config.js';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.js';
import { SlackEnv } from '../adapters/slack/config.js';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { MemoryStore } from '../src/store/memory.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { BOT_USER_ID, eventBody, FakeSlack, postSigned, slashBody, TEAM_ID } from './fakes/slack.js';

const knowledge = loadKnowledge();

describe('Discord: a mention in a message names a member', () => {
  const alice = { id: '700000000000000011', username: 'alice', global_name: 'Alice' };
  const ana = { id: '700000000000000012', username: 'ana', global_name: 'Ana' };
  let fake: FakeDiscord;
  let adapter: Adapter;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    const bot = new Bot({ knowledge, store: new MemoryStore(), logError: () => undefined });
    // Ana has progress in the server the fake's channel belongs to.
    const where: Context = { platform: 'discord', userId: ana.id, userName: 'Ana', isModerator: false, communityId: fake.guildId };
    expect((await bot.dispatchText('done 1', where)).card.title).toBe('Step done');
    adapter = createDiscordAdapter(bot, DiscordEnv.parse({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl }), {
      clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 1000 },
      logError: () => undefined,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it.each([`<@${'700000000000000012'}>`, `<@!${'700000000000000012'}>`])('progress %s', async (mention) => {
    const { id, channelId } = fake.postMessage({ content: `<@${fake.botUser.id}> progress ${mention}`, author: alice, mentions: [fake.botUser, ana] });
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
    expect(sent.body.embeds[0].title).toBe('Progress of Ana');
  });
});

describe('Slack: a mention in a command or a message names a member', () => {
  const SECRET = 'test-signing-secret';
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let events: string;
  let level = LogLevel.ERROR;
  const logger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, setLevel: (l) => void (level = l), getLevel: () => level, setName: () => undefined };

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    const bot = new Bot({ knowledge, store: new MemoryStore(), logError: () => undefined });
    // The fake's users.info display name for U0ANA is dn-U0ANA; she has progress in the workspace.
    const where: Context = { platform: 'slack', userId: 'U0ANA', userName: 'dn-U0ANA', isModerator: false, communityId: TEAM_ID };
    expect((await bot.dispatchText('done 1', where)).card.title).toBe('Step done');
    adapter = createSlackAdapter(bot, SlackEnv.parse({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl }), {
      host: '127.0.0.1',
      port: 0,
      retries: 0,
      logger,
      unhandledRequestTimeoutMillis: 2000,
    });
    await adapter.start();
    events = `${adapter.url}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it.each(['<@U0ANA|dn-U0ANA>', '<@U0ANA>'])('/devpath progress %s', async (mention) => {
    const res = await postSigned(events, slashBody({ text: `progress ${mention}`, userId: 'U0BOB', userName: 'bob', responseUrl: fake.responseUrl(`r-${Math.random()}`) }), { secret: SECRET });
    expect(res.status).toBe(200);
    const body = res.json() as { text: string };
    expect(body.text).toContain('Progress of dn-U0ANA');
  });

  it('@devpath progress <@U0ANA>', async () => {
    const ts = '1700001900.000100';
    await postSigned(events, eventBody({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}> progress <@U0ANA>`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID }), { secret: SECRET, contentType: 'application/json' });
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(String(post.args.text)).toContain('Progress of dn-U0ANA');
  });
});

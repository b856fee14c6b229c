// The Slack adapter end to end: the real Bolt App (HTTP receiver and Socket Mode) on 127.0.0.1,
// the real Bot and knowledge base, and a fake Slack (tests/fakes/slack.ts) that signs requests,
// records every Web API call and response_url POST, and speaks Socket Mode. Nothing leaves the
// machine; nothing is timed: each test waits for the call it expects.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LogLevel, type Logger } from '@slack/bolt';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../adapters/slack/index.js';
import { StartError } from '../adapters/start.js';
import { readSlackMention } from '../adapters/slack/user-mention.js';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { parseConfig, type Config } from '../adapters/start.js';
import { internalErrorReply, suggestionsOf } from '../src/reply.js';
import {
  blockActionsPayload,
  BOT_USER_ID,
  eventBody,
  FakeSlack,
  interactiveBody,
  postSigned,
  slashBody,
  slashFields,
  TEAM_ID,
  type PostResult,
} from './fakes/slack.js';

const SECRET = 'test-signing-secret';
const TOKEN = 'xoxb-test-token';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = { type: string; [key: string]: any };

interface RecordingLogger extends Logger {
  lines: string[];
}

function recordingLogger(): RecordingLogger {
  let level = LogLevel.INFO;
  const lines: string[] = [];
  const record = (kind: string) => (...msg: unknown[]) => void lines.push(`${kind} ${msg.map(String).join(' ')}`);
  return {
    lines,
    debug: () => undefined,
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

function configFor(fake: FakeSlack, extra: Record<string, string> = {}): Config {
  return parseConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, ...extra });
}

const testOptions = (logger: Logger, extra: SlackAdapterOptions = {}): SlackAdapterOptions => ({
  host: '127.0.0.1',
  port: 0,
  retries: 0,
  logger,
  unhandledRequestTimeoutMillis: 2000,
  ...extra,
});

const header = (blocks: Loose[]) => blocks.find((b) => b.type === 'header')?.text.text as string | undefined;
const contextText = (blocks: Loose[]) => blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: Loose) => e.text as string)).join('\n');
const buttons = (blocks: Loose[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Loose[]);

/** The shared apology (src/reply.ts), as every failure path must send it. */
const apologyTitle = internalErrorReply().card.title;

const expectedContext = (userId: string, extra: Partial<Context> = {}): Context => ({
  platform: 'slack',
  userId,
  // The fake's users.info display name (the payload's user_name is only a fallback).
  userName: `dn-${userId}`,
  isModerator: false,
  communityId: TEAM_ID,
  channelId: 'C0GENERAL',
  // The door's mention syntax, for user options (adapters/slack/user-mention.ts).
  readMention: readSlackMention,
  ...extra,
});

let fake: FakeSlack;
let bot: Bot;
let logger: RecordingLogger;
let adapter: SlackAdapter;
let events: string;

const slash = (text: string, init: { userId?: string; responseId?: string } = {}): Promise<PostResult> =>
  postSigned(events, slashBody({ text, userId: init.userId ?? 'U0ALICE', userName: (init.userId ?? 'U0ALICE').toLowerCase(), responseUrl: fake.responseUrl(init.responseId ?? `r-${Math.random()}`) }), { secret: SECRET });

const event = (body: Record<string, unknown>): Promise<PostResult> => postSigned(events, eventBody(body), { secret: SECRET, contentType: 'application/json' });

beforeAll(async () => {
  fake = await new FakeSlack().start();
  bot = new Bot();
  logger = recordingLogger();
  adapter = createSlackAdapter(bot, configFor(fake), testOptions(logger));
  await adapter.start();
  events = `${adapter.url}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('Slack over HTTP (the real Bolt HTTPReceiver)', () => {
  it('checks the bot token with auth.test at start, at the configured SLACK_API_URL', () => {
    const auth = fake.calls.find((c) => c.method === 'auth.test');
    expect(auth?.token).toBe(TOKEN);
    expect(adapter.mode).toBe('http');
    expect(adapter.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers `/devpath salary` in the ack body with the blocks Bolt sends', async () => {
    const expected = await bot.dispatchText('salary', expectedContext('U0ALICE'));
    expect(expected.sources.length).toBeGreaterThan(0);
    // A second command from the same user at the same moment shares the one pending lookup.
    const [res] = await Promise.all([slash('salary'), slash('help')]);
    expect(res.status).toBe(200);
    const body = res.json() as { response_type: string; text: string; blocks: Loose[] };
    expect(body.response_type).toBe('in_channel');
    expect(header(body.blocks)).toBe(expected.card.title);
    expect(contextText(body.blocks)).toContain(expected.sources[0]!.short);
    expect(body.text).toContain(expected.card.title);
    expect(buttons(body.blocks).map((b) => b.value)).toEqual(suggestionsOf(expected).map((s) => s.command));
    // users.info was asked once for the admin flag, with the bot token.
    const info = await fake.waitForCall('users.info', (c) => c.args.user === 'U0ALICE');
    expect(info.token).toBe(TOKEN);
    // Both requests have been answered, so every lookup they made has been made: exactly one.
    expect(fake.calls.filter((c) => c.method === 'users.info' && c.args.user === 'U0ALICE')).toHaveLength(1);
  });

  it.each(['', 'help', '   '])('`/devpath %s` shows help', async (text) => {
    const res = await slash(text);
    expect(res.status).toBe(200);
    const body = res.json() as { blocks: Loose[] };
    expect(header(body.blocks)).toBe('devpath: your guide to becoming a back-end developer');
    expect(JSON.stringify(body.blocks)).toContain('salary');
  });

  it('decodes Slack entities in the command text before parsing', async () => {
    const spy = vi.spyOn(bot, 'dispatchText');
    try {
      await slash('ask what does &lt;API&gt; &amp; REST mean');
      expect(spy.mock.calls.at(-1)?.[0]).toBe('ask what does <API> & REST mean');
    } finally {
      spy.mockRestore();
    }
  });

  it('an unknown command is answered ephemerally', async () => {
    const res = await slash('salarry');
    const body = res.json() as { response_type: string; blocks: Loose[] };
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toContain('salary');
  });

  it('makes workspace admins moderators and treats a failed users.info as not a moderator', async () => {
    fake.admins.add('U0ADMIN');
    fake.handlers.set('users.info', (args) =>
      args.user === 'U0GHOST' ? { ok: false, error: 'user_not_found' } : { ok: true, user: { id: args.user, name: 'admin', is_admin: true, is_owner: false } },
    );
    const spy = vi.spyOn(bot, 'dispatchText');
    try {
      expect((await slash('help', { userId: 'U0ADMIN' })).status).toBe(200);
      expect(spy.mock.calls.at(-1)?.[1]).toEqual(expectedContext('U0ADMIN', { isModerator: true, userName: 'admin' }));
      expect((await slash('help', { userId: 'U0GHOST' })).status).toBe(200);
      expect(spy.mock.calls.at(-1)?.[1]).toEqual(expectedContext('U0GHOST', { isModerator: false, userName: 'u0ghost' }));
      // Cached: a second command costs no second lookup.
      await slash('help', { userId: 'U0ADMIN' });
      expect(fake.calls.filter((c) => c.method === 'users.info' && c.args.user === 'U0ADMIN')).toHaveLength(1);
    } finally {
      spy.mockRestore();
      fake.handlers.delete('users.info');
    }
    expect(logger.lines.some((l) => l.includes('users.info failed for U0GHOST'))).toBe(true);
  });

  it('a users.info that never answers does not hold the answer: the asker is not a moderator for now', async () => {
    // As a rate-limited or stalled Slack looks to a WebClient with retries and no timeout.
    const release = fake.stall('users.info');
    const spy = vi.spyOn(bot, 'dispatchText');
    try {
      // Two requests at once share the pending lookup; both still get their answer in the ack
      // body (within the 2 s ack budget), not an empty ack and a response that never comes.
      const answers = await Promise.all([slash('help', { userId: 'U0SLOW' }), slash('salary', { userId: 'U0SLOW' })]);
      for (const res of answers) {
        expect(res.status).toBe(200);
        expect(res.body).toContain('"blocks"');
      }
      expect(spy.mock.calls.at(-1)?.[1]).toMatchObject({ userId: 'U0SLOW', isModerator: false });
      // Remembered briefly like a failed lookup: the next request does not wait or ask again.
      expect((await slash('help', { userId: 'U0SLOW' })).body).toContain('"blocks"');
      expect(fake.calls.filter((c) => c.method === 'users.info' && c.args.user === 'U0SLOW')).toHaveLength(1);
    } finally {
      spy.mockRestore();
      release();
    }
    expect(logger.lines.some((l) => l.includes('users.info failed for U0SLOW'))).toBe(true);
  });

  it("a user's name is users.info's display name whichever way they ask", async () => {
    const spy = vi.spyOn(bot, 'dispatchText');
    try {
      // The slash command's payload carries the legacy handle ('u0bob'); a mention carries no name.
      await slash('help', { userId: 'U0BOB' });
      const ts = '1700000099.000100';
      await event({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}> help`, ts, channel: 'C0GENERAL', event_ts: ts });
      await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
      const names = spy.mock.calls.filter((c) => c[1].userId === 'U0BOB').map((c) => c[1].userName);
      expect(names).toEqual(['dn-U0BOB', 'dn-U0BOB']);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    ['a wrong signature', { secret: 'not-the-secret' }],
    ['a timestamp six minutes old', { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['no signature headers', { secret: SECRET, headers: { 'x-slack-signature': '', 'x-slack-request-timestamp': '' } }],
  ])('%s is refused with 401 and runs nothing', async (_name, signing) => {
    const spy = vi.spyOn(bot, 'dispatchText');
    try {
      const id = `forged-${Math.random()}`;
      const res = await postSigned(events, slashBody({ text: 'salary', userId: 'U0MALLORY', responseUrl: fake.responseUrl(id) }), signing);
      expect(res.status).toBe(401);
      expect(spy).not.toHaveBeenCalled();
      expect(fake.calls.some((c) => c.args.user === 'U0MALLORY')).toBe(false);
      expect(fake.responses.some((r) => r.id === id)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers an @mention in its thread with chat.postMessage', async () => {
    const ts = '1700000100.000200';
    const res = await event({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}> how much do junior backend developers earn?`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID });
    expect(res.status).toBe(200);
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(post.token).toBe(TOKEN);
    expect(post.args.channel).toBe('C0GENERAL');
    const blocks = post.args.blocks as Loose[];
    expect(header(blocks)?.length).toBeGreaterThan(0);
    expect(String(post.args.text)).not.toContain(`<@${BOT_USER_ID}>`);
    expect(contextText(blocks)).toMatch(/Sources: /);
  });

  it('handles an event once when Slack resends it (X-Slack-Retry-Num), and a replayed slash command once', async () => {
    const ts = '1700000777.000300';
    const body = eventBody({ type: 'app_mention', user: 'U0RETRY', text: `<@${BOT_USER_ID}> tip add 6 Write one integration test per endpoint first`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID }, 'EvRETRY1');
    const first = await postSigned(events, body, { secret: SECRET, contentType: 'application/json' });
    const again = await postSigned(events, body, { secret: SECRET, contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, again.status]).toEqual([200, 200]);
    await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
    await new Promise((r) => setTimeout(r, 300)); // time for a second answer, if there were one
    const answers = fake.calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts);
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.args.text)).toMatch(/Tip saved/);
    const tips = (await bot.services.store.tips(TEAM_ID, { matching: 'Write one integration test', limit: 10 })).total;
    expect(tips).toBe(1);

    // A retry whose first delivery never arrived is the first this process sees: it is handled.
    const lateTs = '1700000778.000300';
    await postSigned(events, eventBody({ type: 'app_mention', user: 'U0RETRY', text: `<@${BOT_USER_ID}> salary`, ts: lateTs, channel: 'C0GENERAL', event_ts: lateTs, team: TEAM_ID }, 'EvRETRY2'), { secret: SECRET, contentType: 'application/json', headers: { 'x-slack-retry-num': '2' } });
    await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === lateTs);

    // The same signed slash command twice: one answer, one question counted.
    const replay = slashBody({ text: 'how do i become a registered pharmacist', userId: 'U0REPLAY', userName: 'replay', responseUrl: fake.responseUrl('replay'), triggerId: 'trigger-replayed' });
    const a = await postSigned(events, replay, { secret: SECRET });
    const b = await postSigned(events, replay, { secret: SECRET });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toMatch(/know that yet/);
    expect(b.body).not.toMatch(/know that yet/);
    const asked = (await bot.services.store.unanswered(TEAM_ID, 0, 100)).items.find((u) => u.text.includes('registered pharmacist'))?.count;
    expect(asked).toBe(1);
  });

  it('answers a mention inside a thread in that thread, and a bare mention with help', async () => {
    const ts = '1700000101.000300';
    await event({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}>`, ts, thread_ts: '1700000050.000100', channel: 'C0GENERAL', event_ts: ts });
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === '1700000050.000100');
    expect(header(post.args.blocks as Loose[])).toBe('devpath: your guide to becoming a back-end developer');
  });

  it('an ephemeral answer to a mention goes only to the asker, in the thread', async () => {
    const ts = '1700000102.000400';
    const expected = await bot.dispatchText('help nosuchcommand', expectedContext('U0BOB'));
    expect(expected.ephemeral).toBe(true);
    await event({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}> help nosuchcommand`, ts, channel: 'C0GENERAL', event_ts: ts });
    const post = await fake.waitForCall('chat.postEphemeral', (c) => c.args.thread_ts === ts);
    expect(post.args).toMatchObject({ channel: 'C0GENERAL', user: 'U0BOB' });
    expect(header(post.args.blocks as Loose[])).toBe(expected.card.title);
    expect(fake.calls.some((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts)).toBe(false);
  });

  it('answers a direct message, and ignores bot messages and edits', async () => {
    await event({ type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER', channel_type: 'im', channel: 'D0BOB', text: 'roadmap', ts: '1700000200.000100' });
    await event({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D0BOB', ts: '1700000200.000150', message: { text: 'salary' } });
    // A subtyped event that carries a person's user id (only the subtype says to ignore it), and
    // the bot's own plain message (Bolt's ignoreSelf drops it): both would otherwise be answered.
    await event({ type: 'message', subtype: 'thread_broadcast', channel_type: 'im', channel: 'D0BOB', user: 'U0BOB', text: 'salary', ts: '1700000200.000160', thread_ts: '1700000200.000010' });
    await event({ type: 'message', channel_type: 'im', channel: 'D0BOB', user: BOT_USER_ID, text: 'salary', ts: '1700000200.000170' });
    const res = await event({ type: 'message', channel_type: 'im', channel: 'D0BOB', user: 'U0BOB', text: 'roadmap', ts: '1700000200.000200', event_ts: '1700000200.000200' });
    expect(res.status).toBe(200);
    const expected = await bot.dispatchText('roadmap', expectedContext('U0BOB', { channelId: 'D0BOB' }));
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D0BOB');
    expect(header(post.args.blocks as Loose[])).toBe(expected.card.title);
    expect(post.args.thread_ts).toBeUndefined();
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0BOB')).toHaveLength(1);
    expect(fake.calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === 'D0BOB' && c.args.thread_ts !== undefined)).toBe(false);
  });

  it('runs a clicked suggestion button and answers at its response_url', async () => {
    const first = (await slash('help')).json() as { blocks: Loose[] };
    const button = buttons(first.blocks)[0]!;
    expect(button.action_id).toMatch(/^devpath_run/);
    const expected = await bot.dispatchText(button.value as string, expectedContext('U0ALICE'));
    const payload = blockActionsPayload({ value: button.value as string, actionId: button.action_id as string, responseUrl: fake.responseUrl('click-1') });
    const res = await postSigned(events, interactiveBody(payload), { secret: SECRET });
    expect(res.status).toBe(200);
    const answer = await fake.waitForResponse('click-1');
    expect(answer.body.replace_original).toBe(false);
    expect(answer.body.response_type).toBe(expected.ephemeral ? 'ephemeral' : 'in_channel');
    expect(header(answer.body.blocks as Loose[])).toBe(expected.card.title);
  });

  it('publishes the App Home view when the Home tab opens, and answers its buttons in a DM', async () => {
    const res = await event({ type: 'app_home_opened', user: 'U0CAROL', channel: 'D0CAROL', tab: 'home', event_ts: '1700000300.000100' });
    expect(res.status).toBe(200);
    const publish = await fake.waitForCall('views.publish', (c) => c.args.user_id === 'U0CAROL');
    const view = publish.args.view as { type: string; blocks: Loose[] };
    expect(view.type).toBe('home');
    const homeButtons = buttons(view.blocks);
    expect(homeButtons.map((b) => b.value)).toContain('help');

    const salaryButton = homeButtons.find((b) => String(b.value).startsWith('salary'))!;
    const click = blockActionsPayload({ value: salaryButton.value as string, actionId: salaryButton.action_id as string, userId: 'U0CAROL', view: true });
    expect((await postSigned(events, interactiveBody(click), { secret: SECRET })).status).toBe(200);
    await fake.waitForCall('conversations.open', (c) => c.args.users === 'U0CAROL');
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'DU0CAROL');
    expect(header(post.args.blocks as Loose[])?.length).toBeGreaterThan(0);
  });

  it('the Messages tab opening publishes nothing', async () => {
    await event({ type: 'app_home_opened', user: 'U0DAVE', channel: 'D0DAVE', tab: 'messages', event_ts: '1700000301.000100' });
    await event({ type: 'app_home_opened', user: 'U0ERIN', channel: 'D0ERIN', tab: 'home', event_ts: '1700000302.000100' });
    await fake.waitForCall('views.publish', (c) => c.args.user_id === 'U0ERIN');
    expect(fake.calls.some((c) => c.method === 'views.publish' && c.args.user_id === 'U0DAVE')).toBe(false);
  });

  it('a handler error is logged without secrets, answered with an ephemeral apology, and the next request works', async () => {
    const spy = vi.spyOn(bot, 'dispatchText').mockRejectedValueOnce(new Error(`boom while holding ${TOKEN}`));
    try {
      const res = await slash('salary');
      expect(res.status).toBe(200);
      const body = res.json() as { response_type: string; text: string; blocks: Loose[] };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(/^Sorry, something went wrong/);
      expect(header(body.blocks)).toBe(apologyTitle);
    } finally {
      spy.mockRestore();
    }
    const failure = logger.lines.find((l) => l.includes('boom'));
    expect(failure).toMatch(/^error devpath: Slack slash command failed/);
    expect(logger.lines.join('\n')).not.toContain(TOKEN);

    const next = await slash('salary');
    expect((next.json() as { response_type: string }).response_type).toBe('in_channel');
  });

  it('a failing mention gets an ephemeral apology in its thread', async () => {
    const spy = vi.spyOn(bot, 'dispatchText').mockRejectedValueOnce(new Error('mention boom'));
    const ts = '1700000400.000100';
    try {
      await event({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}> salary`, ts, channel: 'C0GENERAL', event_ts: ts });
      const apology = await fake.waitForCall('chat.postEphemeral', (c) => c.args.thread_ts === ts);
      expect(apology.args.user).toBe('U0BOB');
      expect(String(apology.args.text)).toMatch(/^Sorry/);
      expect(header(apology.args.blocks as Loose[])).toBe(apologyTitle);
    } finally {
      spy.mockRestore();
    }
  });

  it('a failing button click gets an ephemeral apology at its response_url', async () => {
    const spy = vi.spyOn(bot, 'dispatchText').mockRejectedValueOnce(new Error('click boom'));
    try {
      const payload = blockActionsPayload({ value: 'salary', responseUrl: fake.responseUrl('click-fail') });
      await postSigned(events, interactiveBody(payload), { secret: SECRET });
      const answer = await fake.waitForResponse('click-fail');
      expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(answer.body.text)).toMatch(/^Sorry/);
      expect(header(answer.body.blocks as Loose[])).toBe(apologyTitle);
    } finally {
      spy.mockRestore();
    }
  });

  it("Home tab clicks open the user's DM once and reuse it", async () => {
    const clickAs = (value: string) => postSigned(events, interactiveBody(blockActionsPayload({ value, userId: 'U0GRACE', view: true })), { secret: SECRET });
    const inDm = (title: string) => (c: { args: Record<string, unknown> }) => c.args.channel === 'DU0GRACE' && header(c.args.blocks as Loose[]) === title;
    await clickAs('help');
    await fake.waitForCall('chat.postMessage', inDm('devpath: your guide to becoming a back-end developer'));
    await clickAs('roadmap');
    await fake.waitForCall('chat.postMessage', inDm((await bot.dispatchText('roadmap', expectedContext('U0GRACE'))).card.title));
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DU0GRACE')).toHaveLength(2);
    expect(fake.calls.filter((c) => c.method === 'conversations.open' && c.args.users === 'U0GRACE')).toHaveLength(1);
  });

  it('a failing Home tab button click gets the apology in the same DM the answer would go to', async () => {
    const spy = vi.spyOn(bot, 'dispatchText').mockRejectedValueOnce(new Error('home click boom'));
    try {
      const click = blockActionsPayload({ value: 'salary', userId: 'U0FRANK', view: true });
      expect((await postSigned(events, interactiveBody(click), { secret: SECRET })).status).toBe(200);
      const apology = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'DU0FRANK');
      expect(String(apology.args.text)).toMatch(/^Sorry/);
      expect(header(apology.args.blocks as Loose[])).toBe(apologyTitle);
    } finally {
      spy.mockRestore();
    }
    expect(logger.lines.some((l) => /^error devpath: Slack button click failed: .*home click boom/.test(l))).toBe(true);
  });
});

describe('Slack pictures and files: uploaded with files.uploadV2 to the fake', () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

  it('/devpath progress: the card is uploaded into the channel (upload URL on 127.0.0.1), and the answer gives its alt text', async () => {
    const res = await slash('progress', { userId: 'U0PIC' });
    const body = res.json() as { response_type: string; blocks: Loose[] };
    expect(body.response_type).toBe('in_channel');
    expect(contextText(body.blocks)).toMatch(/^Picture: Roadmap progress of dn-U0PIC: 0 of 12 steps done; next step 1, /m);
    const upload = await fake.waitForUpload((u) => u.filename === 'progress-u0pic.png');
    expect(upload.channel).toBe('C0GENERAL');
    expect(upload.threadTs).toBeUndefined();
    expect([...upload.bytes!.subarray(0, 8)]).toEqual(PNG);
    expect([upload.bytes!.readUInt32BE(16), upload.bytes!.readUInt32BE(20)]).toEqual([800, 400]);
    expect(upload.bytes!.length).toBe(upload.length);
    expect(upload.altText).toMatch(/^Roadmap progress of dn-U0PIC: 0 of 12 steps done/);
    const asked = fake.calls.find((c) => c.method === 'files.getUploadURLExternal' && c.args.filename === 'progress-u0pic.png');
    expect(asked?.token).toBe(TOKEN);
    const completed = fake.calls.find((c) => c.method === 'files.completeUploadExternal' && (c.args.files as { id: string }[])[0]?.id === upload.id);
    expect(completed?.args.channel_id).toBe('C0GENERAL');
    expect(fake.calls.indexOf(asked!)).toBeLessThan(fake.calls.indexOf(completed!));
  });

  it('/devpath export: the answer stays private and the whole file goes to the asker\'s DM, as the answer says', async () => {
    const res = await slash('export', { userId: 'U0EXP' });
    const body = res.json() as { response_type: string; blocks: Loose[] };
    expect(body.response_type).toBe('ephemeral');
    expect(contextText(body.blocks)).toContain('I have also sent you devpath-export.json as a file, in your direct messages with devpath.');
    const upload = await fake.waitForUpload((u) => u.filename === 'devpath-export.json');
    await fake.waitForCall('conversations.open', (c) => c.args.users === 'U0EXP');
    expect(upload.channel).toBe('DU0EXP');
    expect(JSON.parse(upload.bytes!.toString('utf8'))).toMatchObject({ format: 'devpath-export', version: 1, user: { id: 'U0EXP' } });
  });

  it('a mention: the card goes into the answer\'s thread', async () => {
    const ts = '1700000900.000100';
    await event({ type: 'app_mention', user: 'U0MEN', text: `<@${BOT_USER_ID}> progress`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID });
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(contextText(post.args.blocks as Loose[])).toMatch(/^Picture: Roadmap progress of dn-U0MEN/m);
    const upload = await fake.waitForUpload((u) => u.filename === 'progress-u0men.png');
    expect(upload).toMatchObject({ channel: 'C0GENERAL', threadTs: ts });
  });

  it('a direct message: the group board is uploaded into that DM', async () => {
    await bot.dispatchText('group create slack-pics', expectedContext('U0DAVE'));
    await event({ type: 'message', channel_type: 'im', channel: 'D0DAVE', user: 'U0DAVE', text: 'group slack-pics', ts: '1700000901.000100' });
    const upload = await fake.waitForUpload((u) => u.filename === 'group-slack-pics.png');
    expect(upload.channel).toBe('D0DAVE');
    expect(upload.altText).toBe('Board of the study group slack-pics: 1 member; steps done: dn-U0DAVE: 0 of 12');
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'D0DAVE');
    expect(contextText(post.args.blocks as Loose[])).not.toMatch(/direct messages/);
  });

  it('a channel the bot is not in refuses the card: it goes to the asker\'s DM, and they are told privately', async () => {
    fake.notIn.add('C0OUTSIDE');
    const res = await postSigned(events, slashBody({ text: 'progress', userId: 'U0OUT', userName: 'out', channelId: 'C0OUTSIDE', responseUrl: fake.responseUrl('outside') }), { secret: SECRET });
    expect((res.json() as { response_type: string }).response_type).toBe('in_channel');
    const upload = await fake.waitForUpload((u) => u.filename === 'progress-u0out.png');
    expect(upload.channel).toBe('DU0OUT');
    const notice = await fake.waitForResponse('outside');
    expect(notice.body.response_type).toBe('ephemeral');
    expect(String(notice.body.text)).toMatch(/could not post the picture in this channel.*direct messages/);
  });
});

describe('Slack over HTTP, answer too slow for the ack', () => {
  let slow: SlackAdapter;
  const slowLogger = recordingLogger();
  beforeAll(async () => {
    // ackBudgetMs 0: every answer takes the respond() path, as a slow one would.
    slow = createSlackAdapter(bot, configFor(fake), testOptions(slowLogger, { ackBudgetMs: 0, botId: 'BBOT', botUserId: BOT_USER_ID }));
    await slow.start();
  });
  afterAll(async () => {
    await slow?.stop();
  });

  it('acks empty within the request, then answers at response_url', async () => {
    const res = await postSigned(`${slow.url}/slack/events`, slashBody({ text: 'roadmap', responseUrl: fake.responseUrl('slow-1') }), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const answer = await fake.waitForResponse('slow-1');
    const expected = await bot.dispatchText('roadmap', expectedContext('U0ALICE'));
    expect(answer.body.response_type).toBe('in_channel');
    expect(header(answer.body.blocks as Loose[])).toBe(expected.card.title);
    expect(contextText(answer.body.blocks as Loose[])).toContain(expected.sources[0]!.short);
  });

  it('a failure after the empty ack is logged and apologised for at response_url', async () => {
    const spy = vi.spyOn(bot, 'dispatchText').mockRejectedValueOnce(new Error('late boom'));
    try {
      const res = await postSigned(`${slow.url}/slack/events`, slashBody({ text: 'salary', responseUrl: fake.responseUrl('slow-fail') }), { secret: SECRET });
      expect(res.status).toBe(200);
      expect(res.body).toBe('');
      const apology = await fake.waitForResponse('slow-fail');
      expect(apology.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(apology.body.text)).toMatch(/^Sorry, something went wrong/);
      expect(header(apology.body.blocks as Loose[])).toBe(apologyTitle);
    } finally {
      spy.mockRestore();
    }
    expect(slowLogger.lines.some((l) => /^error devpath: Slack slash command failed: .*late boom/.test(l))).toBe(true);
  });
});

describe('Slack over Socket Mode (the real SocketModeReceiver)', () => {
  let socket: SlackAdapter;
  beforeAll(async () => {
    socket = createSlackAdapter(bot, configFor(fake, { SLACK_APP_TOKEN: 'xapp-test-app-token', SLACK_SIGNING_SECRET: '' }), testOptions(recordingLogger(), { autoReconnect: false }));
    await socket.start();
    await fake.waitForConnection();
  });
  afterAll(async () => {
    await socket?.stop();
  });

  it('connects with the app token via apps.connections.open', () => {
    expect(socket.mode).toBe('socket');
    const open = fake.calls.find((c) => c.method === 'apps.connections.open');
    expect(open?.token).toBe('xapp-test-app-token');
  });

  it('answers /devpath salary in the envelope ack payload', async () => {
    const expected = await bot.dispatchText('salary entry', expectedContext('U0ALICE'));
    const ack = await fake.sendEnvelope('slash_commands', slashFields({ text: 'salary entry', responseUrl: fake.responseUrl('sock-1') }));
    expect(ack.envelope_id).toMatch(/^env-/);
    const payload = ack.payload as { response_type: string; blocks: Loose[] };
    expect(payload.response_type).toBe('in_channel');
    expect(header(payload.blocks)).toBe(expected.card.title);
    expect(contextText(payload.blocks)).toContain(expected.sources[0]!.short);
  });

  it('answers a mention delivered as an events_api envelope', async () => {
    const ts = '1700000500.000100';
    const body = JSON.parse(eventBody({ type: 'app_mention', user: 'U0BOB', text: `<@${BOT_USER_ID}> roadmap`, ts, channel: 'C0SOCK', event_ts: ts })) as Record<string, unknown>;
    const ack = await fake.sendEnvelope('events_api', body);
    expect(ack.envelope_id).toMatch(/^env-/);
    const post = await fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0SOCK' && c.args.thread_ts === ts);
    expect(header(post.args.blocks as Loose[])?.length).toBeGreaterThan(0);
  });
});

describe('Slack start-up errors', () => {
  it('a rejected bot token becomes a StartError with a clear message', async () => {
    fake.handlers.set('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      const bad = createSlackAdapter(bot, configFor(fake), testOptions(recordingLogger()));
      const error = await bad.start().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StartError);
      expect((error as Error).message).toMatch(/^devpath: Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/);
      expect((error as Error).message).not.toContain(TOKEN);
      await bad.stop();
    } finally {
      fake.handlers.delete('auth.test');
    }
  });

  it('a rejected app token (Socket Mode) becomes a StartError too', async () => {
    fake.handlers.set('apps.connections.open', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      const bad = createSlackAdapter(bot, configFor(fake, { SLACK_APP_TOKEN: 'xapp-bad' }), testOptions(recordingLogger(), { autoReconnect: false }));
      const error = await bad.start().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StartError);
      expect((error as Error).message).toMatch(/Slack rejected SLACK_APP_TOKEN \(invalid_auth\)/);
      await bad.stop();
    } finally {
      fake.handlers.delete('apps.connections.open');
    }
  });
});

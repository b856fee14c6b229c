// One path through every door (adapters/answer.ts, adapters/buttons.ts): the shared answer path on
// its own, the shared button codec on its own, then both doors end to end (the real discord.js
// Client and the real Bolt App against the local fakes in tests/fakes/) showing that a failure
// gets the same apology words on Discord and on Slack, that a private reply stays private on both,
// and that a suggestion's button runs exactly its command line on both, up to each platform's limit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LogLevel, type Logger } from '@slack/bolt';
import { answer, type AnswerDoor, type Stage, type Visibility } from '../adapters/answer.js';
import { buttonCodec, encodeSuggestions } from '../adapters/buttons.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { CUSTOM_ID, EPHEMERAL, MAX_CUSTOM_ID } from '../adapters/discord/render.js';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.js';
import { BUTTON_VALUE, BUTTON_VALUE_MAX } from '../adapters/slack/render.js';
import type { Adapter } from '../adapters/adapter.js';
import { Bot } from '../src/bot.js';
import type { CommandSpec } from '../src/command.js';
import { commands as defaultCommands } from '../src/commands/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { internalErrorReply, reply, type Reply } from '../src/reply.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fakes/discord.js';
import { BOT_USER_ID, blockActionsPayload, eventBody, FakeSlack, interactiveBody, postSigned, slashBody } from './fakes/slack.js';

/** The core's apology, in the words every door must show. */
const SORRY = internalErrorReply();
const SORRY_TITLE = SORRY.card.title;
const SORRY_TEXT = (SORRY.card.children[0] as { text: string }).text;

// ---------------------------------------------------------------------------------------------
// The answer path on its own

/** A door that records what the path asked of it. */
function recordingDoor(extra: Partial<AnswerDoor> = {}) {
  const events: string[] = [];
  const sent: { reply: Reply; visibility: Visibility }[] = [];
  const logged: { stage: Stage; error: unknown }[] = [];
  const door: AnswerDoor = {
    defer: async () => void events.push('defer'),
    deferAfterMs: 50,
    send: async (r, visibility) => {
      events.push(`send ${r.card.title}`);
      sent.push({ reply: r, visibility });
    },
    logError: (stage, error) => void logged.push({ stage, error }),
    ...extra,
  };
  return { door, events, sent, logged };
}

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('the answer path', () => {
  it('a ready answer is sent at once, with no deferral, public when the core made it public', async () => {
    const { door, events, sent } = recordingDoor();
    await answer(door, async () => reply({ title: 'Quick' }));
    expect(events).toEqual(['send Quick']);
    expect(sent[0]!.visibility).toEqual({ private: false });
  });

  it("a slow answer is deferred once, after the door's deadline, then sent", async () => {
    const { door, events } = recordingDoor({ deferAfterMs: 20 });
    await answer(door, () => after(150, reply({ title: 'Slow' })));
    expect(events).toEqual(['defer', 'send Slow']);
  });

  it('deferAfterMs 0 defers at once; a door without defer never defers', async () => {
    const now = recordingDoor({ deferAfterMs: 0 });
    await answer(now.door, async () => reply({ title: 'Any' }));
    expect(now.events).toEqual(['defer', 'send Any']);
    const { defer: _none, ...never } = recordingDoor().door;
    const events: string[] = [];
    await answer({ ...never, send: async (r) => void events.push(r.card.title) }, () => after(80, reply({ title: 'Late' })));
    expect(events).toEqual(['Late']);
  });

  it('an ephemeral reply is sent privately', async () => {
    const { door, sent } = recordingDoor();
    await answer(door, async () => reply({ title: 'Mine', ephemeral: true }));
    expect(sent[0]!.visibility).toEqual({ private: true });
  });

  it.each([
    ['a throw', () => Promise.reject(new Error('boom'))],
    ['a synchronous throw', (): Promise<Reply> => {
      throw new Error('boom');
    }],
  ])('%s is logged and answered with the core apology, privately', async (_name, ask) => {
    const { door, sent, logged } = recordingDoor();
    await answer(door, ask);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.reply.card).toEqual(SORRY.card);
    expect(sent[0]!.visibility).toEqual({ private: true });
    expect(logged.map((l) => [l.stage, String(l.error)])).toEqual([['answer', 'Error: boom']]);
  });

  it('a send the platform refuses gets the apology; a refused apology is logged and the path still resolves', async () => {
    const refused = recordingDoor();
    let first = true;
    refused.door.send = async (r, visibility) => {
      if (first) {
        first = false;
        throw new Error('platform said no');
      }
      refused.sent.push({ reply: r, visibility });
    };
    await answer(refused.door, async () => reply({ title: 'Answer' }));
    expect(refused.sent.map((s) => s.reply.card.title)).toEqual([SORRY_TITLE]);

    const deaf = recordingDoor({ send: () => Promise.reject(new Error('down')) });
    await expect(answer(deaf.door, async () => reply({ title: 'Answer' }))).resolves.toBeUndefined();
    expect(deaf.logged.map((l) => l.stage)).toEqual(['answer', 'apology']);
  });

  it('a deferral that fails is answered with the apology too', async () => {
    const { door, sent, logged } = recordingDoor({ deferAfterMs: 0, defer: () => Promise.reject(new Error('no ack')) });
    await answer(door, async () => reply({ title: 'Answer' }));
    expect(sent.map((s) => s.reply.card.title)).toEqual([SORRY_TITLE]);
    expect(logged[0]!.stage).toBe('answer');
  });
});

// ---------------------------------------------------------------------------------------------
// The button codec on its own

describe('the button codec', () => {
  const line = 'salary backend entry';

  it.each([
    ['Discord custom_id', CUSTOM_ID, 'dp:', MAX_CUSTOM_ID],
    ['Slack value', BUTTON_VALUE, '', BUTTON_VALUE_MAX],
  ])('%s: the prefix and the line, round trip, at the limit and over it', (_name, codec, prefix, max) => {
    expect(codec.prefix).toBe(prefix);
    expect(codec.maxLength).toBe(max);
    expect(codec.encode(line)).toBe(`${prefix}${line}`);
    expect(codec.decode(codec.encode(line))).toBe(line);
    const atLimit = 'ask ' + 'x'.repeat(max - prefix.length - 4);
    expect(codec.encode(atLimit)).toHaveLength(max);
    expect(codec.decode(codec.encode(atLimit))).toBe(atLimit);
    expect(codec.encode(`${atLimit}y`)).toBeUndefined(); // left out, never cut
    expect(codec.encode('   ')).toBeUndefined();
  });

  it('buttons sent by the previous version still decode', () => {
    // Discord: `dp:` and the line; Slack: the bare line in the value.
    expect(CUSTOM_ID.decode('dp:salary backend entry')).toBe('salary backend entry');
    expect(CUSTOM_ID.decode('dp:roadmap')).toBe('roadmap');
    expect(BUTTON_VALUE.decode('salary backend entry')).toBe('salary backend entry');
    expect(BUTTON_VALUE.decode('ask ' + 'why '.repeat(75))).toBe('ask ' + 'why '.repeat(75));
  });

  it("another app's button is not ours", () => {
    expect(CUSTOM_ID.decode('other-app:thing')).toBeUndefined();
    expect(buttonCodec('dp:', 100).decode(undefined)).toBeUndefined();
  });

  it('suggestions: a line that does not fit and a repeat are left out; at most max buttons', () => {
    const codec = buttonCodec('p:', 10);
    const out = encodeSuggestions(
      [
        { label: 'a', command: 'help' },
        { label: 'too long', command: 'roadmap 12' },
        { label: 'again', command: 'help' },
        { label: 'b', command: 'tips' },
        { label: 'c', command: 'sources' },
      ],
      codec,
      2,
    );
    expect(out.map((o) => [o.suggestion.label, o.data])).toEqual([
      ['a', 'p:help'],
      ['b', 'p:tips'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Both doors, end to end

/** Discord: 97 characters fill a custom_id with `dp:`; Slack: 2000 fill a value. One more is too long. */
const DISCORD_AT_LIMIT = `echo ${'d'.repeat(MAX_CUSTOM_ID - 3 - 5)}`;
const DISCORD_OVER = `echo ${'e'.repeat(MAX_CUSTOM_ID - 3 - 4)}`;
const SLACK_AT_LIMIT = `echo ${'s'.repeat(BUTTON_VALUE_MAX - 5)}`;
const SLACK_OVER = `echo ${'t'.repeat(BUTTON_VALUE_MAX - 4)}`;

/** Released by the test: the answer of `slowsecret` waits for it. */
let release: (() => void) | undefined;

const testCommands: CommandSpec[] = [
  {
    name: 'explode',
    description: 'A command that throws.',
    examples: [],
    run: () => {
      throw new Error('kaboom inside the command');
    },
  },
  {
    name: 'secret',
    description: 'A private answer.',
    examples: [],
    run: () => reply({ title: 'Your secret progress', children: [{ type: 'text', text: 'Steps done: 7.' }], ephemeral: true }),
  },
  {
    name: 'slowsecret',
    description: 'A slow private answer.',
    examples: [],
    run: async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return reply({ title: 'Your slow secret', children: [{ type: 'text', text: 'Steps done: 8.' }], ephemeral: true });
    },
  },
  {
    name: 'buttons',
    description: 'Suggestions at and over each platform limit.',
    examples: [],
    run: () =>
      reply({
        title: 'Buttons',
        suggestions: [
          { label: 'discord at limit', command: DISCORD_AT_LIMIT },
          { label: 'discord over', command: DISCORD_OVER },
          { label: 'slack at limit', command: SLACK_AT_LIMIT },
          { label: 'slack over', command: SLACK_OVER },
        ],
      }),
  },
  {
    name: 'echo',
    description: 'Says how long its text was.',
    examples: [],
    options: [{ name: 'text', kind: 'string', description: 'Anything', maxLength: 3000 }],
    run: (_ctx, { text }) => reply({ title: `echo ${String(text ?? '').length}` }),
  },
];

const SECRET = 'answer-path-signing-secret';
const alice = { id: '700000000000000011', username: 'alice', global_name: 'Alice' };

function quietLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (...msg: unknown[]) => void lines.push(msg.map(String).join(' '));
  return { lines, debug: () => undefined, info: () => undefined, warn: record, error: record, setLevel: () => undefined, getLevel: () => LogLevel.ERROR, setName: () => undefined };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const header = (blocks: Loose[]) => blocks.find((b) => b.type === 'header')?.text.text as string | undefined;
const sectionTexts = (blocks: Loose[]) => blocks.filter((b) => b.type === 'section' && b.text).map((b) => b.text.text as string);
const slackButtons = (blocks: Loose[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as Loose[]);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const callbackData = (r: RecordedRequest) => r.body as { type: number; data: any };

describe('both doors through the shared path, against the local fakes', () => {
  let bot: Bot;
  let discordFake: FakeDiscord;
  let discord: Adapter;
  const discordLog: string[] = [];
  let slackFake: FakeSlack;
  let slack: SlackAdapter;
  const slackLog = quietLogger();
  let events: string;

  beforeAll(async () => {
    bot = new Bot({ knowledge: loadKnowledge(), commands: [...defaultCommands, ...testCommands], logError: () => undefined });
    discordFake = await startFakeDiscord();
    discord = createDiscordAdapter(bot, { DISCORD_TOKEN: discordFake.token, DISCORD_REST_URL: discordFake.restUrl } as Parameters<typeof createDiscordAdapter>[1], {
      clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 1000 },
      logError: (message, error) => void discordLog.push(`${message} ${String(error)}`),
    });
    slackFake = await new FakeSlack().start();
    slack = createSlackAdapter(
      bot,
      { SLACK_BOT_TOKEN: 'xoxb-answer-path', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackFake.apiUrl, PORT: 0 } as Parameters<typeof createSlackAdapter>[1],
      { host: '127.0.0.1', port: 0, retries: 0, logger: slackLog, ackBudgetMs: 1000, unhandledRequestTimeoutMillis: 2500 },
    );
    await Promise.all([discord.start(), slack.start()]);
    events = `${slack.url}/slack/events`;
  });

  afterAll(async () => {
    release?.();
    await discord?.stop();
    await slack?.stop();
    await discordFake?.close();
    await slackFake?.close();
  });

  /** A Discord slash command's immediate answer (callback type 4). */
  async function discordSlash(name: string) {
    const { id } = discordFake.slashCommand({ name, user: alice });
    const { type, data } = callbackData(await discordFake.waitForCallback(id));
    expect(type).toBe(4);
    return data;
  }

  /** A Slack slash command's answer: in the ack body, or at response_url if it came after an empty ack. */
  async function slackSlash(text: string): Promise<Loose> {
    const id = `ap-${Math.random()}`;
    const res = await postSigned(events, slashBody({ text, userId: 'U0ANNA', userName: 'anna', responseUrl: slackFake.responseUrl(id) }), { secret: SECRET });
    expect(res.status).toBe(200);
    return res.body ? res.json() : (await slackFake.waitForResponse(id)).body;
  }

  describe('a failure gets the same apology words on Discord and on Slack', () => {
    it('a throw inside a command', async () => {
      const d = await discordSlash('explode');
      const s = await slackSlash('explode');
      expect([d.embeds[0].title, d.embeds[0].description]).toEqual([SORRY_TITLE, SORRY_TEXT]);
      expect([header(s.blocks), sectionTexts(s.blocks)[0]]).toEqual([SORRY_TITLE, SORRY_TEXT]);
      // And privately on both.
      expect(d.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(s.response_type).toBe('ephemeral');
    });

    it('a throw past the Bot (the door catches it)', async () => {
      const dispatch = vi.spyOn(bot, 'dispatch').mockRejectedValueOnce(new Error('discord kaboom'));
      const dispatchText = vi.spyOn(bot, 'dispatchText').mockRejectedValueOnce(new Error('slack kaboom'));
      try {
        const d = await discordSlash('salary');
        const s = await slackSlash('salary');
        expect([d.embeds[0].title, d.embeds[0].description]).toEqual([SORRY_TITLE, SORRY_TEXT]);
        expect([header(s.blocks), sectionTexts(s.blocks)[0]]).toEqual([SORRY_TITLE, SORRY_TEXT]);
        expect(d.flags & EPHEMERAL).toBe(EPHEMERAL);
        expect(s.response_type).toBe('ephemeral');
      } finally {
        dispatch.mockRestore();
        dispatchText.mockRestore();
      }
      expect(discordLog.join('\n')).toContain('discord kaboom');
      expect(slackLog.lines.join('\n')).toMatch(/Slack slash command failed: .*slack kaboom/);
    });

    it('a failing mention: the same words, privately (Discord by DM, Slack ephemerally in the thread)', async () => {
      const { id, channelId } = discordFake.postMessage({ content: `<@${discordFake.botUser.id}> explode`, author: alice, mentions: [discordFake.botUser] });
      const pointer = await discordFake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
      const dmChannel = discordFake.dmChannels.get(alice.id)!;
      const dm = discordFake.requests.find((r) => r.method === 'POST' && r.path === `/v10/channels/${dmChannel}/messages` && r.body?.embeds?.[0]?.title === SORRY_TITLE);
      expect(dm?.body.embeds[0].description).toBe(SORRY_TEXT);
      expect(JSON.stringify(pointer.body)).not.toContain(SORRY_TEXT);

      const ts = '1700009000.000100';
      await postSigned(events, eventBody({ type: 'app_mention', user: 'U0ANNA', text: `<@${BOT_USER_ID}> explode`, ts, channel: 'C0GENERAL', event_ts: ts }), { secret: SECRET, contentType: 'application/json' });
      const sorry = await slackFake.waitForCall('chat.postEphemeral', (c) => c.args.thread_ts === ts);
      expect([header(sorry.args.blocks as Loose[]), sectionTexts(sorry.args.blocks as Loose[])[0]]).toEqual([SORRY_TITLE, SORRY_TEXT]);
      expect(slackFake.calls.some((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts)).toBe(false);
    });
  });

  describe('a private reply stays private on both', () => {
    it('a slash command: flag 64 on Discord, ephemeral on Slack', async () => {
      const d = await discordSlash('secret');
      expect(d.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(d.embeds[0].title).toBe('Your secret progress');
      const s = await slackSlash('secret');
      expect(s.response_type).toBe('ephemeral');
      expect(header(s.blocks)).toBe('Your secret progress');
    });

    it('a mention: a DM and a bare pointer on Discord, an ephemeral post on Slack', async () => {
      const { id, channelId } = discordFake.postMessage({ content: `<@${discordFake.botUser.id}> secret`, author: alice, mentions: [discordFake.botUser] });
      const pointer = await discordFake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
      expect(JSON.stringify(pointer.body)).not.toContain('Steps done');
      const dmChannel = discordFake.dmChannels.get(alice.id)!;
      expect(discordFake.requests.some((r) => r.path === `/v10/channels/${dmChannel}/messages` && r.body?.embeds?.[0]?.title === 'Your secret progress')).toBe(true);

      const ts = '1700009001.000100';
      await postSigned(events, eventBody({ type: 'app_mention', user: 'U0ANNA', text: `<@${BOT_USER_ID}> secret`, ts, channel: 'C0GENERAL', event_ts: ts }), { secret: SECRET, contentType: 'application/json' });
      const post = await slackFake.waitForCall('chat.postEphemeral', (c) => c.args.thread_ts === ts);
      expect(post.args).toMatchObject({ user: 'U0ANNA', channel: 'C0GENERAL' });
      expect(header(post.args.blocks as Loose[])).toBe('Your secret progress');
      expect(slackFake.calls.some((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts)).toBe(false);
    });

    it('a button click: flag 64 on Discord, an ephemeral response on Slack', async () => {
      const click = discordFake.buttonClick({ customId: CUSTOM_ID.encode('secret')!, user: alice });
      const d = callbackData(await discordFake.waitForCallback(click.id)).data;
      expect(d.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(d.embeds[0].title).toBe('Your secret progress');

      const id = `ap-click-${Math.random()}`;
      await postSigned(events, interactiveBody(blockActionsPayload({ value: BUTTON_VALUE.encode('secret')!, userId: 'U0ANNA', responseUrl: slackFake.responseUrl(id) })), { secret: SECRET });
      const s = (await slackFake.waitForResponse(id)).body as Loose;
      expect(s).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(header(s.blocks)).toBe('Your secret progress');
    });

    it('a slow one, after the deferral: a public placeholder without it and an ephemeral follow-up on Discord; an empty ack and an ephemeral response on Slack', async () => {
      const { id, token } = discordFake.slashCommand({ name: 'slowsecret', user: alice });
      expect(callbackData(await discordFake.waitForCallback(id)).type).toBe(5);
      release?.();
      await discordFake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/webhooks/${discordFake.applicationId}/${token}`);
      const shown = discordFake.shown(token);
      expect(shown.original).toMatchObject({ ephemeral: false });
      expect(JSON.stringify(shown.original!.body)).not.toContain('Steps done');
      expect(shown.followUps.map((m) => [m.ephemeral, m.body.embeds[0].title])).toEqual([[true, 'Your slow secret']]);

      const responseId = `ap-slow-${Math.random()}`;
      const res = await postSigned(events, slashBody({ text: 'slowsecret', userId: 'U0ANNA', userName: 'anna', responseUrl: slackFake.responseUrl(responseId) }), { secret: SECRET });
      expect(res.body).toBe(''); // the empty ack: Slack's deferral
      release?.();
      const s = (await slackFake.waitForResponse(responseId)).body as Loose;
      expect(s).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(header(s.blocks)).toBe('Your slow secret');
    });
  });

  describe('a button round-trips through the codec on both', () => {
    it('the line at each limit rides whole and runs exactly; a line over it is left out', async () => {
      const d = await discordSlash('buttons');
      const ids = d.components.flatMap((row: Loose) => row.components.map((b: Loose) => b.custom_id as string));
      expect(ids).toEqual([`dp:${DISCORD_AT_LIMIT}`]);
      expect(ids[0]).toHaveLength(MAX_CUSTOM_ID);

      const s = await slackSlash('buttons');
      const values = slackButtons(s.blocks).map((b) => b.value as string);
      // Slack's limit is far larger: Discord's two lines fit there, and its own line at the limit.
      expect(values).toEqual([DISCORD_AT_LIMIT, DISCORD_OVER, SLACK_AT_LIMIT]);
      expect(values[2]).toHaveLength(BUTTON_VALUE_MAX);

      const spy = vi.spyOn(bot, 'dispatchText');
      try {
        const click = discordFake.buttonClick({ customId: ids[0]!, user: alice });
        const clicked = callbackData(await discordFake.waitForCallback(click.id)).data;
        expect(clicked.embeds[0].title).toBe(`echo ${DISCORD_AT_LIMIT.length - 5}`);
        expect(spy.mock.calls.at(-1)?.[0]).toBe(DISCORD_AT_LIMIT);

        const button = slackButtons(s.blocks)[2]!;
        const id = `ap-limit-${Math.random()}`;
        await postSigned(events, interactiveBody(blockActionsPayload({ value: button.value, actionId: button.action_id, userId: 'U0ANNA', responseUrl: slackFake.responseUrl(id) })), { secret: SECRET });
        const answered = (await slackFake.waitForResponse(id)).body as Loose;
        expect(header(answered.blocks)).toBe(`echo ${SLACK_AT_LIMIT.length - 5}`);
        expect(spy.mock.calls.at(-1)?.[0]).toBe(SLACK_AT_LIMIT);
      } finally {
        spy.mockRestore();
      }
    });
  
  describe('answer first: a short answer, and its More button shows all of it', () => {
    it('role backend comes short on both doors; More runs the full role card', async () => {
      // Discord: a button that runs `role backend` (as a suggestion's would), then its More button.
      const roleClick = discordFake.buttonClick({ customId: CUSTOM_ID.encode('role backend')!, user: alice });
      const short = callbackData(await discordFake.waitForCallback(roleClick.id)).data;
      expect(short.embeds[0].title).toBe('Back-End Developer');
      expect(JSON.stringify(short.embeds)).toContain('Short answer');
      const more = short.components.flatMap((row: Loose) => row.components).find((b: Loose) => b.label === 'More');
      expect(more.custom_id).toBe(CUSTOM_ID.encode('more role backend'));
      const moreClick = discordFake.buttonClick({ customId: more.custom_id, user: alice });
      const full = callbackData(await discordFake.waitForCallback(moreClick.id)).data;
      expect(JSON.stringify(full.embeds)).toContain('Soft skills');
      expect(JSON.stringify(full.embeds)).not.toContain('Short answer');

      const s = await slackSlash('role backend');
      expect(JSON.stringify(s.blocks)).toContain('Short answer');
      const button = slackButtons(s.blocks).find((b) => (b.text as Loose).text === 'More')!;
      expect(button.value).toBe('more role backend');
      const id = `ap-more-${Math.random()}`;
      await postSigned(events, interactiveBody(blockActionsPayload({ value: button.value, actionId: button.action_id, userId: 'U0ANNA', responseUrl: slackFake.responseUrl(id) })), { secret: SECRET });
      const answered = (await slackFake.waitForResponse(id)).body as Loose;
      expect(JSON.stringify(answered.blocks)).toContain('Soft skills');
      expect(JSON.stringify(answered.blocks)).not.toContain('Short answer');
    });
  });
});
});

describe('the terminal chat through the shared path', () => {
  it('apologises for a line that fails past the Bot and answers the next one', async () => {
    const { PassThrough } = await import('node:stream');
    const { createTerminalAdapter } = await import('../adapters/terminal/index.js');
    const bot = new Bot();
    const real = bot.dispatchText.bind(bot);
    let calls = 0;
    // The first line fails outside any command (as a broken store or a bug in dispatch would).
    bot.dispatchText = (...args: Parameters<Bot['dispatchText']>) => (++calls === 1 ? Promise.reject(new Error('boom')) : real(...args));
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    const chat = createTerminalAdapter(bot, { input, output, color: false });
    await chat.start();
    input.end('salary entry\nroadmap 2\n');
    await chat.done;
    expect(out.replace(/\s+/g, ' ')).toContain(SORRY_TEXT);
    expect(out).toMatch(/Step 2 of 12/);
    expect(out).not.toContain('boom');
  });
});

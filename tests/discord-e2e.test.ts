// The Discord adapter end to end: the real discord.js Client and the real Bot (real knowledge
// base) against the fake Discord on 127.0.0.1. Assertions are about what a user would see: the
// embed title, a source in the footer, the ephemeral flag, no @everyone ping.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../adapters/discord/index.js';
import { registerCommands, runRegister } from '../adapters/discord/register.js';
import { EPHEMERAL, MAX_DESCRIPTION, MAX_EMBED_TOTAL, MAX_EMBEDS, embedChars } from '../adapters/discord/render.js';
import type { Adapter } from '../adapters/adapter.js';
import { StartError } from '../adapters/start.js';
import { Bot } from '../src/bot.js';
import type { CommandSpec } from '../src/command.js';
import { commands as defaultCommands } from '../src/commands/index.js';
import { parseConfig, type Config } from '../adapters/start.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { reply } from '../src/reply.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from './fakes/discord.js';

const knowledge = loadKnowledge();
const alice = { id: '700000000000000001', username: 'alice', global_name: 'Alice A.' };
const mallory = { id: '700000000000000002', username: 'mallory', global_name: '@everyone' };

/** A test-only command whose answer waits for the test, and one that throws past the Bot. */
let release: (() => void) | undefined;
const slow: CommandSpec = {
  name: 'slow',
  description: 'Answers when the test says so.',
  examples: [],
  options: [{ name: 'private', kind: 'choice', description: 'Only for the asker', choices: [{ value: 'yes', label: 'yes' }] }],
  run: async (_ctx, { private: ephemeral }) => {
    await new Promise<void>((resolve) => (release = resolve));
    return reply({ title: 'Finally', children: [{ type: 'text', text: 'Slow answer.' }], ephemeral: ephemeral === 'yes' });
  },
};
/** A slow answer with a picture, public or private: the attachment must survive the deferral. */
const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const slowcard: CommandSpec = {
  name: 'slowcard',
  description: 'A slow answer with a picture.',
  examples: [],
  options: [{ name: 'private', kind: 'choice', description: 'Only for the asker', choices: [{ value: 'yes', label: 'yes' }] }],
  run: async (_ctx, { private: ephemeral }) => {
    await new Promise<void>((resolve) => (release = resolve));
    return reply({ title: 'Card', children: [{ type: 'image', name: 'card.png', alt: 'A test card', width: 1, height: 1, png: TINY_PNG }], ephemeral: ephemeral === 'yes' });
  },
};
/** Shows what the adapter put in the context, and which subcommand and options arrived. */
const whoami: CommandSpec = {
  name: 'whoami',
  description: 'Echo the context.',
  examples: [],
  run: (ctx) =>
    reply({
      title: 'Context',
      children: [{ type: 'fields', fields: ['platform', 'userId', 'userName', 'isModerator', 'communityId', 'channelId'].map((k) => ({ label: k, value: String(ctx[k as keyof typeof ctx]) })) }],
    }),
};
const notes: CommandSpec = {
  name: 'notes',
  description: 'A command with subcommands, as the study-group commands will have.',
  examples: [],
  defaultSubcommand: 'show',
  subcommands: [
    {
      name: 'add',
      description: 'Add a note',
      examples: [],
      options: [
        { name: 'step', kind: 'integer', description: 'Roadmap step', required: true, min: 1, max: 20 },
        { name: 'text', kind: 'string', description: 'The note', required: true },
      ],
      run: (_ctx, options) => reply({ title: `notes add ${options.step} ${options.text}` }),
    },
    {
      name: 'show',
      description: 'Show notes',
      examples: [],
      options: [{ name: 'topic', kind: 'string', description: 'A topic', autocomplete: 'topic' }],
      run: (_ctx, options) => reply({ title: `notes show ${options.topic ?? 'all'}` }),
    },
  ],
};
/** A personal answer: only the asker should see it. */
const mine: CommandSpec = {
  name: 'mine',
  description: 'A private answer.',
  examples: [],
  run: () => reply({ title: 'Your private progress', children: [{ type: 'text', text: 'Steps done: 3.' }], ephemeral: true }),
};
const long: CommandSpec = {
  name: 'long',
  description: 'A very long answer.',
  examples: [],
  run: () =>
    reply({
      title: 'A long answer',
      // A full form ("more"), which the Bot does not shorten: the door must split it.
      whole: true,
      children: [{ type: 'list', items: Array.from({ length: 300 }, (_, i) => `Point ${i}: ${'lorem ipsum dolor sit amet '.repeat(3)}`) }],
      sources: [{ id: 'x', short: 'Career Karma', title: 'How to Become a Back End Developer' }],
    }),
};

function config(fake: FakeDiscord, token = fake.token): Config {
  return parseConfig({ DISCORD_TOKEN: token, DISCORD_REST_URL: fake.restUrl });
}

const errors: string[] = [];
const testOptions = {
  clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 1000 },
  logError: (message: string, error: unknown) => void errors.push(`${message} ${String(error)}`),
};

const callbackData = (r: RecordedRequest) => r.body as { type: number; data: any };

describe('Discord adapter against a fake Discord', () => {
  let fake: FakeDiscord;
  let adapter: Adapter;
  let bot: Bot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = new Bot({ knowledge, commands: [...defaultCommands, slow, slowcard, long, whoami, notes, mine], logError: () => undefined });
    adapter = createDiscordAdapter(bot, config(fake), testOptions);
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  afterEach(() => {
    release?.();
    release = undefined;
  });

  test('identifies with the minimal intents: no MessageContent or other privileged intent', () => {
    const intents = fake.identifiedIntents;
    expect(intents).toBe((1 << 0) | (1 << 9) | (1 << 12)); // Guilds, GuildMessages, DirectMessages
    expect(fake.requests.find((r) => r.path === '/v10/gateway/bot')?.authorization).toBe(`Bot ${fake.token}`);
  });

  test('a slash command is answered with an embed, its sources in the footer and buttons', async () => {
    const { id } = fake.slashCommand({ name: 'salary', options: [{ name: 'level', type: 3, value: 'entry' }], user: alice });
    const callback = await fake.waitForCallback(id);
    const { type, data } = callbackData(callback);
    expect(type).toBe(4);
    expect(callback.authorization).toBeUndefined();
    expect(data.embeds[0].title).toMatch(/salary/i);
    expect(data.embeds[0].title).toMatch(/entry level/i);
    expect(data.embeds.at(-1).footer.text).toMatch(/^Sources: /);
    expect(data.flags ?? 0).toBe(0); // everyone sees a salary answer
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.components[0].components[0].custom_id).toMatch(/^dp:/);
  });

  test('an error is ephemeral (flag 64): only the asker sees it', async () => {
    const { id } = fake.slashCommand({ name: 'role', options: [{ name: 'name', type: 3, value: 'astronaut chef' }], user: alice });
    const { data } = callbackData(await fake.waitForCallback(id));
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.embeds[0].title).toBeTruthy();
  });

  test('autocomplete answers with up to 25 role choices (callback type 8)', async () => {
    const { id } = fake.autocomplete({ name: 'role', options: [{ name: 'name', type: 3, value: 'back', focused: true }], user: alice });
    const { type, data } = callbackData(await fake.waitForCallback(id));
    expect(type).toBe(8);
    expect(data.choices.length).toBeGreaterThan(0);
    expect(data.choices.length).toBeLessThanOrEqual(25);
    expect(data.choices.map((c: { name: string }) => c.name).join(' ')).toMatch(/back-?end/i);
    for (const c of data.choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  test('autocomplete drops a choice whose value is over 100 characters (a cut value is another value) and shortens long names', async () => {
    const real = bot.complete.bind(bot);
    bot.complete = async () => [
      { value: 'v'.repeat(101), label: 'Too long to send' },
      { value: 'ok', label: `Long   name ${'n'.repeat(150)}` },
      ...Array.from({ length: 30 }, (_, i) => ({ value: `c${i}`, label: `Choice ${i}` })),
    ];
    try {
      const { id } = fake.autocomplete({ name: 'role', options: [{ name: 'name', type: 3, value: 'x', focused: true }], user: alice });
      const { data } = callbackData(await fake.waitForCallback(id));
      expect(data.choices).toHaveLength(25);
      expect(data.choices.some((c: { value: string }) => c.value.startsWith('vvv'))).toBe(false);
      expect(data.choices[0].value).toBe('ok');
      expect(data.choices[0].name).toHaveLength(100);
      expect(data.choices[0].name).toMatch(/^Long name n+…$/);
    } finally {
      bot.complete = real;
    }
  });

  test('autocomplete of the roadmap step option: step numbers as values, "N. title" as names', async () => {
    const steps = knowledge.roadmap;
    const target = steps[Math.min(3, steps.length - 1)]!;
    const byName = fake.autocomplete({ name: 'roadmap', options: [{ name: 'step', type: 3, value: target.title.split(/\s+/)[0]!.toLowerCase(), focused: true }], user: alice });
    const named = callbackData(await fake.waitForCallback(byName.id));
    expect(named.type).toBe(8);
    expect(named.data.choices.length).toBeGreaterThan(0);
    expect(named.data.choices.length).toBeLessThanOrEqual(25);
    expect(named.data.choices).toContainEqual({ name: `${target.order}. ${target.title}`, value: String(target.order) });
    for (const c of named.data.choices) expect(c.value).toMatch(/^\d+$/);

    const byNumber = fake.autocomplete({ name: 'roadmap', options: [{ name: 'step', type: 3, value: String(target.order), focused: true }], user: alice });
    const numbered = callbackData(await fake.waitForCallback(byNumber.id));
    expect(numbered.data.choices).toEqual([{ name: `${target.order}. ${target.title}`, value: String(target.order) }]);
  });

  test('autocomplete of the learn topic option, and the chosen value runs /learn', async () => {
    const auto = fake.autocomplete({ name: 'learn', options: [{ name: 'topic', type: 3, value: 'sq', focused: true }], user: alice });
    const { type, data } = callbackData(await fake.waitForCallback(auto.id));
    expect(type).toBe(8);
    expect(data.choices.length).toBeGreaterThan(0);
    expect(data.choices.length).toBeLessThanOrEqual(25);
    const sql = data.choices.find((c: { name: string }) => /SQL/i.test(c.name));
    expect(sql).toBeDefined();
    // What Discord sends when the user picks that choice: its value, not its name.
    const run = fake.slashCommand({ name: 'learn', options: [{ name: 'topic', type: 3, value: sql.value }], user: alice });
    const answer = callbackData(await fake.waitForCallback(run.id));
    expect(answer.type).toBe(4);
    expect(answer.data.flags ?? 0).toBe(0); // an answer, not an error
    expect(JSON.stringify(answer.data.embeds)).toMatch(/SQL/i);
  });

  test('a button click runs the command in its custom_id', async () => {
    const { id } = fake.buttonClick({ customId: 'dp:roadmap', user: alice });
    const { type, data } = callbackData(await fake.waitForCallback(id));
    expect(type).toBe(4);
    expect(data.embeds[0].title).toMatch(/roadmap/i);
  });

  test('a mention is answered in the channel, as a reply, without pinging anyone', async () => {
    const { id, channelId } = fake.postMessage({
      content: `<@${fake.botUser.id}> how much do backend developers earn starting out @everyone`,
      author: mallory,
      mentions: [fake.botUser],
    });
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages`);
    expect(sent.body.message_reference.message_id).toBe(id);
    expect(sent.body.embeds[0].title).toMatch(/salary/i);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(sent.body.flags ?? 0).toBe(0);
    expect(JSON.stringify(sent.body)).not.toContain('@everyone');
  });

  test('a private answer to a mention in a server channel goes by DM; the channel gets a one-line pointer', async () => {
    const { id, channelId } = fake.postMessage({ content: `<@${fake.botUser.id}> mine`, author: alice, mentions: [fake.botUser] });
    const pointer = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
    const open = fake.requests.find((r) => r.method === 'POST' && r.path === '/v10/users/@me/channels' && r.body?.recipient_id === alice.id);
    expect(open).toBeDefined();
    const dmChannel = fake.dmChannels.get(alice.id)!;
    const dm = fake.requests.find((r) => r.method === 'POST' && r.path === `/v10/channels/${dmChannel}/messages` && r.body?.embeds?.[0]?.title === 'Your private progress');
    expect(dm).toBeDefined();
    expect(dm!.body.flags ?? 0).toBe(0);
    expect(dm!.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(pointer.body)).not.toContain('Your private progress');
    expect(JSON.stringify(pointer.body)).not.toContain('Steps done');
    expect(pointer.body.embeds[0].title).toMatch(/direct message/i);
    expect(pointer.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test('when the DM fails, the channel is told to use the slash command, and the private answer is not posted', async () => {
    fake.closedDms.add(mallory.id);
    const { id, channelId } = fake.postMessage({ content: `<@${fake.botUser.id}> mine`, author: mallory, mentions: [fake.botUser] });
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
    expect(fake.requests.some((r) => r.path === '/v10/users/@me/channels' && r.body?.recipient_id === mallory.id)).toBe(true);
    expect(sent.body.embeds[0].title).toMatch(/slash command/i);
    expect(JSON.stringify(sent.body)).not.toContain('Your private progress');
    expect(sent.body.flags ?? 0).toBe(0);
  });

  test('a message that does not mention the bot is ignored (and Discord hid its text anyway)', async () => {
    const ignored = fake.postMessage({ content: 'salary', author: alice });
    // A later mention is answered; nothing was sent for the first message.
    const { channelId, id } = fake.postMessage({ content: `<@${fake.botUser.id}> roadmap`, author: alice, mentions: [fake.botUser] });
    const sent = await fake.waitForRequest((r) => r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
    expect(sent.body.embeds[0].title).toMatch(/roadmap/i);
    expect(fake.requests.some((r) => r.body?.message_reference?.message_id === ignored.id)).toBe(false);
  });

  test('a DM is answered without a mention', async () => {
    const { channelId } = fake.postMessage({ content: 'do I need a degree', author: alice, dm: true });
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages`);
    expect(sent.body.embeds[0].title).toBeTruthy();
    expect(sent.body.embeds.at(-1).footer?.text ?? '').toMatch(/Sources:/);
  });

  test("the bot ignores bots, including its own messages", async () => {
    const before = fake.requests.length;
    fake.postMessage({ content: `<@${fake.botUser.id}> salary`, author: { id: '800000000000000001', username: 'otherbot', bot: true }, mentions: [fake.botUser] });
    fake.postMessage({ content: 'salary', author: fake.botUser, dm: true });
    const { channelId, id } = fake.postMessage({ content: 'help', author: alice, dm: true });
    await fake.waitForRequest((r) => r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
    const sent = fake.requests.slice(before).filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));
    expect(sent).toHaveLength(1);
  });

  test('a long answer is split within every limit', async () => {
    const { id } = fake.slashCommand({ name: 'long', user: alice });
    const { data } = callbackData(await fake.waitForCallback(id));
    expect(data.embeds.length).toBeGreaterThan(1);
    expect(data.embeds.length).toBeLessThanOrEqual(MAX_EMBEDS);
    expect(embedChars(data.embeds)).toBeLessThanOrEqual(MAX_EMBED_TOTAL);
    for (const e of data.embeds) expect(e.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(data.embeds[0].title).toBe('A long answer');
    expect(data.embeds.at(-1).footer.text).toContain('Career Karma');
  });

  test('a slow answer is deferred (type 5), then the deferred reply is edited', async () => {
    const { id, token } = fake.slashCommand({ name: 'slow', user: alice });
    const deferred = callbackData(await fake.waitForCallback(id));
    expect(deferred.type).toBe(5);
    release?.();
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${fake.applicationId}/${token}/messages/@original`);
    expect(edit.body.embeds[0].title).toBe('Finally');
  });

  test('a slow answer that is private: the public placeholder says so, the answer is an ephemeral follow-up', async () => {
    const { id, token } = fake.slashCommand({ name: 'slow', options: [{ name: 'private', type: 3, value: 'yes' }], user: alice });
    expect(callbackData(await fake.waitForCallback(id)).type).toBe(5);
    release?.();
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/webhooks/${fake.applicationId}/${token}`);
    expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp.body.embeds[0].title).toBe('Finally');
    // Discord shows the first follow-up after a public deferral publicly, whatever its flags: the
    // placeholder must be edited first, so the answer is a second, private message.
    const shown = fake.shown(token);
    expect(shown.original).toMatchObject({ ephemeral: false });
    expect(shown.original!.body.embeds[0].title).toMatch(/privately/i);
    expect(JSON.stringify(shown.original!.body)).not.toContain('Finally');
    expect(shown.followUps).toHaveLength(1);
    expect(shown.followUps[0]).toMatchObject({ ephemeral: true });
    expect(shown.followUps[0]!.body.embeds[0].title).toBe('Finally');
    for (const m of [shown.original!, ...shown.followUps]) expect(m.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test('the context: display name, moderator from Manage Messages, guild or dm: community', async () => {
    const field = (data: any, name: string) => data.embeds[0].fields.find((f: { name: string }) => f.name === name)?.value;
    const member = callbackData(await fake.waitForCallback(fake.slashCommand({ name: 'whoami', user: alice, nick: 'Ally' }).id)).data;
    expect(field(member, 'platform')).toBe('discord');
    expect(field(member, 'userName')).toBe('Ally');
    expect(field(member, 'isModerator')).toBe('false');
    expect(field(member, 'communityId')).toBe(fake.guildId);
    expect(field(member, 'channelId')).toBe(fake.channelId);
    const mod = callbackData(await fake.waitForCallback(fake.slashCommand({ name: 'whoami', user: alice, permissions: String(1024 | 8192) }).id)).data;
    expect(field(mod, 'isModerator')).toBe('true');
    expect(field(mod, 'userName')).toBe('Alice A.');
    const dm = callbackData(await fake.waitForCallback(fake.slashCommand({ name: 'whoami', user: alice, dm: true }).id)).data;
    expect(field(dm, 'communityId')).toBe(`dm:${alice.id}`);
    expect(field(dm, 'isModerator')).toBe('false');
  });

  test('subcommands arrive as typed options of the subcommand; autocomplete inside a subcommand', async () => {
    const add = fake.slashCommand({
      name: 'notes',
      options: [{ name: 'add', type: 1, options: [{ name: 'step', type: 4, value: 3 }, { name: 'text', type: 3, value: 'use a framework' }] }],
      user: alice,
    });
    expect(callbackData(await fake.waitForCallback(add.id)).data.embeds[0].title).toBe('notes add 3 use a framework');
    const show = fake.slashCommand({ name: 'notes', options: [{ name: 'show', type: 1, options: [] }], user: alice });
    expect(callbackData(await fake.waitForCallback(show.id)).data.embeds[0].title).toBe('notes show all');
    const auto = fake.autocomplete({ name: 'notes', options: [{ name: 'show', type: 1, options: [{ name: 'topic', type: 3, value: 'sq', focused: true }] }], user: alice });
    const { type, data } = callbackData(await fake.waitForCallback(auto.id));
    expect(type).toBe(8);
    expect(data.choices.length).toBeLessThanOrEqual(25);
    expect(data.choices.map((c: { name: string }) => c.name).join(' ')).toMatch(/SQL/i);
  });

  test('a gateway reconnect (op 7) resumes the session, and the next command is answered', async () => {
    const identifies = fake.identifies.length;
    await fake.reconnect();
    expect(fake.resumes.at(-1)).toMatchObject({ token: fake.token });
    expect(fake.identifies.length).toBe(identifies); // resumed, not re-identified
    const { id } = fake.slashCommand({ name: 'sources', user: alice });
    const { data } = callbackData(await fake.waitForCallback(id));
    expect(data.embeds[0].title).toMatch(/sources/i);
  });

  test('a dropped connection (no close frame) resumes too', async () => {
    await fake.dropConnection();
    const { id } = fake.slashCommand({ name: 'help', user: alice });
    const { data } = callbackData(await fake.waitForCallback(id));
    expect(data.embeds[0].title).toBeTruthy();
  });

  test('a tip typed by a user (a real subcommand) is shown without pinging @everyone or rendering markdown', async () => {
    const tips = bot.find('tip');
    expect(tips?.subcommands?.some((s) => s.name === 'add')).toBe(true);
    const add = fake.slashCommand({
      name: 'tip',
      options: [{ name: 'add', type: 1, options: [{ name: 'step', type: 3, value: '1' }, { name: 'text', type: 3, value: '@everyone read **the docs** <@&123> first' }] }],
      user: mallory,
    });
    const added = callbackData(await fake.waitForCallback(add.id));
    expect(added.type).toBe(4);
    const list = fake.slashCommand({ name: 'tips', user: alice });
    const { data } = callbackData(await fake.waitForCallback(list.id));
    const shown = JSON.stringify(data.embeds);
    expect(shown).toContain('read \\\\*\\\\*the docs');
    expect(shown).not.toMatch(/@everyone|[^\\]<@&/);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test('/progress attaches its card as a PNG file (multipart), and the embed shows it by attachment://', async () => {
    const { id } = fake.slashCommand({ name: 'progress', user: alice });
    const callback = await fake.waitForCallback(id);
    expect(callback.contentType).toMatch(/^multipart\/form-data/);
    const { type, data } = callbackData(callback);
    expect(type).toBe(4);
    const name = `progress-${alice.id}.png`;
    expect(callback.files.map((f) => f.filename)).toEqual([name]);
    const png = callback.files[0]!.data;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(400);
    expect(data.embeds[0].title).toBe('Your progress');
    expect(data.embeds.at(-1).image).toEqual({ url: `attachment://${name}` });
    // The alt text is the attachment's description.
    expect(data.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringMatching(/^Roadmap progress of Alice A\.: 0 of 12 steps done; next step 1, /) })]);
    expect(data.flags ?? 0).toBe(0);
  });

  test('a card answering a mention is attached to the reply message too', async () => {
    const { id, channelId } = fake.postMessage({ content: `<@${fake.botUser.id}> progress`, author: alice, mentions: [fake.botUser] });
    const sent = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/channels/${channelId}/messages` && r.body?.message_reference?.message_id === id);
    expect(sent.files).toHaveLength(1);
    expect(sent.body.embeds.at(-1).image.url).toBe(`attachment://${sent.files[0]!.filename}`);
    expect(sent.files[0]!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('a slow answer with a picture: the deferred reply is edited with the attachment; a private one follows up with it', async () => {
    const pub = fake.slashCommand({ name: 'slowcard', user: alice });
    expect(callbackData(await fake.waitForCallback(pub.id)).type).toBe(5);
    release?.();
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${fake.applicationId}/${pub.token}/messages/@original`);
    expect(edit.files.map((f) => [f.filename, f.data.equals(TINY_PNG)])).toEqual([['card.png', true]]);
    expect(edit.body.embeds[0].image).toEqual({ url: 'attachment://card.png' });

    const priv = fake.slashCommand({ name: 'slowcard', options: [{ name: 'private', type: 3, value: 'yes' }], user: alice });
    expect(callbackData(await fake.waitForCallback(priv.id)).type).toBe(5);
    release?.();
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/webhooks/${fake.applicationId}/${priv.token}`);
    expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp.files.map((f) => f.filename)).toEqual(['card.png']);
    // The public placeholder carries nothing private.
    const placeholder = fake.requests.find((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${fake.applicationId}/${priv.token}/messages/@original`);
    expect(placeholder?.files).toEqual([]);
  });

  test('/export sends the whole file as a private attachment, besides showing it', async () => {
    const { id } = fake.slashCommand({ name: 'export', options: [{ name: 'format', type: 3, value: 'csv' }], user: alice });
    const callback = await fake.waitForCallback(id);
    const { data } = callbackData(callback);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.files.map((f) => f.filename)).toEqual(['devpath-export.csv']);
    const csv = callback.files[0]!.data.toString('utf8');
    expect(csv.split('\n')[0]).toBe('record,step,id,date,votes,text');
    expect(JSON.stringify(data.embeds)).toContain('record,step,id,date,votes,text');
    expect(data.embeds.some((e: { image?: unknown }) => e.image)).toBe(false);
  });

  test('slash commands in DMs use the dm: community and still answer', async () => {
    const { id } = fake.slashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'how long does it take' }], user: alice, dm: true });
    const { type, data } = callbackData(await fake.waitForCallback(id));
    expect(type).toBe(4);
    expect(data.embeds[0].title).toBeTruthy();
  });
});

/**
 * A fake Discord and an adapter of its own for one test (the test replaces the Bot's dispatch),
 * started with `extra` options; what the adapter logs goes to `logged`. Both are closed afterwards.
 */
async function withOwnAdapter(
  extra: DiscordAdapterOptions,
  run: (own: { fake: FakeDiscord; bot: Bot; logged: string[] }) => Promise<void>,
): Promise<void> {
  const fake = await startFakeDiscord();
  const bot = new Bot({ knowledge, logError: () => undefined });
  const logged: string[] = [];
  const adapter = createDiscordAdapter(bot, config(fake), { ...testOptions, ...extra, logError: (m, e) => void logged.push(`${m} ${String(e)}`) });
  try {
    await adapter.start();
    await run({ fake, bot, logged });
  } finally {
    await adapter.stop();
    await fake.close();
  }
}

describe('handler errors', () => {
  test('an error is logged, answered with an ephemeral apology, and the next command is answered', () =>
    withOwnAdapter({}, async ({ fake, bot, logged }) => {
      const real = bot.dispatch.bind(bot);
      bot.dispatch = async () => {
        bot.dispatch = real; // fail once
        throw new Error('boom in the handler');
      };
      const first = fake.slashCommand({ name: 'salary', user: alice });
      const apology = callbackData(await fake.waitForCallback(first.id));
      expect(apology.type).toBe(4);
      expect(apology.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(apology.data.embeds[0].title).toMatch(/sorry/i);
      expect(logged.join('\n')).toContain('boom in the handler');
      expect(logged.join('\n')).not.toContain(fake.token);

      const second = fake.slashCommand({ name: 'salary', user: alice });
      const answer = callbackData(await fake.waitForCallback(second.id));
      expect(answer.data.embeds[0].title).toMatch(/salary/i);
      expect(answer.data.flags ?? 0).toBe(0);
    }));
});

describe('an error after a deferral', () => {
  test('the apology stays private: the public placeholder is edited first, then the apology follows ephemerally', () =>
    withOwnAdapter({ deferAfterMs: 20 }, async ({ fake, bot, logged }) => {
      const real = bot.dispatch.bind(bot);
      let fail: ((error: Error) => void) | undefined;
      bot.dispatch = () => {
        bot.dispatch = real; // fail once, after the adapter has deferred
        return new Promise((_resolve, reject) => (fail = reject));
      };
      const { id, token } = fake.slashCommand({ name: 'salary', user: alice });
      expect(callbackData(await fake.waitForCallback(id)).type).toBe(5);
      fail!(new Error('boom after the deferral'));
      await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/v10/webhooks/${fake.applicationId}/${token}`);
      const shown = fake.shown(token);
      const all = [shown.original!, ...shown.followUps];
      const apology = all.find((m) => /sorry/i.test(m.body?.embeds?.[0]?.title ?? ''));
      expect(apology).toMatchObject({ ephemeral: true });
      expect(shown.original).toMatchObject({ ephemeral: false });
      expect(JSON.stringify(shown.original!.body ?? {})).not.toMatch(/sorry/i);
      expect(logged.join('\n')).toContain('boom after the deferral');
    }));
});

describe('start', () => {
  test('an invalid token rejects with a clear StartError, not a stack trace', async () => {
    const fake = await startFakeDiscord();
    const adapter = createDiscordAdapter(new Bot({ knowledge }), config(fake, 'wrong-token'), testOptions);
    try {
      const error = await adapter.start().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StartError);
      expect((error as Error).message).toMatch(/Discord rejected DISCORD_TOKEN \(401\)/);
      expect((error as Error).message).not.toContain('wrong-token');
      expect(fake.identifies).toHaveLength(0);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('unreachable Discord', () => {
  test('start() and the register script say Discord could not be reached', async () => {
    const gone = await startFakeDiscord();
    const cfg = config(gone);
    await gone.close(); // nothing listens there any more
    const adapter = createDiscordAdapter(new Bot({ knowledge }), cfg, testOptions);
    const error = await adapter.start().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toMatch(/Could not reach Discord .*ECONNREFUSED/);
    await adapter.stop();
    const lines: string[] = [];
    expect(await runRegister(parseConfig({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '111111111111111111', DISCORD_REST_URL: cfg.DISCORD_REST_URL }), (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/Could not reach Discord .*ECONNREFUSED/);
    expect(lines.at(-1)).toBe(`devpath: ${(error as Error).message}`); // one explanation, two doors
  });
});

describe('npm run discord:register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const options = () => ({ token: fake.token, clientId: fake.applicationId, guildId: fake.guildId, restUrl: fake.restUrl, retries: 0 });
  const puts = () => fake.requests.filter((r) => r.method === 'PUT');

  test('sends the commands once, then nothing while they are unchanged', async () => {
    const first = await registerCommands(options());
    expect(first.sent).toBe(true);
    expect(first.changed).toBe(defaultCommands.length);
    expect(first.message).toMatch(new RegExp(`^${defaultCommands.length} commands changed .*registered to guild ${fake.guildId}`));
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.path).toBe(`/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(puts()[0]!.body.map((c: { name: string }) => c.name)).toEqual(defaultCommands.map((c) => c.name));

    const again = await registerCommands(options());
    expect(again).toMatchObject({ sent: false, changed: 0 });
    expect(again.message).toMatch(/^Commands unchanged.*nothing sent/);
    expect(puts()).toHaveLength(1);
  });

  test('a changed description is sent again; without a guild the commands go global', async () => {
    const edited = defaultCommands.map((c) => (c.name === 'help' ? { ...c, description: 'Help, reworded.' } : c));
    const result = await registerCommands({ ...options(), commands: edited });
    expect(result).toMatchObject({ sent: true, changed: 1 });
    expect(result.message).toMatch(/^1 command changed \(help\)/);

    const { guildId: _g, ...globalOptions } = options();
    const global = await registerCommands(globalOptions);
    expect(global.scope).toBe('global');
    expect(puts().at(-1)!.path).toBe(`/v10/applications/${fake.applicationId}/commands`);
  });

  test('the script: missing variables and a bad token are clear messages with exit code 1', async () => {
    const lines: string[] = [];
    expect(await runRegister(parseConfig({}), (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/DISCORD_TOKEN and DISCORD_CLIENT_ID are not set/);

    const bad = parseConfig({ DISCORD_TOKEN: 'nope', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_REST_URL: fake.restUrl });
    expect(await runRegister(bad, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/Discord rejected DISCORD_TOKEN \(401\)/);

    const good = parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DISCORD_REST_URL: fake.restUrl });
    expect(await runRegister(good, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^Commands unchanged|commands? changed/);
  });
});

// Reminders and digests through each door, end to end: set with the door's own command, then sent
// by the scheduler through the real client (discord.js, Bolt's WebClient) to the fake platform on
// 127.0.0.1, or shown in the terminal chat. A fake clock stands in for the days between.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { nonceFor } from '../adapters/discord/deliver.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createTerminalAdapter } from '../adapters/terminal/index.js';
import { Bot } from '../src/bot.js';
import { parseConfig } from '../adapters/start.js';
import { Scheduler } from '../src/jobs/scheduler.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLog, useLog } from '../src/log.js';
import { MemoryStore } from '../src/store/memory.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { FakeSlack, postSigned, slashBody, TEAM_ID } from './fakes/slack.js';

useLog(createLog('error'));
const knowledge = loadKnowledge();
const HOUR = 60 * 60_000;

describe('Discord: a reminder by direct message, a digest in its channel', () => {
  let fake: FakeDiscord;
  let clock = Date.parse('2026-11-30T12:00:00Z');
  const now = () => new Date(clock);
  const store = new MemoryStore();
  const bot = new Bot({ knowledge, store, now, logError: () => undefined });
  const adapter = () => created;
  let created: ReturnType<typeof createDiscordAdapter>;
  const alice = { id: '700000000000000001', username: 'alice', global_name: 'Alice' };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    created = createDiscordAdapter(bot, parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl }), {
      clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 1000 },
      logError: () => undefined,
    });
    await created.start();
  });
  afterAll(async () => {
    await created?.stop();
    await fake?.close();
  });

  it('sets it with /remind, then sends it as a DM with a nonce Discord enforces', async () => {
    const { id } = fake.slashCommand({ name: 'remind', options: [{ name: 'text', type: 3, value: 'me in 2 hours to review step 4 @everyone' }], user: alice });
    const answer = (await fake.waitForCallback(id)).body as { data: { embeds: { title: string; description?: string }[]; flags?: number } };
    // Discord's markdown escape before "#": shown as "Reminder #1 set".
    expect(answer.data.embeds[0]?.title).toBe('Reminder \\#1 set');
    expect(answer.data.flags! & 64).toBe(64);

    clock += 2 * HOUR;
    const scheduler = new Scheduler({ store, knowledge, deliverer: adapter().deliverer!, now });
    expect(await scheduler.runDue()).toBe(1);
    const opened = fake.requestsTo('POST', /^\/v10\/users\/@me\/channels$/);
    expect((opened.at(-1)?.body as { recipient_id: string }).recipient_id).toBe(alice.id);
    const dm = fake.dmChannels.get(alice.id)!;
    const sent = fake.requestsTo('POST', new RegExp(`^/v10/channels/${dm}/messages$`)).at(-1)?.body as Record<string, any>;
    expect(sent.embeds[0].title).toBe('Reminder \\#1');
    expect(sent.embeds[0].description).toContain('review step 4');
    // Plain text: the @everyone typed in the reminder pings nobody.
    expect(sent.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(sent.embeds)).not.toContain('@everyone');
    expect(sent.nonce).toBe(nonceFor('reminder:' + fake.guildId + ':1'));
    expect(sent.enforce_nonce).toBe(true);
    expect(await scheduler.runDue()).toBe(0);
  });

  it('drops a reminder to a user whose DMs are closed, and tells nobody else', async () => {
    const bob = { id: '700000000000000009', username: 'bob', global_name: 'Bob' };
    const { id } = fake.slashCommand({ name: 'remind', options: [{ name: 'text', type: 3, value: 'in 1 hour stretch' }], user: bob });
    await fake.waitForCallback(id);
    fake.closedDms.add(bob.id);
    clock += 2 * HOUR;
    expect(await new Scheduler({ store, knowledge, deliverer: adapter().deliverer!, now }).runDue()).toBe(1);
    expect(await store.reminders(fake.guildId, bob.id)).toEqual([]);
  });

  it('posts a weekly digest in the channel where a moderator turned it on', async () => {
    const channel = fake.channelOf(fake.guildId);
    const mod = { platform: 'discord' as const, userId: '700000000000000003', userName: 'Mia', isModerator: true, communityId: fake.guildId, channelId: channel };
    await bot.dispatchText('group create club', mod);
    expect((await bot.dispatchText('group digest club here', mod)).card.title).toBe('Weekly digest on');
    clock += 7 * 24 * HOUR;
    expect(await new Scheduler({ store, knowledge, deliverer: adapter().deliverer!, now }).runDue()).toBe(1);
    const request = fake.requestsTo('POST', new RegExp(`^/v10/channels/${channel}/messages$`)).at(-1)!;
    const posted = request.body as Record<string, any>;
    expect(posted.embeds[0].title).toBe('Weekly digest: club');
    // The board's picture goes with it, attached and shown in the embed, as in a reply.
    expect(request.files).toHaveLength(1);
    expect(request.files[0]!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(posted.embeds.at(-1).image.url).toBe(`attachment://${request.files[0]!.filename}`);
  });
});

describe('Slack: a reminder by direct message, in the profile time zone', () => {
  const SECRET = 'test-signing-secret';
  let fake: FakeSlack;
  let adapter: ReturnType<typeof createSlackAdapter>;
  let clock = Date.parse('2026-11-30T23:50:00Z');
  const now = () => new Date(clock);
  const store = new MemoryStore();
  const bot = new Bot({ knowledge, store, now, logError: () => undefined });

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    // Alice's Slack profile says she is in Berlin.
    fake.handlers.set('users.info', (args) => ({ ok: true, user: { id: args.user, name: 'alice', is_admin: false, tz: 'Europe/Berlin', profile: { display_name: 'Alice' } } }));
    adapter = createSlackAdapter(bot, parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl }), { host: '127.0.0.1', port: 0, retries: 0 });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it('reads "tomorrow 9am" in Berlin and sends it to her DM at 09:00 Berlin time', async () => {
    const res = await postSigned(`${adapter.url}/slack/events`, slashBody({ text: 'remind tomorrow 9am tip about databases', userId: 'U0ALICE', userName: 'alice', responseUrl: fake.responseUrl('r1') }), { secret: SECRET });
    expect(res.body).toContain('Reminder #1 set');
    const [saved] = await store.reminders(TEAM_ID, 'U0ALICE');
    expect(saved?.dueAt).toBe('2026-12-02T08:00:00.000Z');

    const scheduler = new Scheduler({ store, knowledge, deliverer: adapter.deliverer!, now });
    clock = Date.parse('2026-12-02T07:59:00Z');
    expect(await scheduler.runDue()).toBe(0);
    clock = Date.parse('2026-12-02T08:00:00Z');
    expect(await scheduler.runDue()).toBe(1);
    expect(fake.calls.some((c) => c.method === 'conversations.open' && c.args.users === 'U0ALICE')).toBe(true);
    const post = fake.calls.filter((c) => c.method === 'chat.postMessage').at(-1);
    expect(post?.args.channel).toBe('DU0ALICE');
    expect(String(post?.args.text)).toContain('tip about databases');
    // Shown in her zone: "set on Tue 1 Dec 2026, 00:50 (Europe/Berlin)".
    expect(JSON.stringify(post?.args.blocks)).toContain('Europe/Berlin');
  });

  it("posts a group's weekly digest in its channel, with the board's picture uploaded after it", async () => {
    const mod = { platform: 'slack' as const, userId: 'U0MIA', userName: 'Mia', isModerator: true, communityId: TEAM_ID, channelId: 'C0STUDY' };
    await bot.dispatchText('group create club', mod);
    expect((await bot.dispatchText('group digest club here', mod)).card.title).toBe('Weekly digest on');
    clock += 7 * 24 * HOUR;
    expect(await new Scheduler({ store, knowledge, deliverer: adapter.deliverer!, now }).runDue()).toBe(1);
    const post = fake.calls.filter((c) => c.method === 'chat.postMessage').at(-1);
    expect(post?.args.channel).toBe('C0STUDY');
    expect(String(post?.args.text)).toContain('Weekly digest: club');
    const upload = await fake.waitForUpload((u) => u.channel === 'C0STUDY');
    expect([...upload.bytes!.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(upload.altText).toMatch(/club/);
    expect(fake.calls.indexOf(post!)).toBeLessThan(fake.calls.findIndex((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C0STUDY'));
  });

  it('a refused picture upload does not resend the digest: the message went out, the week moves on', async () => {
    const stop = fake.fail('files.getUploadURLExternal', { status: 500 });
    try {
      const before = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0STUDY').length;
      const due = (await store.digest(TEAM_ID, 'club'))!.nextAt;
      clock = Date.parse(due);
      const scheduler = new Scheduler({ store, knowledge, deliverer: adapter.deliverer!, now });
      expect(await scheduler.runDue()).toBe(1);
      expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0STUDY')).toHaveLength(before + 1);
      expect(Date.parse((await store.digest(TEAM_ID, 'club'))!.nextAt)).toBeGreaterThan(Date.parse(due));
      clock += 60 * 60_000;
      expect(await scheduler.runDue()).toBe(0);
      expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0STUDY')).toHaveLength(before + 1);
    } finally {
      stop();
    }
  });
});

describe('terminal: a reminder shows up in the running chat', () => {
  it('prints a due reminder between answers, and a late one at start', async () => {
    let clock = Date.parse('2026-11-30T12:00:00Z');
    const now = () => new Date(clock);
    const store = new MemoryStore();
    const bot = new Bot({ knowledge, store, now });
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => void (shown += d.toString()));
    const chat = createTerminalAdapter(bot, { input, output, color: false });
    await chat.start();
    input.write('remind in 1 hour to review step 4\n');
    await expect.poll(() => shown).toContain('Reminder #1 set');
    expect(shown).toContain('here in the chat, or with your next devpath command in a terminal');

    clock += 61 * 60_000;
    expect(await new Scheduler({ store, knowledge, deliverer: chat.deliverer!, now }).runDue()).toBe(1);
    expect(shown).toContain('Reminder #1');
    expect(shown).toContain('review step 4');
    input.end();
    await chat.done;

    // Closed: a reminder that falls due now waits for the next chat, and comes marked late.
    await bot.dispatchText('remind in 1 hour to drink water', { platform: 'terminal', userId: 'local:me', userName: 'me', isModerator: true, communityId: 'local', operator: true });
    clock += 5 * HOUR;
    const next = createTerminalAdapter(bot, { input: new PassThrough(), output, color: false });
    await next.start();
    expect(await new Scheduler({ store, knowledge, deliverer: next.deliverer!, now }).runDue()).toBe(1);
    expect(shown).toContain('drink water');
    expect(shown).toMatch(/Late: this was due .* 4 hours ago/);
    await next.stop();
  });
});

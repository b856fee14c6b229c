// The study-group commands through each chat door, end to end: `timezone`, `group digest` and
// `group export` typed as a Discord slash command (the real discord.js Client against the fake
// Discord) and as `/devpath ...` in Slack (the real Bolt HTTP receiver, signed requests, Web API
// calls to the fake Slack), and what the scheduler then sends through each door's deliverer. A fake
// clock stands in for the days between. Assertions are what people see: the words of a reply, who
// sees it, which channel a message lands in, the file they get; the store is read only to prove
// that nothing changed, or that a job was dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Slack's libraries are loaded before discord.js on purpose, as `npm start` loads the doors when
// both tokens are set: the first undici loaded becomes the process-wide HTTP dispatcher, and
// Discord's answers with files must still go out with Bolt's (see makeRequest in adapters/discord).
import { LogLevel } from '@slack/bolt';
import type { Adapter } from '../adapters/adapter.js';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.js';
import { Bot } from '../src/bot.js';
import { parseConfig } from '../adapters/start.js';
import { retryDelayMs, Scheduler } from '../src/jobs/scheduler.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createLog, useLog } from '../src/log.js';
import { MemoryStore } from '../src/store/memory.js';
import { startFakeDiscord, type FakeDiscord, type FakeUser, type RecordedFile } from './fakes/discord.js';
import { FakeSlack, postSigned, slashBody, TEAM_ID, type ApiFailure } from './fakes/slack.js';

useLog(createLog('error'));
const knowledge = loadKnowledge();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.parse('2026-11-30T12:00:00Z'); // a Monday; 13:00 in Berlin (CET, UTC+1)
/** "tomorrow 9am" said at START: 09:00 Berlin is 08:00 UTC (09:00 UTC or 14:00 UTC elsewhere). */
const TOMORROW_9_BERLIN = '2026-12-01T08:00:00.000Z';
const STEP_1 = knowledge.roadmap.find((s) => s.order === 1)!;
const ZWSP = /\u200b/g;

// -----------------------------------------------------------------------------------------------
// Discord

/** What a user sees of a Discord message: its words (markdown escapes removed), privacy, files. */
interface Seen {
  title: string;
  text: string;
  ephemeral: boolean;
  files: RecordedFile[];
}

/** Discord markdown escapes ("Reminder \#1") read as the user reads them. */
const unescapeDiscord = (s: string): string => s.replace(/\\([^\w\s])/g, '$1').replace(ZWSP, '');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function seenOnDiscord(payload: any, files: RecordedFile[]): Seen {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const embeds = (payload?.embeds ?? []) as any[];
  const parts: string[] = [payload?.content ?? ''];
  for (const e of embeds) parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f: { name: string; value: string }) => [f.name, f.value]), e.footer?.text ?? '');
  return {
    title: unescapeDiscord(embeds[0]?.title ?? ''),
    text: unescapeDiscord(parts.filter(Boolean).join('\n')),
    ephemeral: ((payload?.flags ?? 0) & 64) === 64,
    files,
  };
}

describe('Discord: timezone, group digest and group export as slash commands through discord.js', () => {
  let fake: FakeDiscord;
  let adapter: Adapter;
  let clock = START;
  const now = () => new Date(clock);
  const store = new MemoryStore();
  const bot = new Bot({ knowledge, store, now, logError: () => undefined });
  /** Manage Messages (1 << 13), the permission the adapter takes for a moderator, on top of View Channel. */
  const MODERATOR = String(1024 | 8192);
  const ana: FakeUser = { id: '710000000000000001', username: 'ana', global_name: 'Ana' };
  const mia: FakeUser = { id: '710000000000000002', username: 'mia', global_name: 'Mia' };
  const bob: FakeUser = { id: '710000000000000003', username: 'bob', global_name: 'Bob' };
  const eve: FakeUser = { id: '710000000000000004', username: 'eve', global_name: 'Eve' };

  /** A slash command as Discord dispatches it; resolves with the interaction's answer as the user sees it. */
  async function slash(user: FakeUser, name: string, options: unknown[] = [], permissions?: string): Promise<Seen> {
    const { id } = fake.slashCommand({ name, options, user, ...(permissions ? { permissions } : {}) });
    const callback = await fake.waitForCallback(id);
    const body = callback.body as { type: number; data: unknown };
    expect(body.type).toBe(4);
    return seenOnDiscord(body.data, callback.files);
  }
  const zone = (user: FakeUser, value?: string) => slash(user, 'timezone', value === undefined ? [] : [{ name: 'zone', type: 3, value }]);
  const group = (user: FakeUser, sub: string, option: string, value: string, permissions?: string) =>
    slash(user, 'group', [{ name: sub, type: 1, options: [{ name: option, type: 3, value }] }], permissions);

  beforeAll(async () => {
    fake = await startFakeDiscord();
    adapter = createDiscordAdapter(bot, parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_REST_URL: fake.restUrl }), {
      clientOptions: { rest: { retries: 0 }, waitGuildTimeout: 1000 },
      // Every answer here is ready at once; no deferral, so the answer is the interaction callback.
      deferAfterMs: 10_000,
      logError: () => undefined,
    });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it('/timezone sets, shows and clears the zone, a typo gets a suggestion and changes nothing, and /remind tomorrow 9am is read in Berlin', async () => {
    const none = await zone(ana);
    expect(none.title).toBe('Time zone');
    expect(none.text).toContain('You have not set a time zone, so your times are in UTC.');
    expect(none.ephemeral).toBe(true);

    const typo = await zone(ana, 'Europe/Berln');
    expect(typo.title).toBe('Unknown time zone');
    expect(typo.text).toContain('"Europe/Berln" is not a time zone I know. Did you mean: Europe/Berlin');
    expect(typo.text).toContain('Nothing was changed.');
    expect(typo.ephemeral).toBe(true);
    expect(await store.timeZone(fake.guildId, ana.id)).toBeUndefined();
    expect((await zone(ana)).text).toContain('You have not set a time zone');

    const set = await zone(ana, 'Europe/Berlin');
    expect(set.title).toBe('Time zone set');
    expect(set.text).toContain('Your time zone is now Europe/Berlin. It is Mon 30 Nov 2026, 13:00 there.');
    expect(set.ephemeral).toBe(true);
    expect((await zone(ana)).text).toContain('Your time zone is Europe/Berlin (you set it). It is Mon 30 Nov 2026, 13:00 there.');

    const off = await zone(ana, 'off');
    expect(off.title).toBe('Time zone removed');
    expect(off.text).toContain('Removed Europe/Berlin. Your times are now in UTC.');
    expect(await store.timeZone(fake.guildId, ana.id)).toBeUndefined();
    expect((await zone(ana)).text).toContain('You have not set a time zone, so your times are in UTC.');

    await zone(ana, 'Europe/Berlin');
    const reminder = await slash(ana, 'remind', [{ name: 'text', type: 3, value: 'tomorrow 9am review step 2' }]);
    expect(reminder.title).toBe('Reminder #1 set');
    expect(reminder.text).toContain('I will remind you "review step 2" on Tue 1 Dec 2026, 09:00');
    expect(reminder.ephemeral).toBe(true);
    const [saved] = await store.reminders(fake.guildId, ana.id);
    expect(saved?.dueAt).toBe(TOMORROW_9_BERLIN);

    // And it reaches her DM then, not an hour later (09:00 UTC).
    const scheduler = new Scheduler({ store, knowledge, deliverer: adapter.deliverer!, now });
    clock = Date.parse(TOMORROW_9_BERLIN) - MINUTE;
    expect(await scheduler.runDue()).toBe(0);
    clock = Date.parse(TOMORROW_9_BERLIN);
    expect(await scheduler.runDue()).toBe(1);
    const dm = fake.dmChannels.get(ana.id)!;
    const sent = fake.requestsTo('POST', new RegExp(`^/v10/channels/${dm}/messages$`)).at(-1)!;
    expect(seenOnDiscord(sent.body, sent.files).text).toContain('review step 2');
  });

  it('/group digest: a moderator turns it on here and off, anyone sees when the next is due, a non-moderator changes nothing', async () => {
    clock = Date.parse('2026-12-01T10:00:00Z');
    expect((await group(mia, 'create', 'name', 'club', MODERATOR)).title).toBe('Group created');

    const refused = await group(eve, 'digest', 'text', 'club here');
    expect(refused.title).toBe('Moderators only');
    expect(refused.text).toContain("Only a moderator can turn a group's weekly digest on or off. Nothing was changed.");
    expect(refused.ephemeral).toBe(true);
    expect(await store.digest(fake.guildId, 'club')).toBeUndefined();

    const on = await group(mia, 'digest', 'text', 'club here', MODERATOR);
    expect(on.title).toBe('Weekly digest on');
    expect(on.text).toContain('Every week, the digest of "club" will be posted in this channel');
    expect(on.text).toContain('The first is due Tue 8 Dec 2026, 10:00 (UTC).');
    const digest = await store.digest(fake.guildId, 'club');
    expect(digest?.channel).toBe(fake.channelId);

    const shown = await group(eve, 'digest', 'text', 'club');
    expect(shown.title).toBe('Weekly digest');
    expect(shown.text).toContain('The weekly digest of "club" is on: the next one is due Tue 8 Dec 2026, 10:00 (UTC).');
    expect(shown.ephemeral).toBe(true);

    const notOff = await group(eve, 'digest', 'text', 'club off');
    expect(notOff.title).toBe('Moderators only');
    expect(await store.digest(fake.guildId, 'club')).toEqual(digest);

    const off = await group(mia, 'digest', 'text', 'club off', MODERATOR);
    expect(off.title).toBe('Weekly digest off');
    expect(off.text).toContain('The weekly digest of "club" is off.');
    expect(await store.digest(fake.guildId, 'club')).toBeUndefined();
    expect((await group(eve, 'digest', 'text', 'club')).text).toContain('The weekly digest of "club" is off.');
  });

  it('a week after a moderator turned it on, the digest is posted in that channel with the step a member finished', async () => {
    clock = Date.parse('2026-12-01T11:00:00Z');
    expect((await group(mia, 'digest', 'text', 'club here', MODERATOR)).title).toBe('Weekly digest on');
    clock += HOUR;
    const joined = await group(bob, 'join', 'name', 'club');
    expect(joined.text).toContain('You joined "club" (2 members).');
    expect((await slash(bob, 'done', [{ name: 'step', type: 3, value: '1' }])).title).toBe('Step done');

    const scheduler = new Scheduler({ store, knowledge, deliverer: adapter.deliverer!, now });
    const channelPosts = () => fake.requestsTo('POST', new RegExp(`^/v10/channels/${fake.channelId}/messages$`));
    clock = Date.parse('2026-12-08T10:59:00Z');
    expect(await scheduler.runDue()).toBe(0);
    expect(channelPosts()).toHaveLength(0);
    clock = Date.parse('2026-12-08T11:00:00Z');
    expect(await scheduler.runDue()).toBe(1);
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const seen = seenOnDiscord(posts[0]!.body, posts[0]!.files);
    expect(seen.title).toBe('Weekly digest: club');
    expect(seen.text).toContain(`Bob: step 1 (${STEP_1.title})`);
    expect(await scheduler.runDue()).toBe(0);
  });

  it('/group export csv and json: only the moderator sees it, with the file attached holding the members and their steps; a non-moderator is refused', async () => {
    const csv = await group(mia, 'export', 'text', 'club csv', MODERATOR);
    expect(csv.title).toBe('Group export: club (csv)');
    expect(csv.ephemeral).toBe(true);
    expect(csv.text).toContain('2 members, 0 tips. Only you see this.');
    expect(csv.files.map((f) => f.filename)).toEqual(['devpath-group-csv.csv']);
    const rows = csv.files[0]!.data.toString('utf8');
    expect(rows.split('\n')[0]).toBe('record,member,step,date,votes,text');
    expect(rows).toMatch(/^member,Mia,/m);
    expect(rows).toMatch(/^member,Bob,/m);
    expect(rows).toContain(`step done,Bob,${STEP_1.id},`);
    expect(rows).toContain(STEP_1.title);

    const json = await group(mia, 'export', 'text', 'club json', MODERATOR);
    expect(json.ephemeral).toBe(true);
    expect(json.files.map((f) => f.filename)).toEqual(['devpath-group-json.json']);
    const data = JSON.parse(json.files[0]!.data.toString('utf8')) as { group: string; members: { name: string; steps: { step: string; title?: string }[] }[] };
    expect(data.group).toBe('club');
    expect(data.members.find((m) => m.name === 'Bob')?.steps).toEqual([expect.objectContaining({ step: STEP_1.id, title: STEP_1.title })]);

    const refused = await group(eve, 'export', 'text', 'club csv');
    expect(refused.title).toBe('Moderators only');
    expect(refused.ephemeral).toBe(true);
    expect(refused.files).toEqual([]);
    expect(refused.text).not.toContain('Bob');
  });
});

// -----------------------------------------------------------------------------------------------
// Slack

const SECRET = 'test-signing-secret';

/** Every `text` in a Slack message (blocks and fallback), entities decoded, as the user reads it. */
function slackWords(value: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (key === 'text' && typeof inner === 'string') out.push(inner);
        else walk(inner);
      }
    }
  };
  walk(value);
  return out.join('\n').replace(ZWSP, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const slackHeader = (body: any): string => (body.blocks as { type: string; text?: { text: string } }[]).find((b) => b.type === 'header')?.text?.text ?? '';

interface SlackSeen {
  title: string;
  text: string;
  ephemeral: boolean;
}

/** A Slack test rig: the fake, the adapter over HTTP, and `/devpath` as a user in a channel types it. */
function slackRig(profiles: Record<string, { name: string; tz?: string }>) {
  const rig = {
    fake: undefined as unknown as FakeSlack,
    adapter: undefined as unknown as SlackAdapter,
    clock: START,
    store: new MemoryStore(),
    bot: undefined as unknown as Bot,
    now: () => new Date(rig.clock),
    responses: 0,
    async slash(user: string, text: string, channel = 'C0GENERAL'): Promise<SlackSeen> {
      const responseId = `r${++rig.responses}`;
      const res = await postSigned(`${rig.adapter.url}/slack/events`, slashBody({ text, userId: user, userName: user.toLowerCase(), channelId: channel, responseUrl: rig.fake.responseUrl(responseId) }), { secret: SECRET });
      expect(res.status).toBe(200);
      // The answer rides in the ack, or follows at response_url when it took longer.
      const body = res.body ? res.json() : (await rig.fake.waitForResponse(responseId)).body;
      return { title: slackHeader(body), text: slackWords(body), ephemeral: body.response_type === 'ephemeral' };
    },
  };
  rig.bot = new Bot({ knowledge, store: rig.store, now: rig.now, logError: () => undefined });
  beforeAll(async () => {
    rig.fake = await new FakeSlack().start();
    // users.info as Slack answers it: the display name, the profile's zone, and admins (moderators).
    rig.fake.handlers.set('users.info', (args) => {
      const id = String(args.user);
      const p = profiles[id];
      return { ok: true, user: { id, name: id.toLowerCase(), is_admin: rig.fake.admins.has(id), is_owner: false, ...(p?.tz ? { tz: p.tz } : {}), profile: { display_name: p?.name ?? `dn-${id}` } } };
    });
    rig.adapter = createSlackAdapter(rig.bot, parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: rig.fake.apiUrl }), {
      host: '127.0.0.1',
      port: 0,
      retries: 0,
      logLevel: LogLevel.ERROR,
    });
    await rig.adapter.start();
  });
  afterAll(async () => {
    await rig.adapter?.stop();
    await rig.fake?.close();
  });
  return rig;
}

describe('Slack: timezone, group digest and group export as /devpath through Bolt', () => {
  // Ana's Slack profile says New York; Mia is a workspace admin.
  const rig = slackRig({ U0ANA: { name: 'Ana', tz: 'America/New_York' }, U0MIA: { name: 'Mia' }, U0BOB: { name: 'Bob' }, U0EVE: { name: 'Eve' } });
  const { store } = rig;
  beforeAll(() => void rig.fake.admins.add('U0MIA'));

  it('/devpath timezone sets, shows and clears the zone over the profile\'s, a typo gets a suggestion and changes nothing, and remind tomorrow 9am is read in Berlin', async () => {
    const profile = await rig.slash('U0ANA', 'timezone');
    expect(profile.title).toBe('Time zone');
    expect(profile.text).toContain('Your time zone is America/New_York, from your profile or this machine.');
    expect(profile.ephemeral).toBe(true);

    const typo = await rig.slash('U0ANA', 'timezone Europe/Berln');
    expect(typo.title).toBe('Unknown time zone');
    expect(typo.text).toContain('"Europe/Berln" is not a time zone I know. Did you mean: Europe/Berlin');
    expect(typo.text).toContain('Nothing was changed.');
    expect(typo.ephemeral).toBe(true);
    expect(await store.timeZone(TEAM_ID, 'U0ANA')).toBeUndefined();

    const set = await rig.slash('U0ANA', 'timezone Europe/Berlin');
    expect(set.title).toBe('Time zone set');
    expect(set.text).toContain('Your time zone is now Europe/Berlin. It is Mon 30 Nov 2026, 13:00 there.');
    expect(set.ephemeral).toBe(true);
    expect((await rig.slash('U0ANA', 'timezone')).text).toContain('Your time zone is Europe/Berlin (you set it).');

    const off = await rig.slash('U0ANA', 'timezone off');
    expect(off.title).toBe('Time zone removed');
    expect(off.text).toContain('Removed Europe/Berlin. Your times are now in America/New_York (from your profile or this machine).');
    expect(await store.timeZone(TEAM_ID, 'U0ANA')).toBeUndefined();
    expect((await rig.slash('U0ANA', 'timezone')).text).toContain('Your time zone is America/New_York, from your profile');

    await rig.slash('U0ANA', 'timezone Europe/Berlin');
    const reminder = await rig.slash('U0ANA', 'remind tomorrow 9am review step 2');
    expect(reminder.title).toBe('Reminder #1 set');
    expect(reminder.text).toContain('I will remind you "review step 2" on Tue 1 Dec 2026, 09:00');
    expect(reminder.ephemeral).toBe(true);
    // 09:00 in Berlin, not in New York (14:00 UTC).
    const [saved] = await store.reminders(TEAM_ID, 'U0ANA');
    expect(saved?.dueAt).toBe(TOMORROW_9_BERLIN);

    const scheduler = new Scheduler({ store, knowledge, deliverer: rig.adapter.deliverer!, now: rig.now });
    rig.clock = Date.parse(TOMORROW_9_BERLIN) - MINUTE;
    expect(await scheduler.runDue()).toBe(0);
    rig.clock = Date.parse(TOMORROW_9_BERLIN);
    expect(await scheduler.runDue()).toBe(1);
    const post = rig.fake.calls.filter((c) => c.method === 'chat.postMessage').at(-1);
    expect(post?.args.channel).toBe('DU0ANA');
    expect(slackWords(post?.args)).toContain('review step 2');
    // Shown in the zone she chose, not her profile's.
    expect(slackWords(post?.args)).toContain('(Europe/Berlin)');
  });

  it('/devpath group digest: a workspace admin turns it on here and off, anyone sees when the next is due, a non-admin changes nothing', async () => {
    rig.clock = Date.parse('2026-12-01T10:00:00Z');
    expect((await rig.slash('U0MIA', 'group create club', 'C0STUDY')).title).toBe('Group created');

    const refused = await rig.slash('U0EVE', 'group digest club here', 'C0STUDY');
    expect(refused.title).toBe('Moderators only');
    expect(refused.text).toContain("Only a moderator can turn a group's weekly digest on or off. Nothing was changed.");
    expect(refused.ephemeral).toBe(true);
    expect(await store.digest(TEAM_ID, 'club')).toBeUndefined();

    const on = await rig.slash('U0MIA', 'group digest club here', 'C0STUDY');
    expect(on.title).toBe('Weekly digest on');
    expect(on.text).toContain('Every week, the digest of "club" will be posted in this channel');
    expect(on.text).toContain('The first is due Tue 8 Dec 2026, 10:00 (UTC).');
    const digest = await store.digest(TEAM_ID, 'club');
    expect(digest?.channel).toBe('C0STUDY');

    // Ana sees it in her own zone.
    const shown = await rig.slash('U0ANA', 'group digest club');
    expect(shown.title).toBe('Weekly digest');
    expect(shown.text).toContain('The weekly digest of "club" is on: the next one is due Tue 8 Dec 2026, 11:00 (Europe/Berlin).');
    expect(shown.ephemeral).toBe(true);

    const notOff = await rig.slash('U0EVE', 'group digest club off', 'C0STUDY');
    expect(notOff.title).toBe('Moderators only');
    expect(await store.digest(TEAM_ID, 'club')).toEqual(digest);

    const off = await rig.slash('U0MIA', 'group digest club off', 'C0STUDY');
    expect(off.title).toBe('Weekly digest off');
    expect(off.text).toContain('The weekly digest of "club" is off.');
    expect(await store.digest(TEAM_ID, 'club')).toBeUndefined();
    expect((await rig.slash('U0EVE', 'group digest club')).text).toContain('The weekly digest of "club" is off.');
  });

  it('a week after an admin turned it on, the digest is posted in that channel with the step a member finished', async () => {
    rig.clock = Date.parse('2026-12-01T11:00:00Z');
    expect((await rig.slash('U0MIA', 'group digest club here', 'C0STUDY')).title).toBe('Weekly digest on');
    rig.clock += HOUR;
    expect((await rig.slash('U0BOB', 'group join club')).text).toContain('You joined "club" (2 members).');
    expect((await rig.slash('U0BOB', 'done 1')).title).toBe('Step done');

    const scheduler = new Scheduler({ store, knowledge, deliverer: rig.adapter.deliverer!, now: rig.now });
    const channelPosts = () => rig.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0STUDY');
    rig.clock = Date.parse('2026-12-08T10:59:00Z');
    expect(await scheduler.runDue()).toBe(0);
    expect(channelPosts()).toHaveLength(0);
    rig.clock = Date.parse('2026-12-08T11:00:00Z');
    expect(await scheduler.runDue()).toBe(1);
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const words = slackWords(posts[0]!.args);
    expect(words).toContain('Weekly digest: club');
    expect(words).toContain(`Bob: step 1 (${STEP_1.title})`);
    expect(await scheduler.runDue()).toBe(0);
  });

  it("/devpath group export csv and json: the answer is private and the file goes to the admin's DM with the members and their steps; a non-admin is refused", async () => {
    const csv = await rig.slash('U0MIA', 'group export club csv', 'C0STUDY');
    expect(csv.title).toBe('Group export: club (csv)');
    expect(csv.ephemeral).toBe(true);
    expect(csv.text).toContain('I have also sent you devpath-group-csv.csv as a file, in your direct messages with devpath.');
    const csvFile = await rig.fake.waitForUpload((u) => u.filename === 'devpath-group-csv.csv');
    expect(csvFile.channel).toBe('DU0MIA');
    const rows = csvFile.bytes!.toString('utf8');
    expect(rows.split('\n')[0]).toBe('record,member,step,date,votes,text');
    expect(rows).toMatch(/^member,Mia,/m);
    expect(rows).toContain(`step done,Bob,${STEP_1.id},`);
    expect(rows).toContain(STEP_1.title);

    const json = await rig.slash('U0MIA', 'group export club json', 'C0STUDY');
    expect(json.ephemeral).toBe(true);
    const jsonFile = await rig.fake.waitForUpload((u) => u.filename === 'devpath-group-json.json');
    expect(jsonFile.channel).toBe('DU0MIA');
    const data = JSON.parse(jsonFile.bytes!.toString('utf8')) as { group: string; members: { name: string; steps: { step: string; title?: string }[] }[] };
    expect(data.group).toBe('club');
    expect(data.members.find((m) => m.name === 'Bob')?.steps).toEqual([expect.objectContaining({ step: STEP_1.id, title: STEP_1.title })]);

    const refused = await rig.slash('U0EVE', 'group export club csv', 'C0STUDY');
    expect(refused.title).toBe('Moderators only');
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).not.toContain('Bob');
    // Nothing went to her: no DM opened, no file but the admin's two.
    expect(rig.fake.calls.some((c) => c.method === 'conversations.open' && c.args.users === 'U0EVE')).toBe(false);
    expect([...rig.fake.uploads.values()].filter((u) => u.filename.startsWith('devpath-group-')).map((u) => u.channel)).toEqual(['DU0MIA', 'DU0MIA']);
  });
});

describe('Slack deliverer: a reminder Slack refuses is dropped, one it could not take now is retried', () => {
  const rig = slackRig({});
  const { store } = rig;
  let users = 0;

  /** A user with a reminder due an hour from now; resolves with their id. */
  async function withReminder(what: string): Promise<string> {
    const user = `U0R${++users}`;
    expect((await rig.slash(user, `remind in 1 hour ${what}`)).title).toMatch(/^Reminder #\d+ set$/);
    return user;
  }
  /** Only this user's calls: their DM opened, or a message to their DM. */
  const theirs = (user: string) => (args: Record<string, unknown>) => args.users === user || args.channel === `D${user}`;
  const postsTo = (user: string, from = 0) => rig.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.args.channel === `D${user}`);

  it.each([
    ['user_not_found', 'conversations.open'],
    ['cannot_dm_bot', 'conversations.open'],
    ['user_disabled', 'conversations.open'],
    ['channel_not_found', 'chat.postMessage'],
    ['not_in_channel', 'chat.postMessage'],
  ])('drops it when Slack answers %s to %s, and never sends it later', async (code, method) => {
    const user = await withReminder(`stretch (${code})`);
    const stop = rig.fake.fail(method, { error: code, match: theirs(user) });
    try {
      const scheduler = new Scheduler({ store, knowledge, deliverer: rig.adapter.deliverer!, now: rig.now });
      rig.clock += HOUR;
      const before = rig.fake.calls.length;
      expect(await scheduler.runDue()).toBe(1);
      // Slack was asked, and said no.
      expect(rig.fake.calls.slice(before).some((c) => c.method === method && theirs(user)(c.args))).toBe(true);
      expect(await store.reminders(TEAM_ID, user)).toEqual([]);

      // Long past any retry time: nothing is claimed, nothing is sent.
      rig.clock += 2 * HOUR;
      const after = rig.fake.calls.length;
      expect(await scheduler.runDue()).toBe(0);
      expect(rig.fake.calls.slice(after).filter((c) => theirs(user)(c.args))).toEqual([]);
    } finally {
      stop();
    }
  });

  it.each<[string, string, ApiFailure]>([
    ['ratelimited', 'chat.postMessage', { error: 'ratelimited', times: 1 }],
    ['HTTP 429 with Retry-After', 'chat.postMessage', { status: 429, retryAfter: 0, times: 1 }],
    ['HTTP 500', 'chat.postMessage', { status: 500, times: 1 }],
    ['HTTP 500', 'conversations.open', { status: 500, times: 1 }],
  ])('keeps it when Slack answers %s to %s, and sends it after the retry time', async (_label, method, failure) => {
    const user = await withReminder('drink water');
    rig.fake.fail(method, { ...failure, match: theirs(user) });
    const scheduler = new Scheduler({ store, knowledge, deliverer: rig.adapter.deliverer!, now: rig.now });
    rig.clock += HOUR;
    const before = rig.fake.calls.length;
    expect(await scheduler.runDue()).toBe(1);
    expect(rig.fake.calls.slice(before).some((c) => c.method === method && theirs(user)(c.args))).toBe(true);
    const [kept] = await store.reminders(TEAM_ID, user);
    expect(kept?.text).toBe('drink water');

    // Not before the retry time...
    expect(await scheduler.runDue()).toBe(0);
    // ...then sent, once.
    rig.clock += retryDelayMs(1);
    const retried = rig.fake.calls.length;
    expect(await scheduler.runDue()).toBe(1);
    const sent = postsTo(user, retried);
    expect(sent).toHaveLength(1);
    expect(slackWords(sent[0]!.args)).toContain('drink water');
    expect(await store.reminders(TEAM_ID, user)).toEqual([]);
    expect(await scheduler.runDue()).toBe(0);
  });
});

// Several Slack instances behind a balancer, on one database (issue 13, item 5). Two instances
// of the real Slack adapter in HTTP mode (the real Bolt HTTPReceiver), each with its own Bot over
// the real knowledge base and its OWN PostgresStore (its own pool, as two processes would have),
// both on the SAME fresh test database and both talking to one fake Slack (tests/fakes/slack.ts).
// A balancer sends any request to either instance, so the tests do exactly that and check what a
// user would notice: what the fake Slack receives, and what the database holds.
//
// Skipped, with the message testDatabase() gives, when no PostgreSQL server answers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LogLevel, type Logger } from '@slack/bolt';
import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/index.js';
import { Bot } from '../src/bot.js';
import { parseConfig } from '../adapters/start.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { openPostgresStore, type PostgresStore } from '../src/store/postgres/store.js';
import type { RateLimit } from '../src/store/store.js';
import { BOT_USER_ID, eventBody, FakeSlack, postSigned, slashBody, TEAM_ID, type PostResult } from './fakes/slack.js';
import { testDatabase } from './support/postgres.js';

const SECRET = 'test-signing-secret';
const TOKEN = 'xoxb-test-token';
/** Both instances are configured alike, as one deployment is: three changes per user per 10 minutes. */
const RATE_LIMIT: RateLimit = { max: 3, windowMs: 600_000 };
/** Time for a second answer to arrive, if there were one (nothing else here waits on a clock). */
const GRACE_MS = 300;

const db = await testDatabase();
const skip = 'skip' in db ? db.skip : undefined;
if (skip) console.warn(skip);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = { type: string; [key: string]: any };

interface Answer {
  response_type: string;
  text: string;
  blocks: Loose[];
}

const header = (blocks: Loose[]) => blocks.find((b) => b.type === 'header')?.text.text as string | undefined;
const quiet = (): Logger => {
  let level = LogLevel.ERROR;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One instance: what one process behind the balancer would hold. */
interface Instance {
  name: 'A' | 'B';
  store: PostgresStore;
  bot: Bot;
  adapter: SlackAdapter;
  events: string;
}

let fake: FakeSlack | undefined;
const instances: Instance[] = [];
let A: Instance;
let B: Instance;

async function startInstance(name: 'A' | 'B', url: string, slack: FakeSlack): Promise<Instance> {
  const store = await openPostgresStore(url, { rateLimit: RATE_LIMIT });
  const bot = new Bot({ knowledge: loadKnowledge(), store });
  const config = parseConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
  const adapter = createSlackAdapter(bot, config, { host: '127.0.0.1', port: 0, retries: 0, logger: quiet() });
  const instance: Instance = { name, store, bot, adapter, events: '' };
  instances.push(instance); // registered before start, so afterAll closes what did open
  await adapter.start();
  instance.events = `${adapter.url}/slack/events`;
  return instance;
}

let responses = 0;
/** A signed `/devpath <text>` from `userId`, as Slack posts it, to one instance; its response_url points at the fake. */
function slash(to: Instance, text: string, userId: string, init: { triggerId?: string; responseId?: string } = {}) {
  const responseId = init.responseId ?? `r${++responses}-${to.name}`;
  const body = slashBody({ text, userId, userName: userId.toLowerCase(), responseUrl: fake!.responseUrl(responseId), ...(init.triggerId ? { triggerId: init.triggerId } : {}) });
  return { body, responseId, sent: postSigned(to.events, body, { secret: SECRET }) };
}

/** The answer to a slash command: in the ack body, or (when it took longer than the ack budget) at its response_url. */
async function answerOf(res: PostResult, responseId: string): Promise<Answer> {
  expect(res.status).toBe(200);
  if (res.body) return res.json() as unknown as Answer;
  return (await fake!.waitForResponse(responseId)).body as unknown as Answer;
}

async function ask(to: Instance, text: string, userId: string): Promise<Answer> {
  const { responseId, sent } = slash(to, text, userId);
  return answerOf(await sent, responseId);
}

const tipsBy = async (store: PostgresStore, author: string) => (await store.tips(TEAM_ID, { authors: [author], limit: 100 })).items;

describe.skipIf(skip !== undefined)('two Slack instances in HTTP mode on one PostgreSQL database', () => {
  beforeAll(async () => {
    if (!('url' in db)) return;
    fake = await new FakeSlack().start();
    // Started at once, as a deployment starts them: both run the migrations on the fresh database.
    [A, B] = await Promise.all([startInstance('A', db.url, fake), startInstance('B', db.url, fake)]);
  }, 60_000);

  afterAll(async () => {
    for (const i of instances) await i.adapter.stop().catch(() => undefined);
    for (const i of instances) await i.store.close().catch(() => undefined);
    await fake?.close();
    if ('drop' in db) await db.drop();
  }, 60_000);

  it('each instance has its own store (its own pool), bot and port, on the one database', () => {
    expect(A.store).not.toBe(B.store);
    expect(A.bot).not.toBe(B.bot);
    expect(A.adapter.url).not.toBe(B.adapter.url);
    expect(A.store.location).toBe(B.store.location);
    // Each checked the bot token at the one fake Slack.
    expect(fake!.calls.filter((c) => c.method === 'auth.test' && c.token === TOKEN)).toHaveLength(2);
  });

  it('either instance answers any request: a tip saved through A is listed by B, and the other way round', async () => {
    const saved = await ask(A, 'tip add 2 Read the error message twice before searching the web', 'U0ANA');
    expect(header(saved.blocks)).toBe('Tip saved');
    expect(saved.text).toContain('Read the error message twice');

    const listed = await ask(B, 'tips 2', 'U0BEN');
    expect(listed.response_type).toBe('in_channel');
    expect(header(listed.blocks)).toMatch(/^Tips for step 2/);
    expect(JSON.stringify(listed.blocks)).toContain('Read the error message twice before searching the web');
    expect(JSON.stringify(listed.blocks)).toContain('dn-U0ANA');

    // The reverse direction: written through B, seen through A.
    const back = await ask(B, 'tip add 2 Keep a notes file of every command you had to look up', 'U0BEN');
    expect(header(back.blocks)).toBe('Tip saved');
    const both = await ask(A, 'tips 2', 'U0ANA');
    const shown = JSON.stringify(both.blocks);
    expect(shown).toContain('Read the error message twice before searching the web');
    expect(shown).toContain('Keep a notes file of every command you had to look up');

    // What the database holds, seen through either pool: one tip each, numbered without a clash.
    for (const store of [A.store, B.store]) {
      const ids = (await store.tips(TEAM_ID, { authors: ['U0ANA', 'U0BEN'], limit: 10 })).items.map((t) => t.id).sort();
      expect(ids).toEqual([1, 2]);
    }
  });

  it('an event Slack resends to the other instance (same event_id, X-Slack-Retry-Num) is acknowledged and not handled again', async () => {
    const ts = '1700000900.000100';
    const text = 'Write one integration test per endpoint before refactoring';
    const body = eventBody({ type: 'app_mention', user: 'U0RETRY', text: `<@${BOT_USER_ID}> tip add 6 ${text}`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID }, `EvTWO${Date.now()}`);
    const id = `event:${(JSON.parse(body) as { event_id: string }).event_id}`;
    const handledByB = vi.spyOn(B.bot, 'dispatchText');
    const seenByB = vi.spyOn(B.store, 'firstDelivery');
    try {
      // The first delivery reaches A, which answers in the thread.
      const first = await postSigned(A.events, body, { secret: SECRET, contentType: 'application/json' });
      expect(first.status).toBe(200);
      const answer = await fake!.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
      expect(String(answer.args.text)).toMatch(/Tip saved/);

      // Slack did not see A's ack in time and resends it; the balancer sends it to B.
      const again = await postSigned(B.events, body, { secret: SECRET, contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      expect(again.status).toBe(200);
      // Bolt acks an event before its middleware runs: wait for B's decision itself, which is "seen".
      await vi.waitFor(() => expect(seenByB.mock.calls.some((c) => c[0] === id)).toBe(true));
      const decision = seenByB.mock.results[seenByB.mock.calls.findIndex((c) => c[0] === id)]!.value as Promise<boolean>;
      expect(await decision).toBe(false);
      await pause(GRACE_MS);

      // One answer reached Slack, B never ran the command, and the tip is stored once.
      const answers = fake!.calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts);
      expect(answers).toHaveLength(1);
      expect(handledByB).not.toHaveBeenCalled();
      for (const store of [A.store, B.store]) {
        const saved = await tipsBy(store, 'U0RETRY');
        expect(saved.map((t) => t.text)).toEqual([text]);
      }
    } finally {
      handledByB.mockRestore();
      seenByB.mockRestore();
    }
  });

  it('the same event reaching both instances at the same moment is handled once', async () => {
    const ts = '1700000902.000100';
    const text = 'Draw the request flow before debugging a timeout';
    const body = eventBody({ type: 'app_mention', user: 'U0RACE', text: `<@${BOT_USER_ID}> tip add 7 ${text}`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID }, `EvRACE${Date.now()}`);
    const id = `event:${(JSON.parse(body) as { event_id: string }).event_id}`;
    const seen = [vi.spyOn(A.store, 'firstDelivery'), vi.spyOn(B.store, 'firstDelivery')];
    try {
      const sent = await Promise.all([
        postSigned(A.events, body, { secret: SECRET, contentType: 'application/json' }),
        postSigned(B.events, body, { secret: SECRET, contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
      ]);
      expect(sent.map((r) => r.status)).toEqual([200, 200]);
      // Both instances asked the database; exactly one was told it was first.
      await vi.waitFor(() => expect(seen.every((s) => s.mock.calls.some((c) => c[0] === id))).toBe(true));
      const decisions = await Promise.all(seen.map((s) => s.mock.results[s.mock.calls.findIndex((c) => c[0] === id)]!.value as Promise<boolean>));
      expect(decisions.filter(Boolean)).toHaveLength(1);
      await fake!.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
      await pause(GRACE_MS);
      const answers = fake!.calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts);
      expect(answers).toHaveLength(1);
      expect(String(answers[0]!.args.text)).toMatch(/Tip saved/);
      expect((await tipsBy(B.store, 'U0RACE')).map((t) => t.text)).toEqual([text]);
    } finally {
      for (const s of seen) s.mockRestore();
    }
  });

  it('a retry whose first delivery never arrived is handled by whichever instance gets it', async () => {
    const ts = '1700000901.000100';
    const body = eventBody({ type: 'app_mention', user: 'U0LATE', text: `<@${BOT_USER_ID}> tip add 4 Sketch the tables on paper before writing the first migration`, ts, channel: 'C0GENERAL', event_ts: ts, team: TEAM_ID }, `EvLATE${Date.now()}`);
    const res = await postSigned(B.events, body, { secret: SECRET, contentType: 'application/json', headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' } });
    expect(res.status).toBe(200);
    const answer = await fake!.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(String(answer.args.text)).toMatch(/Tip saved/);
    expect(await tipsBy(A.store, 'U0LATE')).toHaveLength(1);
  });

  it('a slash command delivered again with the same trigger_id to the other instance is acknowledged and not run again', async () => {
    const text = 'Pair program on one bug a week with someone more senior';
    const handledByB = vi.spyOn(B.bot, 'dispatchText');
    try {
      const first = slash(A, `tip add 3 ${text}`, 'U0REPLAY', { triggerId: 'trigger-two-instances', responseId: 'replay-A' });
      const firstAck = await first.sent;
      const saved = await answerOf(firstAck, first.responseId);
      expect(header(saved.blocks)).toBe('Tip saved');

      // The very same signed request (same trigger_id) reaches B.
      const replayed = await postSigned(B.events, first.body, { secret: SECRET });
      // The dedupe middleware has decided by the time Bolt answers: an empty ack, no answer to come.
      expect(replayed.status).toBe(200);
      expect(replayed.body).toBe('');
      await pause(GRACE_MS);
      expect(handledByB).not.toHaveBeenCalled();
      // Nothing from B at the response_url: only A's answer, if A took that path rather than the ack body.
      expect(fake!.responses.filter((r) => r.id === 'replay-A')).toHaveLength(firstAck.body ? 0 : 1);
      for (const store of [A.store, B.store]) {
        const tips = await tipsBy(store, 'U0REPLAY');
        expect(tips.map((t) => t.text)).toEqual([text]);
      }
    } finally {
      handledByB.mockRestore();
    }
  });

  it('the write limit holds across instances: 3 changes through A and B, the 4th is refused wherever it lands', async () => {
    const texts = [
      'Learn to read a stack trace from the bottom up',
      'Name branches after the ticket they close',
      'Run the linter before every commit, not after review',
      'Time-box a stuck problem to one hour, then ask for help',
      'Read the changelog before upgrading a dependency',
    ];
    const via = [A, B, A, B, A];
    const answers: Answer[] = [];
    for (const [i, text] of texts.entries()) answers.push(await ask(via[i]!, `tip add 5 ${text}`, 'U0BUSY'));

    expect(answers.slice(0, 3).map((a) => header(a.blocks))).toEqual(['Tip saved', 'Tip saved', 'Tip saved']);
    // The 4th (through B) and the 5th (through A): the same refusal, only to the asker.
    for (const refused of answers.slice(3)) {
      expect(header(refused.blocks)).toBe('Slow down a little');
      expect(refused.response_type).toBe('ephemeral');
      expect(refused.text).toContain('You have made 3 changes in the last 10 minutes');
      expect(refused.text).toContain('Nothing was changed');
    }
    // Exactly the three accepted tips are stored, seen through either pool.
    for (const store of [A.store, B.store]) {
      const stored = (await tipsBy(store, 'U0BUSY')).map((t) => t.text).sort();
      expect(stored).toEqual(texts.slice(0, 3).sort());
    }
    // A refusal costs nothing and the limit is per user: someone else still writes through B.
    const other = await ask(B, 'tip add 5 Write the README before the code', 'U0CALM');
    expect(header(other.blocks)).toBe('Tip saved');
  });

  it("the write limit holds when one user's writes reach both instances at the same moment", async () => {
    const texts = [
      'Profile before optimising a slow endpoint',
      'Keep secrets out of the repository from day one',
      'Write the rollback step of a migration first',
      'Log the request id with every error message',
      'Prefer boring technology for the first production service',
      'Read one pull request a day from a project you use',
    ];
    // Three to A and three to B, all in flight together.
    const answers = await Promise.all(texts.map((text, i) => ask(i % 2 ? B : A, `tip add 8 ${text}`, 'U0BURST')));
    const titles = answers.map((a) => header(a.blocks));
    expect(titles.filter((t) => t === 'Tip saved')).toHaveLength(3);
    expect(titles.filter((t) => t === 'Slow down a little')).toHaveLength(3);
    const accepted = texts.filter((_, i) => titles[i] === 'Tip saved').sort();
    for (const store of [A.store, B.store]) {
      expect((await tipsBy(store, 'U0BURST')).map((t) => t.text).sort()).toEqual(accepted);
    }
  });
});

// `npm run bench:slack`: the Slack adapter's slash-command latency, end to end on loopback.
//
// Starts the real Bolt HTTP receiver (the adapter as `npm start` builds it) against a tiny fake
// Web API on 127.0.0.1, then sends signed `/devpath` commands at a fixed rate (open loop: each
// request leaves on schedule whether or not earlier ones have answered) and reports the rate
// achieved and p50/p90/p99/max latency, from request sent to full response (which carries the
// answer, since it is ready within the ack budget). Goal: p99 under 20 ms at 100 requests/second.
//
// The load generator runs in a worker thread, so its own work (signing, fetch) does not queue
// behind the server's on one event loop and inflate the figures.
//
// BENCH_RPS (default 100) and BENCH_SECONDS (default 10) change the load; the count is bounded.
//
// A second run puts 100k tips in the workspace and sends 2000 commands that read them (`tips`,
// `tips 4`, `roadmap 4`, a group board), 400 at a time, and reports the ack p99 and the share of
// acks over Slack's 3 s (BENCH_BIG_TIPS, BENCH_BIG_TOTAL and BENCH_BIG_CONCURRENCY change it).
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LogLevel, type Logger } from '@slack/bolt';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { Bot } from '../src/bot.js';
import { parseConfig } from '../adapters/start.js';
import { MemoryStore } from '../src/store/memory.js';
import { freezeTip } from '../src/store/schema.js';

const RPS = Math.min(1000, Math.max(1, Number(process.env.BENCH_RPS ?? 100)));
const SECONDS = Math.min(60, Math.max(1, Number(process.env.BENCH_SECONDS ?? 10)));
const TOTAL = Math.round(RPS * SECONDS);
const WARMUP = 30;
const BIG_TIPS = Math.min(1_000_000, Math.max(0, Number(process.env.BENCH_BIG_TIPS ?? 100_000)));
const BIG_TOTAL = Math.min(10_000, Math.max(1, Number(process.env.BENCH_BIG_TOTAL ?? 2000)));
const BIG_CONCURRENCY = Math.min(1000, Math.max(1, Number(process.env.BENCH_BIG_CONCURRENCY ?? 400)));
const SLACK_ACK_MS = 3000;
/** What people type in a busy workspace that reads its tips. */
const TIP_LINES = ['tips', 'tips 4', 'roadmap 4', 'tips 2 3', 'group bench-club', 'progress', 'tips 7'];
const GOAL_P99_MS = 20;
const SECRET = 'bench-signing-secret';

/** What people type after /devpath: commands, questions, and help. */
const LINES = [
  'salary',
  'salary entry',
  'salary backend senior',
  'roadmap',
  'learn',
  'role backend',
  'compare backend frontend',
  'interview',
  'sources',
  'help',
  '',
  'ask how long does it take to become a backend developer',
  'ask do I need a degree',
  'ask what languages should I learn first',
];

function quietLogger(): Logger {
  let level = LogLevel.WARN;
  const print = (kind: string) => (...msg: unknown[]) => console.error(`[${kind}]`, ...msg);
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: print('warn'),
    error: print('error'),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Just enough Slack Web API for the adapter: auth.test, users.info, and file uploads (the cards). */
async function fakeWebApi(): Promise<Server> {
  let files = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const port = (server.address() as AddressInfo).port;
      const body =
        method === 'auth.test'
          ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0BENCH' }
          : method === 'users.info'
            ? { ok: true, user: { id: 'U', name: 'bench', is_admin: false, is_owner: false } }
            : method === 'files.getUploadURLExternal'
              ? { ok: true, upload_url: `http://127.0.0.1:${port}/upload/F${++files}`, file_id: `F${files}` }
              : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function signedRequest(i: number, responseUrl: string, lines: readonly string[] = LINES): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'unused',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: `U${String(i % 50).padStart(4, '0')}`,
    user_name: `user${i % 50}`,
    command: '/devpath',
    text: lines[i % lines.length]!,
    api_app_id: 'A0BENCH',
    response_url: responseUrl,
    trigger_id: `t${i}.${Math.random().toString(36).slice(2)}`, // each delivery its own, as Slack gives them
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } };
}

async function send(url: string, request: { body: string; headers: Record<string, string> }): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
    const text = await res.text();
    return { ms: performance.now() - started, ok: res.status === 200 && text.includes('"blocks"') };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

interface LoadJob {
  url: string;
  responseUrl: string;
  /** Closed loop, this many in flight at once, over TIP_LINES (the 100k-tip run); else the open loop. */
  burst?: { total: number; concurrency: number };
}

interface LoadResult {
  latencies: number[];
  failed: number;
  elapsed: number;
}

/** The 100k-tip run: `concurrency` requests in flight at a time until `total` have been answered. */
async function generateBurst(url: string, responseUrl: string, { total, concurrency }: { total: number; concurrency: number }): Promise<LoadResult> {
  for (let i = 0; i < 10; i++) await send(url, signedRequest(i, responseUrl, TIP_LINES));
  const done: { ms: number; ok: boolean }[] = [];
  let next = 0;
  const start = performance.now();
  const lane = async () => {
    while (next < total) done.push(await send(url, signedRequest(next++, responseUrl, TIP_LINES)));
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { latencies: done.map((r) => r.ms), failed: done.filter((r) => !r.ok).length, elapsed: (performance.now() - start) / 1000 };
}

/** The worker: warm up, then send TOTAL requests on schedule and report every latency. */
async function generateLoad({ url, responseUrl, burst }: LoadJob): Promise<LoadResult> {
  if (burst) return generateBurst(url, responseUrl, burst);
  // Warm-up: JIT, the search index, the users.info cache for the 50 bench users.
  for (let i = 0; i < WARMUP; i++) await send(url, signedRequest(i, responseUrl));
  for (let i = 0; i < 50; i++) await send(url, signedRequest(i * LINES.length, responseUrl));
  const results: Promise<{ ms: number; ok: boolean }>[] = [];
  const interval = 1000 / RPS;
  const start = performance.now();
  for (let i = 0; i < TOTAL; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    results.push(send(url, signedRequest(i, responseUrl)));
  }
  const done = await Promise.all(results);
  return { latencies: done.map((r) => r.ms), failed: done.filter((r) => !r.ok).length, elapsed: (performance.now() - start) / 1000 };
}

function runWorker(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load worker exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const api = await fakeWebApi();
  const apiPort = (api.address() as AddressInfo).port;
  const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `http://127.0.0.1:${apiPort}/api/` });
  // Time the core's share (dispatchText) too, so a slow tail can be told apart from adapter or machine noise.
  const bot = new Bot();
  const coreMs: number[] = [];
  const dispatchText = bot.dispatchText.bind(bot);
  bot.dispatchText = async (...args) => {
    const started = performance.now();
    try {
      return await dispatchText(...args);
    } finally {
      coreMs.push(performance.now() - started);
    }
  };
  const adapter = createSlackAdapter(bot, config, { host: '127.0.0.1', port: 0, retries: 0, logger: quietLogger(), logLevel: LogLevel.WARN });
  await adapter.start();
  try {
    console.log(`devpath Slack bench: ${TOTAL} signed /devpath commands at ${RPS}/s over HTTP on 127.0.0.1 (${LINES.length} different lines, 50 users)`);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const { latencies, failed, elapsed } = await runWorker({ url: `${adapter.url}/slack/events`, responseUrl: `http://127.0.0.1:${apiPort}/response` });
    latencies.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    const fmt = (n: number) => `${n.toFixed(2)} ms`;
    console.log(`sent ${TOTAL} in ${elapsed.toFixed(2)} s: ${(TOTAL / elapsed).toFixed(1)} requests/second achieved, ${failed} failed`);
    console.log(`latency p50 ${fmt(percentile(latencies, 50))}  p90 ${fmt(percentile(latencies, 90))}  p99 ${fmt(p99)}  max ${fmt(latencies.at(-1) ?? NaN)}`);
    const core = coreMs.slice(-TOTAL).sort((a, b) => a - b);
    console.log(`of which the core's dispatchText: p50 ${fmt(percentile(core, 50))}  p99 ${fmt(percentile(core, 99))}  max ${fmt(core.at(-1) ?? NaN)}`);
    loop.disable();
    console.log(`server event-loop delay (a busy or starved CPU, GC): p50 ${fmt(loop.percentile(50) / 1e6)}  p99 ${fmt(loop.percentile(99) / 1e6)}  max ${fmt(loop.max / 1e6)}`);
    console.log(p99 < GOAL_P99_MS ? `p99 is under the ${GOAL_P99_MS} ms goal` : `p99 is OVER the ${GOAL_P99_MS} ms goal`);
    if (failed) process.exitCode = 1;
  } finally {
    await adapter.stop();
  }
  if (BIG_TIPS > 0) await bigRun(config, apiPort);
  api.closeAllConnections();
  await new Promise<void>((resolve) => api.close(() => resolve()));
}

/** The 100k-tip run: acks under a burst of commands that read every tip. */
async function bigRun(config: ReturnType<typeof parseConfig>, apiPort: number): Promise<void> {
  const store = new MemoryStore();
  const bot = new Bot({ store });
  const steps = bot.services.knowledge.roadmap.map((s) => s.id);
  const at = Date.UTC(2026, 0, 1);
  await store.write('T0BENCH', (c) => {
    for (let i = 0; i < BIG_TIPS; i++) {
      const votes = Array.from({ length: i % 7 }, (_, v) => `V${v}`);
      c.tips.push(freezeTip({ id: c.nextTipId++, step: steps[i % steps.length]!, text: `bench tip ${i} ${'x'.repeat(60)}`, author: `U${String(i % 50).padStart(4, '0')}`, createdAt: new Date(at + i * 1000).toISOString(), votes }));
    }
    c.groups['bench-club'] = { name: 'bench-club', createdBy: 'U0000', createdAt: new Date(at).toISOString(), members: Object.fromEntries(Array.from({ length: 50 }, (_, u) => [`U${String(u).padStart(4, '0')}`, new Date(at).toISOString()])) };
    return { value: undefined, changed: true };
  });
  const adapter = createSlackAdapter(bot, config, { host: '127.0.0.1', port: 0, retries: 0, logger: quietLogger(), logLevel: LogLevel.WARN });
  await adapter.start();
  try {
    console.log(`\n${BIG_TOTAL} signed /devpath commands reading ${BIG_TIPS.toLocaleString('en-US')} tips (${TIP_LINES.join(', ')}), ${BIG_CONCURRENCY} at a time`);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const { latencies, failed, elapsed } = await runWorker({ url: `${adapter.url}/slack/events`, responseUrl: `http://127.0.0.1:${apiPort}/response`, burst: { total: BIG_TOTAL, concurrency: BIG_CONCURRENCY } });
    loop.disable();
    latencies.sort((a, b) => a - b);
    const over = latencies.filter((ms) => ms > SLACK_ACK_MS).length;
    const fmt = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`answered ${latencies.length} in ${elapsed.toFixed(2)} s, ${failed} failed`);
    console.log(`ack p50 ${fmt(percentile(latencies, 50))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? NaN)}; over Slack's 3 s: ${over} (${((100 * over) / latencies.length).toFixed(1)}%)`);
    console.log(`server event-loop delay: p99 ${fmt(loop.percentile(99) / 1e6)}  max ${fmt(loop.max / 1e6)}`);
    if (over || failed) process.exitCode = 1;
  } finally {
    await adapter.stop();
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error('bench:slack failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  void generateLoad(workerData as LoadJob).then((result) => parentPort?.postMessage(result));
}

// A fake Slack on 127.0.0.1 for the real @slack/bolt client (see shared REAL-CLIENT-TESTS.md):
//   - the Web API: POST /api/<method>, form-encoded, recorded, answered { ok: true, ... }
//   - a response_url catcher: POST /response/<id>, JSON, recorded
//   - Socket Mode: apps.connections.open hands out ws://127.0.0.1:PORT/link; envelopes are sent
//     to the connected client and its acks are returned to the test
//   - file uploads as files.uploadV2 makes them: files.getUploadURLExternal hands out an upload URL
//     on this server (POST /upload/<file id>), which records the bytes; files.completeUploadExternal
//     shares the file in a channel (recorded in `uploads`)
//   - signing helpers for Slack's HTTP requests (slash commands, events, interactivity)
//   - failures on demand (fail): a method answers a Slack error code, HTTP 500, or 429 with Retry-After
// Nothing here is timed: tests wait for the call they expect, never for a clock.
import { createHmac } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  /** Form fields; JSON-looking values (blocks, view, ...) are parsed. */
  args: Record<string, unknown>;
  /** The bearer token sent, so a test can check the right one was used. */
  token: string | undefined;
}

export interface ResponseCall {
  id: string;
  body: Record<string, unknown>;
}

export type ApiHandler = (args: Record<string, unknown>, call: ApiCall) => Record<string, unknown>;

/** How `fail()` makes a Web API method fail, as Slack does. */
export interface ApiFailure {
  /** Only calls whose arguments match fail; every call when left out. */
  match?: (args: Record<string, unknown>) => boolean;
  /** Slack's error code, answered as HTTP 200 `{ ok: false, error }`, the usual Web API failure. */
  error?: string;
  /** An HTTP status instead: 500 or 503 (a plain-text body), or 429 (rate limited, with Retry-After). */
  status?: number;
  /** With status 429: the Retry-After header, in seconds (default 0). */
  retryAfter?: number;
  /** How many matching calls fail; after them the method answers as before. Every one when left out. */
  times?: number;
}

/** A file uploaded the way files.uploadV2 does it, and where it was shared. */
export interface FakeUpload {
  id: string;
  /** From files.getUploadURLExternal. */
  filename: string;
  length: number;
  altText?: string;
  /** What was POSTed to the upload URL: the file's bytes, and how they were sent. */
  bytes?: Buffer;
  contentType?: string;
  /** From files.completeUploadExternal, once the file is shared. */
  title?: string;
  channel?: string;
  threadTs?: string;
}

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';
export const TEAM_ID = 'T0TEAM';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The file in an upload URL's POST: the web-api client sends it as multipart form data (one
 * field, the file), but a raw body is taken as the file too.
 */
async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  throw new Error('no file in the upload');
}

function parseForm(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: keep the string.
      }
    }
    out[key] = value;
  }
  return out;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseCall[] = [];
  /** Users whose users.info says is_admin. */
  readonly admins = new Set<string>();
  /** Per-method overrides of the answer. */
  readonly handlers = new Map<string, ApiHandler>();
  readonly acks: Record<string, unknown>[] = [];
  /** Files uploaded (files.getUploadURLExternal, the upload URL, files.completeUploadExternal), by file id. */
  readonly uploads = new Map<string, FakeUpload>();
  /** Channels the bot is not in: sharing a file there is refused with not_in_channel, as Slack does. */
  readonly notIn = new Set<string>();
  private uploadIds = 0;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly events = new EventEmitter();
  /** Failures set with fail(), by method, oldest first. */
  private readonly failures = new Map<string, ApiFailure[]>();
  /** Stalled methods: their calls are recorded but left unanswered until released. */
  private readonly stalled = new Map<string, (() => void)[]>();
  private sockets = new Set<WebSocket>();
  private ts = 1_700_000_000;
  private envelopes = 0;
  port = 0;

  constructor() {
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => {
      void readBody(req).then(async (raw) => {
        const url = req.url ?? '/';
        if (req.method === 'POST' && url.startsWith('/upload/')) {
          const upload = this.uploads.get(url.slice('/upload/'.length));
          if (!upload) {
            res.writeHead(404);
            res.end();
            return;
          }
          upload.bytes = await uploadedBytes(raw, req.headers['content-type']);
          upload.contentType = req.headers['content-type'];
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`OK - ${upload.bytes.length}`);
          this.events.emit('upload', upload);
          return;
        }
        const body = raw.toString('utf8');
        if (req.method === 'POST' && url.startsWith('/api/')) {
          const method = url.slice('/api/'.length).split('?')[0] ?? '';
          const auth = req.headers.authorization;
          const call: ApiCall = { method, args: parseForm(body, req.headers['content-type']), token: auth?.replace(/^Bearer /, '') };
          this.calls.push(call);
          const reply = () => {
            const failure = this.failureFor(call);
            if (failure?.status !== undefined && failure.status !== 200) {
              if (failure.status === 429) {
                res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(failure.retryAfter ?? 0) });
                res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
              } else {
                res.writeHead(failure.status, { 'content-type': 'text/plain' });
                res.end('Internal Server Error');
              }
              return;
            }
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(failure ? { ok: false, error: failure.error ?? 'internal_error' } : this.answer(call)));
          };
          const held = this.stalled.get(method);
          if (held) held.push(reply);
          else reply();
          this.events.emit('call', call);
          return;
        }
        if (req.method === 'POST' && url.startsWith('/response/')) {
          const call: ResponseCall = { id: url.slice('/response/'.length), body: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
          this.responses.push(call);
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
          this.events.emit('response', call);
          return;
        }
        res.writeHead(404);
        res.end();
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/link' });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        this.acks.push(message);
        this.events.emit('ack', message);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'fake' } }));
      this.events.emit('connection', socket);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  get connected(): number {
    return this.sockets.size;
  }

  private answer(call: ApiCall): Record<string, unknown> {
    const custom = this.handlers.get(call.method);
    if (custom) return custom(call.args, call);
    const user = String(call.args.user ?? call.args.users ?? '');
    switch (call.method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'devpath', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'users.info':
        return {
          ok: true,
          user: { id: user, name: user.toLowerCase(), real_name: `Real ${user}`, is_admin: this.admins.has(user), is_owner: false, profile: { display_name: `dn-${user}` } },
        };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        this.ts += 1;
        return { ok: true, channel: call.args.channel, ts: `${this.ts}.000100`, message_ts: `${this.ts}.000100` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${user}` } };
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...(call.args.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link` };
      case 'files.getUploadURLExternal': {
        const id = `F${String(++this.uploadIds).padStart(8, '0')}`;
        const alt = call.args.alt_text;
        this.uploads.set(id, { id, filename: String(call.args.filename ?? ''), length: Number(call.args.length), ...(typeof alt === 'string' ? { altText: alt } : {}) });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (Array.isArray(call.args.files) ? call.args.files : []) as { id: string; title?: string }[];
        if (this.notIn.has(String(call.args.channel_id))) return { ok: false, error: 'not_in_channel' };
        const shared = [];
        for (const f of files) {
          const upload = this.uploads.get(f.id);
          if (!upload?.bytes) return { ok: false, error: 'file_not_found' };
          upload.title = f.title ?? upload.filename;
          if (typeof call.args.channel_id === 'string') upload.channel = call.args.channel_id;
          if (typeof call.args.thread_ts === 'string') upload.threadTs = call.args.thread_ts;
          shared.push({ id: f.id, title: upload.title });
          this.events.emit('shared', upload);
        }
        return { ok: true, files: shared };
      }
      default:
        return { ok: true };
    }
  }

  /**
   * From now on, calls to `method` (those `failure.match` accepts) fail as `failure` says: a Slack
   * error code in a 200 answer, or an HTTP status (500, 429 with Retry-After), for `failure.times`
   * calls or every one. The call is still recorded in `calls`. The returned function ends it.
   */
  fail(method: string, failure: ApiFailure): () => void {
    const entry = { ...failure };
    this.failures.set(method, [...(this.failures.get(method) ?? []), entry]);
    return () => this.failures.set(method, (this.failures.get(method) ?? []).filter((f) => f !== entry));
  }

  /** The failure the call gets, if any (counting it against its `times`). */
  private failureFor(call: ApiCall): ApiFailure | undefined {
    const list = this.failures.get(call.method);
    const failure = list?.find((f) => (f.times === undefined || f.times > 0) && (!f.match || f.match(call.args)));
    if (failure?.times !== undefined) failure.times -= 1;
    return failure;
  }

  /**
   * From now on, calls to `method` are recorded but never answered (a stalled or rate-limited
   * Slack, as a client with no timeout sees it). The returned function answers them and ends the stall.
   */
  stall(method: string): () => void {
    this.stalled.set(method, []);
    return () => {
      const held = this.stalled.get(method) ?? [];
      this.stalled.delete(method);
      for (const reply of held) reply();
    };
  }

  /** Resolves with the first Web API call (already made or yet to come) matching. */
  waitForCall(method: string, match: (call: ApiCall) => boolean = () => true): Promise<ApiCall> {
    return this.waitFor('call', this.calls, (c: ApiCall) => c.method === method && match(c));
  }

  /** Resolves with the first response_url POST for `id`. */
  waitForResponse(id: string): Promise<ResponseCall> {
    return this.waitFor('response', this.responses, (r: ResponseCall) => r.id === id);
  }

  /** Resolves with the first upload (already shared or yet to be) shared in a channel and matching. */
  waitForUpload(match: (upload: FakeUpload) => boolean = () => true): Promise<FakeUpload> {
    return this.waitFor('shared', [...this.uploads.values()].filter((u) => u.channel), match);
  }

  /** Resolves when a Socket Mode client is connected (hello sent). */
  waitForConnection(): Promise<void> {
    if (this.sockets.size) return Promise.resolve();
    return new Promise((resolve) => this.events.once('connection', () => resolve()));
  }

  private waitFor<T>(event: string, seen: T[], match: (item: T) => boolean): Promise<T> {
    const found = seen.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const listener = (item: T) => {
        if (!match(item)) return;
        this.events.off(event, listener);
        resolve(item);
      };
      this.events.on(event, listener);
    });
  }

  /** Sends a Socket Mode envelope and resolves with the client's ack ({ envelope_id, payload? }). */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelopeId = `env-${++this.envelopes}`;
    const acked = this.waitFor('ack', this.acks, (a: Record<string, unknown>) => a.envelope_id === envelopeId);
    const frame = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' });
    for (const socket of this.sockets) socket.send(frame);
    return acked;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// -----------------------------------------------------------------------------------------------
// Signing and request bodies, as Slack sends them

export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SlashInit {
  text: string;
  responseUrl: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  teamId?: string;
  triggerId?: string;
}

export function slashFields(init: SlashInit): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: init.teamId ?? TEAM_ID,
    team_domain: 'fake',
    channel_id: init.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: init.userId ?? 'U0ALICE',
    user_name: init.userName ?? 'alice',
    command: '/devpath',
    text: init.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: init.responseUrl,
    // Slack gives every slash command a trigger id of its own.
    trigger_id: init.triggerId ?? `${Date.now()}.${Math.floor(Math.random() * 1e9)}.t`,
  };
}

/** A slash command's form body, exactly as Slack posts it. */
export function slashBody(init: SlashInit): string {
  return new URLSearchParams(slashFields(init)).toString();
}

export function eventBody(event: Record<string, unknown>, eventId = `Ev${Math.random().toString(36).slice(2, 10)}`): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: TEAM_ID,
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  });
}

export function blockActionsPayload(init: { value: string; responseUrl?: string; userId?: string; actionId?: string; view?: boolean }): Record<string, unknown> {
  const user = init.userId ?? 'U0ALICE';
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0APP',
    token: 'verification-token-unused',
    container: init.view ? { type: 'view', view_id: 'V1' } : { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0GENERAL', is_ephemeral: false },
    trigger_id: '123.456.abc',
    team: { id: TEAM_ID, domain: 'fake' },
    ...(init.view ? { view: { id: 'V1', type: 'home' } } : { channel: { id: 'C0GENERAL', name: 'general' }, message: { ts: '1700000000.000100', text: 'x' } }),
    ...(init.responseUrl ? { response_url: init.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        action_id: init.actionId ?? 'devpath_run_0',
        block_id: 'b1',
        text: { type: 'plain_text', text: 'label' },
        value: init.value,
        action_ts: '1700000001.000200',
      },
    ],
  };
}

/** An interactivity request's form body: `payload=<json>`. */
export function interactiveBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export interface PostResult {
  status: number;
  body: string;
  json(): Record<string, unknown>;
}

/** POSTs a signed request to Bolt's /slack/events, as Slack would. */
export async function postSigned(
  url: string,
  body: string,
  options: { secret: string; contentType?: string; timestamp?: number; headers?: Record<string, string> },
): Promise<PostResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      ...sign(options.secret, body, options.timestamp),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, json: () => JSON.parse(text) as Record<string, unknown> };
}

// A fake Discord on 127.0.0.1: the REST API (the routes devpath uses) and the gateway (WebSocket,
// JSON text frames), faithful to what discord.js 14 expects (see /work/shared/REAL-CLIENT-TESTS.md).
// It records every REST request (method, path, JSON body; for a multipart request with files,
// the body is its payload_json and the files are kept with their bytes) so tests assert what the real client
// sends, dispatches gateway events, asks the client to reconnect (op 7) and resumes it, answers 401
// to a wrong token, and blanks message content the bot may not read without the MessageContent
// intent (unless the bot is mentioned or the message is a DM), as Discord does.
//
// Sharding is modelled as Discord does it: state (session, sequence, intents, shard) lives per
// WebSocket connection; IDENTIFY's `shard: [id, count]` is echoed in READY; a guild belongs to shard
// `(guild_id >> 22) % count` and its READY entry, GUILD_CREATE and every later event go only to that
// shard's connection (DMs go to shard 0); GET /gateway/bot recommends `shards` and allows
// `max_concurrency` identifies at once (at least the shard count by default: with 1, discord.js waits
// about 5 s between two shards' identifies).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const MESSAGE_CONTENT_INTENT = 1 << 15;

/** A file sent in a multipart request (`files[n]`), as Discord receives it. */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. /v10/interactions/1/tok/callback */
  path: string;
  query: string;
  authorization: string | undefined;
  body: any;
  /** The request's Content-Type (multipart/form-data when files were attached). */
  contentType?: string | undefined;
  /** Files attached to a multipart request; empty for a JSON one. */
  files: RecordedFile[];
}

/** A request body as Discord reads it: JSON, or multipart form data with `payload_json` and `files[n]`. */
async function readRequestBody(raw: Buffer, contentType: string | undefined): Promise<{ body: any; files: RecordedFile[] }> {
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    let body: any = undefined;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (!text) return { body: undefined, files: [] };
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface FakeDiscordOptions {
  token?: string;
  botUser?: FakeUser;
  applicationId?: string;
  /** The first guild: the one events go to when a test names none. */
  guildId?: string;
  /** Every guild the bot is in (default: guildId alone); each gets a text channel. */
  guildIds?: string[];
  channelId?: string;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** session_start_limit.max_concurrency in GET /gateway/bot (default: the recommended shard count). */
  maxConcurrency?: number;
  /** Permissions of @everyone in the guild (a bitfield as a decimal string). */
  everyonePermissions?: string;
}

/** A message an interaction produced, as the user sees it. */
export interface ShownMessage {
  id: string;
  /** Whether only the user who interacted sees it. */
  ephemeral: boolean;
  /** The last JSON body that set it; undefined while a deferral still shows "thinking…". */
  body: any;
  deleted?: boolean;
}

/** What one interaction has shown: its original response and its follow-ups. */
export interface InteractionMessages {
  original?: ShownMessage;
  /** A type-5 deferral whose "thinking…" message has not been edited, filled or deleted yet. */
  pending: boolean;
  followUps: ShownMessage[];
}

type Waiter = { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void };

/** A gateway session: what IDENTIFY set up, kept across a RESUME on a new connection. */
interface Session {
  id: string;
  /** [shard id, shard count], as identified. */
  shard: [number, number];
  intents: number;
  seq: number;
}

/** One WebSocket connection, and the session it identified or resumed (none until then). */
interface Connection {
  ws: WebSocket;
  session?: Session;
}

/** A dispatch the gateway sent, and on which shard's connection. */
export interface SentDispatch {
  shard: [number, number];
  t: string;
  guildId?: string;
}

/** The shard a guild belongs to, as Discord computes it. */
export const shardOf = (guildId: string, count: number): number => Number((BigInt(guildId) >> 22n) % BigInt(count));

let nextId = 1_000_000_000_000_000n;
/** A fresh snowflake-shaped id. */
export const snowflake = (): string => String(nextId++);

export class FakeDiscord {
  readonly token: string;
  readonly botUser: FakeUser;
  readonly applicationId: string;
  readonly guildId: string;
  readonly guildIds: readonly string[];
  readonly channelId: string;
  readonly everyonePermissions: string;
  readonly recommendedShards: number;
  readonly maxConcurrency: number;
  readonly requests: RecordedRequest[] = [];
  /** Every dispatch sent (op 0), with the shard of the connection it went to. */
  readonly dispatched: SentDispatch[] = [];
  /** Every IDENTIFY the gateway received (its `d`), and every RESUME. */
  readonly identifies: any[] = [];
  readonly resumes: any[] = [];
  /** Registered application commands: key "global" or a guild id. */
  readonly commands = new Map<string, any[]>();
  /** What each interaction (by token) has shown, with Discord's visibility rules applied. */
  readonly interactions = new Map<string, InteractionMessages>();
  /** DM channels opened with POST /users/@me/channels, by user id. */
  readonly dmChannels = new Map<string, string>();
  /** Users whose DMs are closed: a message to their DM channel gets 403, code 50007, as on Discord. */
  readonly closedDms = new Set<string>();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  /** Open connections, oldest first; sessions by id (a RESUME finds its session here). */
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  /** The text channel of each guild, and the channel each interaction (by token) came from. */
  private readonly channels = new Map<string, string>();
  private readonly tokenChannels = new Map<string, string>();
  private intents = 0;
  private waiters: Waiter[] = [];
  private resumedWaiters: { shard: number; resolve: () => void }[] = [];
  private readyWaiters: { shard: number | undefined; resolve: () => void }[] = [];
  port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'fake-token';
    this.applicationId = options.applicationId ?? '111111111111111111';
    this.botUser = options.botUser ?? { id: this.applicationId, username: 'devpath', global_name: null, bot: true };
    this.guildId = options.guildId ?? options.guildIds?.[0] ?? '222222222222222222';
    this.guildIds = [...new Set([this.guildId, ...(options.guildIds ?? [])])];
    this.channelId = options.channelId ?? '333333333333333333';
    for (const guild of this.guildIds) this.channels.set(guild, guild === this.guildId ? this.channelId : snowflake());
    this.everyonePermissions = options.everyonePermissions ?? '1024'; // VIEW_CHANNEL
    this.recommendedShards = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? this.recommendedShards;
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.connect(ws));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** What discord.js's `rest.api` (and DISCORD_REST_URL) should be. */
  get restUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- REST

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The interaction callback discord.js POSTs for an interaction id. */
  waitForCallback(interactionId: string): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/v10/interactions/${interactionId}/`));
  }

  requestsTo(method: string, pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  private record(r: RecordedRequest): void {
    this.requests.push(r);
    const hit = this.waiters.filter((w) => w.match(r));
    this.waiters = this.waiters.filter((w) => !hit.includes(w));
    for (const w of hit) w.resolve(r);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const contentType = req.headers['content-type'];
    const { body, files } = await readRequestBody(Buffer.concat(chunks), contentType);
    const [rawPath = '', query = ''] = (req.url ?? '').split('?');
    const path = decodeURIComponent(rawPath);
    const method = req.method ?? 'GET';
    const authorization = req.headers.authorization;
    const send = (status: number, json?: unknown) => {
      if (json === undefined) {
        res.writeHead(status).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      }
    };

    // Interaction callbacks and webhooks are authorised by the interaction token in the path.
    const tokenRoute = /^\/v10\/(interactions|webhooks)\//.test(path);
    if (!tokenRoute && authorization !== `Bot ${this.token}`) {
      this.record({ method, path, query, authorization, body, contentType, files });
      return send(401, { message: '401: Unauthorized', code: 0 });
    }
    this.record({ method, path, query, authorization, body, contentType, files });

    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/v10/gateway/bot') {
      return send(200, {
        url: this.gatewayUrl,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency },
      });
    }
    if (method === 'POST' && (m = path.match(/^\/v10\/interactions\/\d+\/([^/]+)\/callback$/))) {
      this.callback(m[1]!, body);
      return send(204);
    }
    if ((m = path.match(/^\/v10\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/))) {
      const shown = this.webhook(method, m[2]!, m[3], body);
      if (method === 'DELETE') return send(204);
      const channelId = this.tokenChannels.get(m[2]!) ?? this.channelId;
      if (method === 'PATCH' || method === 'POST') return send(200, { ...this.message(channelId, body, files), ...(shown ? { id: shown.id, flags: shown.ephemeral ? 64 : 0 } : {}) });
    }
    if (method === 'POST' && path === '/v10/users/@me/channels' && typeof body?.recipient_id === 'string') {
      const userId: string = body.recipient_id;
      const id = this.dmChannels.get(userId) ?? `7${userId.slice(1)}`;
      this.dmChannels.set(userId, id);
      return send(200, { id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: userId, username: `user${userId.slice(-4)}`, global_name: null, discriminator: '0', avatar: null }] });
    }
    if (method === 'POST' && (m = path.match(/^\/v10\/channels\/(\d+)\/messages$/))) {
      const dmUser = [...this.dmChannels].find(([, channel]) => channel === m![1])?.[0];
      if (dmUser && this.closedDms.has(dmUser)) return send(403, { message: 'Cannot send messages to this user', code: 50007 });
      return send(200, this.message(m[1]!, body, files));
    }
    if (method === 'POST' && /^\/v10\/channels\/\d+\/typing$/.test(path)) return send(204);
    if ((m = path.match(/^\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const key = m[2] ?? 'global';
      if (method === 'GET') return send(200, this.commands.get(key) ?? []);
      if (method === 'PUT' && Array.isArray(body)) {
        const stored = body.map((c: any) => this.storeCommand(m![1]!, m![2], c));
        this.commands.set(key, stored);
        return send(200, stored);
      }
    }
    return send(404, { message: 'Unknown route', code: 0 });
  }

  /** What an interaction (by token) has shown so far. */
  shown(token: string): InteractionMessages {
    let state = this.interactions.get(token);
    if (!state) this.interactions.set(token, (state = { pending: false, followUps: [] }));
    return state;
  }

  /** An interaction callback: type 4 answers (its flags decide visibility), type 5 defers (so do its flags). */
  private callback(token: string, body: any): void {
    const state = this.shown(token);
    const ephemeral = ((body?.data?.flags ?? 0) & 64) !== 0;
    if (body?.type === 4) state.original = { id: snowflake(), ephemeral, body: body.data };
    if (body?.type === 5) {
      state.original = { id: snowflake(), ephemeral, body: undefined };
      state.pending = true;
    }
  }

  /**
   * The interaction webhook, as Discord treats it: PATCH @original edits the original response
   * (keeping its visibility); the first follow-up (POST) after a type-5 deferral that is still
   * "thinking…" becomes that response, taking the deferral's visibility and ignoring its own
   * flags; any later follow-up is a new message whose flags (64) decide who sees it. Deleting the
   * original ends the deferral.
   */
  private webhook(method: string, token: string, message: string | undefined, body: any): ShownMessage | undefined {
    const state = this.shown(token);
    if (message === '@original' && state.original) {
      if (method === 'DELETE') state.original.deleted = true;
      if (method === 'PATCH') state.original.body = body;
      state.pending = false;
      return state.original;
    }
    if (method === 'POST' && message === undefined) {
      if (state.pending && state.original) {
        state.original.body = body;
        state.pending = false;
        return state.original;
      }
      const followUp = { id: snowflake(), ephemeral: ((body?.flags ?? 0) & 64) !== 0, body };
      state.followUps.push(followUp);
      return followUp;
    }
    return undefined;
  }

  /** A command as Discord stores and returns it: ids and defaults added, `required: false` dropped. */
  private storeCommand(applicationId: string, guildId: string | undefined, c: any): any {
    const options = (list: any[] | undefined): any[] | undefined =>
      list?.map(({ required, ...o }) => ({
        ...o,
        ...(required ? { required: true } : {}),
        name_localizations: null,
        description_localizations: null,
        ...(o.options ? { options: options(o.options) } : {}),
      }));
    return {
      id: snowflake(),
      application_id: applicationId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      name_localizations: null,
      description_localizations: null,
      ...(guildId ? { guild_id: guildId } : { dm_permission: true }),
      ...c,
      ...(c.options ? { options: options(c.options) } : {}),
    };
  }

  /** The message Discord creates from a body and its files (each attachment with its url, as Discord hosts it). */
  private message(channelId: string, body: any, files: RecordedFile[] = []): any {
    const described = (body?.attachments ?? []) as { id: number | string; description?: string }[];
    return {
      id: snowflake(),
      channel_id: channelId,
      author: this.botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: files.map((f) => {
        const id = snowflake();
        const description = described.find((a) => String(a.id) === f.field.replace(/^files\[(\d+)\]$/, '$1'))?.description;
        return {
          id,
          filename: f.filename,
          size: f.data.length,
          content_type: f.contentType,
          url: `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${f.filename}`,
          proxy_url: `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${f.filename}`,
          ...(description ? { description } : {}),
        };
      }),
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
    };
  }

  // ---------------------------------------------------------------- gateway

  private connect(ws: WebSocket): void {
    const connection: Connection = { ws };
    this.connections.add(connection);
    ws.on('close', () => this.connections.delete(connection));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let packet: any;
      try {
        packet = JSON.parse(String(data));
      } catch {
        return;
      }
      this.onPacket(connection, packet);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
  }

  private onPacket(connection: Connection, packet: { op: number; d: any }): void {
    const ws = connection.ws;
    switch (packet.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11 }));
        return;
      case 2: {
        this.identifies.push(packet.d);
        if (packet.d?.token !== this.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        const shard = packet.d.shard ?? [0, 1];
        const valid = Array.isArray(shard) && shard.length === 2 && shard.every((n: unknown) => Number.isInteger(n)) && shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1];
        if (!valid) {
          ws.close(4010, 'Invalid shard.');
          return;
        }
        const session: Session = { id: `session-${snowflake()}`, shard: [shard[0], shard[1]], intents: Number(packet.d.intents ?? 0), seq: 0 };
        this.sessions.set(session.id, session);
        connection.session = session;
        this.intents = session.intents;
        const guilds = this.guildIds.filter((g) => shardOf(g, session.shard[1]) === session.shard[0]);
        this.send(connection, 'READY', {
          v: 10,
          user: { ...this.botUser, discriminator: '0', avatar: null, verified: true, mfa_enabled: false, flags: 0 },
          guilds: guilds.map((id) => ({ id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: this.gatewayUrl,
          shard: session.shard,
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
        });
        for (const id of guilds) this.send(connection, 'GUILD_CREATE', this.guild(id));
        const ready = this.readyWaiters.filter((w) => w.shard === undefined || w.shard === session.shard[0]);
        this.readyWaiters = this.readyWaiters.filter((w) => !ready.includes(w));
        for (const w of ready) w.resolve();
        return;
      }
      case 6: {
        this.resumes.push(packet.d);
        const session = this.sessions.get(packet.d?.session_id);
        if (packet.d?.token !== this.token || !session) {
          ws.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        connection.session = session;
        this.send(connection, 'RESUMED', {});
        const resumed = this.resumedWaiters.filter((w) => w.shard === session.shard[0]);
        this.resumedWaiters = this.resumedWaiters.filter((w) => !resumed.includes(w));
        for (const w of resumed) w.resolve();
        return;
      }
    }
  }

  private send(connection: Connection, t: string, d: any): void {
    const session = connection.session!;
    this.dispatched.push({ shard: session.shard, t, ...(typeof d?.guild_id === 'string' ? { guildId: d.guild_id } : t === 'GUILD_CREATE' ? { guildId: d.id } : {}) });
    connection.ws.send(JSON.stringify({ op: 0, t, s: ++session.seq, d }));
  }

  /** The open, identified (or resumed) connections, newest last. */
  private live(): Connection[] {
    return [...this.connections].filter((c) => c.session && c.ws.readyState === c.ws.OPEN);
  }

  /** The newest open connection of a shard id (any count). */
  private shardConnection(shard: number): Connection {
    const connection = this.live().filter((c) => c.session!.shard[0] === shard).at(-1);
    if (!connection) throw new Error(`no gateway connection for shard ${shard}`);
    return connection;
  }

  /** The connection that owns a guild: its shard's; DMs (no guild) go to shard 0, as on Discord. */
  private route(guildId: string | undefined): Connection {
    if (guildId === undefined) return this.shardConnection(0);
    const connection = this.live().filter((c) => shardOf(guildId, c.session!.shard[1]) === c.session!.shard[0]).at(-1);
    if (!connection) throw new Error(`no gateway connection for the shard of guild ${guildId}`);
    return connection;
  }

  /** The [id, count] of every identified connection that is open, by shard id. */
  get connectedShards(): [number, number][] {
    return this.live()
      .map((c) => c.session!.shard)
      .sort((a, b) => a[0] - b[0]);
  }

  /** Resolves once a client has identified (on that shard, when given) and received READY (now, if one already has). */
  whenIdentified(shard?: number): Promise<void> {
    if (this.live().some((c) => shard === undefined || c.session!.shard[0] === shard)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push({ shard, resolve }));
  }

  /** The intents the last identified client connected with. */
  get identifiedIntents(): number {
    return this.intents;
  }

  /** Sends a dispatch (op 0) to the connection of the shard that owns `d.guild_id` (shard 0 without one). */
  dispatch(t: string, d: any): void {
    this.send(this.route(typeof d?.guild_id === 'string' ? d.guild_id : undefined), t, d);
  }

  /** Asks a shard's client to reconnect (op 7); resolves when it has resumed and been sent RESUMED. */
  reconnect(shard = 0): Promise<void> {
    const connection = this.shardConnection(shard);
    const resumed = new Promise<void>((resolve) => this.resumedWaiters.push({ shard, resolve }));
    connection.ws.send(JSON.stringify({ op: 7, d: null }));
    return resumed;
  }

  /** Drops a shard's TCP connection without a close frame (a network failure); resolves on RESUMED. */
  dropConnection(shard = 0): Promise<void> {
    const connection = this.shardConnection(shard);
    const resumed = new Promise<void>((resolve) => this.resumedWaiters.push({ shard, resolve }));
    connection.ws.terminate();
    return resumed;
  }

  /** The text channel of a guild the bot is in. */
  channelOf(guildId: string): string {
    const channel = this.channels.get(guildId);
    if (!channel) throw new Error(`the bot is not in guild ${guildId}`);
    return channel;
  }

  private guild(guildId: string): any {
    const channelId = this.channelOf(guildId);
    const primary = guildId === this.guildId;
    return {
      id: guildId,
      name: primary ? 'Backend Learners' : `Backend Learners ${guildId.slice(-4)}`,
      icon: null,
      owner_id: '999999999999999999',
      unavailable: false,
      member_count: 3,
      large: false,
      features: [],
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      system_channel_flags: 0,
      joined_at: new Date().toISOString(),
      roles: [
        { id: guildId, name: '@everyone', permissions: this.everyonePermissions, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: primary ? '444444444444444444' : `4${guildId.slice(1)}`, name: 'Mods', permissions: String(1 << 13), position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      channels: [{ id: channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: guildId, nsfw: false }],
      threads: [],
      members: [],
      presences: [],
      voice_states: [],
      emojis: [],
      stickers: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  // ---------------------------------------------------------------- events a user causes

  user(id: string, username: string, globalName: string | null = null): FakeUser {
    return { id, username, global_name: globalName };
  }

  private member(user: FakeUser, options: { permissions?: string; roles?: string[]; nick?: string | null } = {}) {
    return {
      user: { ...user, discriminator: '0', avatar: null },
      roles: options.roles ?? [],
      permissions: options.permissions ?? this.everyonePermissions,
      joined_at: new Date().toISOString(),
      nick: options.nick ?? null,
      deaf: false,
      mute: false,
      flags: 0,
    };
  }

  private interactionBase(type: number, user: FakeUser, where: { dm?: boolean; guildId?: string; permissions?: string; nick?: string | null }) {
    const id = snowflake();
    const token = `itoken-${id}`;
    const guildId = where.guildId ?? this.guildId;
    const channelId = where.dm ? `5${id.slice(1)}` : this.channelOf(guildId);
    this.tokenChannels.set(token, channelId);
    const common = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      app_permissions: '562949953421311',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      attachment_size_limit: 10_485_760,
    };
    if (where.dm) {
      return {
        ...common,
        channel_id: channelId,
        channel: { id: channelId, type: 1, recipients: [{ ...user, discriminator: '0', avatar: null }] },
        user: { ...user, discriminator: '0', avatar: null },
        context: 1,
      };
    }
    return {
      ...common,
      guild_id: guildId,
      guild_locale: 'en-US',
      channel_id: channelId,
      channel: { id: channelId, type: 0, name: 'general', guild_id: guildId, permission_overwrites: [], position: 0 },
      member: this.member(user, { permissions: where.permissions, nick: where.nick }),
      context: 0,
    };
  }

  /**
   * A slash command (INTERACTION_CREATE type 2). `options` are Discord's option objects, e.g.
   * [{ name: 'question', type: 3, value: '...' }] or [{ name: 'add', type: 1, options: [...] }].
   * It goes to the shard that owns `guildId` (default: the first guild).
   */
  slashCommand(input: { name: string; options?: any[]; user: FakeUser; dm?: boolean; guildId?: string; permissions?: string; nick?: string | null }): { id: string; token: string } {
    const base = this.interactionBase(2, input.user, input);
    this.dispatch('INTERACTION_CREATE', { ...base, data: { id: snowflake(), name: input.name, type: 1, options: input.options ?? [] } });
    return { id: base.id, token: base.token };
  }

  /** An autocomplete request (type 4): the focused option carries `focused: true`. */
  autocomplete(input: { name: string; options: any[]; user: FakeUser; guildId?: string }): { id: string; token: string } {
    const base = this.interactionBase(4, input.user, input.guildId ? { guildId: input.guildId } : {});
    this.dispatch('INTERACTION_CREATE', { ...base, data: { id: snowflake(), name: input.name, type: 1, options: input.options } });
    return { id: base.id, token: base.token };
  }

  /** A button click (type 3) on a message the bot sent. */
  buttonClick(input: { customId: string; user: FakeUser; dm?: boolean; guildId?: string }): { id: string; token: string } {
    const base = this.interactionBase(3, input.user, input);
    const message = { ...this.message(base.channel_id, {}), guild_id: input.dm ? undefined : (input.guildId ?? this.guildId) };
    this.dispatch('INTERACTION_CREATE', { ...base, message, data: { custom_id: input.customId, component_type: 2 } });
    return { id: base.id, token: base.token };
  }

  /**
   * A message posted in a guild's channel (default: the first guild's) or a DM. Content is blanked,
   * as Discord does, when the receiving shard's client lacks MessageContent and the message neither
   * mentions the bot nor is a DM.
   */
  postMessage(input: { content: string; author: FakeUser & { bot?: boolean }; mentions?: FakeUser[]; dm?: boolean; guildId?: string; channelId?: string }): { id: string; channelId: string } {
    const id = snowflake();
    const guildId = input.dm ? undefined : (input.guildId ?? this.guildId);
    const connection = this.route(guildId);
    const mentions = input.mentions ?? [];
    const readable = (connection.session!.intents & MESSAGE_CONTENT_INTENT) !== 0 || input.dm === true || mentions.some((u) => u.id === this.botUser.id) || input.author.id === this.botUser.id;
    const channelId = input.channelId ?? (guildId === undefined ? `6${id.slice(1)}` : this.channelOf(guildId));
    const author = { ...input.author, discriminator: '0', avatar: null };
    this.send(connection, 'MESSAGE_CREATE', {
      id,
      channel_id: channelId,
      ...(guildId === undefined ? { channel_type: 1 } : { guild_id: guildId, channel_type: 0, member: { ...this.member(input.author), user: undefined } }),
      author,
      content: readable ? input.content : '',
      embeds: [],
      attachments: [],
      components: [],
      mentions: mentions.map((u) => ({ ...u, discriminator: '0', avatar: null })),
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    });
    return { id, channelId };
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}

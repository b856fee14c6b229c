// What every Slack listener shares: the Bot, a cached directory of who is a workspace admin, each
// user's DM channel, the logger, one answerFor (Slack's side of the shared answer path,
// adapters/answer.ts), and the small translations between Slack and the core
// (incoming text -> plain text, Reply -> a response body, errors -> a log line without secrets).
import type { Logger, RespondArguments, webApi } from '@slack/bolt';
import type { Bot, DispatchTextOptions } from '../../../src/bot.js';
import type { Context } from '../../../src/command.js';
import type { Reply } from '../../../src/reply.js';
import { answer, visibilityOf, type Visibility } from '../../answer.js';
import { settlesWithin } from '../../timing.js';
import { readSlackMention } from '../user-mention.js';
import { renderSlack, slackUploads, type SlackMessage, type UploadPlace } from '../render.js';

export type WebClient = webApi.WebClient;

/** What a user's users.info says that matters here. */
export interface SlackUser {
  isAdmin: boolean;
  name?: string;
  /** The IANA zone on their Slack profile (users.info `tz`). */
  timeZone?: string;
}

/** How long an answer waits for a user's users.info before treating them as not a moderator. */
export const LOOKUP_TIMEOUT_MS = 1000;

/** Sets `key` as the newest entry of `cache`, dropping the oldest one when there are more than `maxEntries`. */
function remember<V>(cache: Map<string, V>, key: string, value: V, maxEntries: number): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

export interface UserDirectoryOptions {
  /** How long a users.info answer is trusted. */
  ttlMs?: number;
  /** How long a failed lookup (treated as "not an admin") is remembered before asking again. */
  failureTtlMs?: number;
  /** Most users remembered; the oldest entry goes first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Who is a moderator (workspace admin or owner), from users.info, cached per user so a busy
 * channel costs one lookup per person every few minutes. A failed lookup means "not a moderator".
 */
export class UserDirectory {
  private readonly cache = new Map<string, { expires: number; user: Promise<SlackUser> }>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly logger: Logger, options: UserDirectoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  lookup(client: WebClient, userId: string): Promise<SlackUser> {
    const now = this.now();
    const hit = this.cache.get(userId);
    if (hit && hit.expires > now) return hit.user;
    const entry = { expires: now + this.ttlMs, user: Promise.resolve<SlackUser>({ isAdmin: false }) };
    entry.user = this.ask(client, userId, entry);
    remember(this.cache, userId, entry, this.maxEntries);
    return entry.user;
  }

  /**
   * users.info, bounded: the WebClient retries for up to half an hour with no timeout, and every
   * answer for this user waits on this lookup. No answer within LOOKUP_TIMEOUT_MS counts as a
   * failure (not a moderator, asked again after failureTtlMs); a late answer is dropped.
   */
  private async ask(client: WebClient, userId: string, entry: { expires: number }): Promise<SlackUser> {
    try {
      const info = client.users.info({ user: userId });
      if (!(await settlesWithin(info, LOOKUP_TIMEOUT_MS))) throw new Error(`users.info gave no answer within ${LOOKUP_TIMEOUT_MS} ms`);
      const u = (await info).user;
      const name = u?.profile?.display_name || u?.real_name || u?.name;
      return { isAdmin: Boolean(u?.is_admin || u?.is_owner), ...(name ? { name } : {}), ...(u?.tz ? { timeZone: u.tz } : {}) };
    } catch (error) {
      this.logger.warn(`devpath: users.info failed for ${userId}; treating them as not a moderator: ${describeError(error)}`);
      entry.expires = this.now() + this.failureTtlMs;
      return { isAdmin: false };
    }
  }
}

/**
 * The bot's DM channel with each user, which stays the same for the pair: a Home tab click
 * (whose answer goes to the DM) costs one conversations.open per user, not one per click.
 */
export class DmChannels {
  private readonly cache = new Map<string, string>();

  constructor(private readonly maxEntries = 10_000) {}

  async open(client: WebClient, userId: string): Promise<string> {
    const known = this.cache.get(userId);
    if (known) return known;
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    remember(this.cache, userId, channel, this.maxEntries);
    return channel;
  }
}

export interface SlackDeps {
  bot: Bot;
  users: UserDirectory;
  dms: DmChannels;
  /** True the first time any instance sharing the store sees a delivery id, so a retried or replayed one is handled once. */
  firstDelivery: (id: string) => Promise<boolean>;
  logger: Logger;
  /** How long a slash command may take before its answer moves from the ack body to respond(). */
  ackBudgetMs: number;
}

export interface Who {
  userId: string;
  /** The name Slack gave in the payload, if any: used only when users.info gives none. */
  userName?: string | undefined;
  teamId?: string | undefined;
  channelId?: string | undefined;
}

/** The core's Context for a Slack user: moderator = workspace admin or owner. */
export async function contextFor(deps: SlackDeps, client: WebClient, who: Who): Promise<Context> {
  const user = await deps.users.lookup(client, who.userId);
  const context: Context = {
    platform: 'slack',
    userId: who.userId,
    // users.info's display name first, so one person has one name whichever way they asked
    // (a slash command's payload carries the legacy handle, a mention carries no name at all).
    userName: user.name || who.userName || who.userId,
    isModerator: user.isAdmin,
    communityId: who.teamId || 'slack',
    readMention: readSlackMention,
  };
  if (who.channelId) context.channelId = who.channelId;
  // The profile's zone: reminders are read in it unless the user set another with `timezone`.
  if (user.timeZone) context.timeZone = user.timeZone;
  return context;
}

/**
 * Where one answer goes: the listener's Slack primitives for the shared answer path. The path
 * decides when to defer, what the apology says and whether a reply is private; these only do it.
 */
export interface Destination {
  /**
   * Sends a reply (the answer, or the apology), rendered to say where its pictures and files go
   * (`uploads`), seen only by the asker when `visibility.private`.
   */
  send(reply: Reply, uploads: UploadPlace | undefined, visibility: Visibility): Promise<unknown>;
  /** Acknowledges an answer that is not ready within `deferAfterMs` (a slash command's empty ack); none: never. */
  defer?: () => Promise<unknown>;
  deferAfterMs?: number;
  /** Where the answer's pictures and files can go besides the asker's DM. */
  files: FileTarget;
}

/**
 * The conversation an answer is posted in, for its uploads: a public answer's pictures go there
 * (in its thread); `isDm` when it is the asker's DM with the bot (everything can go there).
 * `notify` tells the asker, privately, when a picture meant for the channel went to their DM.
 */
export interface FileTarget {
  channel?: string | undefined;
  threadTs?: string | undefined;
  isDm?: boolean;
  notify?: (text: string) => Promise<unknown>;
}

/**
 * Where a reply's pictures and files go (undefined: it has none). Into the conversation of the
 * answer when that is the asker's DM, or when the answer is public and has no file (an export is
 * private); otherwise to the asker's DM (Slack cannot upload into an ephemeral message).
 */
export function uploadPlace(reply: Reply, target: FileTarget, visibility: Visibility = visibilityOf(reply)): UploadPlace | undefined {
  const kinds = reply.card.children.map((n) => n.type);
  if (!kinds.includes('image') && !kinds.includes('file')) return undefined;
  if (target.isDm) return 'here';
  return visibility.private || kinds.includes('file') || !target.channel ? 'dm' : 'here';
}

/** Errors from a channel the bot cannot post files into: then the asker's DM instead. */
const NOT_HERE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'not_allowed_token_type', 'invalid_channel']);

/**
 * Uploads the reply's pictures and files (files.uploadV2: files.getUploadURLExternal, the bytes
 * to the upload URL, files.completeUploadExternal) where `place` says. A picture the channel
 * refuses (the bot was never invited) goes to the asker's DM, and they are told. Never throws:
 * the answer has gone out already; a failure is logged.
 */
export async function sendUploads(deps: SlackDeps, client: WebClient, userId: string, reply: Reply, place: UploadPlace, target: FileTarget): Promise<void> {
  let movedToDm = false;
  for (const upload of slackUploads(reply)) {
    const send = async (where: UploadPlace) => {
      const channel = where === 'here' && target.channel ? target.channel : await deps.dms.open(client, userId);
      const file = { channel_id: channel, file: upload.data, filename: upload.filename, title: upload.title, ...(upload.altText ? { alt_text: upload.altText } : {}) };
      const threadTs = where === 'here' ? target.threadTs : undefined;
      await (threadTs ? client.files.uploadV2({ ...file, thread_ts: threadTs }) : client.files.uploadV2(file));
    };
    try {
      try {
        await send(place);
      } catch (error) {
        const code = (error as { data?: { error?: unknown } }).data?.error;
        if (place !== 'here' || target.isDm || typeof code !== 'string' || !NOT_HERE.has(code)) throw error;
        deps.logger.warn(`devpath: Slack refused ${upload.filename} in ${target.channel} (${code}); sending it to the asker's DM`);
        await send('dm');
        movedToDm = true;
      }
    } catch (error) {
      logFailure(deps, `upload of ${upload.filename}`, error);
    }
  }
  if (movedToDm && target.notify) {
    await target
      .notify(`I could not post the picture in this channel (invite me with /invite @devpath to have it here), so it is in your direct messages with devpath.`)
      .catch((error: unknown) => logFailure(deps, 'upload notice', error));
  }
}

/**
 * What every listener does, through the shared answer path: the asker's Context, the core's Reply
 * for `line` (a question when it is not a command, by `options`), sent with `to.send`, then its
 * pictures and files uploaded where the message said. Any failure is logged as `where` and
 * answered with the shared apology through `to.send`, whose own failure is logged as
 * `${where} apology`; never throws.
 */
export async function answerFor(
  deps: SlackDeps,
  client: WebClient,
  where: string,
  who: Who,
  line: string,
  to: Destination,
  options: DispatchTextOptions = { fallbackToAsk: true },
): Promise<void> {
  await answer(
    {
      ...(to.defer ? { defer: to.defer, deferAfterMs: to.deferAfterMs ?? 0 } : {}),
      async send(reply, visibility) {
        const place = uploadPlace(reply, to.files, visibility);
        await to.send(reply, place, visibility);
        if (place) await sendUploads(deps, client, who.userId, reply, place, to.files);
      },
      logError: (stage, error) => logFailure(deps, stage === 'apology' ? `${where} apology` : where, error),
    },
    async () => deps.bot.dispatchText(line, await contextFor(deps, client, who), options),
  );
}

/** A user mention, `<@U123>` or `<@U123|name>`, compiled once; the bot's own is told apart by its id. */
const USER_MENTION = /<@([A-Z0-9]+)(?:\|([^>]*))?>/g;

/**
 * Slack's message markup -> the plain text the core parses: the bot's own mention goes, other
 * mentions and links become readable words, and the three entities are decoded.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  const out = text
    .replace(USER_MENTION, (_m, id: string, name: string | undefined) => (id === botUserId ? ' ' : `@${name || id}`))
    .replace(/<#([A-Z0-9]+)\|([^>]*)>/g, (_m, id: string, name: string) => `#${name || id}`)
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]+)>/g, '$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1');
  return out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
}

/** A Reply as a slash-command or response_url body (`uploads`: where its pictures and files go). */
export function toResponse(reply: Reply, uploads?: UploadPlace, visibility: Visibility = visibilityOf(reply)): RespondArguments & SlackMessage {
  return { response_type: visibility.private ? 'ephemeral' : 'in_channel', ...renderSlack(reply, { uploads }) };
}

/** An error as one log line: name, Slack error code, message, with anything token-shaped removed. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error));
  const code = (error as { code?: unknown }).code;
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  const parts = [error.name, typeof code === 'string' ? code : undefined, typeof slackError === 'string' ? slackError : undefined, error.message];
  return redact(parts.filter(Boolean).join(': '));
}

export function redact(text: string): string {
  return text.replace(/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, '[redacted token]').replace(/https:\/\/hooks\.slack\.com\/\S+/g, '[response_url]');
}

/** Logs a failed handler; never throws. */
export function logFailure(deps: SlackDeps, where: string, error: unknown): void {
  try {
    deps.logger.error(`devpath: Slack ${where} failed: ${describeError(error)}`);
  } catch {
    // A broken logger must not take the adapter down.
  }
}

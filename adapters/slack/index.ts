// The Slack adapter: a Bolt App in Socket Mode (SLACK_APP_TOKEN set: no public URL needed) or
// over HTTP (POST /slack/events on PORT, checked with SLACK_SIGNING_SECRET). It is a thin door:
// listeners turn Slack's events into dispatchText calls and render.ts turns the Reply into blocks.
//
// start() first checks the bot token with auth.test (which also gives the bot's ids, so Bolt need
// not ask again) and turns a rejected token into a StartError with a clear message.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Logger } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import type { SlackConfig } from './config.js';
import type { Adapter } from '../adapter.js';
import { StartError } from '../start-error.js';
import { slackDeliverer } from './deliver.js';
import { registerListeners } from './listeners/index.js';
import { describeError, DmChannels, UserDirectory, type SlackDeps } from './listeners/shared.js';

export interface SlackAdapterOptions {
  /** Interface for HTTP mode; all interfaces when unset (Slack must reach it). */
  host?: string;
  /** Overrides config.PORT in HTTP mode; 0 picks a free port. */
  port?: number;
  /** Web API retries; Bolt's default (a long backoff) when unset. Tests use 0. */
  retries?: number;
  logger?: Logger;
  logLevel?: LogLevel;
  /** The bot's ids, when known, skip the auth.test at start. */
  botId?: string;
  botUserId?: string;
  /** How long a slash command's answer may take to still ride in the ack (default 2000 ms; 0 = always respond()). */
  ackBudgetMs?: number;
  /** How long a user's admin status is cached (default 5 minutes). */
  userCacheMs?: number;
  /** Bolt answers an un-acked HTTP request after this long (default 3001 ms). */
  unhandledRequestTimeoutMillis?: number;
  /** Socket Mode reconnects by itself unless this is false. */
  autoReconnect?: boolean;
}

export interface SlackAdapter extends Adapter {
  readonly mode: 'socket' | 'http';
  /** HTTP mode: the base URL requests go to (`${url}/slack/events`), once started. */
  readonly url: string | undefined;
}

/** Tokens Slack rejects outright: the user must fix the configuration. */
const REJECTED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}

export function createSlackAdapter(bot: Bot, config: SlackConfig, options: SlackAdapterOptions = {}): SlackAdapter {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new StartError('devpath: the Slack adapter needs SLACK_BOT_TOKEN (a bot token, xoxb-...).');
  // config.ts already refuses a bot token with neither of these: no app token means HTTP mode.
  const appToken = config.SLACK_APP_TOKEN;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  const mode: 'socket' | 'http' = appToken ? 'socket' : 'http';
  const apiUrl = config.SLACK_API_URL;
  // A fresh options object each time: Bolt and the Socket Mode client write into the one they get.
  const clientOptions = (): webApi.WebClientOptions => ({
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });

  let app: App | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  let server: Server | undefined;
  let url: string | undefined;

  let teamId: string | undefined;
  // Kept across restarts of the door: who is a moderator, and each user's DM channel.
  let users: UserDirectory | undefined;
  const dms = new DmChannels();

  async function identify(): Promise<{ botId: string; botUserId: string; teamId?: string }> {
    if (options.botId && options.botUserId) return { botId: options.botId, botUserId: options.botUserId };
    // Fail fast at start: a couple of retries, not Bolt's half hour.
    const client = new webApi.WebClient(token, { ...clientOptions(), retryConfig: { retries: options.retries ?? 2 } });
    try {
      const result = await client.auth.test();
      if (!result.bot_id || !result.user_id) {
        throw new StartError('devpath: SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id). Use the Bot User OAuth Token (xoxb-...).');
      }
      return { botId: result.bot_id, botUserId: result.user_id, ...(result.team_id ? { teamId: result.team_id } : {}) };
    } catch (error) {
      if (error instanceof StartError) throw error;
      const code = slackErrorCode(error);
      if (code && REJECTED.has(code)) {
        throw new StartError(
          `devpath: Slack rejected SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token (xoxb-...) from your app's "OAuth & Permissions" page, and reinstall the app to the workspace if it was removed.`,
        );
      }
      throw new StartError(`devpath: could not check SLACK_BOT_TOKEN with Slack${apiUrl ? ` at ${apiUrl}` : ''}: ${describeError(error)}`);
    }
  }

  return {
    name: 'slack',
    mode,
    get url() {
      return url;
    },

    async start() {
      const logger = options.logger;
      const logLevel = options.logLevel ?? LogLevel.INFO;
      const ids = await identify();
      teamId = ids.teamId;
      const receiver = appToken
        ? (socketReceiver = new SocketModeReceiver({
            appToken,
            logLevel,
            ...(logger ? { logger } : {}),
            ...(options.autoReconnect === false ? { autoReconnectEnabled: false } : {}),
            installerOptions: { clientOptions: clientOptions() },
          }))
        : new HTTPReceiver({
            signingSecret: signingSecret!,
            logLevel,
            ...(logger ? { logger } : {}),
            ...(options.unhandledRequestTimeoutMillis !== undefined ? { unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMillis } : {}),
          });
      const created = new App({
        token,
        receiver,
        botId: ids.botId,
        botUserId: ids.botUserId,
        // No conversation store: devpath keeps no per-conversation state in Bolt (one less step per request).
        convoStore: false,
        clientOptions: clientOptions(),
        logLevel,
        ...(logger ? { logger } : {}),
      });
      const log = logger ?? created.logger;
      users = new UserDirectory(log, options.userCacheMs !== undefined ? { ttlMs: options.userCacheMs } : {});
      const deps: SlackDeps = {
        bot,
        users,
        dms,
        firstDelivery: (id) => bot.services.store.firstDelivery(id, Date.now()),
        logger: log,
        ackBudgetMs: options.ackBudgetMs ?? 2000,
      };
      registerListeners(created, deps);
      app = created;

      if (socketReceiver) {
        try {
          await created.start();
        } catch (error) {
          await socketReceiver.client.disconnect().catch(() => undefined);
          socketReceiver = undefined;
          app = undefined;
          const code = slackErrorCode(error);
          if (code && REJECTED.has(code)) {
            throw new StartError(
              `devpath: Slack rejected SLACK_APP_TOKEN (${code}). Create an app-level token with the connections:write scope on your app's "Basic Information" page, and turn on Socket Mode.`,
            );
          }
          throw new StartError(`devpath: could not open a Socket Mode connection to Slack: ${describeError(error)}`);
        }
        log.info('devpath: Slack connected (Socket Mode)');
        return;
      }
      const port = options.port ?? config.PORT;
      server = (await created.start(options.host ? { port, host: options.host } : port)) as Server;
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host}:${address.port}`;
      log.info(`devpath: Slack listening for HTTP requests on port ${address.port} (POST /slack/events)`);
    },

    deliverer: slackDeliverer({ client: () => app?.client, teamId: () => teamId, dms, users: { lookup: (client, user) => (users ? users.lookup(client, user) : Promise.resolve({ isAdmin: false })) } }),

    async stop() {
      const current = app;
      app = undefined;
      if (!current) return;
      if (socketReceiver) {
        // app.stop() does not wait for the socket (a timer would keep Node alive): disconnect ourselves.
        await socketReceiver.client.disconnect();
        socketReceiver = undefined;
        return;
      }
      const closing = current.stop();
      server?.closeIdleConnections();
      await closing;
      server = undefined;
      url = undefined;
    },
  };
}

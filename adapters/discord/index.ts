// The Discord door: a discord.js Client that turns slash commands, autocomplete, button clicks,
// mentions and DMs into Bot calls, and the Bot's Reply into a message (render.ts), its pictures
// and files attached (multipart; the embed shows a picture by attachment://). It asks for the
// minimal intents: Guilds, GuildMessages, DirectMessages. No MessageContent, no other privileged
// intent: Discord still shows the bot a message's text when the message mentions it or is a DM,
// which is all it answers. Every answer takes the shared answer path (adapters/answer.ts), which
// decides when to defer, sends the core's apology when anything throws, and says when a reply is
// private; this door only does it: ephemeral on an interaction (also after a deferral, see
// deliver()), by DM for a mention in a server channel. The client keeps running. discord.js resumes a dropped gateway
// connection itself. DISCORD_SHARDS runs several gateway shards in this one process (see shardOptions);
// `npm run start:shards` (shards.ts) runs one process per shard instead.
import { workerData } from 'node:worker_threads';
import {
  Client,
  DefaultRestOptions,
  Events,
  GatewayIntentBits,
  Partials,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type CommandInteractionOption,
  type Interaction,
  type Message,
  type RepliableInteraction,
  type RESTOptions,
} from 'discord.js';
import type { Adapter } from '../adapter.js';
import { readDiscordMention } from './mention.js';
import type { Bot } from '../../src/bot.js';
import type { Context, Invocation } from '../../src/command.js';
import type { DiscordConfig } from './config.js';
import { reply, type Reply } from '../../src/reply.js';
import { answer, type AnswerDoor, type Visibility } from '../answer.js';
import { StartError } from '../start-error.js';
import { clip, commandRoutes, MAX_CHOICE_NAME, MAX_CHOICE_VALUE, MAX_CHOICES } from './commands.js';
import { discordDeliverer } from './deliver.js';
import { explainDiscordError } from './errors.js';
import { messageOf } from './message.js';
import { commandFromCustomId, EPHEMERAL, renderDiscord, type DiscordPayload } from './render.js';

/** Discord allows 3 s to answer an interaction; past this the adapter defers and edits later. */
const DEFER_AFTER_MS = 1500;

export interface DiscordAdapterOptions {
  /** Merged into the discord.js ClientOptions (tests shorten waitGuildTimeout and turn off retries). */
  clientOptions?: Partial<ClientOptions>;
  /** When to defer an interaction whose answer is not ready (default 1500 ms). */
  deferAfterMs?: number;
  /** Where errors go; never given the token. Defaults to console.error. */
  logError?: (message: string, error: unknown) => void;
}

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** A message payload without flags (a plain message cannot be ephemeral). */
function forMessage<P extends DiscordPayload>(payload: P): Omit<P, 'flags'> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

/** An interaction payload seen by the asker alone (flag 64) when `visibility.private`, else by everyone. */
function forInteraction<P extends DiscordPayload>(payload: P, visibility: Visibility): Omit<P, 'flags'> & { flags?: number } {
  return visibility.private ? { ...forMessage(payload), flags: EPHEMERAL } : forMessage(payload);
}

/** What the public "thinking…" placeholder becomes when the answer behind it is private. */
const SENT_PRIVATELY = reply({ title: "I've replied to you privately." });

/** The channel's line when a private answer to a mention went by DM, and when it could not. */
const SENT_BY_DM = reply({ title: "I've sent you the answer in a direct message." });
const DM_REFUSED = reply({ title: "I couldn't send you a direct message. Use the slash command for a private answer." });

/**
 * discord.js's REST request, with a message's files (a FormData body) turned into bytes first.
 * discord.js sends through undici's process-wide dispatcher, and the first undici loaded installs
 * it: with both tokens set, the Slack door is loaded first and its undici 7 (Bolt's Socket Mode
 * client) cannot send Node's FormData ("action is not a function"), so every Discord answer with a
 * picture or a file, and every digest, failed. Bytes with their multipart content type go through
 * any dispatcher; everything else is discord.js's own request, unchanged.
 */
export const makeRequest: RESTOptions['makeRequest'] = async (url, init) => {
  if (!(init.body instanceof FormData)) return DefaultRestOptions.makeRequest(url, init);
  // Node's own Response encodes Node's FormData (the one discord.js builds) with its boundary.
  const encoded = new Response(init.body);
  const headers = { ...(init.headers as Record<string, string> | undefined), 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data' };
  return DefaultRestOptions.makeRequest(url, { ...init, headers, body: Buffer.from(await encoded.arrayBuffer()) });
};

/**
 * DISCORD_SHARDS as discord.js's `shards` and `shardCount`: `auto` fetches Discord's recommended count
 * (GET /gateway/bot, through rest.api, so DISCORD_REST_URL too); N runs shards 0..N-1 of N. A process
 * that a ShardingManager started has its shard in SHARDS and SHARD_COUNT (process.env, or workerData
 * in worker mode); discord.js's Client reads them only while `shards` and `shardCount` are left at
 * their defaults, so then DISCORD_SHARDS is not applied and the manager's assignment stands.
 */
export function shardOptions(
  setting: DiscordConfig['DISCORD_SHARDS'],
  assigned: Record<string, unknown> = (workerData as Record<string, unknown> | null) ?? process.env,
): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (setting === undefined || 'SHARDS' in assigned || 'SHARD_COUNT' in assigned) return {};
  if (setting === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: setting }, (_, i) => i), shardCount: setting };
}

export function createDiscordAdapter(bot: Bot, config: DiscordConfig, options: DiscordAdapterOptions = {}): Adapter {
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const logError = options.logError ?? ((message, error) => console.error(`devpath discord: ${message}`, error));
  let client: Client | undefined;
  /** Discord's command, subcommand and option names back to the declarations, built once. */
  const routes = commandRoutes(bot.commands);
  /** `<@id>` and `<@!id>` for the bot's own id, compiled on the first message (the id is known once logged in). */
  let mention: RegExp | undefined;

  function newClient(): Client {
    const { rest, ...rest_of } = options.clientOptions ?? {};
    return new Client({
      intents: INTENTS,
      partials: [Partials.Channel],
      ...shardOptions(config.DISCORD_SHARDS),
      ...rest_of,
      rest: { makeRequest, ...(config.DISCORD_REST_URL ? { api: config.DISCORD_REST_URL.replace(/\/+$/, '') } : {}), ...rest },
    });
  }

  // ------------------------------------------------------------ context

  function interactionContext(interaction: Interaction): Context {
    const member = interaction.member;
    const displayName =
      member && 'displayName' in member
        ? member.displayName
        : (member?.nick ?? interaction.user.globalName ?? interaction.user.username);
    return {
      platform: 'discord',
      userId: interaction.user.id,
      userName: displayName,
      isModerator: interaction.inGuild() ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false) : false,
      communityId: interaction.guildId ?? `dm:${interaction.user.id}`,
      ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
      readMention: readDiscordMention,
    };
  }

  function messageContext(message: Message): Context {
    let isModerator = false;
    if (message.inGuild() && message.member) {
      try {
        isModerator = message.member.permissionsIn(message.channelId).has(PermissionFlagsBits.ManageMessages);
      } catch {
        isModerator = false;
      }
    }
    return {
      platform: 'discord',
      userId: message.author.id,
      userName: message.member?.displayName ?? message.author.displayName,
      isModerator,
      communityId: message.guildId ?? `dm:${message.author.id}`,
      channelId: message.channelId,
      readMention: readDiscordMention,
    };
  }

  // ------------------------------------------------------------ slash commands

  /** Discord's option values, keyed by the core's option names. */
  function invocationOf(interaction: ChatInputCommandInteraction): Invocation | undefined {
    const route = routes.get(interaction.commandName);
    if (!route) return undefined;
    const subName = interaction.options.getSubcommand(false);
    const leaf = route.leaves.get(subName ?? '');
    let data: readonly CommandInteractionOption[] = interaction.options.data;
    if (subName) data = data.find((o) => o.name === subName)?.options ?? [];
    const values: Record<string, unknown> = {};
    for (const option of data) values[leaf?.options.get(option.name)?.name ?? option.name] = option.value;
    const invocation: Invocation = { command: route.spec.name, options: values };
    if (subName) invocation.subcommand = leaf?.spec.name ?? subName;
    return invocation;
  }

  /**
   * Sends a Reply on an interaction, the one way both answers and apologies go. Before the
   * interaction is acknowledged it is a reply (its flags decide who sees it). After a public
   * deferral Discord turns the first follow-up into the "thinking…" message, with the deferral's
   * visibility and ignoring flag 64; so a private Reply first edits the placeholder into a short
   * public line and only then follows up ephemerally. Private content is never that first follow-up.
   */
  async function deliver(interaction: RepliableInteraction, reply: Reply, visibility: Visibility): Promise<void> {
    const payload = forInteraction(messageOf(reply), visibility);
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(payload);
      return;
    }
    if (interaction.deferred && !interaction.replied) {
      if (!visibility.private) {
        await interaction.editReply(payload);
        return;
      }
      await interaction.editReply(renderDiscord(SENT_PRIVATELY));
    }
    await interaction.followUp(payload);
  }

  /** An interaction as a door of the answer path: answered at once when ready within deferAfterMs; otherwise deferred publicly first. */
  function interactionDoor(interaction: ChatInputCommandInteraction | ButtonInteraction): AnswerDoor {
    return {
      deferAfterMs,
      defer: () => interaction.deferReply(),
      send: (reply, visibility) => deliver(interaction, reply, visibility),
      logError: (stage, error) =>
        logError(stage === 'answer' ? `error handling interaction ${interaction.id}:` : `could not send an apology for interaction ${interaction.id}:`, error),
    };
  }

  async function onChatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    await answer(interactionDoor(interaction), async () => {
      const invocation = invocationOf(interaction);
      const context = interactionContext(interaction);
      return invocation ? bot.dispatch(invocation, context) : bot.dispatchText(interaction.commandName, context);
    });
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const line = commandFromCustomId(interaction.customId);
    if (line === undefined) return; // another app's button; not ours to answer
    await answer(interactionDoor(interaction), async () => bot.dispatchText(line, interactionContext(interaction)));
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const leaf = routes.get(interaction.commandName)?.leaves.get(interaction.options.getSubcommand(false) ?? '');
    const source = leaf?.options.get(focused.name)?.autocomplete;
    const choices = source
      ? (await bot.complete(source, String(focused.value ?? ''), interactionContext(interaction)))
          // A cut value would be another value: a choice whose value does not fit is left out.
          .filter((c) => c.value && c.value.length <= MAX_CHOICE_VALUE)
          .slice(0, MAX_CHOICES)
          .map((c) => ({ name: clip(c.label, MAX_CHOICE_NAME, c.value), value: c.value }))
      : [];
    await interaction.respond(choices);
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await onChatInput(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (error) {
      // Commands and buttons never get here (the answer path answers their failures); autocomplete
      // does: a failed lookup offers no choices rather than leave Discord waiting.
      logError(`error handling interaction ${interaction.id}:`, error);
      try {
        if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]);
      } catch (respondError) {
        logError(`could not answer autocomplete ${interaction.id}:`, respondError);
      }
    }
  }

  // ------------------------------------------------------------ mentions and DMs

  async function onMessage(message: Message): Promise<void> {
    const me = message.client.user;
    if (message.author.bot || message.author.id === me.id || message.system) return;
    const isDm = !message.inGuild();
    const mentioned = message.mentions.users.has(me.id);
    if (!isDm && !mentioned) return;
    mention ??= new RegExp(`<@!?${me.id}>`, 'g');
    const text = message.content.replace(mention, ' ').trim();
    const channel = message.channel;
    await answer(
      {
        deferAfterMs,
        // A message cannot be deferred: a slow answer shows "devpath is typing…" instead.
        ...('sendTyping' in channel ? { defer: () => channel.sendTyping().catch(() => undefined) } : {}),
        send: (reply, visibility) => answerMessage(message, reply, visibility),
        logError: (stage, error) => logError(stage === 'answer' ? `error answering message ${message.id}:` : `could not send an apology for message ${message.id}:`, error),
      },
      async () => bot.dispatchText(text, messageContext(message), { fallbackToAsk: true }),
    );
  }

  /**
   * Replies to a mention or DM. A message cannot be ephemeral, so a private Reply to a mention in
   * a server channel goes to the author by DM and the channel only gets a one-line pointer; when
   * the DM fails (closed DMs), the channel is told to use the slash command instead.
   */
  async function answerMessage(message: Message, reply: Reply, visibility: Visibility): Promise<void> {
    const payload = forMessage(messageOf(reply));
    if (!visibility.private || !message.inGuild()) {
      await message.reply(payload);
      return;
    }
    const sent = await message.author.send(payload).then(
      () => true,
      (error: unknown) => {
        logError(`could not DM the answer to message ${message.id}:`, error);
        return false;
      },
    );
    await message.reply(renderDiscord(sent ? SENT_BY_DM : DM_REFUSED));
  }

  /**
   * A shard process whose ShardingManager has gone (its IPC channel closed: the manager was killed)
   * stops, through main's SIGTERM handler, rather than live on as an orphan that a restarted manager
   * would duplicate (two processes on one shard answer every command twice).
   */
  const managerGone = () => {
    console.error('devpath discord: the sharding manager closed its channel (it is stopping, or was killed); stopping this shard.');
    process.kill(process.pid, 'SIGTERM');
  };

  return {
    name: 'discord',
    async start() {
      if (!config.DISCORD_TOKEN) throw new StartError('DISCORD_TOKEN is not set. Copy .env.example to .env and add the bot token.');
      const c = newClient();
      client = c;
      c.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
      c.on(Events.MessageCreate, (message) => void onMessage(message));
      c.on(Events.Error, (error) => logError('client error:', error));
      if (c.shard?.mode === 'process') {
        // Started by start:shards: stop with the manager (see managerGone); if it has gone already, do not start.
        if (!process.connected) {
          client = undefined;
          await c.destroy().catch(() => undefined);
          throw new StartError('The Discord sharding manager has gone; this shard does not start.');
        }
        process.once('disconnect', managerGone);
      }
      const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
      try {
        await c.login(config.DISCORD_TOKEN);
        await ready;
      } catch (error) {
        client = undefined;
        process.off('disconnect', managerGone);
        await c.destroy().catch(() => undefined);
        const clear = explainDiscordError(error, config.DISCORD_REST_URL);
        if (clear) throw new StartError(clear);
        throw new StartError(`Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async stop() {
      const c = client;
      client = undefined;
      process.off('disconnect', managerGone);
      await c?.destroy();
    },
    deliverer: discordDeliverer(() => client),
  };
}

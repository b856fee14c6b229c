// The Discord door: a discord.js Client that turns slash commands, autocomplete, button clicks,
// mentions and DMs into Bot calls, and the Bot's Reply into a message (render.ts), its pictures
// and files attached (multipart; the embed shows a picture by attachment://). It asks for the
// minimal intents: Guilds, GuildMessages, DirectMessages. No MessageContent, no other privileged
// intent: Discord still shows the bot a message's text when the message mentions it or is a DM,
// which is all it answers. A private Reply stays private: ephemeral on an interaction (also after a
// deferral, see deliver()), by DM for a mention in a server channel. Handler errors are logged and
// answered with a private apology; the client keeps running. discord.js resumes a dropped gateway
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
import type { Bot } from '../../src/bot.js';
import type { Context, Invocation } from '../../src/command.js';
import type { Config } from '../../src/config.js';
import { internalErrorReply, reply, type Reply } from '../../src/reply.js';
import { settlesWithin } from '../timing.js';
import { StartError } from '../start-error.js';
import { clip, commandRoutes, MAX_CHOICE_NAME, MAX_CHOICE_VALUE, MAX_CHOICES } from './commands.js';
import { discordDeliverer } from './deliver.js';
import { explainDiscordError } from './errors.js';
import { messageOf } from './message.js';
import { commandFromCustomId, renderDiscord, type DiscordPayload } from './render.js';

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
  setting: Config['DISCORD_SHARDS'],
  assigned: Record<string, unknown> = (workerData as Record<string, unknown> | null) ?? process.env,
): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (setting === undefined || 'SHARDS' in assigned || 'SHARD_COUNT' in assigned) return {};
  if (setting === 'auto') return { shards: 'auto' };
  return { shards: Array.from({ length: setting }, (_, i) => i), shardCount: setting };
}

export function createDiscordAdapter(bot: Bot, config: Config, options: DiscordAdapterOptions = {}): Adapter {
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
  async function deliver(interaction: RepliableInteraction, reply: Reply): Promise<void> {
    const payload = messageOf(reply);
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(payload);
      return;
    }
    if (interaction.deferred && !interaction.replied) {
      if (!reply.ephemeral) {
        await interaction.editReply(payload);
        return;
      }
      await interaction.editReply(renderDiscord(SENT_PRIVATELY));
    }
    await interaction.followUp(payload);
  }

  /** Answers at once when the Reply is ready within deferAfterMs; otherwise defers publicly first. */
  async function answer(interaction: ChatInputCommandInteraction | ButtonInteraction, work: Promise<Reply>): Promise<void> {
    if (!(await settlesWithin(work, deferAfterMs))) await interaction.deferReply();
    await deliver(interaction, await work);
  }

  async function onChatInput(interaction: ChatInputCommandInteraction): Promise<void> {
    const invocation = invocationOf(interaction);
    const context = interactionContext(interaction);
    const work = invocation
      ? bot.dispatch(invocation, context)
      : bot.dispatchText(interaction.commandName, context);
    await answer(interaction, work);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const line = commandFromCustomId(interaction.customId);
    if (line === undefined) return; // another app's button; not ours to answer
    await answer(interaction, bot.dispatchText(line, interactionContext(interaction)));
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
      logError(`error handling interaction ${interaction.id}:`, error);
      await apologise(interaction);
    }
  }

  async function apologise(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
        return;
      }
      if (!interaction.isRepliable()) return;
      await deliver(interaction, internalErrorReply());
    } catch (error) {
      logError(`could not send an apology for interaction ${interaction.id}:`, error);
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
    try {
      const work = bot.dispatchText(text, messageContext(message), { fallbackToAsk: true });
      if (!(await settlesWithin(work, deferAfterMs)) && 'sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
      await answerMessage(message, await work);
    } catch (error) {
      logError(`error answering message ${message.id}:`, error);
      try {
        await answerMessage(message, internalErrorReply());
      } catch (replyError) {
        logError(`could not send an apology for message ${message.id}:`, replyError);
      }
    }
  }

  /**
   * Replies to a mention or DM. A message cannot be ephemeral, so a private Reply to a mention in
   * a server channel goes to the author by DM and the channel only gets a one-line pointer; when
   * the DM fails (closed DMs), the channel is told to use the slash command instead.
   */
  async function answerMessage(message: Message, reply: Reply): Promise<void> {
    const payload = forMessage(messageOf(reply));
    if (!reply.ephemeral || !message.inGuild()) {
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

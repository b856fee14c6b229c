// What a command is. Each command is declared once (name, description, typed options, examples)
// and that declaration drives text parsing, validation, help, Discord's slash commands and
// Slack's text. run() returns a Reply; it never talks to a platform.
import type { Conversations } from './conversation.js';
import type { Knowledge, Source } from './knowledge/schema.js';
import type { OptionSpec, OptionValues } from './options.js';
import type { Reply } from './reply.js';
import type { Search } from './search/index.js';
import type { Store } from './store/store.js';

export type Platform = 'terminal' | 'discord' | 'slack';

/** Who is asking and where: adapters fill this in from their platform's event. */
export interface Context {
  platform: Platform;
  userId: string;
  userName: string;
  /** Manage Messages in Discord, a workspace admin in Slack, always true in the terminal. */
  isModerator: boolean;
  /** Discord guild, Slack workspace, or "local" in the terminal. Community data is scoped by it. */
  communityId: string;
  channelId?: string;
  /**
   * The time zone a door knows for this user (an IANA name): the machine's in the terminal, the
   * user's profile zone in Slack. Discord tells none. A zone the user set with `timezone` wins.
   */
  timeZone?: string;
  /**
   * The person who runs devpath on this machine (the terminal and the devpath command): their own
   * data, so no write limit, and a failed save tells them the file and how to fix it. A door sets
   * it; the core never decides it from the platform's name.
   */
  operator?: boolean;
}

/** What the core gives every command besides the caller's context. */
export interface Services {
  knowledge: Knowledge;
  sources: Map<string, Source>;
  search: Search;
  commands: readonly CommandSpec[];
  now: () => Date;
  /** Community data (progress, tips, groups, unanswered questions), scoped by communityId. */
  store: Store;
  /** Each user's last turn in each place, for reading follow-ups. */
  conversations: Conversations;
}

export type CommandContext = Context & Services;

export interface CommandSpec {
  name: string;
  description: string;
  /** Other names that run this command in text ("salaries" for "salary"). */
  aliases?: string[];
  options?: OptionSpec[];
  /** Full command lines shown in help, e.g. "salary backend entry". */
  examples: string[];
  /** `tip add ...`, `group join ...`: each is a full command of its own. */
  subcommands?: CommandSpec[];
  /** The subcommand that runs when the first word names none (`group backend-club` shows it). */
  defaultSubcommand?: string;
  run?: (ctx: CommandContext, options: OptionValues) => Reply | Promise<Reply>;
  /** Changes the community's data: its examples are never offered as buttons (they would save the example as the user's own). */
  writes?: boolean;
}

/** A typed request, as Discord delivers it: no text parsing needed. */
export interface Invocation {
  command: string;
  subcommand?: string;
  options: Record<string, unknown>;
}

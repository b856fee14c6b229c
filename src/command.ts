// What a command is. Each command is declared once (name, description, typed options, examples)
// and that declaration drives text parsing, validation, help, Discord's slash commands and
// Slack's text. run() returns a Reply; it never talks to a platform.
import type { Conversations } from './conversation.js';
import type { Knowledge, Source } from './knowledge/schema.js';
import type { OptionSpec, OptionValues, ReadMention, ResolvedValues } from './options.js';
import type { Reply } from './reply.js';
import type { Search } from './search/index.js';
import type { Store } from './store/store.js';

/** Who is asking and where: adapters fill this in from their platform's event. */
export interface Context {
  /**
   * The door's name, as the door names itself (e.g. "terminal"): the core knows no list of doors.
   * It keeps conversations apart and says which door delivers a reminder or digest set here, so a
   * door keeps its name (a short, non-empty string) once it has stored jobs under it.
   */
  platform: string;
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
  /**
   * How this door delivers a reminder set here, in words that end "I will remind you ... on <day>,":
   * e.g. "here in the chat". Unset: "by direct message".
   */
  reminderDelivery?: string;
  /** Show replies in full, never in their short form (`more`, and machine output such as --json). */
  full?: boolean;
  /** Only showing: `more` runs a line again to show it, and nothing may be saved or recorded. */
  showOnly?: boolean;
  /**
   * Each line comes in a run of its own (the one-shot `devpath ...` command), so nothing said
   * before it is remembered: "more" alone and follow-ups have nothing to go on, and say so.
   */
  oneShot?: boolean;
  /**
   * This door's mention syntax, read into a user id (`<@123>` in Discord text): how a `user`
   * option takes a mention. Without it a user option takes names only.
   */
  readMention?: ReadMention;
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
  /** Shows a short answer in full: what its "More" suggestion carries, or the caller's last one. */
  expand: (what: string | undefined, context: Context) => Promise<Reply>;
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
  /**
   * Runs with the options read and checked (`options`: text, numbers, choice values, user ids or
   * names) and what its entry options named (`found`: the Role, Step, Tip or group, by option
   * name). It runs only when every option resolved; otherwise one reply names every problem.
   */
  run?: (ctx: CommandContext, options: OptionValues, found: ResolvedValues) => Reply | Promise<Reply>;
  /**
   * Rearranges the option values as read, before their kinds are resolved: `compare back end
   * developer front end developer` splits two role names typed without quotes.
   */
  prepare?: (ctx: CommandContext, options: OptionValues) => OptionValues;
  /** Changes the community's data: its examples are never offered as buttons (they would save the example as the user's own). */
  writes?: boolean;
}

/** A typed request, as Discord delivers it: no text parsing needed. */
export interface Invocation {
  command: string;
  subcommand?: string;
  options: Record<string, unknown>;
}

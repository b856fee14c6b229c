// The Bot: the command registry and dispatch. Adapters hand it a typed invocation (Discord) or a
// line of text (terminal, Slack, mentions) plus the caller's context, and get a Reply back. A
// command that throws becomes an apology, never a crash of the adapter.
import { log } from './log.js';
import { cutText } from './cut.js';
import type { CommandContext, CommandSpec, Context, Invocation, Services } from './command.js';
import { commands as defaultCommands } from './commands/index.js';
import type { Knowledge } from './knowledge/schema.js';
import { loadKnowledge } from './knowledge/load.js';
import { cleanText, MAX_TEXT, parseText, resolveOptions, type Choice, type CompletionSource, type OptionValues, type Result } from './options.js';
import { errorReply, internalErrorReply, NOT_FOUND, storageErrorReply, type Reply } from './reply.js';
import { createSearch, type Search } from './search/index.js';
import { closestNames } from './closest.js';
import { Conversations } from './conversation.js';
import { completions } from './completions.js';
import { MemoryStore } from './store/memory.js';
import { StoreError, type Store } from './store/store.js';

export interface BotOptions {
  knowledge?: Knowledge;
  commands?: readonly CommandSpec[];
  now?: () => Date;
  /** The understanding pipeline; default: one built from the knowledge with the tuned settings. */
  search?: Search;
  /** Community data; default: a fresh in-memory store (adapters pass the lowdb file store). */
  store?: Store;
  /** Where handler errors are reported; never shown to users. */
  logError?: (error: unknown, where: string) => void;
}

export interface DispatchTextOptions {
  /**
   * A line that names no command is a question: always (`true`, a chat), or unless its first word
   * is a typo of a command (`'unless-typo'`, a slash command or the one-shot CLI, where
   * "salray entry" should get "did you mean salary"). Without it, such a line is an error.
   */
  fallbackToAsk?: boolean | 'unless-typo';
}

/** How close (fuse.js score) a word must be to a command's name to be taken as a typo of it. */
const COMMAND_TYPO = 0.4;

/** A line this short whose first word is close to a command's name is taken as a typo of it. */
const TYPO_WORDS = 3;

/** A line of at least this many words that a command cannot use is read as a question. */
const SENTENCE_WORDS = 4;

/** The largest input dispatchText looks at; anything longer gets a friendly refusal, not a scan. */
export const MAX_LINE = 10 * MAX_TEXT;

export class Bot {
  readonly services: Services;
  private readonly byName = new Map<string, CommandSpec>();
  private readonly logError: (error: unknown, where: string) => void;

  constructor(options: BotOptions = {}) {
    const knowledge = options.knowledge ?? loadKnowledge();
    const commands = options.commands ?? defaultCommands;
    this.services = {
      knowledge,
      sources: new Map(knowledge.sources.map((s) => [s.id, s])),
      search: options.search ?? createSearch(knowledge),
      commands,
      now: options.now ?? (() => new Date()),
      store: options.store ?? new MemoryStore(),
      conversations: new Conversations(),
    };
    for (const spec of commands) {
      for (const name of [spec.name, ...(spec.aliases ?? [])]) this.byName.set(name.toLowerCase(), spec);
    }
    this.logError = options.logError ?? ((error, where) => log().error({ err: error, where }, 'a command failed; the user got an apology'));
  }

  get commands(): readonly CommandSpec[] {
    return this.services.commands;
  }

  find(name: string): CommandSpec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Runs a typed invocation (Discord's slash commands, buttons that carry options). */
  async dispatch(invocation: Invocation, context: Context): Promise<Reply> {
    const spec = this.find(invocation.command);
    if (!spec) return this.unknownCommand(invocation.command);
    const leaf = invocation.subcommand ? subcommand(spec, invocation.subcommand) : runnable(spec);
    if (!leaf) return this.unknownSubcommand(spec, invocation.subcommand ?? '');
    return this.run(leaf, spec, resolveOptions(leaf.options ?? [], invocation.options), context);
  }

  /** Runs a line as typed in chat: `salary backend entry`, `tip add 2 "use a framework"`. */
  async dispatchText(line: string, context: Context, options: DispatchTextOptions = {}): Promise<Reply> {
    if (line.length > MAX_LINE) {
      return errorReply('That is too long', `Please keep a message under ${MAX_LINE} characters; this one has ${line.length}.`, 'invalid-option');
    }
    const text = cleanText(line).replace(/^\/(?:devpath\s+)?/i, '');
    if (!text) return this.runHelp(context);
    const [first = '', ...rest] = text.split(' ');
    let spec = this.find(first);
    let args = rest.join(' ');
    if (!spec) {
      if (!options.fallbackToAsk) return this.unknownCommand(first);
      // "salray entry" is a typo of a command; "do I need a portfolio" is a question.
      if (options.fallbackToAsk === 'unless-typo' && text.split(' ').length <= TYPO_WORDS && first.length >= 4 && this.commandTypo(first)) return this.unknownCommand(first);
      spec = this.find('ask');
      args = text;
      if (!spec) return this.unknownCommand(first);
    }
    // `tip add ...` names its subcommand; `group backend-club` falls to the default one.
    const [sub = '', ...subRest] = args.split(' ');
    const named = subcommand(spec, sub);
    const leaf = named ?? runnable(spec);
    if (!leaf) return this.unknownSubcommand(spec, sub);
    if (named) args = subRest.join(' ');
    const out = await this.run(leaf, spec, parseText(leaf.options ?? [], args), context);
    // "compare indeed and payscale figures for typical pay" starts with a command's name but is a
    // question: where the command cannot make sense of a sentence, the question is asked instead.
    const ask = this.find('ask');
    // Only where the command could not read its arguments: a refusal, a rate limit or a failed save
    // must never be replaced by an answer to another question.
    const unreadable = out.error === 'invalid-option' || out.card.title === NOT_FOUND;
    if (options.fallbackToAsk && unreadable && ask && spec !== ask && text.split(' ').length >= SENTENCE_WORDS) {
      const asked = await this.run(ask, ask, parseText(ask.options ?? [], text), context);
      if (asked.answered) return asked;
    }
    return out;
  }

  /** Autocomplete for an option's source (role names, roadmap steps, topics). */
  complete(source: CompletionSource, partial: string, context?: Context): Promise<Choice[]> {
    return completions(this.services, source, cutText(cleanText(partial), 100), context);
  }

  /** Validated options run the command; a command that throws becomes an apology. */
  private async run(leaf: CommandSpec, parent: CommandSpec, parsed: Result<OptionValues>, context: Context): Promise<Reply> {
    if (!parsed.ok) return this.invalid(leaf, parent, parsed.error);
    const ctx: CommandContext = { ...context, ...this.services };
    try {
      return await leaf.run!(ctx, parsed.value);
    } catch (error) {
      // A save that failed for a reason the user can act on says so, with no stack trace.
      if (error instanceof StoreError) {
        this.logError(error.message, `command ${leaf.name}`);
        // The path and the fix are for whoever runs devpath: shown to them, logged for everyone else.
        return storageErrorReply(error.problem, context.operator ? error.message : undefined);
      }
      this.logError(error, `command ${leaf.name}`);
      return internalErrorReply();
    }
  }

  private runHelp(context: Context): Promise<Reply> {
    return this.dispatch({ command: 'help', options: {} }, context);
  }

  /** The command a word is a close misspelling of, if any ("salray" -> salary). */
  private commandTypo(word: string): string | undefined {
    return closestNames([...this.byName.keys()], cutText(cleanText(word), 40).toLowerCase(), 1, COMMAND_TYPO)[0];
  }

  private unknownCommand(name: string): Reply {
    const shown = cutText(cleanText(name), 40);
    const guess = this.commandTypo(name);
    const spec = guess ? this.find(guess) : undefined;
    const message = spec
      ? `I don't know the command "${shown}". Did you mean "${spec.name}"?`
      : `I don't know the command "${shown}". Type "help" to see what I can do.`;
    return errorReply('Unknown command', message, 'unknown-command', [
      ...(spec ? [{ label: spec.name, command: `help ${spec.name}` }] : []),
      { label: 'help', command: 'help' },
    ]);
  }

  private unknownSubcommand(spec: CommandSpec, sub: string): Reply {
    const names = (spec.subcommands ?? []).map((s) => s.name);
    const shown = cutText(cleanText(sub), 40);
    const [guess] = closestNames(names, shown, 1, 0.4);
    const lead = shown ? `"${spec.name}" has no "${shown}".` : `"${spec.name}" needs one of: ${names.join(', ')}.`;
    return errorReply('Unknown command', `${lead}${guess ? ` Did you mean "${spec.name} ${guess}"?` : ` Try: ${names.join(', ')}.`}`, 'unknown-command', [
      { label: `help ${spec.name}`, command: `help ${spec.name}` },
    ]);
  }

  private invalid(leaf: CommandSpec, parent: CommandSpec, error: string): Reply {
    const name = leaf === parent ? leaf.name : `${parent.name} ${leaf.name}`;
    const example = leaf.examples[0];
    const message = `${error.charAt(0).toUpperCase()}${error.slice(1)}${example ? ` For example: ${example}` : ''}`;
    return errorReply(`Can't run ${name}`, message, 'invalid-option', [{ label: `help ${parent.name}`, command: `help ${parent.name}` }]);
  }
}

/** The subcommand of `spec` called `name`, if it has one. */
function subcommand(spec: CommandSpec, name: string): CommandSpec | undefined {
  return spec.subcommands?.find((s) => s.name === name.toLowerCase());
}

/** What runs when no subcommand is named: the command itself, or its default subcommand. */
function runnable(spec: CommandSpec): CommandSpec | undefined {
  if (spec.run) return spec;
  return spec.defaultSubcommand ? subcommand(spec, spec.defaultSubcommand) : undefined;
}

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
import { joinErrors, type Parsed } from './options.js';
import { oneReply, resolveKinds } from './option-kinds.js';
import { errorReply, internalErrorReply, reply, storageErrorReply, suggestionsOf, withSuggestions, type Reply } from './reply.js';
import { createSearch, type Search } from './search/index.js';
import { commonWords } from './search/english.js';
import { MASS_MENTION } from './search/normalize.js';
import { closestNames } from './closest.js';
import { Conversations } from './conversation.js';
import { completions } from './completions.js';
import { MemoryStore } from './store/memory.js';
import { shorten } from './brief.js';
import { compose } from './answers/compose.js';
import { Outside, SalaryLevel } from './knowledge/schema.js';
import { partialAnswer } from './commands/ask.js';
import { planOf } from './answers/plans.js';
import { commandAsked, isMoreFiller } from './more-words.js';
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

/** Agreeing to what the bot just offered ("Shall I mark step 3 as done?"). */
const YES = /^(?:y|yes|yeah|yep|yup|yes please|sure|please do|do it|go ahead|mark it|yes mark it)[\s!.]*$/i;
const AGAIN = /^(?:(?:ok(?:ay)?|and|now)[\s,]+)?(?:another(?: one| question)?|next(?: one| question)?|one more|again|gimme another|give me another(?: one)?)[\s?!.]*$/i;
const NO = /^(?:n|no|nope|nah|no thanks|not yet|don'?t)[\s!.]*$/i;

/** A line this short whose first word is close to a command's name is taken as a typo of it. */
const TYPO_WORDS = 3;

/** A line of at least this many words that a command cannot use is read as a question. */
const SENTENCE_WORDS = 4;
/**
 * Commands that keep something of the user's, by the words that ask help with them (as against
 * topics of the articles, which are questions: "exporting data from a database", "tips for my resume").
 */
const FEATURES: readonly (readonly [string, RegExp])[] = [
  ['remind', /\breminders?\b|\bremind(?:ing)? me\b|\bremember(?:ing)? to (?:study|practi[cs]e|learn)\b/i],
  ['timezone', /\btime ?zones?\b/i],
  ['done', /\bmark(?:ing)?\b.*\b(?:done|finished|complete)\b/i],
  ['undo', /\bundo(?:ing)?\s+(?:a\s+|my\s+|the\s+)?(?:step|mark|done)\b/i],
  ['tip', /\b(?:add|adding|share|sharing|post|posting|leave|leaving)\s+(?:a\s+|my\s+|our\s+|the\s+)?tips?\b/i],
  ['group', /\b(?:join(?:ing)?|create|creating|leave|leaving)\s+(?:a\s+|our\s+|the\s+|my\s+)?(?:study\s+)?group\b|\b(?:our|my)\s+(?:study\s+)?group\b(?!\s+(?:project|projects|work|interview|interviews|assignment))/i],
  ['export', /\bexport(?:ing)?\s+(?:my|our)\s+(?:progress|tips|group|record|notes)\b/i],
  ['import', /\bimport(?:ing)?\s+(?:my|our)\s+(?:progress|tips|group|record|file|backup)\b/i],
  ['plan', /\b(?:my|study)\s+plan\b|\bmy\s+pace\b/i],
  ['progress', /\b(?:my|our)\s+progress\b/i],
  ['unanswered', /\bunanswered\b/i],
];
/** Words for the bot itself: "help me with using this bot" is help. */
const THE_BOT = /\b(?:this|the|your|ur)\s+(?:bot|app|chat|tool)\b|\bdevpath\b|\bcommands?\b/i;

/**
 * The command of the user's own things a "help me with ..." names ("setting a reminder": remind,
 * "marking a step done": done), '' for the bot itself, or undefined for a subject of the articles.
 */
function featureNamed(commands: readonly { name: string }[], args: string): string | undefined {
  if (THE_BOT.test(args)) return '';
  return FEATURES.find(([name, asks]) => commands.some((c) => c.name === name) && asks.test(args))?.[0];
}

/** What opens help with a subject: "me with", "us on", "with". */
const HELP_LEAD = /^(?:(?:me|us)\s+(?:out\s+)?)?(?:with|on|about)\s+/i;
/** Aliases that are plain words ("job outlook", "pay for juniors", "salary breakdown"): a line typed by one may be a question (not "vs", "source", "step"). */
const PLAIN_ALIASES: ReadonlySet<string> = new Set(['job', 'pay', 'study', 'course', 'courses', 'education', 'practice', 'salary', 'salaries', 'roles']);
/** Words before a subject that are not it. */
const ARTICLE = '(?:the|a|an|my|our|your|it|this|that)';
/**
 * "help me with my resume", "help with step 3", "help us on interviews": the subject asked about,
 * its first word (a command's name is `help <command>`); none when only "the", "my"... follow.
 */
const HELP_WITH = new RegExp(`${HELP_LEAD.source}(?:${ARTICLE}\\s+)?(?!${ARTICLE}\\b)(?=\\S*\\p{L}{2})(\\S+)`, 'iu');
/** A number in words ("roadmap step three"): the command's own did-you-mean names that step. */
const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)\b/i;
/** Politeness at the end of a command's line ("roadmap pls", "interview 2 please", "interview next"): nothing it should read. */
const POLITE_TAIL = /(?:^|\s+)(?:(?:pls|plz|plss|please|pleas|thx|thanks|ty|now|again|next|another)\b[?!.,]*\s*)+$/i;
/** Words and nothing else ("tips pls"): no number, no `kind:id`. One character class, so a long line is read in one pass. */
const WORDS_ONLY = /^[\p{L}\s'\u2019?!.,-]+$/u;

/** Mass mentions opening a line ("@everyone", Slack's "<!here>" or "<!channel|channel>"), with what separates them from the rest. */
const LEADING_MASS_MENTIONS = new RegExp(String.raw`^(?:\s*${MASS_MENTION}[\s,:;-]*)+`, 'i');

/** The largest input dispatchText looks at; anything longer gets a friendly refusal, not a scan. */
export const MAX_LINE = 10 * MAX_TEXT;

/** The part of a long text its question is in: the last `max` characters from a sentence's start, or the first ones to a question mark. */
function lastPart(text: string, max: number): string {
  const tail = text.slice(-max);
  const start = tail.search(/(?<=[.!?])\s+\S/);
  const last = (start >= 0 ? tail.slice(start) : tail).trim();
  // A question asked first and a story after it: the first part, to the end of its last sentence.
  if (last.includes('?') || !text.slice(0, max).includes('?')) return last;
  const head = text.slice(0, max);
  return head.slice(0, head.lastIndexOf('?') + 1).trim();
}

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
      expand: (what, context) => this.expand(what, context),
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
    const out = await this.run(leaf, spec, resolveOptions(leaf.options ?? [], invocation.options), context);
    return this.answerFirst(out, leaf, lineOf(spec, leaf, invocation), context);
  }

  /** Runs a line as typed in chat: `salary backend entry`, `tip add 2 "use a framework"`. */
  async dispatchText(line: string, context: Context, options: DispatchTextOptions = {}): Promise<Reply> {
    if (line.length > MAX_LINE) {
      return errorReply('That is too long', `Please keep a message under ${MAX_LINE} characters; this one has ${line.length}.`, 'invalid-option');
    }
    const typed = cleanText(line).replace(/^\/(?:devpath\s+)?/i, '');
    // A mass mention before a question pings no one here and asks nothing ("<!here> what is step 3?"
    // is "what is step 3?"); a line of nothing else is a hello (src/smalltalk.ts).
    const unmentioned = typed.replace(LEADING_MASS_MENTIONS, '');
    const text = /[\p{L}\p{N}]/u.test(unmentioned) ? unmentioned : typed;
    if (!text) return this.runHelp(context);
    const previous = this.services.conversations.previous(context, this.services.now());
    if (previous?.offer) {
      // An offer is answered on the very next line or not at all ("thanks", "help", then "yes"
      // marks nothing), and once: a second "yes" is not a second run.
      this.services.conversations.remember(context, { ...previous, offer: undefined }, this.services.now());
      // "yes" to "Shall I mark step 3 as done?" runs what was offered; "no" leaves things as they are.
      if (YES.test(text)) return this.dispatchText(previous.offer, context, options);
      if (NO.test(text)) return reply({ title: 'OK', children: [{ type: 'text', text: 'Left as it is.' }], answered: false });
    }
    // "another one" after a practice question is the next one.
    if (previous?.again && AGAIN.test(text)) return this.dispatchText(previous.again, context, options);
    // "2" right after the roadmap's list (or an article's numbered plan) is its step 2.
    const numbered = previous?.numbered ?? (planOf(this.services, previous?.topic) ? 'step' : undefined);
    if (numbered && /^#?\d{1,2}[.)]?$/.test(text)) return this.dispatchText(`${numbered} ${text.replace(/\D/g, '')}`, context, options);
    // A number alone picks a suggestion where a door numbers them (the chat); it is not a question.
    if (/^#?\d{1,3}[.)]?$/.test(text) && !this.find(text)) {
      return errorReply('Not a suggestion', `"${text}" on its own picks a numbered suggestion of the answer before, and there is none numbered ${text.replace(/\D/g, '')} here. Type a command or a question.`, 'invalid-option', [{ label: 'help', command: 'help' }]);
    }
    // "What's the roadmap?", "show me my progress": a command asked for in words.
    const asCommand = options.fallbackToAsk ? commandAsked(text) : undefined;
    if (asCommand) return this.dispatchText(asCommand, context, options);
    const [first = '', ...rest] = text.split(' ');
    let spec = this.find(first);
    let args = rest.join(' ');
    // "step 5?" right after an article's own numbered plan (Indeed's eight steps) is that plan's
    // step 5, as "and step 5?" is: read as a follow-up, not as the roadmap command's alias.
    if (options.fallbackToAsk && first.toLowerCase() === 'step' && /^\d{1,2}[?!.\s]*$/.test(args) && planOf(this.services, this.services.conversations.previous(context, this.services.now())?.topic)) {
      spec = this.find('ask');
      args = text;
    }
    // "Done with my degree, what comes after?" is English, not `done` with a step called "with my
    // degree...": read as a line typed in the chat (which offers `done N` for a step it names).
    if (options.fallbackToAsk && first.toLowerCase() === 'done' && /^with\s/i.test(args)) {
      spec = this.find('ask');
      args = text;
    }
    if (!spec) {
      if (!options.fallbackToAsk) return this.unknownCommand(first);
      // "salray entry" is a typo of a command; "do I need a portfolio" is a question. So is
      // "sallary for begginers" or "indeed salary", which the question reading answers: a
      // typo of a command is said only when it does not.
      if (options.fallbackToAsk === 'unless-typo' && text.split(' ').length <= TYPO_WORDS && first.length >= 4 && this.commandTypo(first)) {
        const ask = this.find('ask');
        // A word alone ("salray") is the command mistyped: its did-you-mean says more.
        const asked = ask && text.includes(' ') && (await this.run(ask, ask, parseText(ask.options ?? [], text), context));
        return ask && asked && asked.answered ? this.answerFirst(asked, ask, `ask ${text}`, context) : this.unknownCommand(first);
      }
      spec = this.find('ask');
      // A long story typed in the chat: the part its question is in is read (see lastPart), rather
      // than "question is too long" for an `ask` the user never typed.
      args = text.length > MAX_TEXT ? lastPart(text, MAX_TEXT) : text;
      if (!spec) return this.unknownCommand(first);
    }
    // `tip add ...` names its subcommand; `group backend-club` falls to the default one.
    const [sub = '', ...subRest] = args.split(' ');
    const named = subcommand(spec, sub);
    const leaf = named ?? runnable(spec);
    if (!leaf) return this.unknownSubcommand(spec, sub);
    if (named) args = subRest.join(' ');
    // "roadmap pls", "interview 2 please?": the command, asked politely. Never in what a command
    // saves (a tip that ends "... and review it again, thanks" is kept as typed), nor in a
    // question, which is read whole ("what's next?" is no "what's").
    if (!leaf.writes && spec.name !== 'ask') args = args.replace(POLITE_TAIL, '');
    const out = await this.run(leaf, spec, parseText(leaf.options ?? [], args), context);
    // "compare indeed and payscale figures for typical pay" starts with a command's name but is a
    // question: where the command cannot make sense of a sentence, the question is asked instead.
    const ask = this.find('ask');
    // Only where the command could not read its arguments: a refusal, a rate limit or a failed save
    // must never be replaced by an answer to another question.
    // "Which role do you mean by that?" is the answer to "compare that with backend" with nothing before it.
    // "help with my resume": help has no command "with my resume"; the line is a question.
    // "help me with my resume", "help with step 30": help with a subject, not a command's name: a question.
    // A subject of a word or more ("help me with ?", "help me with the" are help with nothing).
    const subject = leaf.name === 'help' ? args.match(HELP_WITH)?.[1] : undefined;
    const helpWith = !!subject && (!this.find(subject.replace(/[?!.,]+$/, '')) || /\bstep\s*#?\s*\d/i.test(args));
    // "help me with setting a reminder", "help me with adding a tip", "help us with our group": the
    // bot's own commands, whose help says how (not a question for the articles).
    const feature = helpWith ? featureNamed(this.commands, args) : undefined;
    if (feature !== undefined) return this.dispatchText(feature ? `help ${feature}` : 'help', context, options);
    const unreadable = ((out.error === 'invalid-option' || out.outcome === 'not-found' || (leaf.name === 'help' && out.error === 'unknown-command')) && out.outcome !== 'which-role') || helpWith;
    // A sentence, or a line naming somewhere or someone the articles do not cover ('salary in
    // india'): read as a question, whose answer says what the articles do cover.
    // So is one naming a source ('salary indeed'): the figures, each with its source.
    // So is words where a command takes a number or a command's name ("interview tips pls", "help
    // with my resume"). Not a name it takes ("role sysadmin", "plan summer"): its own reply says
    // what it knows, which helps more than whatever the words half-match.
    const wordsForNumber = () => (leaf.name === 'help' || leaf.options?.[0]?.kind === 'integer') && WORDS_ONLY.test(args) && /\p{L}/u.test(args) && !NUMBER_WORDS.test(args);
    // And a question mark after two words or more ("roles above senior?"): a name has none.
    const asked = () => /\?\s*$/.test(args) && args.trim().split(/\s+/).length >= 2;
    // A command's alias is often a plain word ("job outlook", "pay for juniors", "study tips"):
    // typed by that word with words it cannot read, the line is a question.
    // Not a number in words ("step three", "path two"): the command's own did-you-mean reads it.
    // Only when the line alone is clearly a question ("job sysadmin" is not: the command says what it knows).
    const byAlias = () => PLAIN_ALIASES.has(first.toLowerCase()) && !NUMBER_WORDS.test(args) && this.services.search.ask(text).confident;
    // What the line names outside the articles, read once (asQuestion and the refusal below).
    let outside: readonly Outside[] | undefined;
    const outsideOf = () => (outside ??= this.services.search.analyse(text).outside);
    const asQuestion = () => helpWith || byAlias() || text.split(' ').length >= SENTENCE_WORDS || outsideOf().length > 0 || this.services.search.namesSource(args) || wordsForNumber() || asked();
    // Never for a command that saves: 'tip add 99 hello' meant the command, and is told what was wrong.
    // Nor for `more`: 'more roadmap 99' is told there is no step 99.
    if (options.fallbackToAsk && unreadable && ask && spec !== ask && !leaf.writes && leaf.name !== 'more' && asQuestion()) {
      const asked = await this.run(ask, ask, parseText(ask.options ?? [], text), context);
      // "Which one did you mean?" names the entries the sentence could be about: more use than
      // "I don't know a role called 'fairs worth it for backend jobs...'".
      // Not for a command that takes nothing ("sources for a career changer" is told so).
      // The closest answers ("readings", outcome clarify) count as "which one did you mean?" here.
      // "help with step 30" is told the roadmap's steps ("there is no step 30"), not help's list.
      // A refusal with its reason ("job outlook 2035?": the articles make no prediction) says more
      // than the command's "I don't know a role called 'outlook 2035?'".
      // Only for what no command name could be (a prediction, chat, code): "role astronaut pilot" keeps its "no role called".
      const refusedWhy = asked.outcome === 'unknown' && out.outcome === 'not-found' && outsideOf().some((o) => o === 'future' || o === 'chat' || o === 'code-help');
      if ((asked.answered && asked.outcome !== 'clarify') || asked.outcome === 'partial' || refusedWhy || (helpWith && asked.outcome === 'not-found') || (asked.outcome === 'clarify' && (leaf.options ?? []).length > 0 && !byAlias() && !helpWith)) return this.answerFirst(asked, ask, `ask ${text}`, context);
    }
    // A short line the question reading could not answer, that starts with a typo of a command
    // ("halp", "roadmp 3"), meant the command.
    // Not a word the articles know as it is ("udemy vs coursera?" is refused as a ranking, not "udemy" mistyped).
    if (options.fallbackToAsk && spec === ask && first.toLowerCase() !== 'ask' && (out.outcome === 'unknown' || out.outcome === 'clarify') && text.split(' ').length <= TYPO_WORDS && first.length >= 4 && this.commandTypo(first, /\?\s*$/.test(text)) && !this.services.search.analyse(first).terms.includes(first.toLowerCase())) return this.unknownCommand(first);
    return this.answerFirst(out, leaf, text, context);
  }

  /**
   * Answer first: a long reply is shown short, with "more" to show the rest (src/brief.ts). Never
   * for a command that saves (its "more" would save again) or when the full form was asked for.
   * `line` runs the command again; a reply may name a better one (an answer's entry).
   */
  private answerFirst(shown: Reply, leaf: CommandSpec, line: string, context: Context): Reply {
    // A suggestion to run what was just run is a dead end ("learn certifications" after itself).
    const same = (command: string) => command.trim().replace(/\s+/g, ' ').toLowerCase() === line.toLowerCase();
    const offered = suggestionsOf(shown);
    const out = offered.some((s) => same(s.command)) ? withSuggestions(shown, offered.filter((s) => !same(s.command))) : shown;
    if (context.full || leaf.writes || leaf.name === 'more') return out;
    // In the terminal chat "more" alone shows the last short answer, and a numbered suggestion is
    // always the answer before's: it is offered as plain "more", not as the entry it expands
    // ("more salary:backend-developer !place" meant nothing to a newcomer). A one-shot run and the
    // buttons of Discord and Slack (pressed any time later) carry what to expand.
    const chat = context.platform === 'terminal' && !context.oneShot;
    const short = shorten(out, out.more ?? line, chat ? 'more' : undefined);
    this.services.conversations.rememberShortened(context, short?.more, this.services.now());
    return short ?? out;
  }

  /**
   * `more`: a short answer in full. `what` is what its More suggestion carries (a command line, or
   * an entry as `kind:id` with a salary level); without it, the caller's last short answer here.
   */
  private async expand(what: string | undefined, context: Context): Promise<Reply> {
    // "more please", "more about it": the filler of "tell me more", not something to show.
    const asked = what && !isMoreFiller(what) ? what.replace(/^(?:more\s+)+/i, '') : undefined;
    // "more about certs": a question about certifications, not the `about` command's arguments.
    if (asked && /^(?:about|on|regarding)\s+\S/i.test(asked)) return this.dispatchText(`ask tell me more ${asked}`, context, { fallbackToAsk: true });
    const target = asked ?? this.services.conversations.lastShortened(context, this.services.now());
    if (!target) {
      // A one-shot run remembers nothing before it: "more" has to name what to show.
      const answeredHere = this.services.conversations.previous(context, this.services.now());
      const how = context.oneShot
        ? 'Each devpath command runs on its own, so "more" alone has nothing before it. Name what to show, as a short answer\'s last suggestion does: devpath more roadmap 6.'
        : answeredHere
          ? 'Your last answer here was already shown in full. A long answer comes short first, ending with "more"; then more shows the rest.'
          : 'A long answer comes short first, ending with "more". Ask a question or run a command, then type more to see all of it.';
      return reply({
        title: 'Nothing to show in full',
        children: [{ type: 'text', text: how }],
        answered: false,
        ephemeral: true,
        suggestions: [{ label: 'help', command: 'help' }],
      });
    }
    // An answer to a question, by its entry: `kind:id`, a salary level, what of the question the
    // articles did not cover (`!place`), so the full form says it again, and the points of a role
    // card the question brought forward (`+d31,s10`), so the full form shows them too.
    const entry = target.match(/^([a-z]+:[a-z0-9-]+)(?:\s+(\w+))?(?:\s+!([a-z-]+))?(?:\s+\+([a-z0-9,]{1,30}))?$/);
    if (entry) {
      const parsedLevel = SalaryLevel.safeParse(entry[2]);
      const level = parsedLevel.success ? parsedLevel.data : undefined;
      const outside = Outside.safeParse(entry[3]);
      const shown = outside.success ? partialAnswer(this.services, entry[1]!, level, outside.data) : compose(this.services, entry[1]!, level, [], entry[4]);
      if (shown) return { ...shown, whole: true, topic: entry[1]! };
    }
    // A command that saves is refused in run(), wherever the line leads.
    return this.dispatchText(target, { ...context, full: true, showOnly: true }, { fallbackToAsk: true });
  }

  /** Autocomplete for an option's source (role names, roadmap steps, topics). */
  complete(source: CompletionSource, partial: string, context?: Context): Promise<Choice[]> {
    return completions(this.services, source, cutText(cleanText(partial), 100), context);
  }

  /** Validated options run the command; a command that throws becomes an apology. */
  private async run(leaf: CommandSpec, parent: CommandSpec, parsed: Parsed | Result<OptionValues>, context: Context): Promise<Reply> {
    // `more` shows answers; it never saves, whatever line it was handed (a More button can be
    // pressed by anyone who sees it). Checked here, where the command that runs is known.
    if (context.showOnly && leaf.writes) {
      const name = leaf === parent ? leaf.name : `${parent.name} ${leaf.name}`;
      return errorReply('Not shown', `"more" shows answers in full; it does not run "${name}", which saves.`, 'refused');
    }
    const ctx: CommandContext = { ...context, ...this.services };
    try {
      // The options that were read are resolved even when others failed: one reply names every problem.
      if (!parsed.ok && !('partial' in parsed)) return this.invalid(leaf, parent, parsed.error);
      const read = parsed.ok ? parsed.value : parsed.partial;
      const kinds = await resolveKinds(ctx, leaf.options ?? [], leaf.prepare ? leaf.prepare(ctx, read) : read, commandWords(leaf, parent));
      const errors = [...(parsed.ok ? [] : parsed.errors), ...kinds.errors];
      const problems = [...(errors.length ? [this.invalid(leaf, parent, joinErrors(errors))] : []), ...kinds.problems];
      const refused = oneReply(problems, `Can't run ${leaf === parent ? leaf.name : `${parent.name} ${leaf.name}`}`);
      if (refused) return refused;
      return await leaf.run!(ctx, kinds.values, kinds.found);
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
  private commandTypo(word: string, asks = false): string | undefined {
    // A word spelt right opening a question is no typo of a command: "after taxes?" after pay is a
    // question; "dome 3" still means "done 3".
    if (asks && commonWords().has(word.toLowerCase())) return undefined;
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
      ...(spec && spec.name !== 'help' ? [{ label: spec.name, command: `help ${spec.name}` }] : []),
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

/**
 * A typed invocation as a line of text, the way `more` and buttons run it again: each option by
 * its name (`--step "learn a framework" --page 2`), so none is read as another.
 */
function lineOf(spec: CommandSpec, leaf: CommandSpec, invocation: Invocation): string {
  const words = [spec.name, ...(leaf !== spec ? [leaf.name] : [])];
  for (const option of leaf.options ?? []) {
    const value = invocation.options[option.name];
    // Only what a platform sends (text, numbers): anything else was refused before the command ran.
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const text = cleanText(String(value));
    if (!text) continue;
    words.push(`--${option.name}`, /[\s"']/.test(text) ? `"${text.replace(/"/g, "'")}"` : text);
  }
  return words.join(' ');
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

/** The command as typed without its options, for suggestions that run it again: `tip vote`, `group` (its default subcommand). */
function commandWords(leaf: CommandSpec, parent: CommandSpec): string {
  return leaf === parent || parent.defaultSubcommand === leaf.name ? parent.name : `${parent.name} ${leaf.name}`;
}

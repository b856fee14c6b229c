// Option kinds and text parsing. A command declares typed options once; Discord builds slash
// options from them, and text platforms (terminal, Slack, mentions) call parseText(), which
// understands `"quoted words"`, `key:value` and `--key value` the way hubot's CommandBus does.
// Each kind's resolver is a pure function from text to a Result. Options that name something
// (a role, a roadmap step, a tip, a study group) and users are then resolved with the caller's
// context before the command runs (src/option-kinds.ts); every problem is collected, not the first.
import { cutText } from './cut.js';
import type { Role, Step } from './knowledge/schema.js';
import type { GroupBoard, Tip } from './store/store.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** Where autocomplete suggestions for an option come from; the core answers them. */
export type CompletionSource = 'role' | 'step' | 'topic' | 'tip' | 'group';

export interface Choice {
  value: string;
  label: string;
  /** Other words that select this choice in text ("junior" for "entry"). */
  aliases?: string[];
}

interface Base {
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: CompletionSource;
}
export interface StringOption extends Base {
  kind: 'string';
  /** Takes the rest of the line (only sensible for the last option). */
  rest?: boolean;
  /**
   * With `rest`, on the last option: the rest is kept as typed, its quotes and colons included
   * (a tip's text, an export's JSON), rather than read as words and options.
   */
  asTyped?: boolean;
  maxLength?: number;
  /**
   * The text names a role, a roadmap step, a tip or a study group: the core resolves it (exactly,
   * by a close misspelling, or not at all with the closest names) before the command runs, which
   * gets the entry in ResolvedValues. On every platform it is still typed as text. Declare it with
   * entryOption(), which also makes the kind the option's autocomplete source.
   */
  entry?: EntryKind;
}

export interface IntegerOption extends Base {
  kind: 'integer';
  min?: number;
  max?: number;
}
export interface ChoiceOption extends Base {
  kind: 'choice';
  choices: Choice[];
}
export interface UserOption extends Base {
  kind: 'user';
}
export type OptionSpec = StringOption | IntegerOption | ChoiceOption | UserOption;
export type OptionValues = Record<string, string | number | undefined>;

/** What an option's text can name; each is also the autocomplete source of such an option. */
export type EntryKind = Extract<CompletionSource, 'role' | 'step' | 'tip' | 'group'>;

/** An option of an entry kind: text that names a role, step, tip or group, completed from them. */
export type EntryOption<K extends EntryKind = EntryKind> = StringOption & { entry: K; autocomplete: K };

/** The longest text each entry kind takes unless the option says otherwise. */
const ENTRY_MAX: Record<EntryKind, number> = { role: 100, step: 100, tip: 20, group: 64 };

/** Declares an option of an entry kind: `entryOption('role', 'first', 'A role, e.g. backend', { required: true })`. */
export function entryOption<K extends EntryKind>(
  entry: K,
  name: string,
  description: string,
  more: Pick<StringOption, 'required' | 'rest' | 'maxLength'> = {},
): EntryOption<K> {
  return { name, kind: 'string', description, maxLength: ENTRY_MAX[entry], ...more, entry, autocomplete: entry };
}

/** A name as resolved: the entry, the text the user typed, and whether a close misspelling was taken for it. */
export interface Found<T> {
  entry: T;
  /** The text as typed (cleaned): what a "did you mean" note quotes. */
  text: string;
  /** True when the text was a close misspelling: the command should say what it took it to mean. */
  guessed: boolean;
}

/**
 * What a command's entry options resolved to before it runs, by option name. An option left out
 * (or not of that kind) is absent; a required one is always there.
 */
export interface ResolvedValues {
  roles: Record<string, Found<Role>>;
  steps: Record<string, Found<Step>>;
  tips: Record<string, Found<Tip>>;
  groups: Record<string, Found<GroupBoard>>;
}

/** Longest text any option accepts: beyond this the bot answers with a clear message, not a scan. */
export const MAX_TEXT = 2000;

// C0/C1 control characters except tab and newline, zero-width and bidi controls, which can hide
// or reorder text in a reply, and the other invisible letters (Unicode's default-ignorable code
// points, such as the Hangul fillers U+3164 and U+FFA0), so a name or tip cannot be made of
// nothing visible. Variation selectors stay: they only choose how an emoji looks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF0-\uFFF8\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}]/gu;

/** Removes control characters and folds runs of whitespace; never throws. */
/** A terminal escape sequence (colours, clearing the screen): gone whole, not just its ESC. */
const ESCAPES = /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\-_]/g;

export function cleanText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

const norm = (s: string) => cleanText(s).toLowerCase();

export function resolveString(spec: StringOption, raw: string): Result<string> {
  const text = cleanText(raw);
  const max = spec.maxLength ?? MAX_TEXT;
  if (!text) return fail(`${spec.name} is empty.`);
  if (text.length > max) return fail(`${spec.name} is too long (${text.length} characters; the limit is ${max}).`);
  return ok(text);
}

export function resolveInteger(spec: IntegerOption, raw: string | number): Result<number> {
  const text = typeof raw === 'number' ? String(raw) : cleanText(raw);
  if (!/^[-+]?\d{1,9}$/.test(text)) return fail(`${spec.name} must be a whole number, not "${cutText(text, 40)}".`);
  const n = Number(text);
  if (spec.min !== undefined && n < spec.min) return fail(`${spec.name} must be at least ${spec.min}.`);
  if (spec.max !== undefined && n > spec.max) return fail(`${spec.name} must be at most ${spec.max}.`);
  return ok(n);
}

export function matchChoice(spec: ChoiceOption, raw: string): Choice | undefined {
  const text = norm(raw).replace(/[-_]/g, ' ');
  return spec.choices.find((c) =>
    [c.value, c.label, ...(c.aliases ?? [])].some((w) => norm(w).replace(/[-_]/g, ' ') === text),
  );
}

export function resolveChoice(spec: ChoiceOption, raw: string): Result<string> {
  const found = matchChoice(spec, raw);
  if (found) return ok(found.value);
  return fail(`${spec.name} must be one of: ${spec.choices.map((c) => c.value).join(', ')}.`);
}

/**
 * This door's mention syntax read into a user id (`<@123>` in Discord), or undefined when the text
 * is no mention. A door supplies it in the Context; the core knows no platform's syntax.
 */
export type ReadMention = (text: string) => string | undefined;

/** A user: a mention in the door's own syntax (read by `readMention`), or a plain name (`@ana`, `Ana Lima`). */
export function resolveUser(spec: UserOption, raw: string, readMention?: ReadMention): Result<string> {
  const text = cleanText(raw);
  const mentioned = readMention?.(text);
  if (mentioned) return ok(mentioned);
  // Display names often have spaces ("Ana Lima"); markup characters never belong in one.
  const name = text.replace(/^@/, '');
  if (!/^[\p{L}\p{N}._-][\p{L}\p{N}._ '-]{0,63}$/u.test(name)) return fail(`${spec.name} must be a user mention or a user name.`);
  return ok(name);
}

export function resolveOption(spec: OptionSpec, raw: string | number): Result<string | number> {
  switch (spec.kind) {
    case 'string':
      return resolveString(spec, String(raw));
    case 'integer':
      return resolveInteger(spec, raw);
    case 'choice':
      return resolveChoice(spec, String(raw));
    case 'user': {
      // Read with the door's mention syntax when the command runs (src/option-kinds.ts).
      const text = cleanText(String(raw));
      return text.length > MAX_TEXT ? fail(`${spec.name} is too long (${text.length} characters; the limit is ${MAX_TEXT}).`) : ok(text);
    }
  }
}

/**
 * Options read and checked against their specs. On failure, `errors` names every problem found
 * (`error` is them as one message) and `partial` keeps the values that passed, so the options
 * still to be resolved can add their problems to the same reply.
 */
export type Parsed = { ok: true; value: OptionValues } | { ok: false; error: string; errors: string[]; partial: OptionValues };

/** Several problems as one message: "step is required. Text is required." */
export function joinErrors(errors: readonly string[]): string {
  return errors.map((e, i) => (i ? `${e.charAt(0).toUpperCase()}${e.slice(1)}` : e)).join(' ');
}

const failAll = (errors: string[], partial: OptionValues): Parsed => ({ ok: false, error: joinErrors(errors), errors, partial });

/** Validates typed values (from Discord, or from parseText) against the specs, collecting every problem. */
export function resolveOptions(specs: readonly OptionSpec[], values: Record<string, unknown>): Parsed {
  const out: OptionValues = {};
  const errors: string[] = [];
  for (const name of Object.keys(values)) {
    if (!specs.some((s) => s.name === name)) errors.push(`unknown option "${cutText(name, 40)}".`);
  }
  for (const spec of specs) {
    const raw = values[spec.name];
    if (raw === undefined || raw === null || (typeof raw === 'string' && cleanText(raw) === '')) {
      if (spec.required) errors.push(`${spec.name} is required.`);
      continue;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      errors.push(`${spec.name} has an unexpected value.`);
      continue;
    }
    const result = resolveOption(spec, raw);
    if (result.ok) out[spec.name] = result.value;
    else errors.push(result.error);
  }
  return errors.length ? failAll(errors, out) : { ok: true, value: out };
}

/** Splits a line into words, keeping "quoted text" together and unquoting it. */
export function tokenize(line: string): string[] {
  return tokenSpans(line).map((t) => t.text);
}

/** Tokens with where each starts in the line, so the rest of a line can be taken as typed. */
function tokenSpans(line: string): { text: string; start: number }[] {
  const re = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  return [...line.matchAll(re)].map((m) => ({ text: m[1] ?? m[2] ?? m[3] ?? m[4] ?? '', start: m.index ?? 0 }));
}

/**
 * Parses the text after a command name into raw option values, then validates them.
 * Positional words fill the options in declared order, except that a word (or two-word phrase)
 * matching a choice option's choices goes to that option, so `salary entry` and
 * `salary backend entry level` both work. The last free-text option takes the remaining words.
 */
export function parseText(specs: readonly OptionSpec[], text: string): Parsed {
  const raw: Record<string, string> = {};
  const positional: string[] = [];
  const spans = tokenSpans(text);
  const tokens = spans.map((t) => t.text);
  // An option that takes the rest of the line (a tip, a reminder, a question) takes it as typed,
  // once the options before it are filled: "step:5" or "plain text:hash them" inside a tip is
  // the tip's text, and so are its quotes ('avoid "SELECT *"').
  const free = specs.filter((s) => s.kind !== 'choice');
  const restAt = free.findIndex((s) => s.kind === 'string' && s.rest);
  // Only the last option: "tips 5 page:2" still reads its page after the step.
  const last = restAt >= 0 ? free[restAt] : undefined;
  const rest = last && last === specs.at(-1) && last.kind === 'string' && last.asTyped ? last : undefined;
  const before = rest ? free.slice(0, restAt) : [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const named = token.match(/^(?:--)?([a-z][\w-]*)[:=](.+)$/i) ?? null;
    const flag = token.match(/^--([a-z][\w-]*)$/i);
    const spec = (n: string) => specs.find((s) => s.name === n.toLowerCase());
    const isOption = Boolean((named?.[1] && spec(named[1])) || (flag?.[1] && spec(flag[1]) && i + 1 < tokens.length));
    if (rest && raw[rest.name] === undefined && before.filter((s) => raw[s.name] === undefined).length <= positional.length && !isOption) {
      // Quotes around the whole of it only group it: 'group create "my club"' is "my club".
      const typed = text.slice(spans[i]!.start).trim();
      raw[rest.name] = spans.length === i + 1 ? token : typed;
      break;
    }
    if (named?.[1] && named[2] !== undefined && spec(named[1])) {
      raw[named[1].toLowerCase()] = named[2];
    } else if (flag?.[1] && spec(flag[1]) && i + 1 < tokens.length) {
      raw[flag[1].toLowerCase()] = tokens[++i] ?? '';
    } else {
      positional.push(token);
    }
  }

  // Choice options first: take the first phrase (two words, then one) that matches a choice.
  for (const spec of specs) {
    if (spec.kind !== 'choice' || raw[spec.name] !== undefined) continue;
    for (let i = 0; i < positional.length; i++) {
      const two = positional.slice(i, i + 2).join(' ');
      const width = i + 1 < positional.length && matchChoice(spec, two) ? 2 : matchChoice(spec, positional[i] ?? '') ? 1 : 0;
      if (width) {
        raw[spec.name] = positional.slice(i, i + width).join(' ');
        positional.splice(i, width);
        break;
      }
    }
  }

  const open = specs.filter((s) => s.kind !== 'choice' && raw[s.name] === undefined);
  for (let i = 0; i < open.length && positional.length; i++) {
    const spec = open[i]!;
    const isLast = i === open.length - 1;
    const takesRest = (spec.kind === 'string' && spec.rest) || isLast;
    raw[spec.name] = takesRest ? positional.splice(0).join(' ') : positional.shift()!;
  }
  if (positional.length) {
    // Words left over can only be meant for a choice not yet given; resolveOptions checks them.
    const choice = specs.find((s) => s.kind === 'choice' && raw[s.name] === undefined);
    if (!choice) return failAll([`there is more than this command takes: "${cutText(positional.join(' '), 60)}".`], {});
    raw[choice.name] = positional.join(' ');
  }
  return resolveOptions(specs, raw);
}

/** `<required> [optional]` usage text for help. */
export function usage(specs: readonly OptionSpec[]): string {
  return specs.map((s) => (s.required ? `<${s.name}>` : `[${s.name}]`)).join(' ');
}

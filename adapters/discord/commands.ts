// CommandSpec[] -> Discord application-command JSON. Pure: the same declarations that drive text
// parsing and help become slash commands here, generically (nothing is special-cased by name).
// Aliases are text-only and are not registered.
import type { CommandSpec } from '../../src/command.js';
import type { OptionSpec } from '../../src/options.js';

/** Discord's limits for application commands. */
export const MAX_COMMANDS = 100;
export const MAX_NAME = 32;
export const MAX_DESCRIPTION = 100;
export const MAX_OPTIONS = 25;
export const MAX_CHOICES = 25;
export const MAX_CHOICE_NAME = 100;
export const MAX_CHOICE_VALUE = 100;
export const MAX_STRING_LENGTH = 6000;

/** Application command option types (Discord API). */
export const OptionType = { SUB_COMMAND: 1, STRING: 3, INTEGER: 4, USER: 6 } as const;
/** CHAT_INPUT: a slash command. */
export const CHAT_INPUT = 1;

export interface ApiChoice {
  name: string;
  value: string;
}

export interface ApiOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: ApiChoice[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
  options?: ApiOption[];
}

export interface ApiCommand {
  type: number;
  name: string;
  description: string;
  options?: ApiOption[];
}

/** Discord command and option names: lowercase letters, digits, - and _, 1..32 characters. */
export function commandName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME);
  return cleaned || 'command';
}

/** Shortens to `max` characters, ending in an ellipsis when something was cut. Never empty. */
export function clip(text: string, max: number, fallback = '-'): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return fallback;
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function option(spec: OptionSpec): ApiOption {
  const base = { name: commandName(spec.name), description: clip(spec.description, MAX_DESCRIPTION, spec.name) };
  const flags = {
    ...(spec.required ? { required: true } : {}),
  };
  switch (spec.kind) {
    case 'string': {
      const max = spec.maxLength ? Math.min(spec.maxLength, MAX_STRING_LENGTH) : undefined;
      return {
        type: OptionType.STRING,
        ...base,
        ...flags,
        ...(spec.autocomplete ? { autocomplete: true } : {}),
        ...(max ? { max_length: max } : {}),
      };
    }
    case 'integer':
      return {
        type: OptionType.INTEGER,
        ...base,
        ...flags,
        ...(spec.autocomplete ? { autocomplete: true } : {}),
        ...(spec.min !== undefined ? { min_value: spec.min } : {}),
        ...(spec.max !== undefined ? { max_value: spec.max } : {}),
      };
    case 'choice': {
      // Discord shows at most 25 fixed choices and forbids choices together with autocomplete. A
      // longer list stays a free string: the core validates it either way. A value over Discord's
      // limit is left out, never cut (a cut value is another value); none left, a free string.
      const fitting = spec.choices.filter((c) => c.value.length <= MAX_CHOICE_VALUE);
      if (spec.autocomplete || spec.choices.length > MAX_CHOICES || !fitting.length) {
        return { type: OptionType.STRING, ...base, ...flags, ...(spec.autocomplete ? { autocomplete: true } : {}) };
      }
      return {
        type: OptionType.STRING,
        ...base,
        ...flags,
        choices: fitting.map((c) => ({ name: clip(c.label, MAX_CHOICE_NAME, c.value), value: c.value })),
      };
    }
    case 'user':
      return { type: OptionType.USER, ...base, ...flags };
  }
}

/** Discord requires every required option to come before the optional ones; order is otherwise kept. */
function options(specs: readonly OptionSpec[]): ApiOption[] {
  const all = specs.slice(0, MAX_OPTIONS).map(option);
  return [...all.filter((o) => o.required), ...all.filter((o) => !o.required)];
}

function subcommand(spec: CommandSpec): ApiOption {
  const opts = options(spec.options ?? []);
  return {
    type: OptionType.SUB_COMMAND,
    name: commandName(spec.name),
    description: clip(spec.description, MAX_DESCRIPTION, spec.name),
    ...(opts.length ? { options: opts } : {}),
  };
}

/** One command's JSON. Subcommands become type 1 options, the default subcommand listed first. */
export function toApiCommand(spec: CommandSpec): ApiCommand {
  const out: ApiCommand = { type: CHAT_INPUT, name: commandName(spec.name), description: clip(spec.description, MAX_DESCRIPTION, spec.name) };
  if (spec.subcommands?.length) {
    const subs = [...spec.subcommands];
    const first = subs.findIndex((s) => s.name === spec.defaultSubcommand);
    if (first > 0) subs.unshift(...subs.splice(first, 1));
    out.options = subs.slice(0, MAX_OPTIONS).map(subcommand);
  } else {
    const opts = options(spec.options ?? []);
    if (opts.length) out.options = opts;
  }
  return out;
}

/** Every command's JSON, in declaration order; duplicate names after normalising keep the first. */
export function toApiCommands(specs: readonly CommandSpec[]): ApiCommand[] {
  const seen = new Set<string>();
  const out: ApiCommand[] = [];
  for (const spec of specs) {
    const cmd = toApiCommand(spec);
    if (seen.has(cmd.name)) continue;
    seen.add(cmd.name);
    out.push(cmd);
  }
  return out.slice(0, MAX_COMMANDS);
}

/**
 * The command spec Discord's (command, subcommand) names refer to, and the spec whose options
 * apply: the adapter uses it to find an option's autocomplete source.
 */
export function findLeaf(specs: readonly CommandSpec[], command: string, subcommand?: string | null): CommandSpec | undefined {
  const spec = specs.find((s) => commandName(s.name) === command);
  if (!spec) return undefined;
  if (subcommand) return spec.subcommands?.find((s) => commandName(s.name) === subcommand);
  return spec;
}

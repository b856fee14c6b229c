// CommandSpec[] -> Discord application-command JSON. Pure: the same declarations that drive text
// parsing and help become slash commands here, generically (nothing is special-cased by name).
// Aliases are text-only and are not registered.
import type { CommandSpec } from '../../src/command.js';
import type { OptionSpec } from '../../src/options.js';

/** Discord's limits for application commands. */
const MAX_COMMANDS = 100;
const MAX_NAME = 32;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
export const MAX_CHOICES = 25;
export const MAX_CHOICE_NAME = 100;
export const MAX_CHOICE_VALUE = 100;
const MAX_STRING_LENGTH = 6000;

/** Application command option types (Discord API). */
export const OptionType = { SUB_COMMAND: 1, STRING: 3, INTEGER: 4, USER: 6 } as const;
/** CHAT_INPUT: a slash command. */
const CHAT_INPUT = 1;

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
function commandName(name: string): string {
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

/** The options Discord is given (at most 25), in declaration order. */
function registeredOptions(specs: readonly OptionSpec[]): OptionSpec[] {
  return specs.slice(0, MAX_OPTIONS);
}

/** The subcommands Discord is given (at most 25), the default one first. */
function registeredSubcommands(spec: CommandSpec): CommandSpec[] {
  const subs = [...(spec.subcommands ?? [])];
  const first = subs.findIndex((s) => s.name === spec.defaultSubcommand);
  if (first > 0) subs.unshift(...subs.splice(first, 1));
  return subs.slice(0, MAX_OPTIONS);
}

/** The commands Discord is given, under their Discord names: a duplicate name after normalising keeps the first; at most 100. */
function registeredCommands(specs: readonly CommandSpec[]): [string, CommandSpec][] {
  const byName = new Map<string, CommandSpec>();
  for (const spec of specs) {
    const name = commandName(spec.name);
    if (!byName.has(name)) byName.set(name, spec);
  }
  return [...byName].slice(0, MAX_COMMANDS);
}

/** Discord requires every required option to come before the optional ones; order is otherwise kept. */
function options(specs: readonly OptionSpec[]): ApiOption[] {
  const all = registeredOptions(specs).map(option);
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
    out.options = registeredSubcommands(spec).map(subcommand);
  } else {
    const opts = options(spec.options ?? []);
    if (opts.length) out.options = opts;
  }
  return out;
}

/** Every command's JSON, in declaration order; duplicate names after normalising keep the first. */
export function toApiCommands(specs: readonly CommandSpec[]): ApiCommand[] {
  return registeredCommands(specs).map(([, spec]) => toApiCommand(spec));
}

/** A spec whose options apply (a command without subcommands, or one subcommand), its options by Discord name. */
export interface DiscordLeaf {
  spec: CommandSpec;
  options: ReadonlyMap<string, OptionSpec>;
}

/** A registered command: its spec and its leaves by Discord subcommand name ('' for the command itself). */
export interface DiscordRoute {
  spec: CommandSpec;
  leaves: ReadonlyMap<string, DiscordLeaf>;
}

function leaf(spec: CommandSpec): DiscordLeaf {
  const byName = new Map<string, OptionSpec>();
  for (const o of registeredOptions(spec.options ?? [])) if (!byName.has(commandName(o.name))) byName.set(commandName(o.name), o);
  return { spec, options: byName };
}

/**
 * Discord's names back to the declarations, for exactly what toApiCommands registers (the same
 * normalising, the same first-wins rule). Built once; the adapter looks interactions up in it.
 */
export function commandRoutes(specs: readonly CommandSpec[]): ReadonlyMap<string, DiscordRoute> {
  const routes = new Map<string, DiscordRoute>();
  for (const [name, spec] of registeredCommands(specs)) {
    const leaves = new Map<string, DiscordLeaf>([['', leaf(spec)]]);
    for (const sub of registeredSubcommands(spec)) if (!leaves.has(commandName(sub.name))) leaves.set(commandName(sub.name), leaf(sub));
    routes.set(name, { spec, leaves });
  }
  return routes;
}

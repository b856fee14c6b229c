import type { CommandContext, CommandSpec } from '../command.js';
import { compareCard } from '../answers/role.js';
import { entryOption } from '../options.js';
import { errorReply } from '../reply.js';

/**
 * In text, `compare back end developer front end developer` has no clear split, so every split
 * point is tried and the first where both halves name a role exactly wins.
 */
function splitRoles(ctx: CommandContext, first: string, second: string): [string, string] {
  const words = `${first} ${second}`.replace(/\s+(?:vs\.?|versus|and|or|with)\s+/gi, ' | ').split(' ');
  const bar = words.indexOf('|');
  if (bar > 0) return [words.slice(0, bar).join(' '), words.slice(bar + 1).join(' ')];
  for (let i = 1; i < words.length; i++) {
    const a = ctx.search.resolve('role', words.slice(0, i).join(' '));
    const b = ctx.search.resolve('role', words.slice(i).join(' '));
    if (a.match && !a.guessed && b.match && !b.guessed) return [words.slice(0, i).join(' '), words.slice(i).join(' ')];
  }
  return [first, second];
}

export const compare: CommandSpec = {
  name: 'compare',
  aliases: ['vs'],
  description: 'Two roles side by side: duties, skills and pay, each with its source.',
  options: [
    entryOption('role', 'first', 'A role, e.g. backend', { required: true }),
    entryOption('role', 'second', 'Another role, e.g. frontend', { required: true }),
  ],
  examples: ['compare backend frontend', 'compare "full-stack developer" "back-end developer"'],
  prepare(ctx, options) {
    if (options.first === undefined || options.second === undefined) return options;
    const [first, second] = splitRoles(ctx, String(options.first), String(options.second));
    return { ...options, first, second };
  },
  run(ctx, _options, { roles }) {
    // Both are required, so both were resolved before run.
    const a = roles.first!.entry;
    const b = roles.second!.entry;
    if (a.id === b.id) {
      return errorReply('Same role twice', `Both names mean ${a.title}. Name two different roles, e.g. compare backend frontend.`, 'invalid-option');
    }
    return compareCard(ctx, a, b);
  },
};

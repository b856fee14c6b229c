import { cutText } from '../cut.js';
import { closestNames } from '../closest.js';
import type { CommandSpec } from '../command.js';
import { usage } from '../options.js';
import { errorReply, reply, type Node } from '../reply.js';

/** Every runnable form of a command: itself, or each of its subcommands. */
export function forms(spec: CommandSpec): { line: string; spec: CommandSpec }[] {
  if (spec.subcommands?.length) {
    return spec.subcommands.map((sub) => ({ line: `${spec.name} ${sub.name} ${usage(sub.options ?? [])}`.trim(), spec: sub }));
  }
  return [{ line: `${spec.name} ${usage(spec.options ?? [])}`.trim(), spec }];
}

export const help: CommandSpec = {
  name: 'help',
  aliases: ['commands', '?'],
  description: 'What I can do, or how to use one command, with examples.',
  options: [{ name: 'command', kind: 'string', description: 'A command name, e.g. salary', maxLength: 40 }],
  examples: ['help', 'help salary'],
  run(ctx, { command: asked }) {
    const all = ctx.commands;
    // "help me", "help pls", "help me with salary": asking for help, not for a command called
    // "me": the command named after "me with", if any, else everything.
    const typed = asked === undefined ? undefined : String(asked).trim();
    const forMe = typed?.match(/^(?:me|us|pls|plz|please)\b(?:[\s,]+(?:out|with|on|about|pls|plz|please|now))*[\s,]*(.*)$/i);
    const named = forMe?.[1]?.split(/\s+/)[0]?.replace(/[?!.]+$/, '');
    const command = forMe ? (named && all.some((c) => c.name === named.toLowerCase()) ? named : undefined) : /^[!?.]+$/.test(typed ?? '') ? undefined : asked;
    if (command === undefined) {
      return reply({
        title: 'devpath: your guide to becoming a back-end developer',
        children: [
          { type: 'text', text: 'Ask me anything about the career in plain words, or use a command:' },
          { type: 'list', items: all.flatMap((c) => forms(c).map((f) => `${f.line}: ${f.spec.description}`)) },
          { type: 'note', text: 'Type "help <command>" for examples. Every answer names the articles it comes from.' },
        ],
        // Short form: the command names on a few lines; "more" gives each one's description.
        brief: [
          { type: 'text', text: 'Ask me anything about the career in plain words ("how much do juniors make?"), or use a command:' },
          { type: 'fields', fields: [{ label: 'Commands', value: all.map((c) => c.name).join(', ') }] },
          { type: 'note', text: 'Type "help <command>" for one command, with examples. Every answer names the articles it comes from.' },
        ],
        suggestions: [
          { label: 'Salary', command: 'salary' },
          { label: 'Roadmap', command: 'roadmap' },
          { label: 'Ask', command: 'ask how long does it take to become a backend developer' },
        ],
      });
    }
    const name = String(command).toLowerCase().replace(/^\//, '');
    const spec = all.find((c) => c.name === name || c.aliases?.includes(name));
    if (!spec) {
      const [guess] = closestNames(all.map((c) => c.name), name, 1, 0.4);
      return errorReply(
        'Unknown command',
        `There is no command "${cutText(name, 40)}".${guess ? ` Did you mean "${guess}"?` : ''} Type "help" to see them all.`,
        'unknown-command',
        guess ? [{ label: `help ${guess}`, command: `help ${guess}` }] : [{ label: 'help', command: 'help' }],
      );
    }
    const children: Node[] = [{ type: 'text', text: spec.description }];
    for (const f of forms(spec)) {
      children.push({ type: 'section', title: f.line });
      if (f.spec !== spec) children.push({ type: 'text', text: f.spec.description });
      const options = f.spec.options ?? [];
      if (options.length) {
        children.push({
          type: 'list',
          items: options.map((o) => {
            const choices = o.kind === 'choice' ? ` (one of: ${o.choices.map((c) => c.value).join(', ')})` : '';
            return `${o.name}${o.required ? '' : ' (optional)'}: ${o.description}${choices}`;
          }),
        });
      }
    }
    const leaves = [spec, ...(spec.subcommands ?? [])];
    const examples = leaves.flatMap((s) => s.examples);
    children.push({ type: 'section', title: 'Examples' }, { type: 'list', items: examples });
    if (spec.aliases?.length) children.push({ type: 'note', text: `Also works as: ${spec.aliases.join(', ')}` });
    // Only examples that read and name no one are offered to run: an example that saves would save
    // it as the user's, and "@alice" is nobody in this community.
    const safe = leaves
      .filter((s) => !s.writes && !(s === spec && spec.subcommands?.some((sub) => sub.writes) && !spec.run))
      .flatMap((s) => s.examples)
      .filter((e) => !e.includes('@'));
    return reply({ title: `help ${spec.name}`, children, suggestions: safe.slice(0, 3).map((e) => ({ label: e, command: e })) });
  },
};

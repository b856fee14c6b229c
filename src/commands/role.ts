import { cutText } from '../cut.js';
import type { CommandSpec } from '../command.js';
import { roleCard } from '../answers/role.js';
import { entryOption } from '../options.js';
import { reply } from '../reply.js';
import { rememberTopic } from './remember.js';

export const role: CommandSpec = {
  name: 'role',
  aliases: ['roles', 'job'],
  description: 'What a role is: duties, skills, where they work, pay and what comes after senior.',
  options: [entryOption('role', 'name', 'The role, e.g. backend, DBA, full-stack')],
  examples: ['role backend developer', 'role dba', 'role'],
  run(ctx, _options, { roles }) {
    const found = roles.name;
    if (!found) {
      const groups = [
        ['The role', 'main'],
        ['Related roles', 'related'],
        ['Alternative careers', 'alternative'],
      ] as const;
      return reply({
        title: 'Roles I know',
        children: groups.flatMap(([title, kind]) => {
          const roles = ctx.knowledge.roles.filter((r) => r.kind === kind);
          return roles.length ? [{ type: 'section' as const, title }, { type: 'list' as const, items: roles.map((r) => r.title) }] : [];
        }),
        suggestions: ctx.knowledge.roles.slice(0, 3).map((r) => ({ label: r.title, command: `role ${r.id}` })),
      });
    }
    rememberTopic(ctx, `role:${found.entry.id}`);
    return roleCard(ctx, found.entry, found.guessed ? `Did you mean ${found.entry.title}? Showing it for "${cutText(found.text, 60)}".` : undefined);
  },
};

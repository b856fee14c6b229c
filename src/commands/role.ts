import { cutText } from '../cut.js';
import type { CommandSpec } from '../command.js';
import { roleCard } from '../answers/role.js';
import { reply } from '../reply.js';
import { rememberTopic } from './remember.js';
import { resolveRole } from './resolve.js';

export const role: CommandSpec = {
  name: 'role',
  aliases: ['roles', 'job'],
  description: 'What a role is: duties, skills, where they work, pay and what comes after senior.',
  options: [{ name: 'name', kind: 'string', description: 'The role, e.g. backend, DBA, full-stack', autocomplete: 'role', maxLength: 100 }],
  examples: ['role backend developer', 'role dba', 'role'],
  run(ctx, { name }) {
    if (name === undefined) {
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
    const found = resolveRole(ctx, String(name));
    if (!found.ok) return found.reply;
    rememberTopic(ctx, `role:${found.entry.id}`);
    return roleCard(ctx, found.entry, found.guessed ? `Did you mean ${found.entry.title}? Showing it for "${cutText(String(name), 60)}".` : undefined);
  },
};

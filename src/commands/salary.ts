import type { CommandSpec } from '../command.js';
import { LEVEL_LABELS, salaryCard } from '../answers/salary.js';
import { entryOption, type Choice } from '../options.js';
import { rememberTopic } from './remember.js';
import { resolveRole } from './resolve.js';
import { withCaveat } from './ask.js';

export const LEVEL_CHOICES: Choice[] = [
  { value: 'overall', label: LEVEL_LABELS.overall, aliases: ['average', 'median', 'all', 'typical', 'overall'] },
  { value: 'entry', label: LEVEL_LABELS.entry, aliases: ['entry level', 'entry-level', 'junior', 'beginner', 'starting', 'new', 'graduate', 'starting out', '0-1'] },
  { value: 'early', label: LEVEL_LABELS.early, aliases: ['early career', 'early-career', '1-3'] },
  { value: 'mid', label: LEVEL_LABELS.mid, aliases: ['mid-level', 'mid level', 'mid career', 'mid-career', 'intermediate', '4-6'] },
  { value: 'experienced', label: LEVEL_LABELS.experienced, aliases: ['senior', 'highly experienced', 'veteran', 'late career', '7-9', '5-9'] },
];

export const salary: CommandSpec = {
  name: 'salary',
  aliases: ['salaries', 'pay'],
  description: 'Every salary figure for a role and level, each with its source, plus the job outlook.',
  options: [
    entryOption('role', 'role', 'The role (back-end developer if left out)'),
    { name: 'level', kind: 'choice', description: 'Experience level', choices: LEVEL_CHOICES },
  ],
  examples: ['salary', 'salary entry', 'salary frontend', 'salary backend senior'],
  run(ctx, options, { roles }) {
    let role = roles.role?.entry;
    if (!role) {
      // Back-end developer when no role is named.
      const backend = resolveRole(ctx, 'backend-developer');
      if (!backend.ok) return backend.reply;
      role = backend.entry;
    }
    const level = options.level as keyof typeof LEVEL_LABELS | undefined;
    rememberTopic(ctx, `salary:${role.id}`, level);
    // "salary backend in india": the role was read, and the place is said not to be covered.
    const outside = ctx.search.analyse(roles.role?.text ?? '').outside.find((o) => o === 'place' || o === 'company' || o === 'school' || o === 'tech');
    const card = salaryCard(ctx, role, level);
    return outside ? withCaveat(card, outside) : card;
  },
};

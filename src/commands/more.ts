// `more`: the rest of a short answer. Long answers come short first (src/brief.ts) with a More
// suggestion carrying what shows them in full; `more` alone expands the caller's last one here.
import type { CommandSpec } from '../command.js';

export const more: CommandSpec = {
  name: 'more',
  aliases: ['expand'],
  description: 'The rest of a short answer: more alone shows all of your last one.',
  options: [{ name: 'what', kind: 'string', description: 'What to show in full, as a More button carries it, e.g. roadmap 6', rest: true, maxLength: 300 }],
  examples: ['more', 'more roadmap 6'],
  run(ctx, { what }) {
    return ctx.expand(what === undefined ? undefined : String(what), ctx);
  },
};

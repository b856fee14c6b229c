// Turning a name typed by a user into a knowledge entry: exactly, by a close misspelling (with
// "did you mean"), or not at all (with the closest names to try).
import { cutText } from '../cut.js';
import type { Services } from '../command.js';
import type { Role, Step } from '../knowledge/schema.js';
import { cleanText, type OptionSpec } from '../options.js';
import { errorReply, NOT_FOUND, reply, type Reply } from '../reply.js';
import type { Kind } from '../search/index.js';

/** The `step` option of every command that names a roadmap step (`done 2`, `roadmap framework`). */
export function stepOption(required: boolean): OptionSpec {
  return { name: 'step', kind: 'string', description: 'A step number or name, e.g. 2 or framework', required, autocomplete: 'step', maxLength: 100 };
}

export type Resolved<T> = { ok: true; entry: T; guessed: boolean } | { ok: false; reply: Reply };

const NOUN: Partial<Record<Kind, string>> = { role: 'role', step: 'roadmap step', learning: 'topic', skill: 'skill' };

/** A friendly "I don't know X. Did you mean ...?" with the closest names as buttons. */
export function notFound(kind: Kind, text: string, names: { label: string; command: string }[], commandHint: string): Reply {
  const shown = cutText(cleanText(text), 60);
  const lead = `I don't know a ${NOUN[kind] ?? kind} called "${shown}".`;
  const message = names.length ? `${lead} Did you mean: ${names.map((n) => n.label).join(', ')}?` : `${lead} ${commandHint}`;
  return reply({ title: NOT_FOUND, children: [{ type: 'text', text: message }], answered: false, ephemeral: true, suggestions: names });
}

export function resolveRole(services: Services, text: string): Resolved<Role> {
  const r = services.search.resolve('role', text);
  const role = r.match && services.knowledge.roles.find((x) => x.id === r.match!.id);
  if (role) return { ok: true, entry: role, guessed: r.guessed };
  const names = r.suggestions.slice(0, 3).map((d) => ({ label: d.title, command: `role ${d.id}` }));
  return { ok: false, reply: notFound('role', text, names, 'Type "role" with no name to see every role I know.') };
}

/** A step by its number on the roadmap (`2`) or by its name, fuzzily (`framework`, `framwork`). */
export function resolveStep(services: Services, text: string): Resolved<Step> {
  const { roadmap } = services.knowledge;
  const clean = cleanText(text).replace(/^(?:step\s*)?#?/i, '');
  if (/^\d+$/.test(clean)) {
    const step = roadmap.find((s) => s.order === Number(clean));
    if (step) return { ok: true, entry: step, guessed: false };
    return { ok: false, reply: errorReply(NOT_FOUND, `The roadmap has steps 1 to ${roadmap.length}; there is no step ${clean.slice(0, 12)}.`, 'invalid-option', [{ label: 'Roadmap', command: 'roadmap' }]) };
  }
  const r = services.search.resolve('step', clean);
  const step = r.match && roadmap.find((s) => s.id === r.match!.id);
  if (step) return { ok: true, entry: step, guessed: r.guessed };
  const names = r.suggestions.slice(0, 3).map((d) => {
    const s = roadmap.find((x) => x.id === d.id)!;
    return { label: `${s.order}. ${s.title}`, command: `roadmap ${s.order}` };
  });
  return { ok: false, reply: notFound('step', text, names, 'Type "roadmap" to see every step.') };
}

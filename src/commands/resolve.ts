// Turning a name typed by a user into a knowledge entry: exactly, by a close misspelling (with
// "did you mean"), or not at all (with the closest names to try). And the replies for a tip or a
// study group that is not in the caller's community. The option kinds (src/option-kinds.ts) use
// these before a command runs.
import { cutText } from '../cut.js';
import type { CommandContext, Services } from '../command.js';
import type { Role, Step } from '../knowledge/schema.js';
import { cleanText, entryOption, type EntryOption } from '../options.js';
import { errorReply, NOT_FOUND, reply, type Reply } from '../reply.js';
import type { Kind } from '../search/index.js';
import type { Tip } from '../store/store.js';
import { closestNames } from '../closest.js';
import { refusal } from './community.js';

/** The `step` option of every command that names a roadmap step (`done 2`, `roadmap framework`). */
export function stepOption(required: boolean): EntryOption<'step'> {
  return entryOption('step', 'step', 'A step number or name, e.g. 2 or framework', { required });
}

export type Resolved<T> = { ok: true; entry: T; guessed: boolean } | { ok: false; reply: Reply };

const NOUN: Partial<Record<Kind, string>> = { role: 'role', step: 'roadmap step', learning: 'topic', skill: 'skill' };

/** A friendly "I don't know X. Did you mean ...?" with the closest names as buttons. */
export function notFound(kind: Kind, text: string, names: { label: string; command: string }[], commandHint: string): Reply {
  const shown = cutText(cleanText(text), 60);
  const lead = `I don't know a ${NOUN[kind] ?? kind} called "${shown}".`;
  const message = names.length ? `${lead} Did you mean: ${names.map((n) => n.label).join(', ')}?` : `${lead} ${commandHint}`;
  // A name the command cannot read is a wrong request, as 'roadmap 13' is: the CLI exits 2.
  return reply({ title: NOT_FOUND, children: [{ type: 'text', text: message }], answered: false, ephemeral: true, suggestions: names, outcome: 'not-found', error: 'invalid-option' });
}

export function resolveRole(services: Services, text: string): Resolved<Role> {
  const r = services.search.resolve('role', text);
  const role = r.match && services.knowledge.roles.find((x) => x.id === r.match!.id);
  if (role) return { ok: true, entry: role, guessed: r.guessed };
  const names = r.suggestions.slice(0, 3).map((d) => ({ label: d.title, command: `role ${d.id}` }));
  return { ok: false, reply: notFound('role', text, names, 'Type "role" with no name to see every role I know.') };
}

/** Numbers up to the roadmap's length in words, each as [cardinal, ordinal]: "two", "second". */
export const NUMBER_WORDS: readonly (readonly [string, string])[] = [
  ['one', 'first'], ['two', 'second'], ['three', 'third'], ['four', 'fourth'], ['five', 'fifth'], ['six', 'sixth'],
  ['seven', 'seventh'], ['eight', 'eighth'], ['nine', 'ninth'], ['ten', 'tenth'], ['eleven', 'eleventh'], ['twelve', 'twelfth'],
];

/** A step by its number on the roadmap (`2`, `two`) or by its name, fuzzily (`framework`, `framwork`). */
export function resolveStep(services: Services, text: string): Resolved<Step> {
  const { roadmap } = services.knowledge;
  // "step 4?" asks for step 4: the question mark is not part of the number.
  const cleaned = cleanText(text).replace(/^(?:step\s*)?#?/i, '').replace(/^(\d+)\s*[?!.]+$/, '$1');
  // "step two": the number in words ("two", "second") is the number.
  const spelled = NUMBER_WORDS.findIndex((words) => words.includes(cleaned.toLowerCase().replace(/[?!.]+$/, '')));
  const clean = spelled >= 0 ? String(spelled + 1) : cleaned;
  if (/^\d+$/.test(clean)) {
    const step = roadmap.find((s) => s.order === Number(clean));
    if (step) return { ok: true, entry: step, guessed: false };
    const missing = errorReply(NOT_FOUND, `The roadmap has steps 1 to ${roadmap.length}; there is no step ${clean.slice(0, 12)}.`, 'invalid-option', [{ label: 'Roadmap', command: 'roadmap' }]);
    return { ok: false, reply: { ...missing, outcome: 'not-found' } };
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

/**
 * "There is no tip #99 here" with the closest ids (one typo away, then nearest, as the store's
 * tipsNear gives them) to try with `command` (`tip vote`).
 */
export function tipNotFound(id: number, close: readonly Tip[], command: string): Reply {
  const lead = `There is no tip #${id} in this community.`;
  // A well-formed number that names no tip is "not found" (like an unknown name), not a usage error.
  if (!close.length) return refusal('Not found', `${lead} There are no tips yet: add one with "tip add <step> <text>".`);
  return refusal(
    'Not found',
    `${lead} Did you mean: ${close.map((t) => `#${t.id} "${cutText(t.text, 43, '...')}"`).join(', ')}?`,
    close.map((t) => ({ label: `#${t.id}`, command: `${command} ${t.id}` })),
  );
}

/** "There is no group called X here", with the closest group names to try with `command` (`group join`). */
export async function unknownGroup(ctx: CommandContext, name: string, command: string): Promise<Reply> {
  const shown = cutText(name, 40);
  const names = closestNames(
    (await ctx.store.groups(ctx.communityId)).map((g) => g.name),
    name,
  );
  const message = names.length
    ? `There is no group called "${shown}" here. Did you mean: ${names.join(', ')}?`
    : `There is no group called "${shown}" here. Create it with "group create ${shown}".`;
  return refusal('Group not found', message, names.length ? names.map((n) => ({ label: n, command: `${command} ${n}` })) : [{ label: 'Create it', command: `group create ${shown}` }]);
}

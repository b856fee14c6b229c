// Autocomplete: the core's fuzzy search answers "what could the user mean by this partial text"
// for any platform that offers suggestions while typing (Discord today).
import { cutText } from './cut.js';
import type { Context, Services } from './command.js';
import type { Choice, CompletionSource } from './options.js';

/** Discord shows at most 25 choices, and the others are not more useful. */
export const MAX_COMPLETIONS = 25;

export async function completions(services: Services, source: CompletionSource, partial: string, context?: Context): Promise<Choice[]> {
  const { search, knowledge } = services;
  switch (source) {
    case 'role':
      return search.complete('role', partial, MAX_COMPLETIONS).map((d) => ({ value: d.id, label: d.title }));
    case 'step': {
      if (/^\d+$/.test(partial)) {
        const step = knowledge.roadmap.find((s) => s.order === Number(partial));
        if (step) return [{ value: String(step.order), label: `${step.order}. ${step.title}` }];
      }
      return search.complete('step', partial, MAX_COMPLETIONS).map((d) => {
        const step = knowledge.roadmap.find((s) => s.id === d.id);
        return { value: String(step?.order ?? d.id), label: step ? `${step.order}. ${step.title}` : d.title };
      });
    }
    case 'topic':
      return [...search.complete('learning', partial, MAX_COMPLETIONS), ...search.complete('skill', partial, MAX_COMPLETIONS)]
        .slice(0, MAX_COMPLETIONS)
        .map((d) => ({ value: d.id, label: d.title }));
    case 'tip': {
      if (!context) return [];
      const want = partial.replace(/^#/, '');
      const { items } = await services.store.tips(context.communityId, { ...(want ? { matching: want } : {}), limit: MAX_COMPLETIONS, withTotal: false });
      return items.map((t) => ({ value: String(t.id), label: cutText(`#${t.id} ${t.text}`, 100) }));
    }
    case 'group': {
      if (!context) return [];
      const want = partial.toLowerCase();
      return (await services.store.groups(context.communityId))
        .filter((g) => !want || g.name.toLowerCase().includes(want))
        .slice(0, MAX_COMPLETIONS)
        .map((g) => ({ value: g.name, label: g.name }));
    }
    default:
      return [];
  }
}

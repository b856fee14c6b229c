// Cards for the simpler kinds of entry: a career question, a learning option, a skill.
import type { Services } from '../command.js';
import type { Learning, Question, Skill } from '../knowledge/schema.js';
import { reply, type Node, type Reply, type Suggestion } from '../reply.js';
import { citeAll, citeMerged, itemSources, sourceRefs } from './cite.js';
import { listed } from './yes-no.js';

export function questionCard(services: Services, q: Question, suggestions: Suggestion[] = []): Reply {
  return reply({
    title: q.title,
    children: [{ type: 'list', items: citeAll(services, q.answer) }],
    sources: sourceRefs(services, itemSources(q.answer)),
    suggestions,
  });
}

export function learningCard(services: Services, l: Learning): Reply {
  const skills = l.skills.map((id) => services.knowledge.skills.find((s) => s.id === id)?.title).filter(Boolean);
  const children: Node[] = [{ type: 'list', items: [...citeAll(services, l.summary), ...othersListed(services, l)] }];
  if (skills.length) children.push({ type: 'fields', fields: [{ label: 'Skills', value: skills.join(', ') }] });
  return reply({
    title: l.title,
    children,
    sources: sourceRefs(services, itemSources(l.summary)),
    suggestions: [{ label: `More ${l.kind === 'platform' ? 'platforms' : 'ways to learn'}`, command: `learn ${l.kind}` }],
  });
}

/**
 * A course site is one of a list (the spotlight's most popular course sites): the others on it,
 * from the knowledge, so "is udemy ok? what else is there?" gets them with the one it names.
 */
function othersListed(services: Services, l: Learning): string[] {
  if (l.kind !== 'platform') return [];
  const source = l.sources[0]!;
  const others = services.knowledge.learning.filter((o) => o.kind === 'platform' && o.id !== l.id && o.sources.includes(source)).map((o) => o.title);
  return others.length ? citeAll(services, [{ text: `The others on that list: ${listed(others)}.`, source }]) : [];
}

export function skillCard(services: Services, s: Skill): Reply {
  const summary = citeAll(services, s.summary);
  const children: Node[] = [{ type: 'list', items: summary }];
  const examples: Node[] = s.examples.length ? [{ type: 'section', title: 'Examples' }, { type: 'list', items: citeMerged(services, s.examples) }] : [];
  children.push(...examples);
  const steps = services.knowledge.roadmap.filter((step) => step.skills.includes(s.id));
  // Its short form when the question only names it ("and frameworks?"): what it is, then the
  // named examples, then the rest.
  const brief: Node[] = examples.length ? [{ type: 'list', items: summary.slice(0, 1) }, ...examples, ...(summary.length > 1 ? [{ type: 'section' as const, title: 'About' }, { type: 'list' as const, items: summary.slice(1) }] : [])] : [];
  return reply({
    title: s.title,
    children,
    ...(brief.length ? { brief } : {}),
    sources: sourceRefs(services, [...itemSources(s.summary), ...itemSources(s.examples)]),
    suggestions: steps.slice(0, 2).map((step) => ({ label: `Step ${step.order}: ${step.title}`, command: `roadmap ${step.order}` })),
  });
}

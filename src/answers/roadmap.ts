// The roadmap: the ordered list of steps, and one step in detail with what comes next.
import type { Services } from '../command.js';
import type { Step } from '../knowledge/schema.js';
import { reply, type Node, type Reply, type Suggestion } from '../reply.js';
import { citeAll, itemSources, sourceRefs } from './cite.js';

export interface RoadmapExtras {
  /** Step ids the caller has done; marked in the list. */
  done?: ReadonlySet<string>;
  /** Extra nodes after the step detail (the community's best tips). */
  after?: Node[];
  suggestions?: Suggestion[];
}

export function roadmapList(services: Services, extras: RoadmapExtras = {}): Reply {
  const { roadmap } = services.knowledge;
  const done = extras.done;
  const items = roadmap.map((s) => `${done ? (done.has(s.id) ? '[x] ' : '[ ] ') : ''}${s.order}. ${s.title}`);
  // How many, said first: "how many steps is the roadmap?" is answered by this list.
  const children: Node[] = [{ type: 'text', text: `${roadmap.length} steps, in order:` }, { type: 'list', items }];
  if (done) children.push({ type: 'note', text: `${roadmap.filter((s) => done.has(s.id)).length}/${roadmap.length} steps done` });
  const next = roadmap.find((s) => !done?.has(s.id));
  return reply({
    title: 'The back-end developer roadmap',
    children: [...children, ...(extras.after ?? [])],
    sources: sourceRefs(services, roadmap.flatMap((s) => s.sources)),
    suggestions: extras.suggestions ?? (next ? [{ label: `Step ${next.order}: ${next.title}`, command: `roadmap ${next.order}` }] : []),
  });
}

export function stepCard(services: Services, step: Step, extras: RoadmapExtras = {}): Reply {
  const { roadmap, skills } = services.knowledge;
  const next = roadmap.find((s) => s.order === step.order + 1);
  const skillTitles = step.skills.map((id) => skills.find((s) => s.id === id)?.title).filter(Boolean);
  // The skills a step builds belong with what to do: after "Why" they read as a reason, and a
  // short answer that leaves the reasons out showed "Why:" over the skills alone.
  const children: Node[] = [
    { type: 'section', title: 'What to do' },
    { type: 'list', items: citeAll(services, step.what) },
    ...(skillTitles.length ? [{ type: 'fields' as const, fields: [{ label: 'Skills', value: skillTitles.join(', ') }] }] : []),
    { type: 'section', title: 'Why' },
    { type: 'list', items: citeAll(services, step.why) },
  ];
  if (step.tools.length) children.push({ type: 'section', title: 'Tools' }, { type: 'list', items: citeAll(services, step.tools) });
  const nextNote: Node = { type: 'note', text: next ? `Next: step ${next.order}, ${next.title}` : 'This is the last step: keep learning.' };
  children.push(nextNote);
  children.push(...(extras.after ?? []));
  // Short form: what to do, and what comes next; the community's tips after, as room allows.
  const brief: Node[] = [{ type: 'section', title: 'What to do' }, { type: 'list', items: citeAll(services, step.what.slice(0, 3)) }, nextNote, ...(extras.after ?? [])];
  const suggestions: Suggestion[] = [
    ...(next ? [{ label: `Next step: ${next.title}`, command: `roadmap ${next.order}` }] : []),
    ...(extras.suggestions ?? []),
    { label: 'Whole roadmap', command: 'roadmap' },
  ];
  return reply({
    title: `Step ${step.order} of ${roadmap.length}: ${step.title}`,
    children,
    brief,
    sources: sourceRefs(services, [...step.sources, ...itemSources([...step.what, ...step.why, ...step.tools])]),
    suggestions,
  });
}

// The role card, and the side-by-side comparison of two roles.
import type { Services } from '../command.js';
import type { Item, Role } from '../knowledge/schema.js';
import type { Node } from '../reply.js';
import { reply, type Reply } from '../reply.js';
import { citeAll, itemSources, salariesInLine, salaryLine, sourceRef, sourceRefs } from './cite.js';

/** Long lists are cut in the card; the plain list keeps the card readable on every platform. */
const MAX_LIST = 8;

/** A list's first `max` items, and any of the rest in `extra` (points a question asked about), in order. */
function list(services: Services, title: string, items: Item[], max = MAX_LIST, extra: ReadonlySet<Item> = new Set()): Node[] {
  if (!items.length) return [];
  const chosen = items.filter((item, i) => i < max || extra.has(item));
  const shown = citeAll(services, chosen);
  if (items.length > chosen.length) shown.push(`... and ${items.length - chosen.length} more`);
  return [{ type: 'section', title }, { type: 'list', items: shown }];
}

/** The first two summary points of each article: enough to know the role, short enough to read. */
export function summaryOf(role: Role, perSource = 2): Item[] {
  const count = new Map<string, number>();
  return role.summary.filter((i) => {
    const n = (count.get(i.source) ?? 0) + 1;
    count.set(i.source, n);
    return n <= perSource;
  });
}

/** The card's lists, each by a letter: a point is named `d31` (the 32nd duty). */
const LISTS = { s: 'summary', d: 'duties', t: 'technicalSkills', o: 'softSkills', w: 'workplaces', l: 'ladder' } as const;
type ListKey = (typeof LISTS)[keyof typeof LISTS];

/** The most points past the card's first ones a question brings forward. */
const PICKED = 3;

/** The points the card leaves out (past a list's first ones, or the summary's first per article). */
function hiddenPoints(role: Role): { code: string; item: Item }[] {
  const summarised = new Set(summaryOf(role));
  return Object.entries(LISTS).flatMap(([letter, key]) =>
    (role[key as ListKey] as Item[]).flatMap((item, i) => ((key === 'summary' ? summarised.has(item) : i < MAX_LIST) ? [] : [{ code: `${letter}${i}`, item }])),
  );
}

/**
 * The points a question asks about that the card would leave out ("which streaming app needs
 * many of them?" is the 32nd duty), best first, at most PICKED, as codes (`d31,s10`) that
 * `roleCard` shows and a More button carries, so the full form shows them again.
 */
export function pickPoints(role: Role, score: (text: string) => number): string {
  return hiddenPoints(role)
    .map((p) => ({ ...p, score: score(p.item.text) }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, PICKED)
    .map((p) => p.code)
    .join(',');
}

/** The points named by codes (unknown codes are ignored: a button may outlive a knowledge change). */
function pointsOf(role: Role, codes: string | undefined): Set<Item> {
  const out = new Set<Item>();
  for (const code of (codes ?? '').split(',').slice(0, PICKED)) {
    if (!/^[a-z]\d{1,3}$/.test(code)) continue;
    const key = LISTS[code[0] as keyof typeof LISTS];
    const item = key && (role[key] as Item[])[Number(code.slice(1))];
    if (item) out.add(item);
  }
  return out;
}

/**
 * The role's other job titles as the card shows them: only the ones an article lists ("what
 * other job titles do they go by"), with that article named. The aliases are for search
 * (spellings, plurals, short forms) and are never shown as titles.
 */
export function alsoCalled(services: Services, role: Role): string | undefined {
  if (!role.titles) return undefined;
  return `${role.titles.names.join(', ')} (${sourceRef(services, role.titles.source).short})`;
}

export function roleItems(role: Role): Item[] {
  return [...role.summary, ...role.duties, ...role.technicalSkills, ...role.softSkills, ...role.workplaces, ...role.ladder];
}

/** A role's card; `picked` (codes from pickPoints) shows points a question asked about that it would leave out. */
export function roleCard(services: Services, role: Role, lead?: string, picked?: string): Reply {
  const { knowledge } = services;
  const related = role.related.map((id) => knowledge.roles.find((r) => r.id === id)).filter((r): r is Role => !!r);
  const figures = knowledge.salaries.filter((s) => s.role === role.id);
  // The card shows the headline figures; `salary <role>` has every level.
  const headline = figures.filter((s) => s.level === 'overall');
  const summary = new Set(summaryOf(role));
  const extra = pointsOf(role, picked);
  const children: Node[] = [
    ...(lead ? [{ type: 'note', text: lead } as Node] : []),
    ...citeAll(services, role.summary.filter((i) => summary.has(i) || extra.has(i))).map((text): Node => ({ type: 'text', text })),
  ];
  const names = alsoCalled(services, role);
  if (names) children.push({ type: 'fields', fields: [{ label: 'Also called', value: names }] });
  children.push(
    ...list(services, 'Duties', role.duties, MAX_LIST, extra),
    ...list(services, 'Technical skills', role.technicalSkills, MAX_LIST, extra),
    ...list(services, 'Soft skills', role.softSkills, MAX_LIST, extra),
    ...list(services, 'Where they work', role.workplaces, MAX_LIST, extra),
    ...list(services, 'Beyond senior', role.ladder, MAX_LIST, extra),
  );
  if (headline.length) {
    children.push({ type: 'section', title: 'Pay' }, { type: 'list', items: headline.map((f) => `${f.subject}: ${salaryLine(services, f)}`) });
  }
  if (related.length) children.push({ type: 'fields', fields: [{ label: 'Related roles', value: related.map((r) => r.title).join(', ') }] });
  // Short form: what the role is, what it pays, what the job is made of.
  const brief: Node[] = [
    ...(lead ? [{ type: 'note', text: lead } as Node] : []),
    ...citeAll(services, role.summary.slice(0, 1)).map((text): Node => ({ type: 'text', text })),
    ...(headline.length ? [{ type: 'fields', fields: [{ label: 'Pay a year', value: salariesInLine(services, headline) }] } as Node] : []),
    ...list(services, 'Duties', role.duties, 3).map((n) => (n.type === 'list' ? { ...n, items: n.items.filter((i) => !i.startsWith('... and')) } : n)),
  ];
  return reply({
    title: role.title,
    children,
    brief,
    sources: sourceRefs(services, [...itemSources(roleItems(role)), ...headline.map((f) => f.source), ...(role.titles ? [role.titles.source] : [])]),
    suggestions: [
      ...(figures.length ? [{ label: 'Salary', command: `salary ${role.id}` }] : []),
      ...related.slice(0, 2).map((r) => ({ label: `Compare with ${r.title}`, command: `compare ${role.id} ${r.id}` })),
      { label: 'Roadmap', command: 'roadmap' },
    ],
  });
}

function column(services: Services, items: Item[], max = 5): string {
  if (!items.length) return 'Not described in the articles';
  return citeAll(services, items.slice(0, max)).join('\n') + (items.length > max ? `\n... and ${items.length - max} more` : '');
}

export function compareCard(services: Services, a: Role, b: Role): Reply {
  const pay = (role: Role) => {
    const all = services.knowledge.salaries.filter((s) => s.role === role.id);
    const figures = all.filter((s) => s.level === 'overall');
    const shown = (figures.length ? figures : all).map((f) => `${f.subject}: ${salaryLine(services, f)}`);
    return shown.length ? shown.join('\n') : 'No figure in the articles';
  };
  const payInLine = (role: Role) => {
    const all = services.knowledge.salaries.filter((s) => s.role === role.id);
    const figures = all.filter((s) => s.level === 'overall');
    return all.length ? salariesInLine(services, figures.length ? figures : all) : 'No figure in the articles';
  };
  const rows: [string, (r: Role) => string][] = [
    ['In short', (r) => column(services, r.summary, 2)],
    ['Duties', (r) => column(services, r.duties)],
    ['Skills', (r) => column(services, [...r.technicalSkills, ...r.softSkills])],
    ['Pay', pay],
  ];
  const children: Node[] = [];
  for (const [label, get] of rows) {
    children.push({ type: 'section', title: label }, { type: 'fields', fields: [{ label: a.title, value: get(a) }, { label: b.title, value: get(b) }] });
  }
  const figures = services.knowledge.salaries.filter((s) => (s.role === a.id || s.role === b.id) && s.level === 'overall');
  if (figures.length) children.push({ type: 'note', text: 'Figures come from different articles and years; each is shown with its source, never averaged.' });
  // Short form: each in a line, and the pay.
  const firstOf = (r: Role) => citeAll(services, r.summary.slice(0, 1))[0] ?? 'Not described in the articles';
  const brief: Node[] = [
    { type: 'section', title: 'In short' },
    { type: 'fields', fields: [{ label: a.title, value: firstOf(a) }, { label: b.title, value: firstOf(b) }] },
    { type: 'section', title: 'Pay a year' },
    { type: 'fields', fields: [{ label: a.title, value: payInLine(a) }, { label: b.title, value: payInLine(b) }] },
  ];
  return reply({
    title: `${a.title} vs ${b.title}`,
    children,
    brief,
    sources: sourceRefs(services, [...itemSources(roleItems(a)), ...itemSources(roleItems(b)), ...figures.map((f) => f.source)]),
    suggestions: [
      { label: a.title, command: `role ${a.id}` },
      { label: b.title, command: `role ${b.id}` },
    ],
  });
}

// Turns the knowledge base into flat search documents, one per thing the bot can answer about.
// Salaries and outlook figures are grouped (one document per role, one for the outlook), because
// a question about pay is answered with every figure for that role, never with one of them.
import type { Item, Knowledge } from '../knowledge/schema.js';

export type Kind = 'role' | 'salary' | 'outlook' | 'learning' | 'skill' | 'step' | 'question';

export interface Doc {
  /** `kind:id`, e.g. "role:backend-developer". */
  ref: string;
  kind: Kind;
  id: string;
  title: string;
  aliases: string[];
  keywords: string[];
  /** Example questions the entry answers (the knowledge's `asks`). */
  asks: string[];
  body: string;
  /** Who says it: the articles its points come from, and the surveys it cites (PayScale, BLS). */
  sources: string[];
  /** The entry a reader goes on to ("and after that?"), as a ref of the same kind (the knowledge's `then`). */
  then?: string;
}

const text = (items: Item[]) => items.map((i) => i.text).join(' ');
const from = (items: Item[]) => [...new Set(items.map((i) => i.source))];

const SALARY_WORDS = ['salary', 'pay', 'earn', 'wage', 'income', 'how much'];

export function buildDocuments(kb: Knowledge): Doc[] {
  const docs: Doc[] = [];
  const add = (kind: Kind, d: Omit<Doc, 'ref' | 'kind'>) => docs.push({ ref: `${kind}:${d.id}`, kind, ...d });

  for (const r of kb.roles) {
    // A role card answers "what does X do", "X duties", "X skills", "X's other job titles": say so in its keywords.
    const roleWords = ['duties', 'responsibilities', 'skills', 'job description', 'job titles'];
    add('role', { id: r.id, title: r.title, aliases: r.aliases, keywords: [...r.keywords, ...roleWords], asks: r.asks, body: text([...r.summary, ...r.duties]), sources: from([...r.summary, ...r.duties]) });
  }
  const roleTitle = new Map(kb.roles.map((r) => [r.id, r] as const));
  const salaryRoles = [...new Set(kb.salaries.map((s) => s.role ?? 'all-occupations'))];
  for (const id of salaryRoles) {
    const figures = kb.salaries.filter((s) => (s.role ?? 'all-occupations') === id);
    const role = roleTitle.get(id);
    add('salary', {
      id,
      title: role ? `${role.title} salary` : 'National median salary',
      aliases: role ? [...role.aliases.map((a) => `${a} salary`), ...figures.flatMap((f) => f.aliases)] : figures.flatMap((f) => f.aliases),
      keywords: [...SALARY_WORDS, ...figures.flatMap((f) => f.keywords)],
      asks: figures.flatMap((f) => f.asks),
      body: figures.map((f) => f.subject).join(' '),
      sources: [...new Set(figures.flatMap((f) => [f.source, ...(f.attribution ? [f.attribution] : []), ...from(f.notes)]))],
    });
  }
  if (kb.outlook.length) {
    add('outlook', {
      id: 'job-outlook',
      title: 'Job outlook',
      aliases: kb.outlook.flatMap((o) => [o.title, ...o.aliases]),
      keywords: kb.outlook.flatMap((o) => o.keywords),
      asks: kb.outlook.flatMap((o) => o.asks),
      body: kb.outlook.map((o) => `${o.subject} ${text(o.notes)}`).join(' '),
      sources: [...new Set(kb.outlook.flatMap((o) => [o.source, ...(o.attribution ? [o.attribution] : []), ...from(o.notes)]))],
    });
  }
  for (const l of kb.learning) add('learning', { id: l.id, title: l.title, aliases: l.aliases, keywords: l.keywords, asks: l.asks, body: text(l.summary), sources: from(l.summary), ...(l.then ? { then: `learning:${l.then}` } : {}) });
  for (const s of kb.skills) {
    add('skill', { id: s.id, title: s.title, aliases: s.aliases, keywords: s.keywords, asks: s.asks, body: text([...s.summary, ...s.examples]), sources: from([...s.summary, ...s.examples]) });
  }
  for (const s of kb.roadmap) {
    add('step', { id: s.id, title: s.title, aliases: s.aliases, keywords: s.keywords, asks: s.asks, body: text([...s.what, ...s.why]), sources: from([...s.what, ...s.why]) });
  }
  for (const q of kb.questions) add('question', { id: q.id, title: q.title, aliases: q.aliases, keywords: q.keywords, asks: q.asks, body: text(q.answer), sources: from(q.answer), ...(q.then ? { then: `question:${q.then}` } : {}) });
  return docs;
}

// Loads knowledge/*.json, validates every entry against the schema, and checks that ids are
// unique and every cross-reference resolves. It fails fast with one message per problem that
// names the file, the entry and the field, so a bad edit is found in seconds, not in a chat.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { FILES, type FileName, type Knowledge } from './schema.js';
import { packageRoot } from '../paths.js';

export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeError';
  }
}

export const KNOWLEDGE_DIR = join(packageRoot(), 'knowledge');

const KEYS: Record<FileName, keyof Knowledge> = {
  'sources.json': 'sources',
  'roles.json': 'roles',
  'salaries.json': 'salaries',
  'outlook.json': 'outlook',
  'learning.json': 'learning',
  'skills.json': 'skills',
  'roadmap.json': 'roadmap',
  'questions.json': 'questions',
  'lexicon.json': 'lexicon',
};

/** "amount must be a number" rather than zod's generic wording. */
function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.filter((p) => typeof p !== 'symbol').join('.') || 'entry';
  if (issue.code === 'invalid_type') {
    const received = issue.message.match(/received (\w+)/)?.[1];
    if (received === 'undefined') return `${field} is required`;
    return `${field} must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value') return `${field} must be one of ${issue.values.map(String).join(', ')}`;
  return `${field} ${issue.message}`;
}

function entryName(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? `"${id}"` : `entry ${index + 1}`;
}

/** Validates already-parsed file contents; exported so tests can feed crafted bad data. */
export function validateKnowledge(files: Partial<Record<FileName, unknown>>): Knowledge {
  const problems: string[] = [];
  const out = {} as Record<keyof Knowledge, unknown[]>;

  for (const [file, schema] of Object.entries(FILES) as [FileName, (typeof FILES)[FileName]][]) {
    const where = `knowledge/${file}`;
    const data = files[file];
    out[KEYS[file]] = [];
    if (data === undefined) {
      problems.push(`${where}: file is missing`);
      continue;
    }
    if (!Array.isArray(data)) {
      problems.push(`${where}: must be a JSON array of entries`);
      continue;
    }
    const seen = new Set<string>();
    data.forEach((raw, index) => {
      const result = (schema as z.ZodType).safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) problems.push(`${where}: ${entryName(raw, index)}: ${describe(issue)}`);
        return;
      }
      const entry = result.data as { id: string };
      if (seen.has(entry.id)) problems.push(`${where}: "${entry.id}": id is used twice`);
      seen.add(entry.id);
      out[KEYS[file]].push(entry);
    });
  }

  const kb = out as unknown as Knowledge;
  if (problems.length === 0) problems.push(...checkReferences(kb));
  if (problems.length) throw new KnowledgeError(problems);
  return kb;
}

function checkReferences(kb: Knowledge): string[] {
  const problems: string[] = [];
  const ids = (list: { id: string }[]) => new Set(list.map((e) => e.id));
  const sources = ids(kb.sources);
  const roles = ids(kb.roles);
  const skills = ids(kb.skills);
  const learning = ids(kb.learning);
  const questions = ids(kb.questions);

  const check = (file: string, entry: string, field: string, id: string, known: Set<string>, what: string) => {
    if (!known.has(id)) problems.push(`knowledge/${file}: "${entry}": ${field} "${id}" is not a known ${what}`);
  };
  const items = (file: string, entry: { id: string }, field: string, list: { source: string }[]) =>
    list.forEach((item, i) => check(file, entry.id, `${field}.${i}.source`, item.source, sources, 'source'));

  for (const r of kb.roles) {
    for (const f of ['summary', 'duties', 'technicalSkills', 'softSkills', 'workplaces', 'ladder'] as const) items('roles.json', r, f, r[f]);
    r.related.forEach((id, i) => check('roles.json', r.id, `related.${i}`, id, roles, 'role'));
    if (r.related.includes(r.id)) problems.push(`knowledge/roles.json: "${r.id}": related lists the role itself`);
  }
  for (const s of kb.salaries) {
    check('salaries.json', s.id, 'source', s.source, sources, 'source');
    if (s.role) check('salaries.json', s.id, 'role', s.role, roles, 'role');
  }
  for (const o of kb.outlook) {
    check('outlook.json', o.id, 'source', o.source, sources, 'source');
    items('outlook.json', o, 'notes', o.notes);
  }
  for (const l of kb.learning) {
    l.sources.forEach((id, i) => check('learning.json', l.id, `sources.${i}`, id, sources, 'source'));
    items('learning.json', l, 'summary', l.summary);
    l.skills.forEach((id, i) => check('learning.json', l.id, `skills.${i}`, id, skills, 'skill'));
    if (l.then) check('learning.json', l.id, 'then', l.then, learning, 'learning entry');
  }
  for (const s of kb.skills) {
    s.sources.forEach((id, i) => check('skills.json', s.id, `sources.${i}`, id, sources, 'source'));
    items('skills.json', s, 'summary', s.summary);
    items('skills.json', s, 'examples', s.examples);
  }
  kb.roadmap.forEach((step, index) => {
    step.sources.forEach((id, i) => check('roadmap.json', step.id, `sources.${i}`, id, sources, 'source'));
    for (const f of ['what', 'why', 'tools'] as const) items('roadmap.json', step, f, step[f]);
    step.skills.forEach((id, i) => check('roadmap.json', step.id, `skills.${i}`, id, skills, 'skill'));
    if (step.order !== index + 1) problems.push(`knowledge/roadmap.json: "${step.id}": order must be ${index + 1} (its place in the file)`);
  });
  for (const q of kb.questions) {
    q.sources.forEach((id, i) => check('questions.json', q.id, `sources.${i}`, id, sources, 'source'));
    items('questions.json', q, 'answer', q.answer);
    if (q.then) check('questions.json', q.id, 'then', q.then, questions, 'question');
  }
  // "And after that?" follows `then`: a chain that comes back to where it started would show the
  // same cards forever.
  for (const [file, list] of [['learning.json', kb.learning], ['questions.json', kb.questions]] as const) {
    const next = new Map<string, string | undefined>(list.map((e) => [e.id, e.then]));
    for (const e of list) {
      const seen = new Set<string>([e.id]);
      for (let at = e.then; at; at = next.get(at)) {
        if (seen.has(at)) {
          if (at === e.id) problems.push(`knowledge/${file}: "${e.id}": then leads back to the entry itself`);
          break;
        }
        seen.add(at);
      }
    }
  }
  return problems;
}

/** Reads and validates every file in `dir`. A file that is not JSON is named with the parse error. */
export function loadKnowledge(dir: string = KNOWLEDGE_DIR): Knowledge {
  const files: Partial<Record<FileName, unknown>> = {};
  const problems: string[] = [];
  for (const file of Object.keys(FILES) as FileName[]) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch {
      continue; // reported as "file is missing" by validateKnowledge
    }
    try {
      files[file] = JSON.parse(text);
    } catch (error) {
      problems.push(`knowledge/${file}: not valid JSON (${(error as Error).message})`);
    }
  }
  if (problems.length) throw new KnowledgeError(problems);
  return validateKnowledge(files);
}

// The knowledge base's schema and loader, tested against the real files. Every "bad data" case
// clones the real files from disk and breaks exactly one thing, then expects exactly one
// message, so each test proves one rule and nothing else is wrong in the fixture.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR, KnowledgeError, loadKnowledge, validateKnowledge } from '../src/knowledge/load.js';
import { FILES, type FileName } from '../src/knowledge/schema.js';

type Entry = Record<string, unknown>;
type Files = Partial<Record<FileName, unknown>>;

const NAMES = Object.keys(FILES) as FileName[];
const onDisk = (file: FileName) => existsSync(join(KNOWLEDGE_DIR, file));
/** Files another part of the project has not written yet; the fixture uses [] for them. */
const NOT_YET = NAMES.filter((f) => !onDisk(f));

/** A fresh deep copy of the real knowledge files, so a test can break one thing freely. */
function real(): Files {
  const files: Files = {};
  for (const file of NAMES) files[file] = onDisk(file) ? JSON.parse(readFileSync(join(KNOWLEDGE_DIR, file), 'utf8')) : [];
  return files;
}

function entries(files: Files, file: FileName): Entry[] {
  const list = files[file];
  if (!Array.isArray(list)) throw new Error(`${file} is not an array in the fixture`);
  return list as Entry[];
}

function entry(files: Files, file: FileName, id: string): Entry {
  const found = entries(files, file).find((e) => e.id === id);
  if (!found) throw new Error(`${file} has no entry "${id}"; the test fixture relies on it`);
  return found;
}

function problemsOf(files: Files): string[] {
  try {
    validateKnowledge(files);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.problems;
    throw error;
  }
  return [];
}

/** A valid roadmap of at least two steps: the real one, or a stand-in until roadmap.json exists. */
function roadmapOf(files: Files): Entry[] {
  const steps = entries(files, 'roadmap.json');
  if (steps.length >= 2) return steps;
  const step = (order: number): Entry => ({
    id: `stand-in-step-${order}`,
    title: `Stand-in step ${order}`,
    order,
    sources: ['indeed'],
    what: [{ text: 'Learn a server-side programming language.', source: 'indeed' }],
    why: [{ text: 'It is an important step in becoming a back-end developer.', source: 'indeed' }],
  });
  files['roadmap.json'] = [step(1), step(2)];
  return entries(files, 'roadmap.json');
}

describe('the real knowledge files', () => {
  it('are all present (learning, skills and roadmap are written separately)', () => {
    expect(NOT_YET).toEqual([]);
  });

  it('are accepted by loadKnowledge()', () => {
    let problems: string[] = [];
    try {
      loadKnowledge();
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([]);
  });

  it('form a valid fixture for the bad-data tests (missing files stand in as [])', () => {
    expect(problemsOf(real())).toEqual([]);
  });
});

describe('validateKnowledge rejects bad data with one clear message', () => {
  it('a salary amount that is not a number', () => {
    const files = real();
    entry(files, 'salaries.json', 'payscale-entry').amount = 'lots';
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: "payscale-entry": amount must be a number']);
  });

  it('an id used twice', () => {
    const files = real();
    const salaries = entries(files, 'salaries.json');
    salaries.push(structuredClone(entry(files, 'salaries.json', 'indeed-average')));
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: "indeed-average": id is used twice']);
  });

  it('an unknown source id on an entry', () => {
    const files = real();
    entry(files, 'salaries.json', 'spotlight-median').source = 'glassdoor';
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: "spotlight-median": source "glassdoor" is not a known source']);
  });

  it('an unknown source id on an item', () => {
    const files = real();
    const duties = entry(files, 'roles.json', 'backend-developer').duties as Entry[];
    duties[0]!.source = 'wikipedia';
    expect(problemsOf(files)).toEqual([
      'knowledge/roles.json: "backend-developer": duties.0.source "wikipedia" is not a known source',
    ]);
  });

  it('an unknown source id in a question\'s sources', () => {
    const files = real();
    const question = entry(files, 'questions.json', 'degree-needed');
    (question.sources as string[]).push('reddit');
    const at = (question.sources as string[]).length - 1;
    expect(problemsOf(files)).toEqual([`knowledge/questions.json: "degree-needed": sources.${at} "reddit" is not a known source`]);
  });

  it('an unknown related role', () => {
    const files = real();
    entry(files, 'roles.json', 'frontend-developer').related = ['web-designer'];
    expect(problemsOf(files)).toEqual(['knowledge/roles.json: "frontend-developer": related.0 "web-designer" is not a known role']);
  });

  it('an entry that leads on to one that is not there', () => {
    const files = real();
    entry(files, 'learning.json', 'bachelors-degree').then = 'phd';
    entry(files, 'questions.json', 'promotion').then = 'career-karma-four-steps-typo';
    expect(problemsOf(files)).toEqual([
      'knowledge/learning.json: "bachelors-degree": then "phd" is not a known learning entry',
      'knowledge/questions.json: "promotion": then "career-karma-four-steps-typo" is not a known question',
    ]);
  });

  it('an entry whose then leads back to itself', () => {
    const files = real();
    entry(files, 'questions.json', 'promotion').then = 'promotion';
    entry(files, 'learning.json', 'masters-degree').then = 'bachelors-degree';
    expect(problemsOf(files)).toEqual([
      'knowledge/learning.json: "bachelors-degree": then leads back to the entry itself',
      'knowledge/learning.json: "masters-degree": then leads back to the entry itself',
      'knowledge/questions.json: "promotion": then leads back to the entry itself',
    ]);
  });

  it('a role that lists itself as related', () => {
    const files = real();
    entry(files, 'roles.json', 'solutions-architect').related = ['solutions-architect'];
    expect(problemsOf(files)).toEqual(['knowledge/roles.json: "solutions-architect": related lists the role itself']);
  });

  it('a salary for an unknown role', () => {
    const files = real();
    entry(files, 'salaries.json', 'payscale-frontend').role = 'ui-designer';
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: "payscale-frontend": role "ui-designer" is not a known role']);
  });

  it('a missing required field', () => {
    const files = real();
    delete entry(files, 'questions.json', 'is-it-hard').answer;
    expect(problemsOf(files)).toEqual(['knowledge/questions.json: "is-it-hard": answer is required']);
  });

  it('a missing quoted figure on a salary', () => {
    const files = real();
    delete entry(files, 'salaries.json', 'guide-entry').quoted;
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: "guide-entry": quoted is required']);
  });

  it('an empty list where at least one item is needed', () => {
    const files = real();
    entry(files, 'roles.json', 'devops').summary = [];
    expect(problemsOf(files)).toEqual(['knowledge/roles.json: "devops": summary needs at least one summary item']);
  });

  it('an entry that names no source', () => {
    const files = real();
    entry(files, 'questions.json', 'degree-needed').sources = [];
    expect(problemsOf(files)).toEqual(['knowledge/questions.json: "degree-needed": sources needs at least one source']);
  });

  it('an item with empty text', () => {
    const files = real();
    const answer = entry(files, 'questions.json', 'stress').answer as Entry[];
    answer[0]!.text = '   ';
    expect(problemsOf(files)).toEqual(['knowledge/questions.json: "stress": answer.0.text must not be empty']);
  });

  it('a value outside an enum', () => {
    const files = real();
    entry(files, 'salaries.json', 'guide-mid-career').level = 'senior';
    expect(problemsOf(files)).toEqual([
      'knowledge/salaries.json: "guide-mid-career": level must be one of overall, entry, early, mid, experienced',
    ]);
  });

  it('a currency other than USD', () => {
    const files = real();
    entry(files, 'salaries.json', 'indeed-average').currency = 'EUR';
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: "indeed-average": currency must be one of USD']);
  });

  it('an id that is not kebab-case', () => {
    const files = real();
    entry(files, 'outlook.json', 'bls-web-developers-2030-guide').id = 'BLS_Guide';
    expect(problemsOf(files)).toEqual([
      'knowledge/outlook.json: "BLS_Guide": id must be a kebab-case id (a-z, 0-9 and dashes)',
    ]);
  });

  it('a lexicon entry that says both what it means and that it is outside the articles', () => {
    const files = real();
    entry(files, 'lexicon.json', 'frontend').outside = 'place';
    expect(problemsOf(files)).toEqual(['knowledge/lexicon.json: "frontend": means needs exactly one of means or outside']);
  });

  it('a lexicon entry with no phrases, or mapping to more than one word', () => {
    const files = real();
    entry(files, 'lexicon.json', 'frontend').says = [];
    entry(files, 'lexicon.json', 'backend').means = 'back end';
    expect(problemsOf(files)).toEqual([
      'knowledge/lexicon.json: "backend": means must be one lowercase term',
      'knowledge/lexicon.json: "frontend": says needs at least one phrase',
    ]);
  });

  it('an example question that is empty', () => {
    const files = real();
    (entry(files, 'questions.json', 'resume').asks as string[])[0] = '  ';
    expect(problemsOf(files)).toEqual(['knowledge/questions.json: "resume": asks.0 must not be empty']);
  });

  it('a roadmap step whose order does not match its place in the file', () => {
    const files = real();
    const steps = roadmapOf(files);
    expect(problemsOf(files)).toEqual([]); // the roadmap itself is fine before we break it
    steps[1]!.order = 7;
    expect(problemsOf(files)).toEqual([`knowledge/roadmap.json: "${String(steps[1]!.id)}": order must be 2 (its place in the file)`]);
  });

  it('a file that is not an array', () => {
    const files = real();
    files['salaries.json'] = { salaries: entries(files, 'salaries.json') };
    expect(problemsOf(files)).toEqual(['knowledge/salaries.json: must be a JSON array of entries']);
  });

  it('a missing file', () => {
    const files = real();
    delete files['outlook.json'];
    expect(problemsOf(files)).toEqual(['knowledge/outlook.json: file is missing']);
  });
});

describe('loadKnowledge(dir)', () => {
  function withCopy(change: (dir: string) => void): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'devpath-knowledge-'));
    try {
      for (const [file, data] of Object.entries(real())) writeFileSync(join(dir, file), JSON.stringify(data));
      change(dir);
      try {
        loadKnowledge(dir);
      } catch (error) {
        if (error instanceof KnowledgeError) return error.problems;
        throw error;
      }
      return [];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('loads a copy of the real files from another folder', () => {
    expect(withCopy(() => {})).toEqual([]);
  });

  it('names a file that is not valid JSON', () => {
    const problems = withCopy((dir) => writeFileSync(join(dir, 'questions.json'), '[{"id": "oops",'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^knowledge\/questions\.json: not valid JSON \(/);
  });

  it('reports a file that is not there', () => {
    const problems = withCopy((dir) => rmSync(join(dir, 'roles.json')));
    // Salaries refer to roles, but reference checks only run once every file is well-formed.
    expect(problems).toEqual(['knowledge/roles.json: file is missing']);
  });
});

describe('knowledge conventions', () => {
  const files = real();
  const roles = entries(files, 'roles.json');
  const salaries = entries(files, 'salaries.json');
  const outlook = entries(files, 'outlook.json');
  const questions = entries(files, 'questions.json');
  const lower = (list: unknown) => (list as string[]).map((s) => s.toLowerCase());

  it('has the roles the bot talks about, with the right kinds', () => {
    const kinds = Object.fromEntries(roles.map((r) => [r.id, r.kind]));
    expect(kinds).toEqual({
      'backend-developer': 'main',
      'frontend-developer': 'related',
      'fullstack-developer': 'related',
      'backend-engineer': 'related',
      'database-administrator': 'related',
      'solutions-architect': 'related',
      'computer-and-information-systems-manager': 'alternative',
      'computer-programmer': 'alternative',
      'computer-support-specialist': 'alternative',
      'computer-systems-analyst': 'alternative',
      devops: 'alternative',
      'information-security-analyst': 'alternative',
    });
  });

  it('knows every alternative title the spotlight article gives a back-end developer', () => {
    const aliases = entry(files, 'roles.json', 'backend-developer').aliases as string[];
    for (const title of [
      'Backend Engineer', 'Server-Side Developer', 'Backend Software Developer', 'Back-End Programmer',
      'Backend Systems Developer', 'API Developer', 'Web Developer (Backend)', 'Database Developer',
      'Backend Architect', 'System Integration Engineer',
    ]) expect(aliases).toContain(title);
  });

  it('gives every entry aliases and keywords', () => {
    for (const e of [...roles, ...salaries, ...outlook, ...questions]) {
      expect((e.aliases as string[]).length, `${String(e.id)} aliases`).toBeGreaterThan(0);
      expect((e.keywords as string[]).length, `${String(e.id)} keywords`).toBeGreaterThan(0);
    }
  });

  it('finds salaries by the words people type about money', () => {
    for (const s of salaries) {
      expect(lower(s.keywords), String(s.id)).toEqual(expect.arrayContaining(['pay', 'earn', 'wage', 'salary', 'money', 'make']));
    }
  });

  it('finds roles by their common spellings', () => {
    const words = (id: string) => lower([...(entry(files, 'roles.json', id).keywords as string[]), ...(entry(files, 'roles.json', id).aliases as string[])]);
    expect(words('backend-developer')).toEqual(expect.arrayContaining(['backend', 'back-end', 'back end']));
    expect(words('frontend-developer')).toEqual(expect.arrayContaining(['frontend', 'front-end', 'front end']));
    expect(words('fullstack-developer')).toEqual(expect.arrayContaining(['fullstack', 'full-stack', 'full stack']));
    expect(words('database-administrator')).toContain('dba');
  });

  it('keeps one salary entry per figure and subject', () => {
    const keys = salaries.map((s) => `${String(s.source)}|${String(s.role ?? 'all')}|${String(s.amount)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps each outlook figure with its own source', () => {
    const keys = outlook.map((o) => `${String(o.source)}|${String(o.subject)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers enough questions, interview practice among them', () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((q) => q.category === 'interview').length).toBeGreaterThanOrEqual(5);
  });

  it('uses every article', () => {
    const used = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Entry;
        if (typeof o.text === 'string' && typeof o.source === 'string') used.add(o.source);
        Object.values(o).forEach(walk);
      }
    };
    walk([roles, salaries, outlook, questions]);
    salaries.forEach((s) => used.add(String(s.source)));
    expect([...used].sort()).toEqual(entries(files, 'sources.json').map((s) => String(s.id)).sort());
  });
});

// The knowledge base's schema. The JSON files in knowledge/ are data only; this file is the
// single definition of their shape, and load.ts validates every file against it at start.
import { z } from 'zod';

/** Stable ids: users' progress and tips refer to them, so they are plain kebab-case. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9 and dashes)');

const Text = z.string().trim().min(1, 'must not be empty');

/** One statement taken from one article, paraphrased, with the id of the article it came from. */
export const Item = z.object({
  text: Text,
  source: Id,
});
export type Item = z.infer<typeof Item>;

/** The articles an entry draws on, by id: every entry that lists them names at least one. */
const SourceIds = z.array(Id).min(1, 'needs at least one source');
const Summary = z.array(Item).min(1, 'needs at least one summary item');

/** What every searchable entry carries: a title and the words people actually type. */
const Lookup = {
  id: Id,
  title: Text,
  aliases: z.array(Text).default([]),
  keywords: z.array(Text).default([]),
  /**
   * Example questions this entry answers, written from its own content the ways people ask
   * (casual, terse, indirect, long, yes/no). The search learns what the entry is about from them.
   */
  asks: z.array(Text).default([]),
};

export const Source = z.object({
  id: Id,
  /** The site or publisher as the article names itself; null where the text names none. */
  publisher: z.string().nullable(),
  title: Text,
  /** Short label used after every fact, e.g. "Indeed". */
  short: Text,
  /** ISO date where the text gives one. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').nullable(),
  /** The file in shared/seeds the article was taken from, so fidelity tests can read it. */
  seed: z.string().regex(/^[\w.-]+\.txt$/, 'must be a seed file name'),
  /** Who the article itself cites (PayScale, the BLS, ...). */
  cites: z.array(Text).default([]),
  summary: Text,
});
export type Source = z.infer<typeof Source>;

export const RoleKind = z.enum(['main', 'related', 'alternative']);

export const Role = z.object({
  ...Lookup,
  kind: RoleKind,
  summary: Summary,
  duties: z.array(Item).default([]),
  technicalSkills: z.array(Item).default([]),
  softSkills: z.array(Item).default([]),
  /** Industries and employers. */
  workplaces: z.array(Item).default([]),
  /** Ids of other roles. */
  related: z.array(Id).default([]),
  /** Where the career leads beyond senior level. */
  ladder: z.array(Item).default([]),
  /**
   * Other job titles for the role as an article lists them: the card's "Also called", with its
   * source. `aliases` are only for finding the role (spellings, plurals, short forms) and are
   * never shown as titles, since most are not the articles' words.
   */
  titles: z.object({ names: z.array(Text).min(1), source: Id }).optional(),
});
export type Role = z.infer<typeof Role>;

export const SalaryLevel = z.enum(['overall', 'entry', 'early', 'mid', 'experienced']);
export type SalaryLevel = z.infer<typeof SalaryLevel>;

export const Salary = z.object({
  ...Lookup,
  /** The role the figure is for; absent for figures about all occupations (the national median). */
  role: Id.optional(),
  /** What the figure describes, in words, e.g. "Average salary for back-end developers". */
  subject: Text,
  level: SalaryLevel,
  /** Years of experience exactly as the article gives them, e.g. "0-1 year". */
  years: Text.optional(),
  /** "average", "median" or "typical" as the article says. */
  measure: z.enum(['average', 'median', 'typical']),
  amount: z.number().int().positive(),
  currency: z.literal('USD'),
  period: z.literal('year'),
  /** The figure exactly as the article writes it ("$101K", "$61,042"); fidelity tests look for it. */
  quoted: Text,
  /** The article hedges ("around", "about"). */
  approximate: z.boolean().default(false),
  source: Id,
  /** Whom the article attributes the figure to, when it names someone (PayScale, BLS). */
  attribution: Text.optional(),
  /** What an article says of the figure beside it ("the entry-level salary is almost $5,000 above it"). */
  notes: z.array(Item).default([]),
});
export type Salary = z.infer<typeof Salary>;

export const Outlook = z.object({
  ...Lookup,
  subject: Text,
  growthPercent: z.number().positive(),
  horizonYear: z.number().int().min(2000).max(2100),
  newJobs: z.number().int().positive().optional(),
  /** How the article phrases it, e.g. "13 percent"; fidelity tests look for it. */
  quoted: Text,
  notes: z.array(Item).default([]),
  source: Id,
  attribution: Text.optional(),
});
export type Outlook = z.infer<typeof Outlook>;

export const LearningKind = z.enum(['platform', 'certificate', 'certification', 'degree', 'path']);
export type LearningKind = z.infer<typeof LearningKind>;

/**
 * The entry of the same file a reader goes on to ("and after that?", "going further than
 * that?"): after a bachelor's, the master's; after a promotion to senior, the roles above it.
 */
const Then = Id.optional();

export const Learning = z.object({
  ...Lookup,
  kind: LearningKind,
  then: Then,
  sources: SourceIds,
  summary: Summary,
  /** Skill ids it teaches or proves, where the article says. */
  skills: z.array(Id).default([]),
});
export type Learning = z.infer<typeof Learning>;

export const SkillCategory = z.enum([
  'language',
  'framework',
  'database',
  'web-server',
  'protocol',
  'devops',
  'cloud',
  'version-control',
  'local-environment',
  'security',
  'accessibility',
  'fundamentals',
  'collaboration',
  'testing',
  'practice',
]);
export type SkillCategory = z.infer<typeof SkillCategory>;

export const Skill = z.object({
  ...Lookup,
  category: SkillCategory,
  sources: SourceIds,
  summary: Summary,
  /** Named technologies in this skill, as the articles list them (Django, MySQL, ...). */
  examples: z.array(Item).default([]),
});
export type Skill = z.infer<typeof Skill>;

export const Step = z.object({
  ...Lookup,
  /** 1-based position on the roadmap; the file's order must match. */
  order: z.number().int().positive(),
  sources: SourceIds,
  what: z.array(Item).min(1, 'needs at least one item saying what to do'),
  why: z.array(Item).min(1, 'needs at least one item saying why'),
  skills: z.array(Id).default([]),
  tools: z.array(Item).default([]),
});
export type Step = z.infer<typeof Step>;

export const QuestionCategory = z.enum([
  'faq',
  'interview',
  'job-search',
  'resume',
  'experience',
  'promotion',
  'schedule',
  'stress',
  'personality',
  'reasons',
  'trends',
  'communities',
  'education',
]);
export type QuestionCategory = z.infer<typeof QuestionCategory>;

export const Question = z.object({
  ...Lookup,
  category: QuestionCategory,
  then: Then,
  sources: SourceIds,
  /**
   * `detail`: what the article says of one point of its numbered plan (Indeed's paragraph under
   * "Practice regularly"), shown when that point is asked for alone ("what about step 6?").
   */
  answer: z.array(Item.extend({ detail: Text.optional() })).min(1, 'needs at least one answer item'),
});
export type Question = z.infer<typeof Question>;

/**
 * What the lexicon can say lies outside the articles: it lets a question be refused honestly.
 * 'future' is never in the lexicon: the analysis marks a prediction (pay next year, a crash).
 */
export const Outside = z.enum(['place', 'company', 'school', 'tech', 'period', 'rank', 'industry', 'setting', 'percentile', 'profession', 'code-help', 'chat', 'future', 'ranking', 'how-to', 'path']);
export type Outside = z.infer<typeof Outside>;

/**
 * One lexicon entry: the words people type (`says`) for one concept of the knowledge base
 * (`means`, a term the entries use), or for something the articles do not cover (`outside`).
 */
export const LexiconEntry = z
  .object({
    id: Id,
    means: z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase term').optional(),
    outside: Outside.optional(),
    says: z.array(Text).min(1, 'needs at least one phrase'),
  })
  .strict()
  .refine((e) => (e.means === undefined) !== (e.outside === undefined), { message: 'needs exactly one of means or outside', path: ['means'] });
export type LexiconEntry = z.infer<typeof LexiconEntry>;

/** Every knowledge file: its name, and the schema of each entry in its top-level array. */
export const FILES = {
  'sources.json': Source,
  'roles.json': Role,
  'salaries.json': Salary,
  'outlook.json': Outlook,
  'learning.json': Learning,
  'skills.json': Skill,
  'roadmap.json': Step,
  'questions.json': Question,
  'lexicon.json': LexiconEntry,
} as const;
export type FileName = keyof typeof FILES;

export interface Knowledge {
  sources: Source[];
  roles: Role[];
  salaries: Salary[];
  outlook: Outlook[];
  learning: Learning[];
  skills: Skill[];
  roadmap: Step[];
  questions: Question[];
  lexicon: LexiconEntry[];
}

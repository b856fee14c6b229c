import type { CommandContext, CommandSpec } from '../command.js';
import { cite, sourceRefs } from '../answers/cite.js';
import { learningCard, skillCard } from '../answers/entries.js';
import type { LearningKind } from '../knowledge/schema.js';
import { reply, type Node, type Reply } from '../reply.js';
import { notFound } from './resolve.js';

const KIND_TITLES: Record<LearningKind, string> = {
  platform: 'Course and bootcamp platforms',
  certificate: 'Certificate programme',
  certification: 'Certifications',
  degree: 'Degrees',
  path: 'Paths and choices',
};

/** Words that ask for a whole kind of learning rather than one entry. */
const KIND_WORDS: Record<string, LearningKind[]> = {
  platform: ['platform'],
  site: ['platform'],
  website: ['platform'],
  course: ['platform', 'certificate'],
  certification: ['certificate', 'certification'],
  degree: ['degree'],
  path: ['path'],
  option: ['path'],
};

function overview(ctx: CommandContext, kinds: LearningKind[], detailed: boolean): Reply {
  const children: Node[] = [];
  const used: string[] = [];
  for (const kind of kinds) {
    const entries = ctx.knowledge.learning.filter((l) => l.kind === kind);
    if (!entries.length) continue;
    children.push({ type: 'section', title: KIND_TITLES[kind] });
    if (detailed) {
      children.push({ type: 'list', items: entries.map((l) => `${l.title}: ${cite(ctx, l.summary[0]!)}`) });
      used.push(...entries.map((l) => l.summary[0]!.source));
    } else {
      children.push({ type: 'list', items: entries.map((l) => l.title) });
      used.push(...entries.flatMap((l) => l.sources));
    }
  }
  return reply({
    title: kinds.length === 1 ? KIND_TITLES[kinds[0]!] : 'Ways to learn back-end development',
    children,
    sources: sourceRefs(ctx, used),
    suggestions: [
      { label: 'Certifications', command: 'learn certifications' },
      { label: 'Degrees', command: 'learn degree' },
      { label: 'Bootcamps', command: 'learn bootcamp' },
    ],
  });
}

export const learn: CommandSpec = {
  name: 'learn',
  aliases: ['courses', 'course', 'study', 'education'],
  description: 'Courses and bootcamps, the certificate programme, certifications and degrees, filtered by topic.',
  options: [{ name: 'topic', kind: 'string', description: 'e.g. certifications, degree, bootcamp, AWS, SQL', autocomplete: 'topic', maxLength: 200 }],
  examples: ['learn', 'learn certifications', 'learn bootcamp', 'learn aws'],
  run(ctx, { topic }) {
    if (topic === undefined) return overview(ctx, ['platform', 'certificate', 'certification', 'degree', 'path'], false);
    const text = String(topic);
    // As a question reads it, misspellings corrected: "certifcations" asks for the list too.
    const words = [...new Set(ctx.search.analyse(text).terms)];
    const named = ctx.search.resolve('learning', text);
    if (words.length === 1 && KIND_WORDS[words[0]!] && (!named.match || named.guessed)) {
      return overview(ctx, KIND_WORDS[words[0]!]!, true);
    }
    const entry = named.match && ctx.knowledge.learning.find((l) => l.id === named.match!.id);
    if (entry && !named.guessed) return learningCard(ctx, entry);
    // Not a name: rank it as a question, keeping only learning options and skills.
    const answer = ctx.search.ask(text);
    const hit = answer.hits.find((h) => h.doc.kind === 'learning' || h.doc.kind === 'skill');
    if (hit && answer.confident) {
      if (hit.doc.kind === 'learning') return learningCard(ctx, ctx.knowledge.learning.find((l) => l.id === hit.doc.id)!);
      return skillCard(ctx, ctx.knowledge.skills.find((s) => s.id === hit.doc.id)!);
    }
    if (entry) return learningCard(ctx, entry);
    const names = named.suggestions.slice(0, 3).map((d) => ({ label: d.title, command: `learn ${d.id}` }));
    return notFound('learning', text, names, 'Type "learn" to see every way to learn that I know.');
  },
};

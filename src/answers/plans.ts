// An article's own numbered plan: Career Karma's four steps, Indeed's eight. Such a plan is a FAQ
// whose every point is led by its place ("Step 3: ...", "Third: ..."). After it, "and step 3?" or
// "what's the last one?" asks for a point of that plan, not the devpath roadmap's step 3.
import type { Services } from '../command.js';
import type { Question } from '../knowledge/schema.js';
import { reply, type Reply } from '../reply.js';
import { cite, sourceRefs } from './cite.js';
import { ORDINALS } from '../search/normalize.js';

/** A point's place in its plan, from the words that lead it: "Step 3:" or "Third:" is 3. */
export function placeOf(text: string): number | undefined {
  const m = /^(?:step\s+(\d{1,2})|([a-z]+)):/i.exec(text);
  if (!m) return undefined;
  if (m[1]) return Number(m[1]);
  const at = ORDINALS.indexOf(m[2]!.toLowerCase());
  return at >= 0 ? at + 1 : undefined;
}

/** What a point says to do, without its place or detail: "Step 3: Earn some experience, whether..." is "Earn some experience". */
export function pointName(text: string): string {
  return (/^[^:]+:\s*([^.,;:(]+)/.exec(text)?.[1] ?? text).trim();
}

/** A point as a later line names it: "step 4, Continue learning". */
export function stepCalled(plan: Plan, place: number): string {
  return `step ${place}, ${pointName(plan.points[place - 1]!.text)}`;
}

export interface Plan {
  ref: string;
  question: Question;
  points: Question['answer'];
}

/** The plan an entry is, when every point of its answer is led by its place, in order from 1. */
export function planOf(services: Services, ref: string | undefined): Plan | undefined {
  if (!ref?.startsWith('question:')) return undefined;
  const question = services.knowledge.questions.find((q) => `question:${q.id}` === ref);
  if (!question || question.answer.length < 2) return undefined;
  if (!question.answer.every((item, i) => placeOf(item.text) === i + 1)) return undefined;
  return { ref, question, points: question.answer };
}

/** One point of a plan (1-based), with what comes after it; undefined when the plan has no such point. */
export function planPoint(services: Services, plan: Plan, place: number): Reply | undefined {
  const point = plan.points[place - 1];
  // "Step 9?" after Indeed's eight: that plan has no step 9 (the roadmap's step 9 is another thing).
  if (!point && place > plan.points.length) {
    const onRoadmap = place <= services.knowledge.roadmap.length;
    return reply({
      title: plan.question.title,
      children: [{ type: 'text', text: `That plan has ${plan.points.length} steps; there is no step ${place}.${onRoadmap ? ` The devpath roadmap's own step ${place} is "roadmap ${place}".` : ''}` }],
      answered: false,
      outcome: 'not-found',
      topic: plan.ref,
      suggestions: [{ label: `All ${plan.points.length} steps`, command: `more ${plan.ref}` }, ...(onRoadmap ? [{ label: `Roadmap step ${place}`, command: `roadmap ${place}` }] : [])],
    });
  }
  if (!point) return undefined;
  const next = plan.points[place];
  return reply({
    title: plan.question.title,
    children: [
      { type: 'text', text: cite(services, point) },
      // What the article says under that point, when the knowledge keeps it (Indeed's paragraphs).
      ...(point.detail ? [{ type: 'text' as const, text: cite(services, { text: point.detail, source: point.source }) }] : []),
      { type: 'note', text: next ? `Next: ${stepCalled(plan, place + 1)}.` : `That is the last of its ${plan.points.length} steps.` },
    ],
    sources: sourceRefs(services, [point.source]),
    topic: plan.ref,
    suggestions: [{ label: `All ${plan.points.length} steps`, command: `more ${plan.ref}` }],
  });
}

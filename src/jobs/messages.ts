// What the bot sends by itself when a job falls due: a reminder (to its user, privately) and a
// group's weekly digest (to the channel a moderator chose). Plain Reply cards, rendered by each
// door like any answer; every string a user typed stays plain text.
import type { Knowledge } from '../knowledge/schema.js';
import { planStatus, statusText } from '../pace.js';
import { reply, type Node, type Reply } from '../reply.js';
import type { DueJob, Store } from '../store/store.js';
import { duration, formatIn } from '../when.js';
import { groupCard } from '../cards/group.js';
import { displayName, stepLabel, tipLine } from '../commands/community.js';

/** A reminder sent this long after it was due says it is late. */
export const LATE_AFTER_MS = 2 * 60_000;

/** The message for a due reminder, its times shown in the user's zone. */
export function reminderMessage(job: Extract<DueJob, { kind: 'reminder' }>, now: Date, zone: string): Reply {
  const r = job.reminder;
  const late = now.getTime() - Date.parse(r.dueAt);
  const children: Node[] = [{ type: 'text', text: r.text }];
  if (late > LATE_AFTER_MS) {
    children.push({ type: 'note', text: `Late: this was due ${formatIn(zone, r.dueAt)} (${zone}), ${duration(late)} ago, and could not be sent then (devpath was not running or could not reach you).` });
  }
  children.push({ type: 'note', text: `You set it on ${formatIn(zone, r.createdAt)} (${zone}) with "remind". Reminder #${r.id}.` });
  return reply({ title: `Reminder #${r.id}`, children, suggestions: [{ label: 'My reminders', command: 'reminders' }] });
}

/**
 * A group's weekly digest, read from the store at sending time: the steps its members finished in
 * the week (since the last digest), the best tips they shared in it, and, for each member with a
 * pace plan, whether they are ahead or behind. Undefined when the group no longer exists.
 */
export async function digestMessage(store: Store, knowledge: Knowledge, job: Extract<DueJob, { kind: 'digest' }>, now: Date): Promise<Reply | undefined> {
  const board = await store.group(job.community, job.group.name);
  if (!board) return undefined;
  const { roadmap } = knowledge;
  const since = job.digest.since;
  const byId = new Map(roadmap.map((s) => [s.id, s]));
  const finished: string[] = [];
  const pace: string[] = [];
  const standing: { name: string; done: number }[] = [];
  for (const person of board.people) {
    const name = displayName(person.name) || person.id;
    const [progress, plan] = await Promise.all([store.progress(job.community, person.id), store.plan(job.community, person.id)]);
    standing.push({ name, done: roadmap.filter((s) => Object.hasOwn(progress, s.id)).length });
    const week = Object.entries(progress)
      .filter(([step, at]) => byId.has(step) && at >= since)
      .map(([step]) => byId.get(step)!)
      .sort((a, b) => a.order - b.order);
    if (week.length) finished.push(`${name}: ${week.map((s) => `step ${s.order} (${s.title})`).join(', ')}`);
    if (plan) {
      const done = roadmap.filter((s) => Object.hasOwn(progress, s.id)).length;
      const status = planStatus(plan, done, roadmap.length, now);
      if (status.state !== 'done') pace.push(`${name}: ${statusText(status).toLowerCase()}`);
    }
  }
  const tips = board.people.length ? (await store.tips(job.community, { authors: board.people.map((p) => p.id), since, limit: 3 })).items : [];
  const label = stepLabel(roadmap);
  const children: Node[] = [{ type: 'note', text: `The week from ${since.slice(0, 10)} to ${now.toISOString().slice(0, 10)} (UTC), ${board.people.length} member${board.people.length === 1 ? '' : 's'}.` }];
  if (!finished.length && !tips.length) children.push({ type: 'text', text: 'A quiet week: no steps finished and no new tips.' });
  children.push({ type: 'section', title: 'Steps finished' }, finished.length ? { type: 'list', items: finished } : { type: 'text', text: 'None this week.' });
  children.push({ type: 'section', title: "The week's best new tips" }, tips.length ? { type: 'list', items: tips.map((t) => tipLine(t, label)) } : { type: 'text', text: 'No new tips this week.' });
  if (pace.length) children.push({ type: 'section', title: 'Pace plans' }, { type: 'list', items: pace });
  // The board as it stands, as the group command draws it: most steps first.
  const picture = await groupCard({ name: board.name, total: roadmap.length, members: standing.sort((a, b) => b.done - a.done) });
  if (picture) children.push(picture);
  return reply({ title: `Weekly digest: ${board.name}`, children, suggestions: [{ label: 'Show the board', command: `group ${board.name}` }] });
}

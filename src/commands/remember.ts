// Remembering what the caller was just shown, so a follow-up reads against it (see src/conversation.ts).
import type { CommandContext } from '../command.js';
import type { SalaryLevel } from '../knowledge/schema.js';
import type { Turn } from '../search/index.js';

/**
 * Remembers that the caller was just shown this entry (by `ask`, `salary`, `role`, `roadmap`...),
 * so "how much do they make?" or "what next?" reads against it.
 */
export function rememberTopic(ctx: CommandContext, ref: string, level?: SalaryLevel, also: Pick<Turn, 'point' | 'offer' | 'next'> = {}): void {
  const doc = ctx.search.get(ref);
  if (!doc) return;
  const turn: Turn = { terms: [...ctx.search.terms(doc.title), ...(level ? [level === 'overall' ? 'average' : level] : [])], topic: ref };
  if (level) turn.level = level;
  if (also.point) turn.point = also.point;
  if (also.offer) turn.offer = also.offer;
  if (also.next) turn.next = also.next;
  ctx.conversations.remember(ctx, turn, ctx.now());
}

/**
 * After a change to progress ("Next: step 1" after `done 3`): only what "what next?" shows. No
 * topic: "how much do they make?" after it is no question about the step just marked.
 */
export function rememberNext(ctx: CommandContext, next: string): void {
  ctx.conversations.remember(ctx, { terms: [], next }, ctx.now());
}

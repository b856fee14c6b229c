// What the community commands (done, undo, progress, plan, tip, tips, group, unanswered) share:
// who the caller is, the write rate limit, and how steps, tips and people are shown. Every string
// here is plain text; renderers escape it.
import { cutText } from '../cut.js';
import type { CommandContext } from '../command.js';
import type { Step } from '../knowledge/schema.js';
import { cleanText } from '../options.js';
import { errorReply, reply, type Node, type Reply, type Suggestion } from '../reply.js';
import { isSafeKey, NAME_MAX } from '../store/schema.js';
import type { Actor, Limited, Page, Store, Tip } from '../store/store.js';

/**
 * The caller as stored: a display name is cleaned like typed text (no bidi overrides, BEL or ESC,
 * which could make a board line read "12/12 steps") and cut to what the data file holds.
 */
export const who = (ctx: CommandContext): Actor => ({
  id: ctx.userId,
  name: displayName(ctx.userName) || ctx.userId,
  // The person who runs devpath owns the data on their own machine: no write limit for them.
  limited: !ctx.operator,
});

/** A name as shown: cleaned, even when it was stored before names were cleaned. */
export const displayName = (name: string): string => cutText(cleanText(name), NAME_MAX);
export const nowIso = (ctx: CommandContext): string => ctx.now().toISOString();

/** A refusal that is not a usage error: ephemeral, not answered, no CLI exit code. */
export const refusal = (title: string, message: string, suggestions: Suggestion[] = []): Reply =>
  reply({ title, children: [{ type: 'text', text: message }], answered: false, ephemeral: true, suggestions });

function rateLimitReply(ctx: CommandContext, wait: number): Reply {
  const { max, windowMs } = ctx.store.rateLimit;
  const minutes = Math.max(1, Math.ceil(wait / 60_000));
  return refusal(
    'Slow down a little',
    `You have made ${max} changes in the last ${Math.round(windowMs / 60_000)} minutes, which is the limit. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}. Nothing was changed.`,
  );
}

/**
 * A write by the caller through one of the store's operations. The store checks the write limit,
 * writes and counts the write as one step; here an id the store cannot key by, or a write over the
 * limit, becomes a clear reply.
 */
export async function userWrite<T>(
  ctx: CommandContext,
  op: (store: Store, by: Actor, now: string) => Promise<Limited<T>>,
): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
  if (!isSafeKey(ctx.userId) || !isSafeKey(ctx.communityId)) {
    return { ok: false, reply: refusal('Cannot save that', 'Your user or community id cannot be used for saved data.') };
  }
  const out = await op(ctx.store, who(ctx), nowIso(ctx));
  return out.ok ? out : { ok: false, reply: rateLimitReply(ctx, out.waitMs) };
}

export const stepName = (step: Step): string => `step ${step.order} (${step.title})`;

/** "I took X to mean step 4" when a fuzzy name was guessed. */
export function guessNote(text: string, step: Step, guessed: boolean): Node[] {
  return guessed ? [{ type: 'note', text: `I took "${cutText(cleanText(text), 60)}" to mean ${stepName(step)}.` }] : [];
}

/**
 * Page `wanted` of a paged list (1-based), or the last page when it asks past the end: a second
 * read only then. `fetch` reads `size` items from an offset.
 */
export async function pageOf<T>(wanted: number, size: number, fetch: (offset: number) => Promise<Page<T>>): Promise<Page<T> & { page: number; pages: number }> {
  let found = await fetch((wanted - 1) * size);
  const pages = Math.max(1, Math.ceil(found.total / size));
  const page = Math.min(wanted, pages);
  if (page !== wanted) found = await fetch((page - 1) * size);
  return { ...found, page, pages };
}

/** A tip's author as shown. */
export const authorOf = (tip: Tip): string => displayName(tip.authorName) || tip.author;

export function tipLine(tip: Tip, withStep?: (id: string) => string | undefined): string {
  const votes = `${tip.votes} vote${tip.votes === 1 ? '' : 's'}`;
  const step = withStep?.(tip.step);
  return `#${tip.id} (${votes}${step ? `, ${step}` : ''}) ${tip.text} - ${authorOf(tip)}`;
}

/** `step 4` for a step id, to show next to a tip listed among other steps' tips. */
export const stepLabel =
  (roadmap: readonly Step[]) =>
  (id: string): string | undefined => {
    const s = roadmap.find((x) => x.id === id);
    return s ? `step ${s.order}` : undefined;
  };

/** The community's best tips for a step, as nodes for a card (empty when it has none). */
export async function bestTipsNodes(ctx: CommandContext, step: Step, count = 3): Promise<Node[]> {
  return tipsNodes(step, (await ctx.store.tips(ctx.communityId, { step: step.id, limit: count })).items);
}

function tipsNodes(step: Step, best: Tip[]): Node[] {
  if (!best.length) return [];
  return [
    { type: 'section', title: `Community tips for step ${step.order}` },
    { type: 'list', items: best.map((t) => tipLine(t)) },
  ];
}

export interface ProgressSummary {
  /** The roadmap steps the user has done, in roadmap order. */
  done: Step[];
  next: Step | undefined;
  /** The next step's best tips, as card nodes. */
  tips: Node[];
  /** The same tips, best first (the progress card shows the first). */
  best: Tip[];
}

/** A user's progress on the roadmap: what `progress` shows, and `done`/`undo` after a change. */
export async function progressSummary(ctx: CommandContext, userId: string): Promise<ProgressSummary> {
  const { done, next } = await standing(ctx, userId);
  const best = next ? (await ctx.store.tips(ctx.communityId, { step: next.id, limit: 3 })).items : [];
  return { done, next, tips: next ? tipsNodes(next, best) : [], best };
}

/** The roadmap steps a user has done, in roadmap order, and their next one: progress without tips. */
export async function standing(ctx: CommandContext, userId: string): Promise<Pick<ProgressSummary, 'done' | 'next'>> {
  const { roadmap } = ctx.knowledge;
  const ids = await ctx.store.progress(ctx.communityId, userId);
  return { done: roadmap.filter((s) => Object.hasOwn(ids, s.id)), next: roadmap.find((s) => !Object.hasOwn(ids, s.id)) };
}

const PROGRESS_CELLS = 12;

/** `████░░░░░░░░ 4/12 steps` */
export function progressBar(done: number, total: number): string {
  const filled = total ? Math.round((done / total) * PROGRESS_CELLS) : 0;
  return `${'█'.repeat(filled)}${'░'.repeat(PROGRESS_CELLS - filled)} ${done}/${total} steps`;
}

/** "today", "yesterday", "3 days ago", or the date for anything older than a month. */
export function ago(iso: string, now: Date): string {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  return iso.slice(0, 10);
}

/** A tip id as typed: `12` or `#12`. */
export function parseTipId(text: string): number | undefined {
  const m = cleanText(text).match(/^#?(\d{1,9})$/);
  return m ? Number(m[1]) : undefined;
}

/** A tip id that is not a number at all: a usage error, answered without looking at the store. */
export function notATipNumber(text: string): Reply {
  const shown = cutText(cleanText(text), 20);
  return errorReply('Not a tip number', `"${shown}" is not a tip number: tips are numbered, like #12. Type "tips" to see them.`, 'invalid-option', [{ label: 'tips', command: 'tips' }]);
}

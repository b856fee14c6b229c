// What the community commands (done, undo, progress, tip, tips, group, unanswered) share: who the
// caller is, the write rate limit, and how steps, tips and people are shown. Every string here is
// plain text; renderers escape it.
import { cutText } from '../cut.js';
import type { CommandContext } from '../command.js';
import type { Step } from '../knowledge/schema.js';
import { cleanText } from '../options.js';
import { errorReply, reply, type Node, type Reply, type Suggestion } from '../reply.js';
import { doneSteps, rankedTips, type Who } from '../store/community.js';
import { isSafeKey, NAME_MAX, own, type CommunityData, type TipRecord } from '../store/schema.js';
import type { WriteResult } from '../store/store.js';

/**
 * The caller as stored: a display name is cleaned like typed text (no bidi overrides, BEL or ESC,
 * which could make a board line read "12/12 steps") and cut to what the data file holds.
 */
export const who = (ctx: CommandContext): Who => ({ id: ctx.userId, name: displayName(ctx.userName) || ctx.userId });

/** A name as shown: cleaned, even when it was stored before names were cleaned. */
export const displayName = (name: string): string => cutText(cleanText(name), NAME_MAX);
export const nowIso = (ctx: CommandContext): string => ctx.now().toISOString();

/** A refusal that is not a usage error: ephemeral, not answered, no CLI exit code. */
export const refusal = (title: string, message: string, suggestions: Suggestion[] = []): Reply =>
  reply({ title, children: [{ type: 'text', text: message }], answered: false, ephemeral: true, suggestions });

const rateKey = (ctx: CommandContext, bucket: string) => `${ctx.communityId}\u0000${ctx.userId}\u0000${bucket}`;

function rateLimitReply(ctx: CommandContext, wait: number): Reply {
  const { max, windowMs } = ctx.store.limiter.limit;
  const minutes = Math.max(1, Math.ceil(wait / 60_000));
  return refusal(
    'Slow down a little',
    `You have made ${max} changes in the last ${Math.round(windowMs / 60_000)} minutes, which is the limit. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}. Nothing was changed.`,
  );
}

/**
 * A write by the caller, under the per-user rate limit: refused with a clear reply when over it,
 * counted only when it changed something (a refusal or a no-op costs nothing). The check and the
 * count happen together inside the store's serialised write, so concurrent writes by one user
 * cannot all pass the check before any of them is counted.
 */
export async function userWrite<T>(
  ctx: CommandContext,
  fn: (c: CommunityData) => WriteResult<T>,
  /** Whose allowance it counts against: the user's changes, or (`questions`) what they asked. */
  bucket: 'changes' | 'questions' = 'changes',
): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
  if (!isSafeKey(ctx.userId) || !isSafeKey(ctx.communityId)) {
    return { ok: false, reply: refusal('Cannot save that', 'Your user or community id cannot be used for saved data.') };
  }
  // The person who runs devpath owns the data file on their own machine: no limit for them.
  const limited = !ctx.operator;
  const key = rateKey(ctx, bucket);
  const at = ctx.now().getTime();
  // The file store runs a callback again when another one in its batch threw: the limit is
  // decided, and the change counted, on the first run only.
  let wait: number | undefined;
  let counted = false;
  const out = await ctx.store.write(ctx.communityId, (c): WriteResult<{ limited: number } | { limited: 0; value: T }> => {
    wait ??= limited ? ctx.store.limiter.waitMs(key, at) : 0;
    if (wait) return { value: { limited: wait }, changed: false };
    const result = fn(c);
    if (result.changed && limited && !counted) {
      ctx.store.limiter.hit(key, at);
      counted = true;
    }
    return { value: { limited: 0, value: result.value }, changed: result.changed };
  });
  return 'value' in out ? { ok: true, value: out.value } : { ok: false, reply: rateLimitReply(ctx, out.limited) };
}

/** A write's result with what its reply shows, taken from the same data inside the write: no second read. */
export const withView = <T, V>(result: WriteResult<T>, view: V): WriteResult<{ result: T; view: V }> => ({
  changed: result.changed,
  value: { result: result.value, view },
});

export const stepName = (step: Step): string => `step ${step.order} (${step.title})`;

/** "I took X to mean step 4" when a fuzzy name was guessed. */
export function guessNote(text: string, step: Step, guessed: boolean): Node[] {
  return guessed ? [{ type: 'note', text: `I took "${cutText(cleanText(text), 60)}" to mean ${stepName(step)}.` }] : [];
}

export function userName(c: Readonly<CommunityData>, id: string): string {
  return displayName(own(c.users, id)?.name ?? id) || id;
}

export function tipLine(c: Readonly<CommunityData>, tip: TipRecord, withStep?: (id: string) => string | undefined): string {
  const votes = `${tip.votes.length} vote${tip.votes.length === 1 ? '' : 's'}`;
  const step = withStep?.(tip.step);
  return `#${tip.id} (${votes}${step ? `, ${step}` : ''}) ${tip.text} - ${userName(c, tip.author)}`;
}

/** `step 4` for a step id, to show next to a tip listed among other steps' tips. */
export const stepLabel =
  (roadmap: readonly Step[]) =>
  (id: string): string | undefined => {
    const s = roadmap.find((x) => x.id === id);
    return s ? `step ${s.order}` : undefined;
  };

/** The community's best tips for a step, as nodes for a card (empty when it has none). */
export function bestTipsNodes(c: Readonly<CommunityData>, step: Step, count = 3): Node[] {
  const best = rankedTips(c, step.id).slice(0, count);
  if (!best.length) return [];
  return [
    { type: 'section', title: `Community tips for step ${step.order}` },
    { type: 'list', items: best.map((t) => tipLine(c, t)) },
  ];
}

export interface ProgressSummary {
  /** The roadmap steps the user has done, in roadmap order. */
  done: Step[];
  next: Step | undefined;
  /** The next step's best tips, as card nodes. */
  tips: Node[];
}

/** A user's progress on the roadmap: what `progress` shows, and `done`/`undo` after a change. */
export function progressSummary(c: Readonly<CommunityData>, roadmap: readonly Step[], userId: string): ProgressSummary {
  const ids = doneSteps(c, userId);
  const next = roadmap.find((s) => !ids.has(s.id));
  return { done: roadmap.filter((s) => ids.has(s.id)), next, tips: next ? bestTipsNodes(c, next) : [] };
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

/** "There is no tip #99 here" with the closest ids (by digits, then by number) to try. */
export function unknownTip(c: Readonly<CommunityData>, id: number, verb: string): Reply {
  const digits = String(id);
  const close = [...c.tips]
    .map((t) => ({ t, d: editDistance(String(t.id), digits), n: Math.abs(t.id - id) }))
    .sort((a, b) => a.d - b.d || a.n - b.n)
    .slice(0, 3)
    .map((x) => x.t);
  const lead = `There is no tip #${digits} in this community.`;
  // A well-formed number that names no tip is "not found" (like an unknown name), not a usage error.
  if (!close.length) return refusal('Not found', `${lead} There are no tips yet: add one with "tip add <step> <text>".`);
  return refusal(
    'Not found',
    `${lead} Did you mean: ${close.map((t) => `#${t.id} "${cutText(t.text, 43, '...')}"`).join(', ')}?`,
    close.map((t) => ({ label: `#${t.id}`, command: `tip ${verb} ${t.id}` })),
  );
}


function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

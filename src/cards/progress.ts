// The progress card: a learner's roadmap with the steps done, their next step (and its best tip),
// and their pace plan (on track, ahead or behind, and the day they aim for). Pure data in, a PNG
// image node out; its alt text says the same in words.
import { statusText, type PlanStatus } from '../pace.js';
import { COLORS, MARGIN, RIGHT, altName, dayText, drawBar, drawCard, drawPill, drawText, fileSlug, plural, textWidth, type Ctx, type ImageNode } from './draw.js';

export interface ProgressCardData {
  /** Whose progress: names the file. */
  userId: string;
  /** Their display name (drawn as plain text, cut to fit). */
  name: string;
  /** Every roadmap step, in order. */
  steps: { order: number; title: string; done: boolean }[];
  /** The next step not done; none when every step is done. */
  next?: { order: number; title: string } | undefined;
  /** The best tip for the next step, if the community has one. */
  tip?: string | undefined;
  /** Their pace plan, if they set one: where they stand, the target day (YYYY-MM-DD) and the pace left. */
  plan?: { status: PlanStatus; day: string; pace?: string } | undefined;
}

/** Where the name is drawn (x, top, width, height): the tests look there. */
export const PROGRESS_NAME_BOX = { x: MARGIN, y: 50, width: 520, height: 40 } as const;

const STEPS_TOP = 128;
const STEPS_HEIGHT = 176;
const COLUMN_GAP = 24;

/** "5 of 12 steps done; next step 6, APIs; plan: 2 steps behind, finish by 1 Jun 2027" */
export function progressAlt(data: ProgressCardData): string {
  const total = data.steps.length;
  const done = data.steps.filter((s) => s.done).length;
  const parts = [`${done} of ${plural(total, 'step')} done`];
  parts.push(data.next ? `next step ${data.next.order}, ${data.next.title}` : 'every step done');
  parts.push(planWords(data));
  return `Roadmap progress of ${altName(data.name)}: ${parts.join('; ')}`;
}

function planWords(data: ProgressCardData): string {
  const plan = data.plan;
  if (!plan) return 'no pace plan';
  const s = plan.status;
  const day = dayText(plan.day);
  switch (s.state) {
    case 'done':
      return `plan: every step done (the target was ${day})`;
    case 'on-track':
      return `plan: on track, finish by ${day}`;
    default: {
      const standing = `${plural(s.by, 'step')} ${s.state}`;
      return s.over ? `plan: ${standing}, the target day ${day} is over` : `plan: ${standing}, finish by ${day}`;
    }
  }
}

const planColor = (status: PlanStatus | undefined): string =>
  !status ? COLORS.muted : status.state === 'behind' ? COLORS.behind : status.state === 'on-track' ? COLORS.next : COLORS.done;

/** The progress card as a PNG image node; undefined when pictures are off. */
export function progressCard(data: ProgressCardData): Promise<ImageNode | undefined> {
  // What the picture shows of the plan (not the fraction expected by now, which moves every moment).
  const plan = data.plan && { state: data.plan.status.state, by: data.plan.status.by, over: data.plan.status.over, day: data.plan.day, pace: data.plan.pace };
  return drawCard(JSON.stringify({ ...data, plan }), `progress-${fileSlug(data.userId)}.png`, progressAlt(data), (ctx) => paint(ctx, data));
}

function paint(ctx: Ctx, data: ProgressCardData): void {
  const total = data.steps.length;
  const done = data.steps.filter((s) => s.done).length;

  // Header: whose roadmap, and how many steps are done.
  drawText(ctx, 'ROADMAP PROGRESS', MARGIN, 46, 300, { size: 13, bold: true, color: COLORS.muted });
  const count = `${done} / ${total}`;
  const countWidth = textWidth(ctx, count, { size: 30, bold: true });
  drawText(ctx, count, RIGHT, 80, 200, { size: 30, bold: true, color: COLORS.ink, align: 'right' });
  drawText(ctx, 'steps done', RIGHT, 46, 200, { size: 13, bold: true, color: COLORS.muted, align: 'right' });
  const nameRoom = Math.min(PROGRESS_NAME_BOX.width, RIGHT - countWidth - 24 - MARGIN);
  drawText(ctx, data.name, PROGRESS_NAME_BOX.x, 80, nameRoom, { size: 28, bold: true, color: COLORS.ink });
  drawBar(ctx, MARGIN, 96, RIGHT - MARGIN, 12, total ? done / total : 0, COLORS.done);

  // The steps, in two columns: done (filled), next (ringed in blue), still to do (grey ring).
  const rows = Math.max(1, Math.ceil(total / 2));
  const rowHeight = Math.min(30, STEPS_HEIGHT / rows);
  const columnWidth = (RIGHT - MARGIN - COLUMN_GAP) / 2;
  const size = Math.max(10, Math.min(15, Math.floor(rowHeight * 0.55)));
  data.steps.forEach((step, i) => {
    const column = i < rows ? 0 : 1;
    const x = MARGIN + column * (columnWidth + COLUMN_GAP);
    const mid = STEPS_TOP + (i % rows) * rowHeight + rowHeight / 2;
    const isNext = data.next?.order === step.order;
    const r = Math.min(8, rowHeight / 2 - 2);
    ctx.beginPath();
    ctx.arc(x + r, mid, r, 0, Math.PI * 2);
    if (step.done) {
      ctx.fillStyle = COLORS.done;
      ctx.fill();
      ctx.strokeStyle = COLORS.white;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x + r * 0.5, mid);
      ctx.lineTo(x + r * 0.85, mid + r * 0.35);
      ctx.lineTo(x + r * 1.5, mid - r * 0.4);
      ctx.stroke();
    } else {
      ctx.strokeStyle = isNext ? COLORS.next : COLORS.line;
      ctx.lineWidth = isNext ? 3 : 2;
      ctx.stroke();
    }
    const textX = x + 2 * r + 10;
    drawText(ctx, `${step.order}. ${step.title}`, textX, mid + size * 0.36, x + columnWidth - textX, {
      size,
      bold: isNext,
      color: step.done ? COLORS.muted : isNext ? COLORS.next : COLORS.ink,
    });
  });

  // The plan: where they stand, and by when.
  const planY = 328;
  const status = data.plan?.status;
  const label = !data.plan ? 'No pace plan' : status!.state === 'done' ? 'Every step done' : status!.over ? `${statusText(status!)}: target day over` : statusText(status!);
  const pill = drawPill(ctx, label, MARGIN, planY, 330, planColor(status));
  const planLine = !data.plan
    ? 'Set one with "plan 12 weeks" or "plan 2027-06-01"'
    : status!.state === 'done'
      ? `The target was ${dayText(data.plan.day)}`
      : `Finish by ${dayText(data.plan.day)}${data.plan.pace ? ` · ${data.plan.pace}` : ''}`;
  drawText(ctx, planLine, MARGIN + pill + 14, planY, RIGHT - (MARGIN + pill + 14), { size: 15, color: COLORS.muted });

  // The next step, and the community's best tip for it.
  const nextY = 362;
  if (data.next) {
    const lead = `Next: ${data.next.order}. ${data.next.title}`;
    const shown = drawText(ctx, lead, MARGIN, nextY, data.tip ? 340 : RIGHT - MARGIN, { size: 15, bold: true, color: COLORS.ink });
    if (data.tip) {
      const x = MARGIN + textWidth(ctx, shown, { size: 15, bold: true }) + 12;
      drawText(ctx, `Tip: ${data.tip}`, x, nextY, RIGHT - x, { size: 15, color: COLORS.muted });
    }
  } else {
    drawText(ctx, 'Every step is done. Keep learning!', MARGIN, nextY, RIGHT - MARGIN, { size: 15, bold: true, color: COLORS.done });
  }
}

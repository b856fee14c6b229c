// The group card: a study group's board, each member with a bar of the roadmap steps they have
// done, best first. Pure data in, a PNG image node out; its alt text says the same in words.
import { COLORS, MARGIN, RIGHT, altName, drawBar, drawCard, drawText, fileSlug, plural, textWidth, type Ctx, type ImageNode } from './draw.js';

export interface GroupCardData {
  /** The group's name (drawn as plain text, cut to fit). */
  name: string;
  /** Steps on the roadmap. */
  total: number;
  /** Members in board order (most steps done first), with the roadmap steps each has done. */
  members: { name: string; done: number }[];
}

/** Where the group's name is drawn (x, top, width, height): the tests look there. */
export const GROUP_NAME_BOX = { x: MARGIN, y: 50, width: 560, height: 40 } as const;

/** Members drawn on the card; the rest are counted ("and 4 more"). */
export const GROUP_ROWS = 8;
/** Members named in the alt text; the rest are counted. */
const ALT_MEMBERS = 10;

const ROWS_TOP = 112;
const ROW_HEIGHT = 28;
const NAME_WIDTH = 250;

/** "Board of the study group backend-club: 3 members; steps done: Alice: 5 of 12, Bob: 3 of 12, ..." */
export function groupAlt(data: GroupCardData): string {
  const n = data.members.length;
  const named = data.members.slice(0, ALT_MEMBERS).map((m) => `${altName(m.name)}: ${m.done} of ${data.total}`);
  const more = n > ALT_MEMBERS ? `, and ${plural(n - ALT_MEMBERS, 'more member')}` : '';
  const list = n ? `; steps done: ${named.join(', ')}${more}` : '';
  return `Board of the study group ${altName(data.name)}: ${plural(n, 'member')}${list}`;
}

/** The group card as a PNG image node; undefined when pictures are off. */
export function groupCard(data: GroupCardData): Promise<ImageNode | undefined> {
  return drawCard(JSON.stringify(data), `group-${fileSlug(data.name)}.png`, groupAlt(data), (ctx) => paint(ctx, data));
}

function paint(ctx: Ctx, data: GroupCardData): void {
  const n = data.members.length;
  drawText(ctx, 'STUDY GROUP', MARGIN, 46, 300, { size: 13, bold: true, color: COLORS.muted });
  const count = plural(n, 'member');
  const countWidth = textWidth(ctx, count, { size: 20, bold: true });
  drawText(ctx, count, RIGHT, 80, 200, { size: 20, bold: true, color: COLORS.ink, align: 'right' });
  drawText(ctx, `of ${plural(data.total, 'step')}`, RIGHT, 46, 200, { size: 13, bold: true, color: COLORS.muted, align: 'right' });
  drawText(ctx, data.name, GROUP_NAME_BOX.x, 80, Math.min(GROUP_NAME_BOX.width, RIGHT - countWidth - 24 - MARGIN), { size: 28, bold: true, color: COLORS.ink });
  ctx.fillStyle = COLORS.line;
  ctx.fillRect(MARGIN, 98, RIGHT - MARGIN, 1);

  if (!n) {
    drawText(ctx, 'No members yet.', MARGIN, ROWS_TOP + 20, RIGHT - MARGIN, { size: 16, color: COLORS.muted });
    return;
  }
  const shown = data.members.slice(0, GROUP_ROWS);
  const barX = MARGIN + NAME_WIDTH + 16;
  const figureWidth = textWidth(ctx, `${data.total}/${data.total}`, { size: 15, bold: true });
  const barWidth = RIGHT - figureWidth - 16 - barX;
  shown.forEach((m, i) => {
    const mid = ROWS_TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const finished = data.total > 0 && m.done >= data.total;
    drawText(ctx, m.name, MARGIN, mid + 5, NAME_WIDTH, { size: 15, color: COLORS.ink });
    drawBar(ctx, barX, mid - 6, barWidth, 12, data.total ? m.done / data.total : 0, finished ? COLORS.done : COLORS.next);
    drawText(ctx, `${m.done}/${data.total}`, RIGHT, mid + 5, figureWidth + 8, { size: 15, bold: true, color: COLORS.ink, align: 'right' });
  });
  if (n > shown.length) {
    drawText(ctx, `and ${plural(n - shown.length, 'more member')}`, MARGIN, ROWS_TOP + GROUP_ROWS * ROW_HEIGHT + 18, RIGHT - MARGIN, { size: 14, color: COLORS.muted });
  }
}

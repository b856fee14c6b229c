// The progress and group cards (src/cards/): real PNGs of the right size, text really drawn in the
// shipped font, hostile names drawn as plain text and cut inside their box, never past the card's
// margin, and alt text that says what the picture shows. Pixels are read back by decoding the PNG.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { groupAlt, groupCard, GROUP_NAME_BOX } from '../src/cards/group.js';
import { CARD_HEIGHT, CARD_WIDTH, cardText, FONT_FAMILY, FONT_FILES, fileSlug, fitText, font, fontDir, loadCanvas, MARGIN, type ImageNode } from '../src/cards/draw.js';
import { progressAlt, progressCard, PROGRESS_NAME_BOX, type ProgressCardData } from '../src/cards/progress.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { planStatus } from '../src/pace.js';
import type { Node } from '../src/reply.js';

const knowledge = loadKnowledge();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const BACKGROUND = [0xf7, 0xf9, 0xfc];
const HOSTILE = `@everyone <script>alert(1)</script> **bold** <@123> \u202eevil\u202c ${'\u0007'}\u200b x${'W'.repeat(470)}`;

/** The PNG's size, read from its IHDR chunk (which must come first, after the signature). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The decoded picture's pixels, RGBA. */
async function pixels(png: Uint8Array): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { data, width: image.width, height: image.height };
}

type Pixels = Awaited<ReturnType<typeof pixels>>;
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The pixels of a box that are not the card's background. */
function inked(p: Pixels, box: Box): { count: number; maxX: number } {
  let count = 0;
  let maxX = -1;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * p.width + x) * 4;
      if (Math.abs(p.data[i]! - BACKGROUND[0]!) + Math.abs(p.data[i + 1]! - BACKGROUND[1]!) + Math.abs(p.data[i + 2]! - BACKGROUND[2]!) > 24) {
        count++;
        maxX = Math.max(maxX, x);
      }
    }
  }
  return { count, maxX };
}

/** A box's pixels, to compare two pictures. */
function region(p: Pixels, box: Box): number[] {
  const out: number[] = [];
  for (let y = box.y; y < box.y + box.height; y++) out.push(...p.data.subarray((y * p.width + box.x) * 4, (y * p.width + box.x + box.width) * 4));
  return out;
}

const RIGHT_MARGIN: Box = { x: CARD_WIDTH - MARGIN, y: 0, width: MARGIN, height: CARD_HEIGHT };

const steps = knowledge.roadmap.map((s, i) => ({ order: s.order, title: s.title, done: i < 5 }));
const sample = (extra: Partial<ProgressCardData> = {}): ProgressCardData => ({
  userId: 'U0ALICE',
  name: 'alice',
  steps,
  next: { order: 6, title: 'APIs' },
  tip: 'Build one small REST API end to end',
  ...extra,
});

async function card(node: Promise<ImageNode | undefined>): Promise<ImageNode> {
  const drawn = await node;
  expect(drawn, 'the card was drawn').toBeDefined();
  return drawn!;
}

describe('loading @napi-rs/canvas', () => {
  const root = join(import.meta.dirname, '..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });

  it('happens only when a card is drawn: no file imports it at start (type imports aside), one imports it on demand', () => {
    const uses = [...files(join(root, 'src')), ...files(join(root, 'adapters'))].flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s+'@napi-rs\/canvas'|(?<!typeof )import\('@napi-rs\/canvas'\)/gm)].map((m) => `${relative(root, f)}: ${m[0].trim().startsWith('import(') ? 'dynamic' : m[1] ? 'type' : 'static'}`);
    });
    expect(uses.filter((u) => u.endsWith('static'))).toEqual([]);
    expect(uses.filter((u) => u.endsWith('dynamic'))).toEqual(['src/cards/draw.ts: dynamic']);
  });
});

describe('the shipped font', () => {
  it('is in assets/fonts with its licence, and is what cards are drawn in', async () => {
    for (const file of FONT_FILES) expect(readFileSync(join(fontDir(), file)).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    const licence = readFileSync(join(fontDir(), 'LICENSE'), 'utf8');
    expect(licence).toContain('Bitstream Vera Fonts Copyright');
    expect(licence).toContain('Arev Fonts Copyright');
    expect(await loadCanvas()).toBeDefined();
    expect(GlobalFonts.has(FONT_FAMILY)).toBe(true);
    // The family name is ours alone: no system font of that name can stand in for it.
    expect(FONT_FAMILY).not.toBe('DejaVu Sans');
  });
});

describe('progress card', () => {
  it('is a PNG of 800 x 400 pixels', async () => {
    const c = await card(progressCard(sample()));
    expect(pngSize(c.png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect({ width: c.width, height: c.height }).toEqual({ width: 800, height: 400 });
    expect(c.name).toBe('progress-u0alice.png');
  });

  it('really draws the name: its box is inked, and two names give two different pictures there', async () => {
    const alice = await pixels((await card(progressCard(sample({ name: 'Alice' })))).png);
    const bob = await pixels((await card(progressCard(sample({ name: 'Bob Smith' })))).png);
    expect(inked(alice, PROGRESS_NAME_BOX).count).toBeGreaterThan(100);
    expect(inked(bob, PROGRESS_NAME_BOX).count).toBeGreaterThan(100);
    expect(region(alice, PROGRESS_NAME_BOX)).not.toEqual(region(bob, PROGRESS_NAME_BOX));
    // A longer name reaches further right.
    expect(inked(bob, PROGRESS_NAME_BOX).maxX).toBeGreaterThan(inked(alice, PROGRESS_NAME_BOX).maxX);
  });

  it('a 500-character hostile name is drawn as text and cut inside its box: nothing past its box or the right margin', async () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(500);
    const c = await card(progressCard(sample({ name: HOSTILE, tip: HOSTILE })));
    const p = await pixels(c.png);
    const box = PROGRESS_NAME_BOX;
    expect(inked(p, box).count).toBeGreaterThan(500);
    // Between the name's box and the step count at the right, the name's band is empty: it was cut, not run on.
    expect(inked(p, { x: box.x + box.width + 1, y: box.y, width: 100, height: box.height }).count).toBe(0);
    expect(inked(p, RIGHT_MARGIN).count).toBe(0);
    // The same text as plain words: the markup and mention as typed, the bidi override and the bell gone.
    expect(c.alt).toContain('@everyone <script>alert(1)</script> **bold** <@123> evil x');
    expect(c.alt).not.toMatch(/[\u202e\u202c\u0007\u200b]/);
  });

  it('alt text: the steps done, the next step and the plan', () => {
    const behind = { state: 'behind', by: 2, expected: 7, left: 7, over: false, msLeft: 1e10 } as const;
    expect(progressAlt(sample({ plan: { status: behind, day: '2027-06-01' } }))).toBe(
      'Roadmap progress of alice: 5 of 12 steps done; next step 6, APIs; plan: 2 steps behind, finish by 1 Jun 2027',
    );
    expect(progressAlt(sample())).toBe('Roadmap progress of alice: 5 of 12 steps done; next step 6, APIs; no pace plan');
    const onTrack = { ...behind, state: 'on-track', by: 0 } as const;
    expect(progressAlt(sample({ plan: { status: onTrack, day: '2027-01-31' } }))).toContain('plan: on track, finish by 31 Jan 2027');
    expect(progressAlt(sample({ plan: { status: { ...behind, by: 1, over: true }, day: '2026-03-05' } }))).toContain('plan: 1 step behind, the target day 5 Mar 2026 is over');
    const all = steps.map((s) => ({ ...s, done: true }));
    expect(progressAlt(sample({ steps: all, next: undefined }))).toBe('Roadmap progress of alice: 12 of 12 steps done; every step done; no pace plan');
  });
});

describe('group card', () => {
  const members = [
    { name: 'Alice', done: 5 },
    { name: 'Bob', done: 3 },
    { name: 'Carol', done: 0 },
  ];

  it('is a PNG of 800 x 400 pixels whose name box shows the group name', async () => {
    const one = await card(groupCard({ name: 'backend-club', total: 12, members }));
    const two = await card(groupCard({ name: 'frontend-friends', total: 12, members }));
    expect(pngSize(one.png)).toEqual({ width: 800, height: 400 });
    expect(one.name).toBe('group-backend-club.png');
    const a = await pixels(one.png);
    const b = await pixels(two.png);
    expect(inked(a, GROUP_NAME_BOX).count).toBeGreaterThan(100);
    expect(region(a, GROUP_NAME_BOX)).not.toEqual(region(b, GROUP_NAME_BOX));
  });

  it('hostile group and member names are cut inside the card; many members are counted, not drawn off the card', async () => {
    const crowd = Array.from({ length: 30 }, (_, i) => ({ name: `${HOSTILE} ${i}`, done: i % 13 }));
    const c = await card(groupCard({ name: HOSTILE, total: 12, members: crowd }));
    const p = await pixels(c.png);
    expect(inked(p, GROUP_NAME_BOX).count).toBeGreaterThan(500);
    expect(inked(p, { x: GROUP_NAME_BOX.x + GROUP_NAME_BOX.width + 1, y: GROUP_NAME_BOX.y, width: 30, height: GROUP_NAME_BOX.height }).count).toBe(0);
    expect(inked(p, RIGHT_MARGIN).count).toBe(0);
    expect(inked(p, { x: 0, y: CARD_HEIGHT - MARGIN, width: CARD_WIDTH, height: MARGIN }).count).toBe(0);
    expect(c.alt).toMatch(/and 20 more members$/);
    expect(c.alt.length).toBeLessThanOrEqual(1000);
  });

  it('the same board asked again (or by many at once) is drawn once; a changed one is drawn anew', async () => {
    const data = { name: 'cache-club', total: 12, members };
    const [a, b] = await Promise.all([groupCard(data), groupCard({ ...data, members: members.map((m) => ({ ...m })) })]);
    expect(a!.png).toBe(b!.png);
    const changed = await groupCard({ ...data, members: [{ name: 'Alice', done: 6 }, ...members.slice(1)] });
    expect(changed!.png).not.toBe(a!.png);
    expect(Buffer.from(changed!.png).equals(Buffer.from(a!.png))).toBe(false);
  });

  it('alt text: the group, its members and the steps each has done', () => {
    expect(groupAlt({ name: 'backend-club', total: 12, members })).toBe('Board of the study group backend-club: 3 members; steps done: Alice: 5 of 12, Bob: 3 of 12, Carol: 0 of 12');
    expect(groupAlt({ name: 'empty', total: 12, members: [] })).toBe('Board of the study group empty: 0 members');
  });
});

describe('card text', () => {
  it('is plain: control, zero-width and bidi control characters removed, whitespace folded', () => {
    expect(cardText('a\u202eb\u0007c\n\nd\u200be')).toBe('abc de');
  });

  it('is cut with an ellipsis to the width given, measured in the card font, between characters', async () => {
    await loadCanvas();
    const ctx = createCanvas(10, 10).getContext('2d');
    ctx.font = font({ size: 28, bold: true });
    const cut = fitText(ctx, HOSTILE, 300);
    expect(cut.endsWith('…')).toBe(true);
    expect(ctx.measureText(cut).width).toBeLessThanOrEqual(300);
    expect(HOSTILE.startsWith(cut.slice(0, -1))).toBe(true);
    expect(fitText(ctx, 'Ana', 300)).toBe('Ana');
    // An emoji made of several code points is kept whole or left out, never split.
    expect(fitText(ctx, `${'a'.repeat(12)}👩‍💻${'b'.repeat(40)}`, 250)).not.toMatch(/\u200d…|[\ud800-\udbff]…/);
  });

  it('file names are safe whatever the name', () => {
    expect(fileSlug('local:root')).toBe('local-root');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('مرحبا')).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('progress and group replies carry their card', () => {
  const ana: Context = { platform: 'discord', userId: 'ana-1', userName: 'Ana <@everyone>', isModerator: false, communityId: 'cards-guild' };
  const clock = Date.parse('2026-01-01T12:00:00Z');
  const bot = new Bot({ knowledge, now: () => new Date(clock) });
  const image = (children: Node[]) => children.find((n): n is ImageNode => n.type === 'image');

  it('progress: the picture of the roadmap, with the plan, and its alt text in plain text', async () => {
    await bot.dispatchText('done 1', ana);
    await bot.dispatchText('done 2', ana);
    await bot.dispatchText('plan 2026-12-31', ana);
    const r = await bot.dispatchText('progress', ana);
    const picture = image(r.card.children);
    expect(picture).toBeDefined();
    expect(pngSize(picture!.png)).toEqual({ width: 800, height: 400 });
    const plan = (await bot.services.store.plan('cards-guild', 'ana-1'))!;
    const state = planStatus(plan, 2, 12, new Date(clock));
    expect(state.state).toBe('on-track');
    expect(picture!.alt).toBe(`Roadmap progress of Ana <@everyone>: 2 of 12 steps done; next step 3, ${knowledge.roadmap[2]!.title}; plan: on track, finish by 31 Dec 2026`);
    expect(r.text).toContain(`[picture: ${picture!.alt}]`);
  });

  it('group <name>: the board as a picture; the list of groups has none', async () => {
    await bot.dispatchText('group create cards-club', ana);
    const board = await bot.dispatchText('group cards-club', ana);
    const picture = image(board.card.children);
    expect(picture?.alt).toBe('Board of the study group cards-club: 1 member; steps done: Ana <@everyone>: 2 of 12');
    expect(pngSize(picture!.png)).toEqual({ width: 800, height: 400 });
    expect(image((await bot.dispatchText('group', ana)).card.children)).toBeUndefined();
  });
});

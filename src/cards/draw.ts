// What every card shares: loading @napi-rs/canvas (only when a card is drawn, so a terminal or a
// one-shot command that draws nothing never pays for it), the shipped font, the card's size and
// colours, and text that is drawn as plain text and cut to its box. Platform-neutral: a card is a
// PNG in an `image` node; each door decides how to show it.
//
// Text on a card is whatever users typed (names, group names, tips): control, zero-width and bidi
// control characters are removed (cleanText), and every string is cut with an ellipsis, measured
// with the font it is drawn in, so nothing can overflow its box or the card, whatever it holds.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { cutText } from '../cut.js';
import { log } from '../log.js';
import { cleanText } from '../options.js';
import { packageRoot } from '../paths.js';
import type { Node } from '../reply.js';

export type ImageNode = Extract<Node, { type: 'image' }>;
export type Ctx = SKRSContext2D;
type CanvasModule = typeof import('@napi-rs/canvas');

export const CARD_WIDTH = 800;
export const CARD_HEIGHT = 400;
/** Nothing is drawn in this band along each edge of a card. */
export const MARGIN = 32;
/** The right edge of everything drawn. */
export const RIGHT = CARD_WIDTH - MARGIN;
/** The longest alt text a card gets (Slack allows 1,000 characters, Discord 1,024). */
export const ALT_MAX = 1000;

/**
 * The family every card is drawn in: the DejaVu Sans shipped in assets/fonts (its licence is
 * there too), registered under a name of our own so a system font can never stand in for it.
 */
export const FONT_FAMILY = 'devpath DejaVu Sans';
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;
export const fontDir = (): string => join(packageRoot(), 'assets', 'fonts');

export const COLORS = {
  background: '#f7f9fc',
  ink: '#1b2a3a',
  muted: '#5f6f80',
  line: '#d5dde6',
  done: '#2b8a3e',
  next: '#1c7ed6',
  behind: '#d9480f',
  white: '#ffffff',
} as const;

let loading: Promise<CanvasModule | undefined> | undefined;

/**
 * @napi-rs/canvas with the shipped font registered, imported once; undefined when it cannot load
 * or the font cannot be registered (a warning is logged once): replies then go without pictures.
 */
export function loadCanvas(): Promise<CanvasModule | undefined> {
  return (loading ??= (async () => {
    try {
      const canvas = await import('@napi-rs/canvas');
      for (const file of FONT_FILES) {
        // Without a font the canvas draws no text at all, silently: a card with no words is worse than none.
        if (!canvas.GlobalFonts.registerFromPath(join(fontDir(), file), FONT_FAMILY)) throw new Error(`could not register the font ${join(fontDir(), file)}`);
      }
      return canvas;
    } catch (error) {
      log().warn({ err: error }, 'pictures are off: @napi-rs/canvas or its font could not be loaded; replies go without their cards');
      return undefined;
    }
  })());
}

/** Cards kept, newest last: a busy group board or a progress asked again is not drawn again. */
const CACHE_SIZE = 64;
const cache = new Map<string, Promise<ImageNode | undefined>>();

/**
 * A card: `paint` draws on a CARD_WIDTH x CARD_HEIGHT canvas, which becomes a PNG image node.
 * Undefined when the canvas cannot load or drawing fails (logged): the reply goes without it.
 * `key` is everything the picture shows: the same key is the same picture, so the last
 * CACHE_SIZE cards are kept and shared (also while one is still being drawn), which keeps a burst
 * of people looking at one board from drawing it once each.
 */
export function drawCard(key: string, name: string, alt: string, paint: (ctx: Ctx) => void): Promise<ImageNode | undefined> {
  const id = JSON.stringify([key, name, alt]);
  const kept = cache.get(id);
  if (kept) {
    cache.delete(id);
    cache.set(id, kept);
    return kept;
  }
  const drawn = draw(name, alt, paint);
  cache.set(id, drawn);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  // A card that could not be drawn is not kept: the next answer tries again.
  void drawn.then((node) => node ?? cache.delete(id));
  return drawn;
}

async function draw(name: string, alt: string, paint: (ctx: Ctx) => void): Promise<ImageNode | undefined> {
  const canvas = await loadCanvas();
  if (!canvas) return undefined;
  try {
    const surface = canvas.createCanvas(CARD_WIDTH, CARD_HEIGHT);
    const ctx = surface.getContext('2d');
    ctx.direction = 'ltr';
    ctx.fillStyle = COLORS.background;
    ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
    paint(ctx);
    // Encoded off the main thread: other requests go on meanwhile.
    const png = await surface.encode('png');
    return { type: 'image', name, alt: cutText(cardText(alt), ALT_MAX, '…'), width: CARD_WIDTH, height: CARD_HEIGHT, png };
  } catch (error) {
    log().warn({ err: error, card: name }, 'could not draw a card; the reply goes without it');
    return undefined;
  }
}

/** Text as a card shows it: no control, zero-width or bidi control characters, whitespace folded to single spaces. */
export const cardText = (text: string): string => cleanText(text);

/** The longest a name (of a person or a group) is said in alt text, so the rest of it still fits. */
const ALT_NAME_MAX = 60;

/** A name as alt text says it: plain, and cut to ALT_NAME_MAX characters. */
export const altName = (name: string): string => cutText(cardText(name), ALT_NAME_MAX, '…');

/** `name` as a file name: lower-case letters, digits and `-` (a hash when nothing is left). */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || createHash('sha256').update(text).digest('hex').slice(0, 12);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: string;
  align?: 'left' | 'right' | 'center';
}

export const font = (style: Pick<TextStyle, 'size' | 'bold'>): string => `${style.bold ? 'bold ' : ''}${style.size}px "${FONT_FAMILY}"`;

/**
 * `text` cut (between characters) with an ellipsis so that, in the context's current font, it
 * is at most `maxWidth` wide; the whole text when it fits.
 */
export function fitText(ctx: Ctx, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${parts.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const cut = `${parts.slice(0, lo).join('').trimEnd()}${ELLIPSIS}`;
  return ctx.measureText(cut).width <= maxWidth ? cut : '';
}

/**
 * Draws plain text on the baseline at y, cut to `maxWidth` (from x to the right, or to the left
 * of x when right-aligned). Returns what was drawn.
 */
export function drawText(ctx: Ctx, text: string, x: number, y: number, maxWidth: number, style: TextStyle): string {
  ctx.font = font(style);
  ctx.fillStyle = style.color;
  ctx.textAlign = style.align ?? 'left';
  ctx.textBaseline = 'alphabetic';
  const shown = fitText(ctx, cardText(text), Math.max(0, maxWidth));
  if (shown) ctx.fillText(shown, x, y);
  return shown;
}

/** The width `text` takes in a style. */
export function textWidth(ctx: Ctx, text: string, style: Pick<TextStyle, 'size' | 'bold'>): number {
  ctx.font = font(style);
  return ctx.measureText(text).width;
}

/** A horizontal bar: its track, and the part `share` (0..1) filled. */
export function drawBar(ctx: Ctx, x: number, y: number, width: number, height: number, share: number, color: string): void {
  const r = height / 2;
  ctx.fillStyle = COLORS.line;
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, r);
  ctx.fill();
  const filled = Math.max(0, Math.min(1, share)) * width;
  if (filled > 0) {
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(x, y, Math.max(filled, height), height, r);
    ctx.fill();
  }
}

/** A rounded label: white text on a colour, at most `maxWidth` wide. Returns its width. */
export function drawPill(ctx: Ctx, text: string, x: number, baseline: number, maxWidth: number, color: string, size = 15): number {
  const pad = 10;
  ctx.font = font({ size, bold: true });
  const shown = fitText(ctx, cardText(text), maxWidth - 2 * pad);
  const width = ctx.measureText(shown).width + 2 * pad;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.roundRect(x, baseline - size - 4, width, size + 12, (size + 12) / 2);
  ctx.fill();
  ctx.fillStyle = COLORS.white;
  ctx.textAlign = 'left';
  ctx.fillText(shown, x + pad, baseline);
  return width;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** YYYY-MM-DD as "1 Jun 2027". */
export function dayText(day: string): string {
  const m = day.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

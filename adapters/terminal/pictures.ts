// Pictures in the terminal and the devpath command: a terminal cannot show a PNG, so each picture
// of a reply is written to a file, DATA_DIR/cards/<name> (a progress card is overwritten by the
// next one of the same person), and its path is printed. The name comes from the core but is
// made safe again here: only letters, digits, `-`, `_` and `.`, no leading dot, and the file is
// always directly inside that folder. `--json` lists each picture's path, alt text and size,
// never its bytes.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { log } from '../../src/log.js';
import type { Node, Reply } from '../../src/reply.js';
import type { SavedPictures } from './render.js';

/** The folder under DATA_DIR where pictures are written. */
export const PICTURES_FOLDER = 'cards';
const NAME_MAX = 80;

/** A picture's name as a file name that stays in its folder: `progress-alice.png`, never `../x`. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let safe = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, NAME_MAX);
  if (!safe.toLowerCase().endsWith('.png')) safe = `${safe.replace(/\.+$/, '') || 'picture'}.png`;
  return safe;
}

/** The path of a picture named `name` under dataDir's pictures folder; throws if it would land anywhere else. */
export function picturePath(dataDir: string, name: string): string {
  const folder = resolve(dataDir, PICTURES_FOLDER);
  const path = resolve(folder, safeFileName(name));
  const rel = relative(folder, path);
  if (!rel || rel.startsWith('..') || rel.includes(sep) || dirname(path) !== folder) throw new Error(`refusing to write the picture ${JSON.stringify(name)} outside ${folder}`);
  return path;
}

/**
 * Writes each picture of the reply under dataDir (whole or not at all: a temporary file renamed
 * into place). A picture that cannot be written (a read-only folder) is reported, not thrown: the
 * answer is printed anyway.
 */
export async function savePictures(reply: Reply, dataDir: string | undefined): Promise<SavedPictures> {
  const saved = new Map<Node, { path: string } | { error: string }>();
  const pictures = reply.card.children.filter((n): n is Extract<Node, { type: 'image' }> => n.type === 'image');
  if (!pictures.length || dataDir === undefined) return saved;
  for (const picture of pictures) {
    let temp: string | undefined;
    try {
      const path = picturePath(dataDir, picture.name);
      await mkdir(dirname(path), { recursive: true });
      temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      // `wx`: never through a file (or link) already there.
      await writeFile(temp, picture.png, { flag: 'wx' });
      await rename(temp, path);
      temp = undefined;
      saved.set(picture, { path });
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      // The answer says so next to the picture's alt text: for the log, a detail.
      log().debug({ err: error, picture: picture.name }, 'could not save a picture');
      saved.set(picture, { error: why });
      if (temp) await rm(temp, { force: true }).catch(() => undefined);
    }
  }
  return saved;
}

/** The reply as `devpath --json` prints it: each picture as its path, alt text and size, never its bytes. */
export function jsonReply(full: Reply, saved: SavedPictures): unknown {
  // `brief` is the core's working material for the short form, not part of the answer.
  const { brief: _brief, ...reply } = full;
  if (!reply.card.children.some((n) => n.type === 'image')) return reply;
  const children = reply.card.children.map((n) => {
    if (n.type !== 'image') return n;
    const where = saved.get(n);
    return { type: 'image', name: n.name, alt: n.alt, width: n.width, height: n.height, ...(where ?? {}) };
  });
  return { ...reply, card: { ...reply.card, children } };
}

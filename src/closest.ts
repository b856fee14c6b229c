// "Did you mean": the names closest to what someone typed, by fuse.js over short strings. One
// helper for commands, subcommands, users and groups, so they all guess the same way.
import Fuse from 'fuse.js';
import { cleanText } from './options.js';

export function closestNames(names: readonly string[], text: string, count = 3, threshold = 0.5): string[] {
  if (!names.length) return [];
  return new Fuse(names, { threshold, ignoreLocation: true })
    .search(cleanText(text).slice(0, 60))
    .slice(0, count)
    .map((r) => r.item);
}

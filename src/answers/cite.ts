// How facts name their sources. Every statement the bot makes goes through here, so no fact
// reaches a user without the article it came from.
import type { Services } from '../command.js';
import type { Item, Salary } from '../knowledge/schema.js';
import type { SourceRef } from '../reply.js';

export function sourceRef(services: Services, id: string): SourceRef {
  const s = services.sources.get(id);
  return s ? { id: s.id, short: s.short, title: s.title } : { id, short: id, title: id };
}

export function sourceRefs(services: Services, ids: Iterable<string>): SourceRef[] {
  return [...new Set(ids)].map((id) => sourceRef(services, id));
}

/** "text (Indeed)" */
export function cite(services: Services, item: Item): string {
  return `${item.text} (${sourceRef(services, item.source).short})`;
}

export const citeAll = (services: Services, items: Item[]) => items.map((i) => cite(services, i));

/** Short items several articles share ("Node.js"), each once with all its sources: "Node.js (Spotlight; Guide)". */
export function citeMerged(services: Services, items: Item[]): string[] {
  const bySame = new Map<string, { text: string; sources: string[] }>();
  for (const i of items) {
    const key = i.text.trim().toLowerCase();
    const seen = bySame.get(key);
    if (seen) {
      if (!seen.sources.includes(i.source)) seen.sources.push(i.source);
    } else bySame.set(key, { text: i.text, sources: [i.source] });
  }
  return [...bySame.values()].map((m) => `${m.text} (${m.sources.map((id) => sourceRef(services, id).short).join('; ')})`);
}

export const itemSources = (items: Item[]) => items.map((i) => i.source);

/** "Career Karma, citing PayScale" or just "Indeed". */
export function attribution(services: Services, source: string, credited?: string): string {
  const short = sourceRef(services, source).short;
  // An article quoting its own publisher's data ("Indeed" on Indeed) is not a second source.
  return credited && !credited.toLowerCase().startsWith(short.toLowerCase()) ? `${credited}, cited by ${short}` : short;
}

export function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US')}`;
}

/** Several figures in one line, each with its source: "average $124,303 (Indeed); median $132K (...)". */
export function salariesInLine(services: Services, figures: readonly Salary[]): string {
  return figures.map((s) => `${s.measure} ${s.approximate ? 'around ' : ''}${s.quoted} (${attribution(services, s.source, s.attribution)})`).join('; ');
}

/** "$61,042 a year (around; PayScale, cited by Career Karma)", the article's own figure. */
export function salaryLine(services: Services, s: Salary): string {
  const hedge = s.approximate ? 'around ' : '';
  return `${hedge}${s.quoted} a year (${attribution(services, s.source, s.attribution)})`;
}

// Fidelity: the knowledge base must say only what its articles say. Every figure and every
// number in every item is looked up in the text of the article it cites (shared/seeds, next to
// the repo). On a clone without that folder the whole suite is skipped with a note.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../src/knowledge/load.js';
import { FILES, type FileName } from '../src/knowledge/schema.js';

const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const haveSeeds = existsSync(SEEDS);
if (!haveSeeds) console.warn(`knowledge-fidelity: skipped, the article texts are not at ${SEEDS} (they ship only with the project workspace)`);

type Entry = Record<string, unknown>;
interface FoundItem {
  where: string;
  text: string;
  source: string;
}

/** Curly quotes, odd dashes and runs of whitespace compare equal to their plain forms. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digit runs, keeping thousands separators ("25,500") and decimals ("2.5") in one number. */
function numbersIn(text: string): string[] {
  return normalise(text).match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? [];
}

/** The numbers in `text` that `seed` never mentions. */
function numbersMissing(text: string, seed: string): string[] {
  const known = new Set(numbersIn(seed));
  return numbersIn(text).filter((n) => !known.has(n));
}

/** "$101K" -> 101000, "$61,042" -> 61042, "13 percent" -> 13, "13%" -> 13; NaN if it is no figure. */
function parseFigure(quoted: string): number {
  const m = normalise(quoted).match(/^\$?\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*([KkMm]|%|percent)?$/);
  if (!m) return Number.NaN;
  const value = Number(m[1]!.replace(/,/g, ''));
  const unit = m[2]?.toLowerCase();
  return unit === 'k' ? value * 1_000 : unit === 'm' ? value * 1_000_000 : value;
}

/** Ranges compare equal however the article spaces its dashes ("1- 3 years" = "1-3 years"). */
const tight = (text: string) => normalise(text).replace(/\s*-\s*/g, '-').toLowerCase();

/** Every { text, source } object anywhere in a file, with a path such as roles."backend-developer".duties.3. */
function itemsIn(value: unknown, where: string, out: FoundItem[] = []): FoundItem[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      const id = v && typeof v === 'object' && typeof (v as Entry).id === 'string' ? `"${String((v as Entry).id)}"` : String(i);
      itemsIn(v, `${where}.${id}`, out);
    });
  } else if (value && typeof value === 'object') {
    const o = value as Entry;
    if (typeof o.text === 'string' && typeof o.source === 'string') out.push({ where, text: o.text, source: o.source });
    else for (const [k, v] of Object.entries(o)) itemsIn(v, `${where}.${k}`, out);
  }
  return out;
}

function readKnowledge(file: FileName): Entry[] | undefined {
  const path = join(KNOWLEDGE_DIR, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Entry[]) : undefined;
}

describe.skipIf(!haveSeeds)('knowledge fidelity to the source articles', () => {
  const sources = readKnowledge('sources.json') ?? [];
  const seedPath = (id: string) => {
    const seed = sources.find((s) => s.id === id)?.seed;
    return typeof seed === 'string' ? join(SEEDS, seed) : undefined;
  };
  const seedTexts = new Map<string, string>();
  const seedText = (id: string): string | undefined => {
    if (!seedTexts.has(id)) {
      const path = seedPath(id);
      if (!path || !existsSync(path)) return undefined;
      seedTexts.set(id, normalise(readFileSync(path, 'utf8')));
    }
    return seedTexts.get(id);
  };

  const present = (Object.keys(FILES) as FileName[]).filter((f) => f !== 'sources.json' && readKnowledge(f));
  const absent = (Object.keys(FILES) as FileName[]).filter((f) => !readKnowledge(f));
  if (absent.length) console.warn(`knowledge-fidelity: not checking missing files: ${absent.join(', ')}`);

  it('has a seed file for every source', () => {
    expect(sources.length).toBeGreaterThan(0);
    const missing = sources.filter((s) => !seedText(String(s.id))).map((s) => `${String(s.id)}: ${String(s.seed)}`);
    expect(missing).toEqual([]);
  });

  it('catches a number or a quote that is not in the article (self-check)', () => {
    const indeed = seedText('indeed')!;
    expect(numbersMissing('The average is $124,303 a year.', indeed)).toEqual([]);
    expect(numbersMissing('The average is $124,304 a year.', indeed)).toEqual(['124,304']);
    expect(numbersMissing('About 25,500 jobs', 'There will be 25,500 new jobs.')).toEqual([]);
    expect(numbersMissing('About 25,500 jobs', 'There will be 25 new jobs, 500 later.')).toEqual(['25,500']);
    expect(indeed.includes(normalise('$124,303'))).toBe(true);
    expect(indeed.includes(normalise('$124,000'))).toBe(false);
    expect(normalise('It\u2019s \u201Cbehind\u00A0the   scenes\u201D')).toBe('It\'s "behind the scenes"');
    expect([parseFigure('$101K'), parseFigure('$61,042'), parseFigure('13 percent'), parseFigure('13%'), parseFigure('lots')])
      .toEqual([101000, 61042, 13, 13, Number.NaN]);
  });

  /**
   * Checks that an entry's `quoted` figure is in its article and equals its `field`; returns the
   * article's text for further checks, or undefined (with the problem noted) when there is none.
   */
  const checkQuoted = (e: Entry, field: string, problems: string[]): string | undefined => {
    const id = String(e.id);
    const seed = seedText(String(e.source));
    if (!seed) {
      problems.push(`${id}: no seed text for source "${String(e.source)}"`);
      return undefined;
    }
    const quoted = String(e.quoted);
    if (!seed.includes(normalise(quoted))) problems.push(`${id}: quoted "${quoted}" is not in the ${String(e.source)} article`);
    if (parseFigure(quoted) !== e[field]) problems.push(`${id}: ${field} ${String(e[field])} does not match quoted "${quoted}"`);
    return seed;
  };

  it('quotes every salary figure as its article writes it, with the matching amount', () => {
    const problems: string[] = [];
    for (const s of readKnowledge('salaries.json') ?? []) {
      const id = String(s.id);
      const seed = checkQuoted(s, 'amount', problems);
      if (!seed) continue;
      if (typeof s.years === 'string' && !tight(seed).includes(tight(s.years))) {
        problems.push(`${id}: years "${s.years}" is not in the ${String(s.source)} article`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("shows as a role's other job titles only names its article lists, word for word", () => {
    const problems: string[] = [];
    for (const r of readKnowledge('roles.json') ?? []) {
      const titles = r.titles as { names: string[]; source: string } | undefined;
      if (!titles) continue;
      const seed = seedText(titles.source);
      for (const name of titles.names) if (!seed?.includes(normalise(name))) problems.push(`${String(r.id)}: "${name}" is not in the ${titles.source} article`);
    }
    expect(problems).toEqual([]);
  });

  it('quotes every outlook figure as its article writes it, with matching numbers', () => {
    const problems: string[] = [];
    for (const o of readKnowledge('outlook.json') ?? []) {
      const id = String(o.id);
      const seed = checkQuoted(o, 'growthPercent', problems);
      if (!seed) continue;
      const seedNumbers = new Set(numbersIn(seed));
      if (!seedNumbers.has(String(o.horizonYear))) problems.push(`${id}: horizonYear ${String(o.horizonYear)} is not in the article`);
      if (typeof o.newJobs === 'number') {
        const written = [String(o.newJobs), o.newJobs.toLocaleString('en-US')];
        if (!written.some((n) => seedNumbers.has(n))) problems.push(`${id}: newJobs ${String(o.newJobs)} is not in the article`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(present)('%s: every number in every item appears in the article it cites', (file) => {
    const problems: string[] = [];
    const data = readKnowledge(file)!;
    for (const item of itemsIn(data, file.replace(/\.json$/, ''))) {
      const seed = seedText(item.source);
      if (!seed) {
        problems.push(`${item.where}: no seed text for source "${item.source}"`);
        continue;
      }
      const missing = numbersMissing(item.text, seed);
      if (missing.length) problems.push(`${item.where} (${item.source}): ${missing.join(', ')} not in the article: "${item.text}"`);
    }
    expect(problems).toEqual([]);
  });
});

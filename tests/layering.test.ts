// The shape of the house (../shared/ARCHITECTURE.md): arrows point one way, adapters -> src ->
// knowledge; the core imports nothing from adapters/ and no platform library, and names no door
// (a door declares its own variables and names itself); and no two files import each other,
// directly or round a longer loop.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Each file's relative imports (the .js specifiers, resolved to their .ts sources) and its packages. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm), ...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]!);
  return {
    local: specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts'))),
    packages: specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
  };
}

/**
 * Platform knowledge in a file: a DISCORD_ or SLACK_ variable (even in a comment), or a door's
 * name as a string literal ('discord', "Slack", `slack`) or as an object key (`discord: ...`).
 * Prose about Discord or Slack in comments is fine. Each hit is "line: text".
 */
const DOOR_KNOWLEDGE = [/\b(?:DISCORD|SLACK)_[A-Z]/, /(['"`])(?:discord|slack)\1/i, /(?:^|[{,]\s*)(?:discord|slack)\s*:/];
/**
 * History that must stay as it was: version 3 of the PostgreSQL schema listed the doors it knew, and
 * an applied migration is never edited (version 4 lifts the list). Only this exact text is let through.
 */
const FROZEN: Record<string, string> = { 'src/store/postgres/migrations.ts': `CHECK (door IN ('terminal', 'discord', 'slack'))` };

function doorNames(file: string): string[] {
  const frozen = FROZEN[relative(root, file).split('\\').join('/')];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: frozen ? line.replace(frozen, '') : line, n: i + 1 }))
    .filter(({ line }) => DOOR_KNOWLEDGE.some((pattern) => pattern.test(line)))
    .map(({ line, n }) => `${n}: ${line.trim()}`);
}

const all = [...files(join(root, 'src')), ...files(join(root, 'adapters'))];
const graph = new Map(all.map((f) => [f, importsOf(f)]));

describe('layering', () => {
  it('the core imports nothing from adapters/ and no platform library', () => {
    const wrong = [...graph]
      .filter(([f]) => f.startsWith(join(root, 'src')))
      .flatMap(([f, { local, packages }]) => [
        ...local.filter((l) => l.startsWith(join(root, 'adapters'))).map((l) => `${relative(root, f)} -> ${relative(root, l)}`),
        ...packages.filter((p) => /discord|slack|bolt/.test(p)).map((p) => `${relative(root, f)} -> ${p}`),
      ]);
    expect(wrong).toEqual([]);
  });

  it('the core names no door: no DISCORD_/SLACK_ variable, no door name as a string or an object key', () => {
    const wrong = files(join(root, 'src')).flatMap((f) => doorNames(f).map((hit) => `${relative(root, f)}:${hit}`));
    expect(wrong).toEqual([]);
  });

  it('that check finds the doors in adapters/, where they belong (so it is looking)', () => {
    const found = (file: string) => doorNames(join(root, file));
    expect(found('adapters/discord/config.ts').some((hit) => hit.includes('DISCORD_TOKEN'))).toBe(true);
    expect(found('adapters/slack/config.ts').some((hit) => hit.includes('SLACK_BOT_TOKEN'))).toBe(true);
    expect(found('adapters/discord/deliver.ts').some((hit) => hit.includes("'discord'"))).toBe(true);
    expect(found('adapters/slack/deliver.ts').some((hit) => hit.includes("'slack'"))).toBe(true);
  });

  it('no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(root, p)).join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const next of graph.get(f)?.local ?? []) if (graph.has(next)) walk(next, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) walk(f, []);
    expect(cycles).toEqual([]);
  });
});

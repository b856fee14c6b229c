// The shape of the house (../shared/ARCHITECTURE.md): arrows point one way, adapters -> src ->
// knowledge; the core imports nothing from adapters/ and no platform library; and no two files
// import each other, directly or round a longer loop.
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

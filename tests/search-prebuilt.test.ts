// The prebuilt search index (dist/search-index.json, saved by `npm run build`): a search loaded
// from it answers exactly as one built from scratch, and it is used only for the knowledge and the
// code it was built from, so a stale or broken file costs time, never a wrong answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/load.js';
import { buildDocuments } from '../src/search/documents.js';
import { createSearch, prebuild } from '../src/search/index.js';
import { examplesOf } from '../src/search/rerank.js';
import { loadPrebuilt } from '../src/search/prebuilt.js';

const kb = loadKnowledge();
const saved = prebuild(kb);
const dir = mkdtempSync(join(tmpdir(), 'devpath-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUESTIONS = [
  'how much do junior backend devs make',
  'do i need a degree',
  'whats owasp',
  'bootcamp or college??',
  'what does a dba do',
  'is k8s needed',
  'how do i become a registered pharmacist',
  'which certs are worth it for server side people',
  'salery for seniors',
  'what comes after databases',
];

describe('the prebuilt search index', () => {
  it('holds the terms of every example question, so a one-shot question analyses none of them', () => {
    const texts = new Set(saved.terms.map(([text]) => text));
    const missing = buildDocuments(kb).flatMap((d) => examplesOf(d)).filter((e) => !texts.has(e));
    expect(missing).toEqual([]);
  });

  it('answers every question exactly as an index built from scratch', () => {
    const fresh = createSearch(kb, { prebuilt: false });
    const loaded = createSearch(kb, { prebuilt: saved });
    for (const q of QUESTIONS) {
      const [a, b] = [fresh.ask(q), loaded.ask(q)];
      expect(b.hits.map((h) => [h.doc.ref, h.score]), q).toEqual(a.hits.map((h) => [h.doc.ref, h.score]));
      expect(b.decision.kind, q).toBe(a.decision.kind);
    }
  });

  it('is not used for other knowledge: a new example question counts at once', () => {
    const edited = structuredClone(kb);
    edited.questions.find((q) => q.id === 'networking')!.asks.push('zyxwv meetups quorble');
    const search = createSearch(edited, { prebuilt: saved });
    expect(search.ask('zyxwv quorble').hits[0]?.doc.ref).toBe('question:networking');
  });

  it('is read from its file only when the key matches, and a broken file is ignored', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(saved));
    expect(loadPrebuilt(kb, good)?.key).toBe(saved.key);
    const stale = join(dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({ ...saved, key: 'another knowledge base' }));
    expect(loadPrebuilt(kb, stale)).toBeUndefined();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(saved).slice(0, 1000));
    expect(loadPrebuilt(kb, broken)).toBeUndefined();
    expect(loadPrebuilt(kb, join(dir, 'missing.json'))).toBeUndefined();
  });
});

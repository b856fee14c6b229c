// `npm run build` runs this after compiling: it builds the search index for the knowledge base in
// knowledge/ and saves it in dist/search-index.json (see prebuilt.ts), written whole or not at all.
import { renameSync, writeFileSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/load.js';
import { prebuild } from './index.js';
import { prebuiltPath } from './prebuilt.js';

const path = prebuiltPath();
const saved = prebuild(loadKnowledge());
writeFileSync(`${path}.tmp`, JSON.stringify(saved));
renameSync(`${path}.tmp`, path);
console.log(`devpath: saved the search index (${saved.terms.length} texts) in ${path}`);

// `npm run bench:dev`: the development set's figures and every miss, to read while improving the
// data or a stage. Development set only: the blind set's misses are never printed anywhere.
import { Bot } from '../src/bot.js';
import { botAnswerer, gradeFacts, loadFactSet, pct } from './facts.js';

const name = (['dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23', 'dev24', 'dev25', 'dev26', 'dev27', 'dev28', 'dev29', 'dev30', 'dev31', 'dev32', 'dev33', 'dev34', 'dev35', 'dev36', 'dev37', 'dev38', 'dev39'] as const).find((n) => process.argv.includes(`--set=${n}`)) ?? 'dev';
const g = await gradeFacts(botAnswerer(new Bot({ logError: () => {} })), loadFactSet(name));
console.log(`casual ${pct(g.casual)} (wrong ${g.casual.wrong})`);
console.log(`hard ${pct(g.hard)} (wrong ${g.hard.wrong})`);
console.log(`out of scope refused ${pct(g.outOfScope)}`);
console.log(`follow-ups ${pct(g.conversations)} (wrong ${g.conversations.wrong})`);
for (const m of g.misses) console.log(`${m.style}\t${m.answered ? 'WRONG' : 'refused'}\t${m.q}\t-> ${m.got}`);

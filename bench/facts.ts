// Fact-graded question sets, scored as a user scores a reply: it passes when the bot answered and
// the reply states every fact the question asks for; an out-of-scope question passes when the bot
// says it does not know, and so does a follow-up marked out of scope ("and in the UK?").
// Conversations are graded on their last turn, asked after the others by the same person in the
// same place. Shared by `npm run bench` and tests/search-quality.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compose } from '../src/answers/compose.js';
import type { Bot } from '../src/bot.js';
import type { Context, Services } from '../src/command.js';
import type { SalaryLevel } from '../src/knowledge/schema.js';
import { packageRoot } from '../src/paths.js';
import { nodeToPlainText, withoutActions, type Reply } from '../src/reply.js';

export interface FactQuestion {
  q: string;
  style: 'casual' | 'hard' | 'out-of-scope';
  /** Each fact is a list of spellings; the reply must contain one spelling of every fact. */
  facts: string[][];
}

export interface Conversation {
  turns: string[];
  facts: string[][];
  /** The last turn asks what the articles do not say ("and in the UK?"): it passes when refused. */
  outOfScope?: boolean;
}

export interface FactSet {
  questions: FactQuestion[];
  conversations: Conversation[];
}

/**
 * - dev.json: written blind from the four articles by a helper; read and tuned against.
 * - dev-2.json: a second development set written the same way later; scored once untouched (the
 *   figure is in the README), then read and tuned against too.
 * - blind-c.json: written blind from the four articles alone by another helper, never read: the
 *   bench printed only its counts, once, for the figure reported before the raw-word feature.
 * - blind-d.json: a fresh set written the same way later, never read; scored once (counts only)
 *   for the figure reported in stop 15. Spent: a second score would be a second look.
 * - dev-3.json: a third development set, written blind from the articles; read and tuned against.
 * - dev-4.json: 70 follow-up conversations only, written blind from the articles; read and tuned
 *   against (scored once untouched first: 54 of 70).
 * - blind-e.json: written blind from the articles alone, never read; `npm run bench:blind` scored
 *   it once (counts only) for the figure in the README (stop 18). Spent too.
 * - blind-f.json: written the same way (stop 18), never read; scored once (counts only) for the
 *   figure in stop 19. Spent.
 * - dev-5.json: a fifth development set (stop 20), written blind from the articles by a helper;
 *   scored once untouched (the figure is in the README), then read and tuned against.
 * - blind-g.json: written blind from the articles alone by another helper at the same time
 *   (stop 20), never read; scored once (counts only) for the figure in stop 20. Spent.
 * - dev-6.json: a sixth development set (stop 21), written blind from the articles by a helper;
 *   scored once untouched (the figure is in the README), then read and tuned against.
 * - blind-h.json: written blind from the articles alone by another helper at the same time
 *   (stop 21), never read; scored once (counts only) for the figure in stop 21. Spent.
 * - dev-7.json: a seventh development set (stop 22), written blind from the articles by a helper;
 *   scored once untouched (casual 87, hard 73, 28/30 refused, 32/40 follow-ups, 22 wrong), then
 *   read and tuned against.
 * - blind-i.json: written blind from the articles alone by another helper at the same time
 *   (stop 22), never read; `npm run bench:blind` scored it once (counts only, on 99f491f) for the
 *   figure in the README. Spent.
 * - dev-8.json: an eighth development set (stop 23), written blind from the articles by a helper;
 *   scored once untouched (casual 88, hard 62, 25/30 refused, 34/40 follow-ups, 37 wrong), then
 *   read and tuned against.
 * - blind-j.json: written blind from the articles alone by another helper at the same time
 *   (stop 23), never read; `npm run bench:blind` scored it once (counts only). Spent.
 * - dev-9.json: a ninth development set (stop 24), written blind from the articles by a helper;
 *   scored once untouched on 4a0be1b (casual 92, hard 76, 28/30 refused, 32/40 follow-ups, 20
 *   wrong), then read and tuned against.
 * - blind-k.json: written blind from the articles alone by another helper at the same time
 *   (stop 24), never read; `npm run bench:blind` scored it once (counts only, on 03156d8) for the
 *   figure in the README. Spent.
 * - dev-10.json: a tenth development set (stop 24), written blind from the articles by a helper
 *   midway through that work; scored once untouched on 4a0be1b (casual 90, hard 71, 25/30 refused,
 *   30/40 follow-ups, 22 wrong) and on a0aa76f, midway (92, 81, 26/30, 33/40, 18 wrong), then read and
 *   tuned against.
 * - dev-11.json: an eleventh development set (stop 25), written blind from the articles by a
 *   helper; scored once untouched (the figure is in the README), then read and tuned against.
 * - blind-l.json: written blind from the articles alone by another helper at the same time
 *   (stop 25), never read; `npm run bench:blind` scored it once (counts only, on 76a93bb) for the
 *   figure in the README. Spent.
 * - dev-11.json: scored untouched on 2497aff (casual 92, hard 72, 26/30 refused, 31/40
 *   follow-ups, 33 wrong) before it was read.
 * - dev-12.json: a twelfth development set (stop 26), written blind from the articles by a
 *   helper; scored once untouched on c71c42e (casual 92, hard 85, 26/30 refused, 31/40
 *   follow-ups, 25 wrong; short answers), then read and tuned against.
 * - blind-m.json: written blind from the articles alone by another helper at the same time
 *   (stop 26), copied in without being opened; `npm run bench:blind` scored it once (counts only,
 *   on 181fd58) for the figure in the README. Spent.
 * - dev-13.json: a thirteenth development set (stop 27), written blind from the articles by a
 *   helper told to stress the hardest paraphrases; scored once untouched on 15971b3 (casual 91,
 *   hard 81, 29/30 refused, 34/40 follow-ups, 30 wrong; short answers), then read and tuned against.
 * - blind-n.json: written blind from the articles alone by another helper at the same time
 *   (stop 27), copied in without being opened; `npm run bench:blind` scored it once (counts only,
 *   on 2c4fae7) for the figure in the README. Spent.
 * - dev-14.json: a fourteenth development set (stop 28), written blind from the articles by a
 *   helper told to stress the hardest paraphrases; scored once untouched on d0f625b (casual 89,
 *   hard 76, 28/30 refused, 34/40 follow-ups, 27 wrong; short answers), then read and tuned against.
 * - blind-o.json: written blind from the articles alone by another helper at the same time
 *   (stop 28), copied in without being opened; `npm run bench:blind` scored it once (counts only,
 *   on 5aca126) for the figure in the README. Spent.
 * - dev-15.json: a fifteenth development set (stop 29), written blind from the articles by a
 *   helper told to stress the hardest paraphrases; scored once untouched on c20652a (casual 96,
 *   hard 71, 28/30 refused, 35/40 follow-ups, 21 wrong; short answers), then read and tuned against.
 * - blind-p.json: written blind from the articles alone by another helper at the same time
 *   (stop 29), copied in without being opened; `npm run bench:blind` scored it once (counts only,
 *   on 83b0d07) for the figure in the README. Spent.
 * - dev-16.json: a sixteenth development set (stop 30), written blind from the articles by a
 *   helper; scored once untouched on 727d855 (casual 98, hard 84, 27/30 refused, 36/40
 *   follow-ups, 17 wrong; short answers), then read and tuned against.
 * - blind-q.json: written blind from the articles alone by another helper at the same time
 *   (stop 30), copied in without being opened; `npm run bench:blind` scored it once (counts only)
 *   on 2ba4455) for a figure in the README. Spent.
 * - dev-17.json: a seventeenth development set (stop 30), written blind from the articles by a
 *   helper after blind-q was scored; scored once untouched on 63cd483 (casual 93, hard 78, 30/30
 *   refused, 39/40 follow-ups, 21 wrong; short answers), then read and tuned against.
 * - blind-r.json: written blind from the articles alone by another helper at the same time
 *   (stop 30), copied in without being opened; `npm run bench:blind` scored it once (counts only)
 *   for the figure in the README, at the end of stop 30. Spent.
 * - dev-18.json: an eighteenth development set (stop 31), written blind from the articles by a
 *   helper; scored once untouched on 499f479 (casual 95, hard 76, 30/30 refused, 33/40
 *   follow-ups, 27 wrong; short answers), then read and tuned against.
 * - blind-s.json: written blind from the articles alone by another helper at the same time
 *   (stop 31), copied in without being opened; `npm run bench:blind` scores it once (counts only)
 *   for the figure in the README, at the end of stop 31. Spent.
 * - dev-19.json: a nineteenth development set (stop 32), written blind from the articles by a
 *   helper; scored once untouched on ff923ea (casual 90, hard 83, 26/30 refused, 36/40
 *   follow-ups, 24 wrong; short answers), then read and tuned against.
 * - blind-t.json: written blind from the articles alone by another helper at the same time
 *   (stop 32), copied in without being opened; `npm run bench:blind` scores it once (counts only)
 *   for the figure in the README, at the end of stop 32. Spent once scored.
 * - dev-20.json: a twentieth development set (stop 33), written blind from the articles by a
 *   helper; scored once untouched on f1c1fda (casual 100, hard 87, 30/30 refused, 38/40
 *   follow-ups, 9 wrong; short answers), then read and tuned against.
 * - blind-u.json: written blind from the articles alone by another helper at the same time
 *   (stop 33), copied in without being opened; `npm run bench:blind` scores it once (counts only)
 *   for the figure in the README, at the end of stop 33. Spent once scored.
 * - dev-21.json: a twenty-first development set (stop 34), written blind from the articles by a
 *   helper told to stress the hardest paraphrases (150 of them); scored once untouched on 08e316f
 *   (casual 79/80, hard 121/150, 30/30 refused, 36/40 follow-ups, 11 wrong; short answers), then
 *   read and tuned against.
 * - blind-v.json: written blind from the articles alone by another helper at the same time
 *   (stop 34), copied in without being opened; `npm run bench:blind` scores it once (counts only)
 *   for the figure in the README, at the end of stop 34. Spent once scored.
 * - dev-22.json: a twenty-second development set (stop 35), written blind from the articles by a
 *   helper told to stress the hardest paraphrases (150 of them); scored once untouched on aa7378b
 *   (casual 76/80, hard 122/150, 30/30 refused, 34/40 follow-ups, 29 wrong; short answers), then
 *   read and tuned against.
 * - blind-w.json: written blind from the articles alone by another helper at the same time
 *   (stop 35), copied in without being opened; `npm run bench:blind` scores it once (counts only)
 *   for the figure in the README, at the end of stop 35. Spent once scored.
 * - dev-23.json: a twenty-third development set (stop 36), written blind from the articles by a
 *   helper (150 hard paraphrases); scored once untouched on e4442a6 (casual 79/80, hard 127/150,
 *   28/30 refused, 39/40 follow-ups, 18 wrong; short answers), then read and tuned against.
 * - dev-24.json: a twenty-fourth development set (stop 36), written blind by another helper later
 *   the same stop (180 hard paraphrases, the articles called by what they are); scored once
 *   untouched on 42a7b28 (casual 56/60, hard 137/180, 28/30 refused, 25/30 follow-ups, 45 wrong;
 *   the session's start, e4442a6, gave 55 / 135 / 28 / 25, 48 wrong), then read and tuned against.
 * - blind-x.json: written blind from the articles alone by another helper at the start of stop
 *   36, copied in without being opened; `npm run bench:blind` scored it once (counts only) for the
 *   figure in the README, at the end of stop 36. Spent.
 * - dev-25.json: a twenty-fifth development set (stop 37), written blind from the articles by a
 *   helper at the same time as blind-y; scored once untouched on daae73e (casual 93/100, hard
 *   79/100, 28/30 refused, 38/40 follow-ups, 20 wrong; short answers), then read and tuned against.
 * - dev-26.json: a twenty-sixth development set (stop 37, 160 hard paraphrases going through every
 *   section of every article), written blind later the same stop; scored once untouched on
 *   5ac4726 (casual 55/60, hard 129/160, 18/20 refused, 28/30 follow-ups, 29 wrong; daae73e gave
 *   the same right and 31 wrong), then read and tuned against.
 * - blind-y.json: written blind from the articles alone by another helper at the start of stop
 *   37, copied in without being opened; `npm run bench:blind` scores it once (counts only) for the
 *   figure in the README, at the end of stop 37. Spent.
 * - dev-27.json: a twenty-seventh development set (stop 38: 80 casual, 140 hard, 40 out of scope,
 *   40 follow-ups), written blind from the articles by a helper at the same time as blind-z;
 *   scored once untouched on 044d51f (casual 79/80, hard 119/140, 36/40 refused, 35/40
 *   follow-ups, 27 wrong; short answers), then read and tuned against.
 * - dev-28.json: a twenty-eighth development set (stop 38: 60 casual, 120 hard asked the way people
 *   who do not know the articles' words ask, 30 out of scope, 40 follow-ups), written blind later
 *   the same stop; scored once untouched on d083124 (casual 59/60, hard 90/120, 25/30 refused,
 *   36/40 follow-ups, 31 wrong), then read and tuned against.
 * - blind-z.json: written blind from the articles alone by another helper at the start of stop
 *   38, copied in without being opened; `npm run bench:blind` scores it once (counts only) for the
 *   figure in the README, at the end of stop 38. Spent.
 * - dev-29.json: a twenty-ninth development set (stop 39: 40 casual, 150 hard asked in a learner's
 *   own words, 40 out of scope, 30 follow-ups), written blind from the articles by a helper; scored
 *   once untouched on 1c4d0ec (casual 39/40, hard 121/150, 38/40 refused, 27/30 follow-ups, 30
 *   wrong), then read and tuned against.
 * - dev-30.json: a thirtieth development set (stop 39: 40 casual, 150 hard mixing everyday words,
 *   long stories, terse lines, yes/no and comparisons, 30 out of scope, 40 follow-ups), written
 *   blind later the same stop; scored once untouched on d1db7ac (casual 36/40, hard 122/150, 27/30
 *   refused, 28/40 follow-ups, 36 wrong), then read and tuned against.
 * - blind-aa.json: written blind from the articles alone by another helper at the start of stop
 *   39, copied in without being opened; `npm run bench:blind` scored it once (counts only, on
 *   6eb89b2) for the figure in the README, at the end of stop 39. Spent.
 * - dev-31.json: a thirty-first development set (stop 40: 30 casual, 60 hard, 30 out of scope and
 *   90 follow-up conversations of pronouns and ellipses), written blind from the articles by a
 *   helper; scored once untouched on cac831b (casual 27/30, hard 49/60, 30/30 refused, 70/90
 *   follow-ups, 21 wrong, as graded once out-of-scope follow-ups pass refused), then read and
 *   tuned against.
 * - dev-32.json: a thirty-second development set (stop 40: 30 casual, 150 hard, 40 out of scope,
 *   30 follow-ups), written blind at the same time; scored once untouched on cac831b (30/30,
 *   130/150, 39/40, 28/30, 15 wrong), then read and tuned against.
 * - blind-ab.json: written blind from the articles alone by another helper at the start of stop
 *   40, copied in without being opened; `npm run bench:blind` scored it once (counts only, on
 *   62445e0) for the figure in the README, at the end of stop 40. Spent.
 * - dev-33.json: a thirty-third development set (stop 40: 20 casual, 80 hard, 20 out of scope, 70
 *   follow-ups), written blind from the articles by a helper later that stop; scored once
 *   untouched on 99abbf6 (19/20, 72/80, 19/20, 58/70, 17 wrong), then read and tuned against.
 * - blind-ac.json: written blind from the articles alone by another helper at the start of stop
 *   42 (100 casual, 100 hard, 30 out of scope, 40 follow-ups), copied in without being opened;
 *   scored once (counts only, on c4914dd) for the figure in the README. Spent. 58 of its 270 lines are word for word
 *   lines of older sets (short casual questions people all type alike), so the bench also prints
 *   its figure on the lines no older set has.
 * - dev-34.json: a thirty-fourth development set (stop 42: 150 hard, 50 out of scope, 40
 *   follow-ups), written blind from the articles by a helper at the same time; scored once
 *   untouched on a9324c7 (129/150, 48/50, 35/40, 19 wrong), then read and tuned against.
 * - dev-35.json: a thirty-fifth development set (stop 42: 120 casual, 30 out of scope, 60
 *   follow-ups), written the same way at the same time; scored once untouched on a9324c7 (108/120,
 *   27/30, 54/60, 18 wrong), then read and tuned against.
 * - blind-ad.json: written blind from the articles alone by another helper at the start of stop
 *   43 (100 casual, 100 hard, 30 out of scope, 40 follow-ups), copied in without being opened;
 *   `npm run bench:blind` scored it once (counts only, on 51caa05) for the figure in the README. Spent.
 * - dev-36.json: a thirty-sixth development set (stop 43: 160 hard, 40 out of scope, 40
 *   follow-ups), written blind from the articles by a helper at the same time; scored once
 *   untouched on 8c51ea5 (132/160, 38/40, 32/40, 32 wrong), then read and tuned against.
 * - dev-37.json: a thirty-seventh development set (stop 43: 100 casual, 60 hard, 30 out of scope,
 *   70 follow-ups), written the same way at the same time; scored once untouched on 8c51ea5
 *   (93/100, 47/60, 29/30, 59/70, 26 wrong), then read and tuned against.
 * - blind-ae.json: written blind from the articles alone by another helper at the start of stop
 *   44 (100 casual, 100 hard, 30 out of scope, 40 follow-ups), copied in without being opened;
 *   `npm run bench:blind` scored it once (counts only, on 74f0cba) for the figure in the README. Spent.
 * - dev-38.json: a thirty-eighth development set (stop 44: 160 hard, 40 out of scope, 40
 *   follow-ups), written blind from the articles by a helper at the same time; scored once
 *   untouched on 36db714 (134/160, 33/40, 34/40, 31 wrong), then read and tuned against.
 * - dev-39.json: a thirty-ninth development set (stop 44: 100 casual, 80 hard, 30 out of scope,
 *   60 follow-ups), written the same way at the same time; scored once untouched on 36db714
 *   (92/100, 65/80, 24/30, 51/60, 29 wrong), then read and tuned against.
 */
export const FACT_SETS = { dev: 'dev.json', dev2: 'dev-2.json', dev3: 'dev-3.json', dev4: 'dev-4.json', blind: 'blind-c.json', blindD: 'blind-d.json', blindE: 'blind-e.json', blindF: 'blind-f.json', dev5: 'dev-5.json', blindG: 'blind-g.json', dev6: 'dev-6.json', blindH: 'blind-h.json', dev7: 'dev-7.json', blindI: 'blind-i.json', dev8: 'dev-8.json', blindJ: 'blind-j.json', dev9: 'dev-9.json', blindK: 'blind-k.json', dev10: 'dev-10.json', dev11: 'dev-11.json', blindL: 'blind-l.json', dev12: 'dev-12.json', blindM: 'blind-m.json', dev13: 'dev-13.json', blindN: 'blind-n.json', dev14: 'dev-14.json', blindO: 'blind-o.json', dev15: 'dev-15.json', blindP: 'blind-p.json', dev16: 'dev-16.json', blindQ: 'blind-q.json', dev17: 'dev-17.json', blindR: 'blind-r.json', dev18: 'dev-18.json', blindS: 'blind-s.json', dev19: 'dev-19.json', blindT: 'blind-t.json', dev20: 'dev-20.json', blindU: 'blind-u.json', dev21: 'dev-21.json', blindV: 'blind-v.json', dev22: 'dev-22.json', blindW: 'blind-w.json', dev23: 'dev-23.json', dev24: 'dev-24.json', blindX: 'blind-x.json', dev25: 'dev-25.json', dev26: 'dev-26.json', blindY: 'blind-y.json', dev27: 'dev-27.json', dev28: 'dev-28.json', blindZ: 'blind-z.json', dev29: 'dev-29.json', dev30: 'dev-30.json', blindAA: 'blind-aa.json', dev31: 'dev-31.json', dev32: 'dev-32.json', blindAB: 'blind-ab.json', dev33: 'dev-33.json', blindAC: 'blind-ac.json', dev34: 'dev-34.json', dev35: 'dev-35.json', blindAD: 'blind-ad.json', dev36: 'dev-36.json', dev37: 'dev-37.json', blindAE: 'blind-ae.json', dev38: 'dev-38.json', dev39: 'dev-39.json' } as const;

export function loadFactSet(name: keyof typeof FACT_SETS): FactSet {
  return JSON.parse(readFileSync(join(packageRoot(), 'bench', 'sets', FACT_SETS[name]), 'utf8')) as FactSet;
}

/** Case, spacing, hyphens and the apostrophe's shape do not matter: "back-end" states "backend", "master's" states "master’s". */
const loose = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\s\-\u2010-\u2015]+/g, '');

/** What the reply says, without its sources line and suggestions (they name topics, not facts). */
export function replyText(r: Reply): string {
  return [r.card.title, ...withoutActions(r.card.children).map(nodeToPlainText)].join('\n');
}

export function states(r: Reply, facts: string[][]): boolean {
  const text = loose(replyText(r));
  return facts.every((spellings) => spellings.some((s) => text.includes(loose(s))));
}

export interface Tally {
  right: number;
  total: number;
  /** Answered, but without the facts asked for: a confident wrong answer. */
  wrong: number;
}

export interface FactGrade {
  casual: Tally;
  hard: Tally;
  outOfScope: Tally;
  conversations: Tally;
  /** Each miss, for the development set only. */
  misses: { q: string; style: string; answered: boolean; got: string }[];
  latencies: number[];
}

const tally = (): Tally => ({ right: 0, total: 0, wrong: 0 });

function contextFor(user: string): Context {
  return { platform: 'terminal', userId: user, userName: user, isModerator: false, communityId: 'bench', channelId: 'bench' };
}

/** Whatever answers a line typed by a user: the bot, or a bare ranker for comparison. */
export type Answerer = (line: string, user: string) => Promise<Reply>;

/** The bot as a user meets it: a line typed in the chat, by one user in one place. */
export function botAnswerer(bot: Bot): Answerer {
  return (line, user) => bot.dispatchText(line, contextFor(user), { fallbackToAsk: true });
}

/** A ranker that picks an entry (or none) for a question, with the bot's cards: for baselines. */
export type EntryRanker = (question: string) => { ref: string; level?: SalaryLevel } | null;

const NO_ANSWER: Reply = { card: { title: "I don't know that yet", children: [] }, text: '', answered: false, sources: [], ephemeral: false };

export function rankerAnswerer(services: Services, rank: EntryRanker): Answerer {
  return async (line) => {
    const got = rank(line);
    return (got && compose(services, got.ref, got.level)) || NO_ANSWER;
  };
}

/** Each grading's own people: one answerer graded on several sets must not read one set's question as a follow-up to another's. */
let gradings = 0;

export async function gradeFacts(answer: Answerer, set: FactSet): Promise<FactGrade> {
  const grade: FactGrade = { casual: tally(), hard: tally(), outOfScope: tally(), conversations: tally(), misses: [], latencies: [] };
  const run = `g${++gradings}`;
  let n = 0;
  const ask = async (q: string, user: string) => {
    const start = process.hrtime.bigint();
    const r = await answer(q, user);
    grade.latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    return r;
  };
  for (const item of set.questions) {
    const r = await ask(item.q, `${run}u${n++}`);
    const t = item.style === 'out-of-scope' ? grade.outOfScope : grade[item.style];
    t.total++;
    const pass = item.style === 'out-of-scope' ? !r.answered : r.answered && states(r, item.facts);
    if (pass) t.right++;
    else {
      if (r.answered) t.wrong++;
      grade.misses.push({ q: item.q, style: item.style, answered: r.answered, got: r.topic ?? r.card.title });
    }
  }
  for (const c of set.conversations) {
    const user = `${run}c${n++}`;
    let last: Reply | undefined;
    for (const turn of c.turns) last = await ask(turn, user);
    grade.conversations.total++;
    // A follow-up marked out of scope ("and in the UK?" after pay) passes when refused.
    const pass = c.outOfScope ? !!last && !last.answered : !!last?.answered && states(last!, c.facts);
    if (pass) grade.conversations.right++;
    else {
      if (last?.answered) grade.conversations.wrong++;
      grade.misses.push({ q: c.turns.join(' / '), style: 'conversation', answered: !!last?.answered, got: last?.topic ?? last?.card.title ?? '' });
    }
  }
  grade.latencies.sort((a, b) => a - b);
  return grade;
}

export const pct = (t: Tally) => (t.total ? `${t.right}/${t.total} (${((100 * t.right) / t.total).toFixed(1)}%)` : 'n/a');

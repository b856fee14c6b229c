// Answer first (issue 12): a long answer comes short, the direct answer in a few lines, with the
// rest behind "more": a More suggestion (a button on Discord and Slack, a numbered line in the
// chat), `more` typed alone, or "tell me more". Read as a newcomer reads it: on an 80x24 terminal.
import { describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import { BRIEF_LINES, fitLines, relevantLines, SCREEN_ROWS, totalLines } from '../src/brief.js';
import { loadFactSet } from '../bench/facts.js';
import type { Context } from '../src/command.js';
import { reply, suggestionsOf, type Node, type Reply } from '../src/reply.js';
import { renderTerminal } from '../adapters/terminal/render.js';
import { embedChars, renderDiscord } from '../adapters/discord/render.js';
import { renderSlack } from '../adapters/slack/render.js';

const bot = new Bot({ logError: (e) => { throw e; } });
const place = (userId = 'u1', channelId = 'c1'): Context => ({ platform: 'test', userId, userName: userId, isModerator: true, communityId: 'g-brief', channelId });
const say = (line: string, ctx = place()) => bot.dispatchText(line, ctx, { fallbackToAsk: true });

/** Rows an answer takes on an 80x24 terminal, the prompt line left free. */
const rows = (r: Reply) => renderTerminal(r, false, 80).split('\n').length;

/** Every fact line of a card: its texts, list items and field values. */
const facts = (r: Reply) => r.card.children.flatMap((n) => (n.type === 'list' ? n.items : n.type === 'text' ? [n.text] : n.type === 'fields' ? n.fields.map((f) => f.value) : []));

/** Long answers: commands, and questions whose entry is long (a role, a step, every figure). */
const LONG = ['role backend', 'compare backend frontend', 'roadmap 6', 'roadmap 1', 'help', 'help group', 'salary', 'learn', 'interview', 'sources', 'tell me about back-end developers', 'tell me about learning apis', 'how much do backend devs make at each level'];

describe('answer first', () => {
  it('shows every long answer short: a command within 22 rows at 80 columns, an answer to a question within the 23 an 80x24 terminal leaves; each ends with what "more" shows, More last', async () => {
    for (const line of LONG) {
      const r = await say(line);
      // A question's answer has the room its frame leaves on the screen (src/brief.ts, answerRoom):
      // its points are picked by the question's words, and a fact behind "more" is a fact not given.
      expect(rows(r), `${line}:\n${renderTerminal(r, false, 80)}`).toBeLessThanOrEqual(r.topic ? SCREEN_ROWS : 22);
      expect(r.text, line).toMatch(/Short answer: "more" shows/);
      expect(suggestionsOf(r).at(-1), line).toEqual({ label: 'More', command: `more ${r.more}` });
    }
  });

  it('reads every answer to the development sets\' questions without scrolling an 80x24 terminal', async () => {
    const questions = (['dev', 'dev2', 'dev3', 'dev5', 'dev6', 'dev7'] as const).flatMap((name) => loadFactSet(name).questions.map((q) => q.q));
    const tall: string[] = [];
    for (const [i, q] of questions.entries()) {
      const r = await say(q, place(`rows${i}`, 'c-rows'));
      if (rows(r) > SCREEN_ROWS) tall.push(`${rows(r)} rows: ${q}`);
    }
    expect(questions.length).toBeGreaterThan(800);
    expect(tall).toEqual([]);
  });

  it('leads with the direct answer: the figures with their sources, what to do and what is next, the yes or no', async () => {
    const role = await say('role backend');
    for (const figure of ['$124,303', '$132K', '$81,161', '$82,326']) expect(role.text).toContain(figure);
    expect(role.text).toMatch(/\$132K \(Back-End Developer Spotlight\)/);
    const step = await say('roadmap 6');
    expect(step.text).toMatch(/What to do:/);
    expect(step.text).toMatch(/Next: step 7/);
    const degree = await say('do i need a degree');
    expect(facts(degree)[0]).toMatch(/^No, not necessarily/);
    // An answer to a question shows the points that hold its words, not only the first ones.
    const tools = await say('which tools do i use to learn apis and web protocols');
    expect(tools.text).toMatch(/Short answer/);
    expect(tools.text).toMatch(/HTTP, HTTPS, REST, and SOAP/);
    // Pay at every level is one line a level: no figure waits behind "more", only the outlook.
    for (const line of ['salary', 'how much do backend devs make']) {
      const pay = await say(line);
      for (const figure of ['$124,303', '$101K', '$61,042', '$72,514', '$75,435', '$95,000', '$83,789', '$167K', '$87,979']) expect(pay.text, line).toContain(figure);
      expect(pay.text, line).toMatch(/Mid-career: around \$95,000 for five to nine years \(PayScale, cited by Career Karma\); \$83,789 for 4-6 years/);
      expect(pay.text, line).toMatch(/never averaged/);
      // The national median comes along: "is that a lot?" is the next question.
      expect(pay.text, line).toMatch(/For comparison, national median salary for all occupations: \$56,310 a year/);
      // With what Career Karma says of it: "how far above the national median is beginner pay?"
      expect(pay.text, line).toMatch(/PayScale's entry-level figure \(\$61,042\) is almost \$5,000 higher\. \(Career Karma\)/);
      expect(pay.text, line).toMatch(/Short answer: "more" shows Job outlook\./);
    }
    // A checklist found by two of its points comes with the rest of it, as the screen has room:
    // the other checks answer "how do I choose" as well, though they share no word with it.
    const choose = await say('how should i choose a computer science program');
    expect(choose.topic).toBe('learning:choosing-a-cs-program');
    for (const check of [/faculty bios/, /alumni/, /job placement/]) expect(choose.text).toMatch(check);
    expect(rows(choose)).toBeLessThanOrEqual(SCREEN_ROWS);
    // A comparison is answered by the point that compares, though it shares no word with it.
    expect((await say('web dev job growth vs other jobs')).text).toMatch(/almost double the average growth rate/);
    const compare = await say('compare backend frontend');
    expect(compare.text).toContain('$124,303');
    expect(compare.text).toContain('$75,310');
  });

  it('runs More as shown and gets the full answer, holding every fact of the short one and more', async () => {
    for (const line of LONG) {
      const short = await say(line);
      const full = await say(suggestionsOf(short).at(-1)!.command);
      expect(full.error, line).toBeUndefined();
      expect(full.card.title, line).toBe(short.card.title);
      expect(suggestionsOf(full).some((s) => s.label === 'More'), line).toBe(false);
      expect(totalLines(full.card.children), line).toBeGreaterThan(BRIEF_LINES);
      // A brief may join figures into one line, led by their heading ("Entry level: ..."), so its
      // facts are checked by their numbers and words.
      const all = [...facts(full), ...full.card.children.flatMap((n) => (n.type === 'section' ? [n.title] : []))].join('\n');
      for (const fact of facts(short)) for (const piece of fact.match(/\$[\d,.]+K?|\b[A-Z][a-z]{4,}\b/g) ?? []) expect(all, `${line}: ${piece}`).toContain(piece);
    }
  });

  it('answers a narrow fact about a role from past its card\'s first points, and More shows it again', async () => {
    // The Netflix point is the 32nd duty and a summary point past the first two of its article;
    // debugging is the 16th duty: the card's lists show their first 8 only.
    expect((await say('role backend')).text).not.toMatch(/Netflix/);
    const short = await say('which streaming app needs lots of backend developers, and how do they debug?', place('u-narrow'));
    expect(short.topic).toBe('role:backend-developer');
    expect(short.text).toMatch(/Netflix/);
    expect(short.text).toMatch(/debug apps/);
    const more = suggestionsOf(short).at(-1)!.command;
    expect(more).toMatch(/^more role:backend-developer \+[a-z0-9,]+$/);
    const full = await say(more, place('u-narrow'));
    expect(full.text).toMatch(/Netflix/);
    expect(full.text).toMatch(/debug apps/);
    // A code no card has (a button older than the knowledge) is left out, not an error.
    const odd = await say('more role:backend-developer +d999,x1', place('u-narrow'));
    expect(odd.card.title).toBe('Back-End Developer');
  });

  it('expands the last short answer of this person in this place only, with "more" or "tell me more"', async () => {
    await say('role backend', place('u1', 'c1'));
    expect((await say('more', place('u2', 'c1'))).card.title).toBe('Nothing to show in full');
    expect((await say('more', place('u1', 'c2'))).card.title).toBe('Nothing to show in full');
    const full = await say('more', place('u1', 'c1'));
    expect(full.card.title).toBe('Back-End Developer');
    expect(full.text).toMatch(/Soft skills:/);
    await say('roadmap 6', place('u3'));
    const told = await say('tell me more', place('u3'));
    expect(told.text).toMatch(/Why:/);
    expect(told.text).toMatch(/Tools:/);
    expect(told.text).not.toMatch(/Short answer/);
  });

  it('expands an answer to a question by its entry, so a follow-up keeps its meaning', async () => {
    const u = place('u4');
    await say('how much do junior backend devs make', u);
    const seniors = await say('and for seniors?', u);
    expect(seniors.more).toBe('salary:backend-developer experienced');
    const full = await say(`more ${seniors.more}`, u);
    expect(full.text).toContain('$167K');
    expect(full.text).not.toContain('$61,042');
    const degree = await say('do i need a degree', u);
    expect(degree.more).toMatch(/^question:/);
    expect((await say(`more ${degree.more}`, u)).text).toMatch(/advanced degree/);
  });

  it('never runs a command that saves, however the line is written, and saves nothing', async () => {
    const u = place('u5');
    for (const line of ['more done 3', 'more /done 5', 'more /devpath done 4', 'more expand /done 12', 'more more done 3', 'more done 3 please', 'more /tip add 4 use a framework please', 'more /group create sneaky']) {
      const r = await say(line, u);
      expect(r.error, line).toBe('refused');
      expect(r.text, line).toMatch(/does not run "(?:done|tip add|group create)", which saves/);
    }
    expect((await say('progress', u)).text).toMatch(/0\/12 steps/);
    expect((await say('tips 4', u)).text).toMatch(/No tips/);
  });

  it('shows a partly covered answer again with what the articles do not cover, and records the question once', async () => {
    const u = place('u7');
    const q = 'How much do backend developers earn in Germany?';
    const first = await say(q, u);
    expect(first.text).toMatch(/only national figures/);
    expect(first.more).toMatch(/^salary:backend-developer.* !place$/);
    // Every level's figures, the caveat first: the short form of the salary card, not its first lines.
    for (const figure of ['$124,303', '$72,514', '$83,789', '$87,979']) expect(first.text).toContain(figure);
    expect(first.text).toMatch(/"more" shows Job outlook\./);
    const full = await say(`more ${first.more}`, u);
    expect(full.text).toMatch(/only national figures/);
    await say('tell me more', u);
    expect((await say('unanswered', u)).text).toMatch(/asked 1 time\b/);
  });

  it('expands what was shown: the same interview question, a step named in a typed invocation, "more about it"', async () => {
    const u = place('u8');
    const asked = await say('interview', u);
    const number = asked.text.match(/Question (\d+) of/)![1];
    expect(asked.more).toBe(`interview ${number}`);
    const invoked = await bot.dispatch({ command: 'roadmap', options: { step: 'learn a framework' } }, u);
    expect(invoked.more).toBe('roadmap --step "learn a framework"');
    expect((await say('more about it', u)).card.title).toBe(invoked.card.title);
    expect((await say(`more ${invoked.more}`, u)).text).toMatch(/Why:/);
  });

  it('keeps a page whole (no tips skipped between pages) and a progress picture in the short form', async () => {
    const u = { ...place('u9'), operator: true }; // no write limit: twelve steps in a row
    for (let i = 0; i < 12; i++) await say(`tip add 4 ${'A long and careful tip about learning one framework well before the next. '.repeat(3)}${i}`, place(`tipper${i}`));
    const page = await say('tips 4', u);
    expect(page.text).not.toMatch(/Short answer/);
    for (let i = 1; i <= 12; i++) await say(`done ${i}`, u);
    const progress = await say('progress', u);
    expect(progress.text).toMatch(/Every step is done/);
    expect(progress.card.children.some((n) => n.type === 'image')).toBe(true);
  });

  it("a More under someone's public progress shows that person's progress, whoever presses it", async () => {
    const ana = { ...place('ana-p', 'c-progress'), operator: true };
    const bo = place('bo-p', 'c-progress');
    for (let i = 1; i <= 9; i++) await say(`done ${i}`, ana);
    for (const who of [ana, bo, place('cy-p', 'c-progress')]) await say(`tip add 10 ${'Find an internship or a freelance gig early, even a small one, and ask for feedback. '.repeat(2)}`, who);
    const shown = await say('progress', ana);
    const more = suggestionsOf(shown).at(-1)!;
    expect(more.label).toBe('More');
    const pressed = await say(more.command, bo);
    expect(pressed.card.title).toBe('Progress of ana-p');
    expect(pressed.text).toMatch(/9\. /);
  });

  it('keeps exports whole and short answers as they are', async () => {
    const u = place('u6');
    expect((await say('roadmap', u)).text).not.toMatch(/Short answer/);
    const exported = await say('export md', u);
    expect(exported.card.children.some((n) => n.type === 'file')).toBe(true);
    expect(exported.text).not.toMatch(/Short answer/);
  });

  it('fits the short form within each platform and offers More as a button', async () => {
    for (const line of LONG) {
      const r = await say(line);
      const discord = renderDiscord(r);
      expect(embedChars(discord.embeds ?? []), line).toBeLessThanOrEqual(6000);
      expect(JSON.stringify(discord.components), line).toMatch(/"label":"More"/);
      const slack = renderSlack(r);
      expect(slack.blocks.length, line).toBeLessThanOrEqual(50);
      expect(JSON.stringify(slack.blocks), line).toMatch(/"text":"More"/);
      // And the full form, behind the button, within the same limits.
      const full = await say(suggestionsOf(r).at(-1)!.command);
      expect(embedChars(renderDiscord(full).embeds ?? []), line).toBeLessThanOrEqual(6000);
      expect(renderSlack(full).blocks.length, line).toBeLessThanOrEqual(50);
    }
  });
});

describe('what a newcomer types that is not a question', () => {
  it('a number alone picks a suggestion, and is not answered as a question', async () => {
    const r = await say('7', place('n1'));
    expect(r.card.title).toBe('Not a suggestion');
    expect(r.topic).toBeUndefined();
  });

  it('a command that saves, with a wrong argument, says what was wrong and is not asked as a question', async () => {
    const u = place('n2');
    const r = await say('tip add 99 hello there', u);
    expect(r.text).toMatch(/no step 99/);
    expect((await say('unanswered', u)).text).not.toMatch(/tip add/);
  });

  it('is never offered what it just ran', async () => {
    for (const line of ['learn certifications', 'roadmap', 'salary', 'help']) {
      const r = await say(line, place('n4'));
      expect(suggestionsOf(r).map((x) => x.command), line).not.toContain(line);
    }
  });

  it('"tell me more" with nothing before it says so, and is not recorded as unanswered', async () => {
    const u = place('n3');
    expect((await say('tell me more', u)).card.title).toBe('Nothing to show in full');
    expect((await say('unanswered', u)).text).not.toMatch(/tell me more/);
  });
});

describe('fitLines', () => {
  const item = (n: number) => `point ${n}`;
  const list = (count: number): Node => ({ type: 'list', items: Array.from({ length: count }, (_, i) => item(i + 1)) });
  it.each([
    ['everything that fits', [{ type: 'text', text: 'a' }, list(3)] as Node[], 5, 2, false, []],
    ['a list cut in the middle, its heading named', [{ type: 'section', title: 'Duties' }, list(20), { type: 'section', title: 'Skills' }, list(2)] as Node[], 5, 2, true, ['Duties', 'Skills']],
    ['a heading never left alone at the end', [list(4), { type: 'section', title: 'Tools' }, { type: 'fields', fields: [{ label: 'a', value: '1' }, { label: 'b', value: '2' }] }] as Node[], 5, 1, true, ['Tools']],
    ['a heading keeps at least one item', [list(5), { type: 'section', title: 'Why' }, list(3)] as Node[], 6, 3, true, ['Why']],
  ])('%s', (_name, nodes, budget, count, cut, left) => {
    const out = fitLines(nodes, budget);
    expect(out.shown).toHaveLength(count);
    expect(out.cut).toBe(cut);
    expect(out.left).toEqual(left);
  });
});

describe('relevantLines', () => {
  const card: Node[] = [
    { type: 'text', text: 'the lead' },
    { type: 'section', title: 'Duties' },
    { type: 'list', items: ['write apis', 'mentor juniors', 'attend conferences'] },
    { type: 'note', text: 'a caveat' },
  ];
  const byWord = (word: string) => (text: string) => (text.includes(word) ? 1 : 0);
  it('a short answer keeps the lead and fills the list it opened', () => {
    const items = relevantLines(card, byWord('mentor')).flatMap((n) => (n.type === 'list' ? n.items : n.type === 'text' ? [n.text] : []));
    expect(items).toEqual(['the lead', 'write apis', 'mentor juniors', 'attend conferences']);
  });
  it('readings keep only the points holding the words: no lead, no rest of the list', () => {
    const out = relevantLines(card, byWord('mentor'), BRIEF_LINES, { lead: false, fill: false });
    expect(out.flatMap((n) => (n.type === 'list' ? n.items : n.type === 'text' ? [n.text] : []))).toEqual(['mentor juniors']);
    expect(relevantLines(card, byWord('salary'), BRIEF_LINES, { lead: false, fill: false })).toEqual([]);
  });
});

describe('lines are counted in display columns, as the terminal wraps them', () => {
  it.each([
    ['ASCII: one column a character', 'a'.repeat(70), 1],
    ['Chinese: two columns a character (70 characters, 140 columns)', '中'.repeat(70), 2],
    ['emoji: two columns each', '🚀'.repeat(50), 2],
    ['combining marks: none', 'e\u0301'.repeat(70), 1],
  ])('%s', (_name, text, count) => {
    expect(totalLines([{ type: 'text', text }])).toBe(count);
    // The terminal's wrap agrees (76 columns counted, 80 shown).
    expect(renderTerminal(reply({ title: 't', children: [{ type: 'text', text }] }), false, 80).split('\n').length - 1).toBe(count);
  });
});

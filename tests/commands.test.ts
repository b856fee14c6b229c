// The commands as a user meets them: through dispatchText, with the real knowledge base.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../src/bot.js';
import type { Context } from '../src/command.js';
import { forms } from '../src/commands/help.js';
import { suggestionsOf } from '../src/reply.js';

const ctx: Context = { platform: 'terminal', userId: 'u1', userName: 'ana', isModerator: true, communityId: 'local' };
let bot: Bot;
const say = (line: string) => bot.dispatchText(line, ctx);

beforeAll(() => {
  bot = new Bot();
});

/** Every dollar figure the articles give, as written ($61,042, $101K): the salaries as quoted, and those in what they say of them. */
function quotedFigures(): Set<string> {
  const { salaries } = bot.services.knowledge;
  return new Set([...salaries.map((s) => s.quoted), ...salaries.flatMap((s) => s.notes.flatMap((n) => n.text.match(/\$[\d,]+K?/g) ?? []))]);
}

describe('salary', () => {
  it('lists every entry-level figure, each with its source, and invents no average', async () => {
    const r = await say('salary entry');
    expect(r.answered).toBe(true);
    expect(r.text).toContain('$61,042 a year (PayScale, cited by Career Karma)');
    expect(r.text).toContain('$72,514 a year (Guide to becoming a backend developer)');
    expect(r.text).toContain('$101K a year (Back-End Developer Spotlight)');
    const figures = quotedFigures();
    for (const dollar of r.text.match(/\$[\d,]+K?/g) ?? []) expect(figures).toContain(dollar);
    expect(r.text).toMatch(/never averaged/);
  });

  it('shows the outlook with the BLS attribution', async () => {
    // The outlook comes after every figure: in the full answer, behind "more".
    const r = await say('more salary');
    expect(r.text).toMatch(/13 percent growth by 2030, 25,500 new jobs \(U\.S\. Bureau of Labor Statistics, cited by Career Karma\)/);
    expect(r.text).toContain('$56,310');
  });

  it('one level asked: its figures and the national median to compare with, not the job growth', async () => {
    const r = await say('salary entry');
    expect(r.text).toContain('$56,310');
    expect(r.text).not.toContain('25,500 new jobs');
    expect((await say('more salary entry')).text).not.toContain('growth by 2030');
  });

  it('shows the outlook on its own under its title once, not under a second "Job outlook" heading', async () => {
    const r = await say('ask whats the job outlook');
    expect(r.card.title).toBe('Job outlook');
    expect(r.card.children.some((n) => n.type === 'section' && n.title === 'Job outlook')).toBe(false);
    expect(r.text).toMatch(/13 percent growth by 2030/);
  });

  it('compares front-end pay from its own source', async () => {
    const r = await say('salary frontend');
    expect(r.card.title).toBe('Front-End Developer salary');
    expect(r.text).toContain('$75,310');
    expect(r.sources.map((s) => s.id)).toContain('career-karma');
  });

  it('says plainly when a level has no figure for that role', async () => {
    const r = await say('salary frontend senior');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/give no experienced figure for Front-End Developer/);
  });
});

describe('ask', () => {
  it('answers a pay question in plain words with every matching figure and its source', async () => {
    const r = await say('ask how much do backend devs earn starting out');
    expect(r.answered).toBe(true);
    expect(r.topic).toBe('salary:backend-developer');
    expect(r.text).toContain('Entry level:');
    expect(r.text).toContain('$61,042');
    expect(r.sources.length).toBeGreaterThan(0);
  });

  // Each of these was answered with a neighbour before: the FAQ "What is a back-end developer?",
  // the front-end salary card, the back-end salary card, a refusal.
  it.each([
    ['what does a backend developer do', 'question:what-does-a-backend-developer-do', 'Typical duties include'],
    ['do backend devs earn more than frontend devs', 'question:who-earns-more-frontend-or-backend', 'Backend developers earn more than front end developers'],
    ['how much do I need to care about security as a backend dev', 'question:security-knowledge', 'OWASP'],
    ['wat is graphql', 'skill:graphql', 'GraphQL'],
    // ...and these must keep their answers: "a future backend dev" is a person, "a future in" is the outlook.
    ['is there a future in backend development', 'outlook:job-outlook', '13 percent growth by 2030'],
    ['what do I need to do to become a backend developer', 'question:how-to-become-a-backend-developer', 'Decide whether an education program'],
  ])('answers "%s" with the entry it asks about', async (q, topic, says) => {
    const r = await say(`ask ${q}`);
    expect(r.answered).toBe(true);
    expect(r.topic).toBe(topic);
    expect(r.text).toContain(says);
  });

  it('answers the yes/no question "do i need a degree" with its answer first: no', async () => {
    const r = await say('ask do i need a degree');
    const first = r.card.children.find((n) => n.type === 'list');
    expect(first?.type === 'list' && first.items[0]).toMatch(/^No, not necessarily/);
  });

  it.each(['what is the weather like today', 'recipe for chocolate cake', 'who won the world cup'])(
    'refuses an off-topic question: %s',
    async (q) => {
      const r = await say(`ask ${q}`);
      expect(r.answered).toBe(false);
      expect(r.text).toMatch(/I don't know that yet/);
      expect(suggestionsOf(r).length).toBeGreaterThan(0);
    },
  );
});

describe('role and compare', () => {
  it('shows a role card with duties, skills and sources', async () => {
    const r = await say('role dba');
    expect(r.card.title).toMatch(/Database Administrator/);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  /** The card's "Also called" value, in its short and its full form. */
  const alsoCalled = async (line: string) => {
    const values = [];
    for (const r of [await say(line), await say(`more ${line}`)]) {
      const fields = r.card.children.flatMap((n) => (n.type === 'fields' ? n.fields : []));
      values.push(fields.find((f) => f.label === 'Also called')?.value);
    }
    return values;
  };

  it('"Also called": only the job titles an article lists, with that article named; none where no article gives any', async () => {
    const [dba, dbaFull] = await alsoCalled('role dba');
    // "DB Admin", "Database Admin" are spellings the search knows, not titles any article uses.
    expect(dba).toBeUndefined();
    expect(dbaFull).toBeUndefined();
    // The short form of a long role card leaves the names to the full one, which has them all.
    const [short, backend] = await alsoCalled('role backend');
    expect(short).toBeUndefined();
    expect(backend).toBe('Backend Engineer, Server-Side Developer, Backend Software Developer, Back-End Programmer, Backend Systems Developer, API Developer, Web Developer (Backend), Database Developer, Backend Architect, System Integration Engineer (Back-End Developer Spotlight)');
  });

  it("lists an example several articles give once, with each article: 'Node.js (Back-End Developer Spotlight; Guide...)'", async () => {
    const r = await say('more skill:server-side-languages');
    const items = r.card.children.flatMap((n) => (n.type === 'list' ? n.items : []));
    const node = items.filter((i) => i.startsWith('Node.js'));
    expect(node).toEqual(['Node.js (Back-End Developer Spotlight; Guide to becoming a backend developer)']);
  });

  it('says "did you mean" for a misspelt role', async () => {
    const r = await say('role backnd');
    expect(r.text).toMatch(/Did you mean Back-End Developer\?/);
  });

  it('answers an unknown role with the closest names', async () => {
    const r = await say('role astronaut');
    expect(r.answered).toBe(false);
    expect(r.text).toMatch(/I don't know a role called "astronaut"/);
  });

  it('puts two roles side by side, splitting unquoted names', async () => {
    const r = await say('compare back end developer front end developer');
    expect(r.card.title).toBe('Back-End Developer vs Front-End Developer');
    expect(r.text).toContain('$75,310');
  });
});

describe('learn, roadmap, interview, sources', () => {
  it('lists certifications', async () => {
    const r = await say('learn certifications');
    expect(r.text).toMatch(/AWS Certified Developer/);
    expect(r.text).toMatch(/Oracle Certified Professional/);
  });

  it("names the other sites on the spotlight's list with the course site asked about", async () => {
    const r = await bot.dispatchText('any good sites for courses?? is udemy ok', ctx, { fallbackToAsk: true });
    expect(r.card.title).toBe('Udemy');
    expect(r.text).toMatch(/The others on that list: Betamore, .*Coursera, edX, .*Pluralsight and Udacity\./);
    expect(r.text).not.toMatch(/others on that list:[^.]*Udemy/);
  });

  it('lists the roadmap in order and shows one step with what comes next', async () => {
    const list = await say('roadmap');
    const steps = bot.services.knowledge.roadmap;
    expect(list.text).toContain(`1. ${steps[0]!.title}`);
    expect(list.text.indexOf(`${steps.length}. `)).toBeGreaterThan(list.text.indexOf('1. '));
    const four = await say('roadmap framework');
    expect(four.card.title).toBe(`Step 4 of ${steps.length}: ${steps[3]!.title}`);
    expect(suggestionsOf(four)[0]).toEqual({ label: `Next step: ${steps[4]!.title}`, command: 'roadmap 5' });
  });

  it('says how many steps the roadmap has, first, when asked in words', async () => {
    const ask = (line: string) => bot.dispatchText(line, ctx, { fallbackToAsk: true });
    const steps = bot.services.knowledge.roadmap;
    for (const line of ['how many steps is the roadmap?', 'how many steps are there in the roadmap', 'ok how many steps does the roadmap have']) {
      const r = await ask(line);
      expect(r.card.title, line).toBe('The back-end developer roadmap');
      expect(r.text, line).toMatch(new RegExp(`^[^\\n]*${steps.length} steps, in order:`, 'm'));
    }
  });

  it('answers a step number out of range clearly', async () => {
    const r = await say('roadmap 99');
    expect(r.error).toBe('invalid-option');
    expect(r.text).toMatch(/steps 1 to 12; there is no step 99/);
  });

  it('gives a practice question with advice, and the next one on request', async () => {
    const r = await say('interview 1');
    expect(r.text).toMatch(/Question 1 of \d+/);
    expect(suggestionsOf(r)[0]?.command).toBe('interview 2');
  });

  it('numbers every practice question the articles give, and each number can be asked for', async () => {
    // The advice lists the four common practice questions; each is a question `interview N` asks.
    const listed = ['problem you hit on a project', 'best practices do you follow for performance testing', 'deadlock', 'expensive queries'];
    for (const [i, about] of listed.entries()) {
      const r = await say(`interview ${i + 1}`);
      expect(r.error).toBeUndefined();
      expect(r.text).toMatch(new RegExp(`Question ${i + 1} of 4: [A-Z][^\\n]*${about}`));
      expect(r.text).not.toMatch(/Question \d+ of \d+: Interview question/);
    }
    const wrong = await say('interview 5');
    expect(wrong.answered).toBe(false);
    expect(wrong.text).toMatch(/There is no question 5\. There are 4 practice questions; pick 1 to 4\./);
    // The reply lists the questions by the numbers that work.
    for (const [i, about] of listed.entries()) expect(wrong.text).toMatch(new RegExp(`${i + 1}\\. [^\\n]*${about}`));
  });

  it('no heading ends in "?:" or ".:" (a question or a sentence as a heading loses its mark)', async () => {
    for (let n = 1; n <= 4; n++) {
      const r = await say(`more interview ${n}`);
      const headings = r.card.children.flatMap((c) => (c.type === 'section' ? [c.title] : []));
      expect(headings).toContain('How to prepare for a back-end developer job interview');
      for (const title of headings) expect(title).not.toMatch(/[?.!:]$/);
      expect(r.text).not.toMatch(/[?.!]:$/m);
    }
  });

  it('names the four articles', async () => {
    const r = await say('sources');
    expect(r.sources).toHaveLength(4);
    expect(r.text).toMatch(/Career Karma/);
    expect(r.text).toMatch(/2020-04-17/);
  });
});

describe('progress of someone else', () => {
  it('finds a user by a display name with a space in it', async () => {
    const ana: Context = { ...ctx, platform: 'discord', userId: '1001', userName: 'Ana Lima', communityId: 'g-names' };
    const ben: Context = { ...ana, userId: '1002', userName: 'Ben' };
    await bot.dispatchText('done 1', ana);
    const r = await bot.dispatchText('progress Ana Lima', ben);
    expect(r.error).toBeUndefined();
    expect(r.text).toMatch(/1\/12 steps/);
  });
});

/** README.md's command tables: each row's command forms and examples, tables numbered from 0. */
function readmeRows(): { table: number; forms: string[]; examples: string[] }[] {
  const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const rows: { table: number; forms: string[]; examples: string[] }[] = [];
  let table = -1;
  let inTable = false;
  for (const line of readFileSync(new URL('../README.md', import.meta.url), 'utf8').split('\n')) {
    if (/^\| Command \| What it does \| Example \|/.test(line)) {
      table++;
      inTable = true;
    } else if (!line.startsWith('|')) {
      inTable = false;
    } else if (inTable && !line.startsWith('| ---')) {
      const [, forms = '', , examples = ''] = line.split('|');
      rows.push({ table, forms: code(forms), examples: code(examples) });
    }
  }
  return rows;
}

describe('the README', () => {
  const rows = readmeRows();

  it('documents every command, each row with an example', () => {
    const documented = new Set(rows.flatMap((r) => r.forms.map((f) => f.split(' ')[0])));
    expect([...documented].sort()).toEqual(bot.commands.map((c) => c.name).sort());
    for (const r of rows) expect(r.examples.length, r.forms.join(' / ')).toBeGreaterThan(0);
  });

  it('answers every example of the knowledge commands', async () => {
    const examples = rows.filter((r) => r.table === 0).flatMap((r) => r.examples);
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const example of examples) {
      const r = await say(example);
      expect(r.error, `${example}: ${r.text}`).toBeUndefined();
      expect(r.answered, `${example}: ${r.text}`).toBe(true);
    }
  });

  it('runs every example of the community commands as a command it knows, with options it takes', async () => {
    const examples = rows.filter((r) => r.table === 1).flatMap((r) => r.examples);
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const readme: Context = { ...ctx, communityId: 'readme-examples' };
    for (const example of examples) {
      const r = await bot.dispatchText(example, readme);
      expect(r.error, `${example}: ${r.text}`).not.toBe('unknown-command');
      // `tip vote 12` has no tip 12 in a new community; anything else is a usage error.
      if (!/ 12$/.test(example)) expect(r.error, `${example}: ${r.text}`).toBeUndefined();
    }
  });
});

describe('help and errors', () => {
  it('lists every command, generated from the declarations: names short, each form in full behind "more"', async () => {
    const short = await say('help');
    for (const spec of bot.commands) expect(short.text).toContain(spec.name);
    // In the terminal chat the More suggestion is plain "more": it shows the answer just given.
    expect(suggestionsOf(short).at(-1)).toEqual({ label: 'More', command: 'more' });
    const r = await say('more');
    for (const spec of bot.commands) for (const f of forms(spec)) expect(r.text).toContain(f.line);
  });

  it('runs every example that help shows without an error', async () => {
    for (const spec of bot.commands) {
      for (const example of [...spec.examples, ...(spec.subcommands ?? []).flatMap((s) => s.examples)]) {
        const r = await say(example);
        expect(r.error, `${example}: ${r.text}`).toBeUndefined();
      }
    }
  });

  it('suggests the closest command for a typo and marks it as an unknown command', async () => {
    const r = await say('salray entry');
    expect(r.error).toBe('unknown-command');
    expect(r.ephemeral).toBe(true);
    expect(r.text).toMatch(/Did you mean "salary"\?/);
  });

  it('answers help for an unknown command as an unknown command, with the closest one', async () => {
    const r = await say('help salray');
    expect(r.error).toBe('unknown-command');
    expect(r.ephemeral).toBe(true);
    expect(r.text).toMatch(/There is no command "salray"\. Did you mean "salary"\?/);
    expect(suggestionsOf(r)).toEqual([{ label: 'help salary', command: 'help salary' }]);
  });

  it.each([
    ['compare backend back-end developer', /Both names mean Back-End Developer/],
    ['compare backend', /Second is required\. For example: compare backend frontend/],
    ['interview 50', /There are \d+ practice questions; pick 1 to \d+\./],
    ['salary astronaut', /I don't know a role called "astronaut"/],
    ['learn underwater basket weaving', /I don't know a topic called "underwater basket weaving"/],
  ])('answers a wrong request plainly and only to the asker: %s', async (line, says) => {
    const r = await say(line);
    expect(r.answered).toBe(false);
    expect(r.ephemeral).toBe(true);
    expect(r.text).toMatch(says);
  });

  it('takes an unknown first word as a question in chat mode', async () => {
    const r = await bot.dispatchText('how long does it take to become a backend developer', ctx, { fallbackToAsk: true });
    expect(r.answered).toBe(true);
    expect(r.text).toMatch(/three months to four years/);
  });

  it('reads a line that starts with a command name but names nothing it knows as a question, when the question has an answer', async () => {
    const above = await bot.dispatchText('roles above senior level?', ctx, { fallbackToAsk: true });
    expect(above.topic).toBe('question:career-ladder');
    // Without a confident answer the command's own "not found" stands, with its did-you-mean.
    const astronaut = await bot.dispatchText('role astronaut pilot', ctx, { fallbackToAsk: true });
    expect(astronaut.card.title).toBe('Not found');
    expect(astronaut.text).toMatch(/I don't know a role called "astronaut pilot"/);
    // A sentence the question reading answers, or finds several entries for (then it asks which
    // one), is never "I don't know a role called 'fairs worth it...'" ("job" names the role command).
    const fairs = await bot.dispatchText('job fairs worth it for backend jobs or waste of time', ctx, { fallbackToAsk: true });
    expect(fairs.answered || fairs.outcome === 'clarify').toBe(true);
    expect(fairs.text).not.toMatch(/role called/);
    // A command whose argument names a source is a question about that source's figures.
    const bySource = await bot.dispatchText('salary indeed', ctx, { fallbackToAsk: true });
    expect(bySource.answered).toBe(true);
    expect(bySource.text).toContain('$124,303');
    // A command that takes nothing says so, rather than offering entries a sentence half-matched.
    expect((await bot.dispatchText('sources for a career changer', ctx, { fallbackToAsk: true })).outcome).not.toBe('clarify');
    // Three words are a command with a name it cannot read: its own did-you-mean helps more.
    expect((await bot.dispatchText('roadmap step three', ctx, { fallbackToAsk: true })).card.title).toBe('Step 3 of 12: Understand algorithms and data structures');
  });

  it('a command\'s name with words it cannot read is a question ("interview tips pls", "help with my resume"); politeness alone runs the command', async () => {
    const ask = (line: string) => bot.dispatchText(line, ctx, { fallbackToAsk: true });
    expect((await ask('interview tips pls')).topic).toBe('question:interview-preparation');
    expect((await ask('help with my resume')).topic).toBe('question:resume');
    // "help me with ..." too (it had shown the list of commands), and a step that is not there is told so.
    expect((await ask('help me with my resume')).topic).toBe('question:resume');
    expect((await ask('help me with step 2')).topic).toBe('step:learn-language');
    expect((await ask('help with step 30')).text).toContain('there is no step 30');
    expect((await ask('help me with step 30')).text).toContain('there is no step 30');
    // A command's alias is a plain word: "job outlook" is the outlook, not a role called "outlook".
    expect((await ask('job outlook')).topic).toBe('outlook:job-outlook');
    expect((await ask('pay for juniors')).card.title).toBe('Back-End Developer salary: entry level');
    expect((await ask('job duties')).topic).toBe('question:what-does-a-backend-developer-do');
    // A number in words is still the command's ("step three" is step 3), a name it cannot place its own reply.
    expect((await ask('step three')).card.title).toBe('Step 3 of 12: Understand algorithms and data structures');
    expect((await ask('job sysadmin')).text).toContain('I don\'t know a role called "sysadmin"');
    // Help with the bot's own things is that command's help.
    expect((await ask('help me with setting a reminder')).card.title).toBe('help remind');
    expect((await ask('help me with marking a step done')).card.title).toBe('help done');
    expect((await ask('help me with using this bot')).card.title).toMatch(/your guide to becoming a back-end developer/);
    expect((await ask('help me with changing my time zone')).card.title).toBe('help timezone');
    expect((await ask('help me with the')).card.title).toMatch(/your guide to becoming a back-end developer/);
    // A subject that shares a word with a command is still a question; an alias that is no plain word is the command.
    expect((await ask('help me with exporting data from a database')).card.title).not.toBe('help export');
    expect((await ask('vs')).card.title).toBe("Can't run compare");
    expect((await ask('step 3 details')).topic).not.toBe('question:career-karma-four-steps');
    expect((await ask('roadmap pls')).card.title).toBe('The back-end developer roadmap');
    expect((await ask('interview 2 pls')).card.title).toBe('Interview practice');
    expect((await ask('interview next')).card.title).toBe('Interview practice');
    // A question is read whole: "next" at its end is no politeness.
    await ask('roadmap 2');
    expect((await ask("what's next?")).topic).toBe('step:data-structures');
    expect((await ask('more about certs')).topic).toBe('learning:are-certifications-worth-it');
    // A number still belongs to the command, which says what was wrong; nothing is saved.
    expect((await ask('roadmap 99')).text).toContain('no step 99');
    expect((await ask('tip add 99 hello')).text).toContain('no step 99');
    // So does a name it takes, or words a command that saves cannot read: its own reply says what it knows.
    expect((await ask('role sysadmin')).text).toContain('I don\'t know a role called "sysadmin"');
    expect((await ask('tip add always use git')).text).toContain('roadmap step called "always"');
    expect((await ask('plan summer')).text).toContain('Nothing was changed');
    expect((await ask('export as pdf')).text).toContain('Format must be one of');
  });

  it('turns a command that throws into an apology and keeps working', async () => {
    const errors: unknown[] = [];
    const failing = new Bot({
      knowledge: bot.services.knowledge,
      commands: [{ name: 'boom', description: 'fails', examples: [], run: () => { throw new Error('kaput'); } }, ...bot.commands],
      logError: (e) => errors.push(e),
    });
    const r = await failing.dispatchText('boom', ctx);
    expect(r.error).toBe('internal');
    expect(r.text).toMatch(/Something went wrong/);
    expect(r.text).not.toMatch(/kaput/);
    expect(errors).toHaveLength(1);
    expect((await failing.dispatchText('salary', ctx)).answered).toBe(true);
  });
});

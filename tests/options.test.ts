import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, joinErrors, parseText, resolveOptions, resolveUser, tokenize, usage, type OptionSpec } from '../src/options.js';
import { LEVEL_CHOICES } from '../src/commands/salary.js';
import { readDiscordMention } from '../adapters/discord/mention.js';
import { readSlackMention } from '../adapters/slack/user-mention.js';
import { Bot } from '../src/bot.js';
import type { CommandContext, Context } from '../src/command.js';
import { entryOption, type ResolvedValues } from '../src/options.js';
import { oneReply, resolveKinds } from '../src/option-kinds.js';
import { errorReply, NOT_FOUND, reply, suggestionsOf } from '../src/reply.js';
import { MemoryStore } from '../src/store/memory.js';

const salary: OptionSpec[] = [
  { name: 'role', kind: 'string', description: 'role' },
  { name: 'level', kind: 'choice', description: 'level', choices: LEVEL_CHOICES },
];
const tipAdd: OptionSpec[] = [
  { name: 'step', kind: 'string', description: 'step', required: true },
  { name: 'text', kind: 'string', description: 'text', required: true, rest: true, asTyped: true, maxLength: 500 },
];
const interview: OptionSpec[] = [{ name: 'number', kind: 'integer', description: 'n', min: 1, max: 9 }];

describe('parseText', () => {
  it.each([
    ['', {}],
    ['entry', { level: 'entry' }],
    ['junior', { level: 'entry' }],
    ['backend', { role: 'backend' }],
    ['backend entry level', { role: 'backend', level: 'entry' }],
    ['front end senior', { role: 'front end', level: 'experienced' }],
    ['mid career full stack', { role: 'full stack', level: 'mid' }],
    ['role:dba level:entry', { role: 'dba', level: 'entry' }],
    ['--role dba', { role: 'dba' }],
    ['"back end developer" early', { role: 'back end developer', level: 'early' }],
  ])('salary %j -> %j', (text, expected) => {
    expect(parseText(salary, text)).toEqual({ ok: true, value: expected });
  });

  it('gives the rest of the line to the last text option as typed: its quotes and its colons are its own', () => {
    expect(parseText(tipAdd, '2 use "Django" first!')).toEqual({ ok: true, value: { step: '2', text: 'use "Django" first!' } });
    // "step:databases" inside a tip is the tip's text, not the step option (it moved the tip to step 5).
    expect(parseText(tipAdd, '4 my next step:databases after this')).toEqual({ ok: true, value: { step: '4', text: 'my next step:databases after this' } });
    expect(parseText(tipAdd, '7 store passwords as text:hash')).toEqual({ ok: true, value: { step: '7', text: 'store passwords as text:hash' } });
    // A word ending in a colon is no option unless it names one: "Certifications: required or optional?" is a question.
    expect(parseText([{ name: 'question', kind: 'string', required: true, rest: true, description: 'q' }], 'Certifications: required or optional?')).toEqual({ ok: true, value: { question: 'Certifications: required or optional?' } });
    // Options named before the text are still options.
    expect(parseText(tipAdd, 'step:3 use a profiler')).toEqual({ ok: true, value: { step: '3', text: 'use a profiler' } });
    expect(parseText(tipAdd, '"learn framework" pick one and practise')).toEqual({
      ok: true,
      value: { step: 'learn framework', text: 'pick one and practise' },
    });
  });

  it.each([
    ['', ['step is required.', 'text is required.'], {}],
    ['2', ['text is required.'], { step: '2' }],
    [`2 ${'x'.repeat(501)}`, ['text is too long (501 characters; the limit is 500).'], { step: '2' }],
  ])('tip add %j fails with every problem: %j', (text, errors, partial) => {
    expect(parseText(tipAdd, text)).toEqual({ ok: false, error: joinErrors(errors), errors, partial });
  });

  it('collects every problem, not the first, and keeps the values that passed', () => {
    const specs: OptionSpec[] = [...interview, { name: 'level', kind: 'choice', description: 'level', choices: LEVEL_CHOICES }, { name: 'name', kind: 'string', description: 'n' }];
    expect(resolveOptions(specs, { number: 'ten', level: 'boss', name: 'ana', colour: 'red' })).toEqual({
      ok: false,
      error: 'unknown option "colour". Number must be a whole number, not "ten". Level must be one of: overall, entry, early, mid, experienced.',
      errors: ['unknown option "colour".', 'number must be a whole number, not "ten".', 'level must be one of: overall, entry, early, mid, experienced.'],
      partial: { name: 'ana' },
    });
  });

  it.each([
    ['3', { ok: true, value: { number: 3 } }],
    ['0', { ok: false, error: 'number must be at least 1.' }],
    ['ten', { ok: false, error: 'number must be a whole number, not "ten".' }],
    ['1 2', { ok: false, error: 'number must be a whole number, not "1 2".' }],
  ])('integer %j', (text, expected) => {
    expect(parseText(interview, text)).toMatchObject(expected);
  });

  it('gives leftover words to a choice only a longer phrase names, as an option value', () => {
    const size: OptionSpec[] = [{ name: 'size', kind: 'choice', description: 'size', choices: [{ value: 'xl', label: 'extra large size' }] }];
    expect(parseText(size, 'extra large size')).toEqual({ ok: true, value: { size: 'xl' } });
    expect(parseText(size, 'extra large')).toMatchObject({ ok: false, error: 'size must be one of: xl.' });
    expect(parseText(salary, 'role:dba the top')).toEqual({ ok: false, error: 'level must be one of: overall, entry, early, mid, experienced.', errors: ['level must be one of: overall, entry, early, mid, experienced.'], partial: { role: 'dba' } });
  });

  it('rejects words a command without options does not take', () => {
    expect(parseText([], 'extra words')).toMatchObject({ ok: false, error: 'there is more than this command takes: "extra words".' });
  });
});

describe('text helpers', () => {
  it('strips control characters, zero-width and bidi overrides, and folds whitespace', () => {
    // A terminal escape sequence (colour, clear screen) goes whole, not just its ESC.
    expect(cleanText('  a\u0000b\u001b[31m c\u200b\u202Ed\n\n e \u001b[2J')).toBe('ab cd e');
  });
  it('tokenizes straight and curly quotes', () => {
    expect(tokenize('a "b c" \'d e\' “f g”')).toEqual(['a', 'b c', 'd e', 'f g']);
  });
  it("reads mentions in the door's own syntax, and plain names, as users", () => {
    const spec = { name: 'user', kind: 'user', description: '' } as const;
    expect(resolveUser(spec, '<@123456>', readDiscordMention)).toEqual({ ok: true, value: '123456' });
    expect(resolveUser(spec, '<@!123456>', readDiscordMention)).toEqual({ ok: true, value: '123456' });
    expect(resolveUser(spec, '<@U123|ana>', readSlackMention)).toEqual({ ok: true, value: 'U123' });
    expect(resolveUser(spec, '<@U123>', readSlackMention)).toEqual({ ok: true, value: 'U123' });
    // The core knows no platform's syntax: without the door's reader, mention markup is no name.
    expect(resolveUser(spec, '<@123456>')).toMatchObject({ ok: false });
    expect(resolveUser(spec, '<@U123|ana>', readDiscordMention)).toMatchObject({ ok: false });
    expect(resolveUser(spec, '@ana', readDiscordMention)).toEqual({ ok: true, value: 'ana' });
    expect(resolveUser(spec, '@ana')).toEqual({ ok: true, value: 'ana' });
    expect(resolveUser(spec, 'Ana Lima')).toEqual({ ok: true, value: 'Ana Lima' });
    expect(resolveUser(spec, "Seán O'Neill")).toEqual({ ok: true, value: "Seán O'Neill" });
    expect(resolveUser(spec, ' @x')).toEqual({ ok: true, value: 'x' });
    expect(resolveUser(spec, '**bold**')).toMatchObject({ ok: false });
    expect(resolveUser(spec, '<script>')).toMatchObject({ ok: false });
  });
  it('writes usage with required and optional options', () => {
    expect(usage(tipAdd)).toBe('<step> <text>');
    expect(usage(salary)).toBe('[role] [level]');
  });
});

describe('option kinds: role, step, tip, group and user, resolved before a command runs', () => {
  const store = new MemoryStore();
  const bot = new Bot({ store });
  const ana: Context = { platform: 'terminal', userId: 'u-ana', userName: 'Ana', isModerator: true, communityId: 'kinds' };
  const ctx = (extra: Partial<Context> = {}): CommandContext => ({ ...ana, ...extra, ...bot.services });
  const specs: OptionSpec[] = [
    entryOption('role', 'role', 'a role'),
    entryOption('step', 'step', 'a step'),
    entryOption('tip', 'tip', 'a tip'),
    entryOption('group', 'group', 'a group'),
    { name: 'user', kind: 'user', description: 'a user' },
  ];
  /** One option resolved, as the command named `probe` would get it. */
  const one = (name: string, text: string, extra: Partial<Context> = {}) => resolveKinds(ctx(extra), specs, { [name]: text }, 'probe');
  /** What was found, in short: the entry's id (a step's number, a tip's number, a group's name) and whether it was guessed. */
  const short = ({ roles, steps, tips, groups }: ResolvedValues) => {
    const [kind, found] = [...Object.entries(roles).map(([, f]) => ['role', f.entry.id, f] as const), ...Object.entries(steps).map(([, f]) => ['step', f.entry.order, f] as const), ...Object.entries(tips).map(([, f]) => ['tip', f.entry.id, f] as const), ...Object.entries(groups).map(([, f]) => ['group', f.entry.name, f] as const)].map(([k, id, f]) => [k, { id, text: f.text, guessed: f.guessed }] as const)[0] ?? [];
    return kind ? { [kind]: found } : {};
  };

  beforeAll(async () => {
    expect((await bot.dispatchText('tip add 2 Pick one language and stay with it', ana)).card.title).toBe('Tip saved');
    expect((await bot.dispatchText('group create backend-club', ana)).card.title).toBe('Group created');
  });

  it('declares its autocomplete source by its kind, and stays text on every platform', () => {
    expect(entryOption('role', 'first', 'A role', { required: true })).toEqual({ name: 'first', kind: 'string', description: 'A role', required: true, maxLength: 100, entry: 'role', autocomplete: 'role' });
    expect(entryOption('tip', 'id', 'A tip')).toMatchObject({ kind: 'string', entry: 'tip', autocomplete: 'tip', maxLength: 20 });
    expect(entryOption('group', 'name', 'A group', { rest: true })).toMatchObject({ entry: 'group', autocomplete: 'group', rest: true, maxLength: 64 });
  });

  it.each([
    ['role', 'backend', { role: { id: 'backend-developer', text: 'backend', guessed: false } }],
    ['role', 'back-end developer', { role: { id: 'backend-developer', text: 'back-end developer', guessed: false } }],
    ['role', 'backnd', { role: { id: 'backend-developer', text: 'backnd', guessed: true } }],
    ['step', '2', { step: { id: 2, text: '2', guessed: false } }],
    ['step', 'step 4', { step: { id: 4, text: 'step 4', guessed: false } }],
    ['step', '#5', { step: { id: 5, text: '#5', guessed: false } }],
    ['step', 'framework', { step: { id: 4, text: 'framework', guessed: false } }],
    ['step', 'databsaes', { step: { id: 5, text: 'databsaes', guessed: true } }],
    ['tip', '1', { tip: { id: 1, text: '1', guessed: false } }],
    ['tip', '#1', { tip: { id: 1, text: '#1', guessed: false } }],
    ['group', 'backend-club', { group: { id: 'backend-club', text: 'backend-club', guessed: false } }],
    ['group', 'Backend Club', { group: { id: 'backend-club', text: 'Backend Club', guessed: false } }],
  ])('%s %j resolves: %j', async (option, text, expected) => {
    const r = await one(option, text);
    expect(r.errors).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(short(r.found)).toEqual(expected);
    // The text as read stays among the values too.
    expect(r.values[option]).toBe(text);
  });

  it.each([
    ['role', 'astronaut', NOT_FOUND, 'I don\'t know a role called "astronaut". Did you mean: ', /^role /],
    ['step', '13', NOT_FOUND, 'The roadmap has steps 1 to 12; there is no step 13.', /^roadmap$/],
    ['step', 'framwork stuff', NOT_FOUND, 'I don\'t know a roadmap step called "framwork stuff". Did you mean: 4. Learn a framework', /^roadmap \d+$/],
    ['step', 'xyzzy quux', NOT_FOUND, 'I don\'t know a roadmap step called "xyzzy quux". Type "roadmap" to see every step.', undefined],
    ['tip', '99', 'Not found', 'There is no tip #99 in this community. Did you mean: #1 "Pick one language and stay with it"?', /^probe 1$/],
    ['tip', 'abc', 'Not a tip number', '"abc" is not a tip number: tips are numbered, like #12. Type "tips" to see them.', /^tips$/],
    ['group', 'backend-clob', 'Group not found', 'There is no group called "backend-clob" here. Did you mean: backend-club?', /^probe backend-club$/],
    ['group', 'chess', 'Group not found', 'There is no group called "chess" here. Create it with "group create chess".', /^group create chess$/],
  ])('%s %j is not found: today\'s reply, with the closest names to try', async (option, text, title, message, command: RegExp | undefined) => {
    const r = await one(option, text);
    expect(r.errors).toEqual([]);
    expect(r.problems).toHaveLength(1);
    const [problem] = r.problems;
    expect(problem!.card.title).toBe(title);
    expect(problem!.answered).toBe(false);
    expect(problem!.text).toContain(message);
    expect(suggestionsOf(problem!).length > 0).toBe(command !== undefined);
    for (const s of suggestionsOf(problem!)) expect(s.command).toMatch(command!);
    expect(short(r.found)).toEqual({});
  });

  it("looks tips and groups up in the caller's community only", async () => {
    expect((await one('tip', '1', { communityId: 'elsewhere' })).problems[0]?.text).toContain('There is no tip #1 in this community. There are no tips yet');
    expect((await one('group', 'backend-club', { communityId: 'elsewhere' })).problems[0]?.card.title).toBe('Group not found');
  });

  it('leaves out an optional group named by nothing but dashes (the overview, as before)', async () => {
    const r = await one('group', '- -');
    expect(r).toEqual({ values: {}, found: { roles: {}, steps: {}, tips: {}, groups: {} }, errors: [], problems: [] });
  });

  it.each([
    ['@Ana', {}, { user: 'Ana' }, []],
    ['<@123>', { readMention: readDiscordMention }, { user: '123' }, []],
    ['<@U123|ben>', { readMention: readSlackMention }, { user: 'U123' }, []],
    ['<@123>', {}, {}, ['user must be a user mention or a user name.']],
  ])('user %j with %o', async (text, extra, values, errors) => {
    const r = await one('user', text, extra);
    expect(r.values).toEqual(values);
    expect(r.errors).toEqual(errors);
  });

  describe('every problem collected into one reply', () => {
    const say = (line: string) => bot.dispatchText(line, ana);

    it('two unknown roles: one reply naming both, suggestions merged (each once, at most 5)', async () => {
      const r = await say('compare astronaut indeed');
      expect(r.card.title).toBe(NOT_FOUND);
      expect(r.answered).toBe(false);
      expect(r.ephemeral).toBe(true);
      expect(r.text).toContain('I don\'t know a role called "astronaut". Did you mean:');
      expect(r.text).toContain('I don\'t know a role called "indeed". Did you mean:');
      // Each problem's words, then what to try next (one actions node).
      expect(r.card.children.map((n) => n.type)).toEqual(['text', 'text', 'actions']);
      expect(suggestionsOf(r)).toHaveLength(5);
      expect(new Set(suggestionsOf(r).map((s) => s.command)).size).toBe(5);
      const same = await say('compare astronaut astronaut');
      expect(same.card.children.map((n) => n.type)).toEqual(['text', 'text', 'actions']);
      expect(suggestionsOf(same).map((s) => s.command)).toEqual(suggestionsOf(await say('role astronaut')).map((s) => s.command));
    });

    it('the same from a typed invocation (Discord)', async () => {
      const typed = await bot.dispatch({ command: 'compare', options: { first: 'astronaut', second: 'indeed' } }, ana);
      expect(typed.text).toBe((await say('compare astronaut indeed')).text);
    });

    it('a close misspelling is no problem; one unknown option gets exactly the reply it got alone', async () => {
      const r = await say('compare backnd xyzzy');
      expect(r).toEqual(await say('role xyzzy'));
    });

    it('a usage error and a name not found: one reply with both, a usage error', async () => {
      const r = await say('salary role:astronaut level:bogus');
      expect(r.card.title).toBe("Can't run salary");
      expect(r.error).toBe('invalid-option');
      expect(r.text).toContain('Level must be one of: overall, entry, early, mid, experienced. For example: salary');
      expect(r.text).toContain('I don\'t know a role called "astronaut"');
      expect(suggestionsOf(r)[0]).toEqual({ label: 'help salary', command: 'help salary' });
      const missing = await say('compare astronaut');
      expect(missing.text).toContain('Second is required.');
      expect(missing.text).toContain('I don\'t know a role called "astronaut"');
    });

    it('several usage errors: one message, as before for one', async () => {
      const r = await say('tip add');
      expect(r.card.children).toEqual([
        { type: 'text', text: 'Step is required. Text is required. For example: tip add 4 Build one small REST API end to end before learning a second framework' },
        { type: 'actions', items: [{ label: 'help tip', command: 'help tip' }] },
      ]);
    });

    it('oneReply: a single problem as it is; different titles become the fallback title and a usage error', () => {
      const a = reply({ title: 'Group not found', children: [{ type: 'text', text: 'a' }], answered: false, ephemeral: true, suggestions: [{ label: 'x', command: 'x' }] });
      const b = errorReply('Not a tip number', 'b', 'invalid-option', [{ label: 'x', command: 'x' }, { label: 'y', command: 'y' }]);
      expect(oneReply([], 'T')).toBeUndefined();
      expect(oneReply([a], 'T')).toBe(a);
      const both = oneReply([a, b], "Can't run probe")!;
      expect(both.card).toEqual({
        title: "Can't run probe",
        children: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }, { type: 'actions', items: [{ label: 'x', command: 'x' }, { label: 'y', command: 'y' }] }],
      });
      expect(both.error).toBe('invalid-option');
      expect(suggestionsOf(both).map((s) => s.command)).toEqual(['x', 'y']);
    });
  });
});

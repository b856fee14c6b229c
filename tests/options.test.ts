import { describe, expect, it } from 'vitest';
import { cleanText, parseText, resolveUser, tokenize, usage, type OptionSpec } from '../src/options.js';
import { LEVEL_CHOICES } from '../src/commands/salary.js';

const salary: OptionSpec[] = [
  { name: 'role', kind: 'string', description: 'role' },
  { name: 'level', kind: 'choice', description: 'level', choices: LEVEL_CHOICES },
];
const tipAdd: OptionSpec[] = [
  { name: 'step', kind: 'string', description: 'step', required: true },
  { name: 'text', kind: 'string', description: 'text', required: true, rest: true, maxLength: 500 },
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

  it('gives the rest of the line to the last text option, quotes kept together', () => {
    expect(parseText(tipAdd, '2 use "Django" first!')).toEqual({ ok: true, value: { step: '2', text: 'use Django first!' } });
    expect(parseText(tipAdd, '"learn framework" pick one and practise')).toEqual({
      ok: true,
      value: { step: 'learn framework', text: 'pick one and practise' },
    });
  });

  it.each([
    ['', 'step is required.'],
    ['2', 'text is required.'],
    [`2 ${'x'.repeat(501)}`, 'text is too long (501 characters; the limit is 500).'],
  ])('tip add %j fails with %j', (text, error) => {
    expect(parseText(tipAdd, text)).toEqual({ ok: false, error });
  });

  it.each([
    ['3', { ok: true, value: { number: 3 } }],
    ['0', { ok: false, error: 'number must be at least 1.' }],
    ['ten', { ok: false, error: 'number must be a whole number, not "ten".' }],
    ['1 2', { ok: false, error: 'number must be a whole number, not "1 2".' }],
  ])('integer %j', (text, expected) => {
    expect(parseText(interview, text)).toEqual(expected);
  });

  it('gives leftover words to a choice only a longer phrase names, as an option value', () => {
    const size: OptionSpec[] = [{ name: 'size', kind: 'choice', description: 'size', choices: [{ value: 'xl', label: 'extra large size' }] }];
    expect(parseText(size, 'extra large size')).toEqual({ ok: true, value: { size: 'xl' } });
    expect(parseText(size, 'extra large')).toEqual({ ok: false, error: 'size must be one of: xl.' });
    expect(parseText(salary, 'role:dba the top')).toEqual({ ok: false, error: 'level must be one of: overall, entry, early, mid, experienced.' });
  });

  it('rejects words a command without options does not take', () => {
    expect(parseText([], 'extra words')).toEqual({ ok: false, error: 'there is more than this command takes: "extra words".' });
  });
});

describe('text helpers', () => {
  it('strips control characters, zero-width and bidi overrides, and folds whitespace', () => {
    expect(cleanText('  a\u0000b\u001b[31m c\u200b\u202Ed\n\n e ')).toBe('ab[31m cd e');
  });
  it('tokenizes straight and curly quotes', () => {
    expect(tokenize('a "b c" \'d e\' “f g”')).toEqual(['a', 'b c', 'd e', 'f g']);
  });
  it('reads Discord and Slack mentions and plain names as users', () => {
    const spec = { name: 'user', kind: 'user', description: '' } as const;
    expect(resolveUser(spec, '<@123456>')).toEqual({ ok: true, value: '123456' });
    expect(resolveUser(spec, '<@U123|ana>')).toEqual({ ok: true, value: 'U123' });
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

// Pace plans as pure functions (src/pace.ts): reading a target, and where a learner stands.
import { describe, expect, it } from 'vitest';
import { paceText, parseTarget, planStatus, timeLeftText } from '../src/pace.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;

describe('parseTarget', () => {
  it.each([
    ['12 weeks', '2026-05-24'],
    ['in 12 weeks', '2026-05-24'],
    ['12 Weeks from now', '2026-05-24'],
    ['1 week', '2026-03-08'],
    ['12w', '2026-05-24'],
    ['30 days', '2026-03-31'],
    ['1 day', '2026-03-02'],
    ['3 months', '2026-06-01'],
    ['1 month', '2026-04-01'],
    ['2 years', '2028-03-01'],
    ['5 years', '2031-03-01'],
    ['2027-06-01', '2027-06-01'],
    ['2026-03-02', '2026-03-02'],
  ])('"%s" ends on %s, at the end of that day (UTC)', (text, day) => {
    expect(parseTarget(text, NOW)).toEqual({ ok: true, value: { day, target: `${day}T23:59:59.999Z` } });
  });

  // Said in words, read by chrono-node; "end of" a month or year is its last day.
  it.each([
    ['tomorrow', '2026-03-02'],
    ['by friday', '2026-03-06'],
    ['next month', '2026-04-01'],
    ['june 1st', '2026-06-01'],
    ['end of march', '2026-03-31'],
    ['the end of june', '2026-06-30'],
    ['end of the month', '2026-03-31'],
    ['end of this year', '2026-12-31'],
    ['end of next year', '2027-12-31'],
    ['end of 2027', '2027-12-31'],
    ['2027/06/01', '2027-06-01'],
    ['two weeks', '2026-03-15'],
    ['six months', '2026-09-01'],
  ])('"%s" in words ends on %s', (text, day) => {
    expect(parseTarget(text, NOW)).toEqual({ ok: true, value: { day, target: `${day}T23:59:59.999Z` } });
  });

  it('reads "end of <month>" during that month as this month\'s end', () => {
    expect(parseTarget('end of march', new Date('2026-03-15T12:00:00Z'))).toMatchObject({ value: { day: '2026-03-31' } });
    expect(parseTarget('end of december', new Date('2026-12-01T12:00:00Z'))).toMatchObject({ value: { day: '2026-12-31' } });
    expect(parseTarget('end of february', new Date('2026-03-15T12:00:00Z'))).toMatchObject({ value: { day: '2027-02-28' } });
  });

  it('adds calendar months, keeping the day or taking the month\'s last one', () => {
    expect(parseTarget('1 month', new Date('2027-01-31T08:00:00Z'))).toMatchObject({ value: { day: '2027-02-28' } });
    expect(parseTarget('1 month', new Date('2028-01-31T08:00:00Z'))).toMatchObject({ value: { day: '2028-02-29' } });
    expect(parseTarget('1 year', new Date('2028-02-29T08:00:00Z'))).toMatchObject({ value: { day: '2029-02-28' } });
  });

  it.each([
    ['soon', 'unreadable', /cannot read "soon".*12 weeks.*2027-06-01/],
    ['after my exams in june', 'unreadable', /cannot read/],
    ['end of', 'unreadable', /cannot read/],
    ['yesterday', 'past', /in the past/],
    ['12 fortnights', 'unreadable', /cannot read/],
    ['-3 weeks', 'past', /in the past/],
    ['2027-02-30', 'unreadable', /not a day of the calendar/],
    ['0 days', 'past', /today/],
    ['2026-03-01', 'past', /today/],
    ['2025-12-31', 'past', /in the past/],
    ['2031-03-02', 'too-far', /more than 5 years away.*2031-03-01/],
    ['6 years', 'too-far', /more than 5 years/],
    ['9999 years', 'too-far', /more than 5 years/],
  ])('refuses "%s" (%s)', (text, problem, message) => {
    const r = parseTarget(text, NOW);
    expect(r.ok).toBe(false);
    expect(r.problem).toBe(problem);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('planStatus', () => {
  // Set on day 0 with 2 of 12 steps done, to finish by day 100: one step every 10 days.
  const plan = { setAt: new Date(NOW.getTime()).toISOString(), target: new Date(NOW.getTime() + 100 * DAY).toISOString(), doneAtStart: 2 };
  const at = (days: number) => new Date(NOW.getTime() + days * DAY);

  it.each([
    // days in, steps done, state, by, expected
    [0, 2, 'on-track', 0, 2],
    [50, 7, 'on-track', 0, 7],
    [54, 7, 'on-track', 0, 7.4],
    [56, 7, 'behind', 1, 7.6],
    [50, 9, 'ahead', 2, 7],
    [50, 3, 'behind', 4, 7],
    [100, 11, 'behind', 1, 12],
    [150, 10, 'behind', 2, 12],
    [-5, 2, 'on-track', 0, 2],
    [30, 12, 'done', 0, 5],
  ] as const)('day %i, %i done: %s by %i (expected %f)', (days, done, state, by, expected) => {
    const s = planStatus(plan, done, 12, at(days));
    expect(s.state).toBe(state);
    expect(s.by).toBe(by);
    expect(s.expected).toBeCloseTo(expected, 5);
    expect(s.left).toBe(12 - done);
    expect(s.over).toBe(days > 100);
  });
});

describe('pace in words', () => {
  it.each([
    [12, 12 * 7 * DAY, 'about 1 step a week'],
    [6, 2 * 7 * DAY, 'about 3 steps a week'],
    [3, 2 * 7 * DAY, 'about 1.5 steps a week'],
    [10, 26 * 7 * DAY, 'about 0.4 steps a week (1 step every 3 weeks)'],
    [0, 7 * DAY, 'no steps left'],
  ])('%i steps in %i ms: %s', (left, ms, text) => {
    expect(paceText(left, ms)).toBe(text);
  });

  it('says the time left in weeks, or days under two weeks', () => {
    expect(timeLeftText(84 * DAY)).toBe('12 weeks');
    expect(timeLeftText(10 * DAY)).toBe('10 days');
    // A week's plan set this afternoon ends at the end of its day: 7 days and some hours, said "7 days".
    expect(timeLeftText(7 * DAY + 8 * 3_600_000)).toBe('7 days');
    expect(timeLeftText(0.5 * DAY)).toBe('1 day');
  });
});

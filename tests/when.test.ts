// Reading reminder times as people type them, in their own time zone (src/when.ts).
import { describe, expect, it } from 'vitest';
import { formatIn, fromNow, impossibleWhen, offsetMinutes, readWhen, readZone } from '../src/when.js';

// Monday 30 Nov 2026, 23:50 UTC: already Tuesday 00:50 in Berlin, still Monday 18:50 in New York.
const NOW = new Date('2026-11-30T23:50:00Z');

describe('readWhen', () => {
  it.each([
    ['me in 3 days to review step 4', 'UTC', '2026-12-03T23:50:00.000Z', 'review step 4'],
    ['tomorrow 9am tip about databases', 'UTC', '2026-12-01T09:00:00.000Z', 'tip about databases'],
    // "tomorrow" is the user's tomorrow: in Berlin it is already Tuesday.
    ['tomorrow 9am tip about databases', 'Europe/Berlin', '2026-12-02T08:00:00.000Z', 'tip about databases'],
    ['tomorrow 9am tip about databases', 'America/New_York', '2026-12-01T14:00:00.000Z', 'tip about databases'],
    ['in 2 hours to check my PR', 'Europe/Berlin', '2026-12-01T01:50:00.000Z', 'check my PR'],
    // A named day without a time is that day's morning, not noon.
    ['on friday revise sql', 'UTC', '2026-12-04T09:00:00.000Z', 'revise sql'],
    ['to revise sql on friday', 'UTC', '2026-12-04T09:00:00.000Z', 'revise sql'],
    ['2027-01-05 14:00 exam', 'Europe/Berlin', '2027-01-05T13:00:00.000Z', 'exam'],
    ['me next monday at 10: review APIs', 'UTC', '2026-12-07T10:00:00.000Z', 'review APIs'],
  ])('%s (%s)', (text, zone, at, rest) => {
    const when = readWhen(text, NOW, zone);
    expect(when?.at).toBe(at);
    expect(when?.rest).toBe(rest);
  });

  it('reads a time across a daylight-saving change in the zone it was meant in', () => {
    // Berlin moves from UTC+1 to UTC+2 on 28 March 2027: 9:00 on 1 April is 07:00 UTC.
    const when = readWhen('2027-04-01 09:00 review', new Date('2027-03-20T12:00:00Z'), 'Europe/Berlin');
    expect(when?.at).toBe('2027-04-01T07:00:00.000Z');
  });

  it('finds no time where there is none', () => {
    expect(readWhen('me to review step 4', NOW, 'UTC')).toBeUndefined();
    expect(readWhen('', NOW, 'UTC')).toBeUndefined();
  });
});

describe('time zones', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['berlin', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
    ['UTC', 'UTC'],
  ])('%s is %s', (typed, zone) => {
    expect(readZone(typed)).toEqual({ ok: true, zone });
  });

  it('suggests zones for a typo, and reads nothing from junk', () => {
    const r = readZone('berlim');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.suggestions).toContain('Europe/Berlin');
    expect(readZone('<@everyone>').ok).toBe(false);
  });

  it('shows a time in the zone', () => {
    expect(offsetMinutes('Europe/Berlin', NOW)).toBe(60);
    expect(formatIn('Europe/Berlin', '2026-12-02T08:00:00.000Z')).toBe('Wed 2 Dec 2026, 09:00');
    expect(fromNow('2026-12-03T23:50:00.000Z', NOW)).toBe('in 3 days');
    expect(fromNow('2026-12-01T01:50:00.000Z', NOW)).toBe('in 2 hours');
  });
});

describe('impossibleWhen', () => {
  it.each([
    ['2027-13-01 10:00 y', '2027-13-01'],
    ['2027-02-30 review', '2027-02-30'],
    ['tomorrow 25:00 x', '25:00'],
    ['tomorrow 9:60 y', '9:60'],
    ['tomorrow 13pm y', '13pm'],
    ['13/13/2027 h', '13/13/2027'],
  ])('"%s" holds "%s", which no calendar or clock has: the reminder is refused, not set to another time', (text, bad) => {
    expect(impossibleWhen(text)).toBe(bad);
  });

  it.each(['tomorrow 9am review step 4', 'tomorrow 9:30pm review step 4', 'tomorrow 10:15am x', '2027-01-05 14:00 check tips', 'in 3 days to review step 4', 'friday 23:59 x', '12/31 new year', '31/12 new year', 'tomorrow apply the 80/20 rule', 'tomorrow watch 45:30 of the talk'])('"%s" is a real time', (text) => {
    expect(impossibleWhen(text)).toBeUndefined();
  });
});

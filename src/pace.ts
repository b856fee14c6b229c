// Pace plans, as pure functions: reading a target ("12 weeks", "3 months", "30 days",
// "2027-06-01"), and where a learner stands against their plan. The articles give no time per
// step (only "three months to four years" overall), so a plan is the learner's own target and
// pace, spread evenly over the steps they had left when they set it; nothing here invents a
// duration for a step.
// The English locale alone: the package's default entry loads every language (a third of a one-shot run's start).
import * as chrono from 'chrono-node/en';
import type { Result } from './options.js';
import { fail, ok } from './options.js';
import type { Plan } from './store/store.js';

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** The furthest a target may be: five years from today. */
export const PLAN_MAX_YEARS = 5;

/** What `plan` accepts, in words (for help and for a target it cannot read). */
export const PLAN_FORMS = '"12 weeks", "3 months", "30 days", "1 year", "next month" or a date like 2027-06-01';

export type TargetProblem = 'unreadable' | 'past' | 'too-far';

export interface Target {
  /** The end of the target day, UTC, as ISO. */
  target: string;
  /** The target day, YYYY-MM-DD. */
  day: string;
}

const UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
  d: 'day', day: 'day', days: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week',
  mo: 'month', month: 'month', months: 'month',
  y: 'year', yr: 'year', yrs: 'year', year: 'year', years: 'year',
};

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const endOfDay = (day: string): string => `${day}T23:59:59.999Z`;

/** `months` calendar months after `ms` (UTC), on the same day or the month's last one (Jan 31 + 1 month: Feb 28). */
function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const f = new Date(first);
  const last = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), Math.min(day, last));
}

/** YYYY-MM-DD as a real calendar day, or undefined. */
function calendarDay(text: string): string | undefined {
  const m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2027-02-30 over to March: a day that does not exist does not come back the same.
  return isoDay(ms) === text && y >= 1000 ? text : undefined;
}

/**
 * A day said in words ("tomorrow", "next month", "june 1st", "end of march"), read by chrono-node
 * (as reminders are), when the words are a date and nothing else: "by tomorrow" is read, "after my
 * exams in june" is not, rather than guessing which part was the target.
 */
function spokenDay(words: string, now: Date): string | undefined {
  if (/\d{4}-\d/.test(words)) return undefined; // a malformed ISO day is said to be one, not re-read
  const bare = words.replace(/^(?:by|until|till|before)\s+/, '');
  // "end of the month", "end of this year": chrono has no day for these; the current one's last day.
  const current = bare.match(/^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(month|year)$/);
  if (current) {
    const month = current[1] === 'month' ? now.getUTCMonth() : 11;
    return isoDay(Date.UTC(now.getUTCFullYear(), month + 1, 0));
  }
  const year = bare.match(/^(?:the\s+)?end\s+of\s+(\d{4})$/);
  if (year) return isoDay(Date.UTC(Number(year[1]), 12, 0));
  const endOf = bare.match(/^(?:the\s+)?end\s+of\s+(.+)$/);
  const said = endOf ? endOf[1]! : bare;
  const [found] = chrono.parse(said, { instant: now, timezone: 0 }, { forwardDate: true });
  if (!found || found.index !== 0 || found.text.length !== said.length) return undefined;
  const at = found.start.date();
  // "end of march": the month's last day; "end of next year": the year's.
  if (endOf && !found.start.isCertain('day')) {
    const month = found.start.isCertain('month') ? at.getUTCMonth() : 11;
    // chrono reads a month whose 1st has passed ("december" on Dec 10) as next year's; its end is
    // still to come this year.
    const year = found.start.isCertain('year') ? at.getUTCFullYear() : now.getUTCFullYear();
    const thisYear = isoDay(Date.UTC(year, month + 1, 0));
    return thisYear > isoDay(now.getTime()) ? thisYear : isoDay(Date.UTC(year + 1, month + 1, 0));
  }
  return isoDay(at.getTime());
}

/**
 * A plan's target from what the user typed: "N days|weeks|months|years" from today ("in 12 weeks"
 * too), a date YYYY-MM-DD, or a day in words ("tomorrow", "end of march"). The plan ends at the end of that day (UTC). Refused: a day that is
 * today or past, one more than PLAN_MAX_YEARS years away, or text it cannot read.
 */
export function parseTarget(text: string, now: Date): Result<Target> & { problem?: TargetProblem } {
  const words = text.trim().toLowerCase().replace(/^in\s+/, '').replace(/\s+from\s+(now|today)$/, '');
  const nowMs = now.getTime();
  let day: string | undefined;
  const span = words.match(/^(\d{1,4})\s*([a-z]+)$/);
  const unit = span ? UNITS[span[2]!] : undefined;
  if (span && unit) {
    const n = Number(span[1]);
    const ms =
      unit === 'day' ? nowMs + n * DAY_MS
      : unit === 'week' ? nowMs + n * WEEK_MS
      : unit === 'month' ? addMonths(nowMs, n)
      : addMonths(nowMs, 12 * n);
    // Past year 9999 (a huge count) is simply too far, and said as a four-digit year.
    day = ms < Date.UTC(10_000, 0, 1) ? isoDay(ms) : '9999-12-31';
  } else {
    day = calendarDay(words) ?? spokenDay(words, now);
  }
  if (!day) {
    const shown = text.trim().slice(0, 40);
    const why = /^\d{4}-\d{2}-\d{2}$/.test(words) ? `${shown} is not a day of the calendar.` : `I cannot read "${shown}" as a target.`;
    return { ...fail(`${why} Try ${PLAN_FORMS}.`), problem: 'unreadable' };
  }
  const today = isoDay(nowMs);
  if (day <= today) return { ...fail(`${day} is ${day === today ? 'today' : 'in the past'}: a plan needs a day after today.`), problem: 'past' };
  const furthest = isoDay(addMonths(nowMs, 12 * PLAN_MAX_YEARS));
  if (day > furthest) return { ...fail(`${day} is more than ${PLAN_MAX_YEARS} years away: pick a day until ${furthest}.`), problem: 'too-far' };
  return ok({ target: endOfDay(day), day });
}

export type PlanState = 'done' | 'on-track' | 'ahead' | 'behind';

export interface PlanStatus {
  state: PlanState;
  /** Whole steps ahead or behind (0 when on track or done). */
  by: number;
  /** Steps the plan expects done by now (a fraction). */
  expected: number;
  /** Steps left to do. */
  left: number;
  /** Whether the target day is over. */
  over: boolean;
  /** Time left until the target, in ms (0 when it is over). */
  msLeft: number;
}

/**
 * Where a learner stands: the plan expects the steps left when it was set to be done evenly
 * between then and the target, so by now doneAtStart + (total - doneAtStart) * elapsed share.
 * On track within half a step; otherwise ahead or behind by the difference, rounded.
 */
export function planStatus(plan: Plan, done: number, total: number, now: Date): PlanStatus {
  const start = Date.parse(plan.setAt);
  const end = Date.parse(plan.target);
  const nowMs = now.getTime();
  const share = end > start ? Math.min(1, Math.max(0, (nowMs - start) / (end - start))) : 1;
  const expected = plan.doneAtStart + Math.max(0, total - plan.doneAtStart) * share;
  const left = Math.max(0, total - done);
  const over = nowMs > end;
  const msLeft = Math.max(0, end - nowMs);
  if (left === 0) return { state: 'done', by: 0, expected, left, over, msLeft };
  const diff = done - expected;
  if (Math.abs(diff) < 0.5) return { state: 'on-track', by: 0, expected, left, over, msLeft };
  return { state: diff > 0 ? 'ahead' : 'behind', by: Math.round(Math.abs(diff)), expected, left, over, msLeft };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A number of steps as said: whole, or with one decimal ("1.5"); below 0.1 as "0.1". */
const amount = (n: number): string => (n >= 10 ? String(Math.round(n)) : String(Math.max(0.1, Math.round(n * 10) / 10)));

/** "about 1.5 steps a week"; slower than one a week, also how often one step: "about 0.4 steps a week (1 step every 3 weeks)". */
export function paceText(left: number, msLeft: number): string {
  if (left <= 0) return 'no steps left';
  const weeks = msLeft / WEEK_MS;
  if (weeks <= 0) return `${plural(left, 'step')} left and the target day is over`;
  const perWeek = left / weeks;
  const a = amount(perWeek);
  const said = `about ${a} step${a === '1' ? '' : 's'} a week`;
  const every = Math.round(weeks / left);
  return perWeek < 0.95 && every >= 2 ? `${said} (1 step every ${every} weeks)` : said;
}

/** "26 weeks", "5 days", "1 day": how long until the target, said simply. */
export function timeLeftText(msLeft: number): string {
  // A plan ends at the end of its day, so a week's plan set this afternoon has 7 days and some
  // hours left: whole days, not a started one, or "1 week" reads as 8 days.
  const days = Math.floor(msLeft / DAY_MS);
  if (days >= 14) return plural(Math.round(days / 7), 'week');
  return plural(Math.max(1, days), 'day');
}

/** The target day of a plan, YYYY-MM-DD. */
export const planDay = (plan: Plan): string => plan.target.slice(0, 10);

/** "On track", "Ahead by 2 steps", "Behind by 1 step", "Every step done". */
export function statusText(s: PlanStatus): string {
  switch (s.state) {
    case 'done':
      return 'Every step done';
    case 'on-track':
      return 'On track';
    case 'ahead':
      return `Ahead by ${plural(s.by, 'step')}`;
    case 'behind':
      return `Behind by ${plural(s.by, 'step')}`;
  }
}

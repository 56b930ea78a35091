// Assessment periods: a month, a quarter or a year in Asia/Shanghai, as the instants [from, to).
// Shanghai keeps no daylight saving time, so a day starts at 16:00 UTC of the day before.
import { addWeeks, isoWeekOf, weekDays } from '../iso-week.js';

/** An assessment period and the instants it covers. */
export interface Period {
  key: string;
  kind: 'month' | 'quarter' | 'year';
  /** The first and the last month (YYYY-MM) of the period. */
  firstMonth: string;
  lastMonth: string;
  /** How many months it has: 1, 3 or 12 (counted targets are per month). */
  months: number;
  from: Date;
  to: Date;
}

function month(year: number, m: number): string {
  return `${String(year)}-${String(m).padStart(2, '0')}`;
}

/** The instant a Shanghai month begins; month 13 is January of the next year. */
function startOfMonth(year: number, m: number): Date {
  const y = m > 12 ? year + 1 : year;
  const mm = m > 12 ? m - 12 : m;
  return new Date(`${month(y, mm)}-01T00:00:00+08:00`);
}

/** Parses 2026, 2026-Q3 or 2026-09 into a period; null for anything else. */
export function parsePeriod(key: string): Period | null {
  const match = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(key);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  // Date arithmetic on years before 1000 breaks the calendar helpers (no four-digit ISO year),
  // and no record predates 1970: such a key names no period.
  if (year < 1970) {
    return null;
  }
  const [kind, first, months] = match[2]
    ? (['quarter', (Number(match[2]) - 1) * 3 + 1, 3] as const)
    : match[3]
      ? (['month', Number(match[3]), 1] as const)
      : (['year', 1, 12] as const);
  return {
    key,
    kind,
    firstMonth: month(year, first),
    lastMonth: month(year, first + months - 1),
    months,
    from: startOfMonth(year, first),
    to: startOfMonth(year, first + months),
  };
}

/** The Shanghai calendar dates [fromDate, toDate) of a period, for columns holding a date. */
export function periodDates(period: Period): { fromDate: string; toDate: string } {
  const shanghai = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { fromDate: shanghai(period.from), toDate: shanghai(period.to) };
}

/**
 * The ISO weeks a period assesses visits in: those whose Monday falls in it (so each week
 * belongs to one period) and whose Sunday is before `today`, as a week still running may yet
 * meet its target.
 */
export function assessedWeeks(period: Period, today: string): string[] {
  const { fromDate, toDate } = periodDates(period);
  const weeks: string[] = [];
  let week = isoWeekOf(fromDate);
  if (weekDays(week).monday < fromDate) {
    week = addWeeks(week, 1);
  }
  while (weekDays(week).monday < toDate && weekDays(week).sunday < today) {
    weeks.push(week);
    week = addWeeks(week, 1);
  }
  return weeks;
}

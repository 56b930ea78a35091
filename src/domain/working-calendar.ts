/**
 * The Chinese working-day calendar: weekends, public holidays and the swapped working days (调休),
 * with the bureau's own overrides taking precedence. Pure: the data is passed in.
 */
export interface WorkingCalendar {
  /** Public holidays from the holiday package, as YYYY-MM-DD. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班), as YYYY-MM-DD. */
  swappedWorkdays: ReadonlySet<string>;
  /** Years the holiday package covers. */
  packageYears: ReadonlySet<number>;
  /** The bureau admin's overrides; they win over the package. */
  overrides: ReadonlyMap<string, 'holiday' | 'workday'>;
  /** Years the package does not cover whose holidays the bureau has entered and confirmed. */
  confirmedYears?: ReadonlySet<number>;
}

/** Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond (23:59:59.999) of a Shanghai calendar date, as an instant. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS + DAY_MS - 1);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * Whether a year's holidays are known: the package covers it, or the bureau has entered them and
 * confirmed the year complete. One override alone does not make a year known: the other holidays
 * of that year would still be missing. An unknown year counts weekends only.
 */
export function yearIsCovered(calendar: WorkingCalendar, year: number): boolean {
  return calendar.packageYears.has(year) || (calendar.confirmedYears?.has(year) ?? false);
}

/** Whether a Shanghai calendar date is a working day. */
export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  const override = calendar.overrides.get(date);
  if (override) {
    return override === 'workday';
  }
  if (calendar.holidays.has(date)) {
    return false;
  }
  if (calendar.swappedWorkdays.has(date)) {
    return true;
  }
  return !isWeekend(date);
}

/** A computed deadline, and whether an uncovered year made it weekends-only. */
export interface WorkingDayDeadline {
  dueAt: Date;
  lastDay: string;
  fallback: boolean;
}

/**
 * The end of the Nth working day after the day of `start`. The day of receipt is not counted and
 * the period ends at 24:00 of its last day (《民法典》第二百零一条、第二百零三条).
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  start: Date,
  days: number,
): WorkingDayDeadline {
  let date = shanghaiDate(start);
  let counted = 0;
  let fallback = false;
  while (counted < days) {
    date = nextDate(date);
    if (!yearIsCovered(calendar, Number(date.slice(0, 4)))) {
      fallback = true;
    }
    if (isWorkingDay(calendar, date)) {
      counted += 1;
    }
  }
  return { dueAt: endOfShanghaiDay(date), lastDay: date, fallback };
}

/** Years from `from` to `to` (inclusive) whose holidays are not known. */
export function uncoveredYears(calendar: WorkingCalendar, from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y += 1) {
    if (!yearIsCovered(calendar, y)) {
      years.push(y);
    }
  }
  return years;
}

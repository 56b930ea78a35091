// The dates of a mediation: the last day to apply for judicial confirmation and the day the
// performance of an agreement is checked. Calendar dates in Asia/Shanghai, YYYY-MM-DD.
import { isWorkingDay, shanghaiDate, type WorkingCalendar } from './working-calendar.js';

const DAY_MS = 24 * 3600 * 1000;

/** The days within which the parties may jointly apply for judicial confirmation (Art 33). */
export const JUDICIAL_CONFIRMATION_DAYS = 30;

/** The calendar date `days` days after `date` (negative: before). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day the parties may jointly apply to the court for judicial confirmation: 30 days from
 * the day the agreement took effect (《人民调解法》第三十三条). The day it took effect is not
 * counted, and a period whose last day is a rest day or public holiday ends on the next working
 * day (《民事诉讼法》期间的计算, 2021 年修正第八十五条 [unverified numbering]).
 */
export function judicialConfirmationLastDay(
  calendar: WorkingCalendar,
  effectiveOn: string,
): string {
  let day = addCalendarDays(effectiveOn, JUDICIAL_CONFIRMATION_DAYS);
  while (!isWorkingDay(calendar, day)) {
    day = addCalendarDays(day, 1);
  }
  return day;
}

/**
 * The default day to check that an agreement was performed: `days` calendar days after its
 * performance deadline, or after the day it was made when it has none (an oral agreement
 * performed on the spot).
 */
export function defaultCheckDate(
  performanceDeadline: string | null,
  madeOn: string,
  days: number,
): string {
  return addCalendarDays(performanceDeadline ?? madeOn, days);
}

/** Whether a check is due and not done: its day has passed in Shanghai without a result. */
export function isCheckOverdue(dueOn: string, checked: boolean, now: Date): boolean {
  return !checked && shanghaiDate(now) > dueOn;
}

/** Whether a date lies after today in Shanghai (a signature or session cannot be in the future). */
export function isAfterToday(date: string, now: Date): boolean {
  return date > shanghaiDate(now);
}

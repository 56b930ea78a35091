/**
 * ISO 8601 weeks (Monday to Sunday; week 1 is the week with the year's first Thursday) of
 * calendar dates. Dates are Asia/Shanghai calendar dates as YYYY-MM-DD; the instant of a visit
 * becomes such a date through shanghaiDate (working-calendar.ts) before it reaches this module.
 */

const DAY_MS = 24 * 3600 * 1000;
const weekPattern = /^(\d{4})-W(\d{2})$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function toDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

function fromDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(ms: number): number {
  return (new Date(ms).getUTCDay() + 6) % 7;
}

/** Whether text is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  return datePattern.test(text) && !Number.isNaN(toDay(text)) && fromDay(toDay(text)) === text;
}

/** The date `days` calendar days after (or, negative, before) a date. */
export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days * DAY_MS);
}

/** The ISO week of a calendar date, written 2026-W01. */
export function isoWeekOf(date: string): string {
  const day = toDay(date);
  // The week belongs to the year of its Thursday.
  const thursday = day + (3 - weekdayIndex(day)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** How many ISO weeks a year has: 53 when 28 December falls in week 53, else 52. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, '0')}-12-28`).endsWith('W53') ? 53 : 52;
}

/** Whether text names an existing ISO week (2026-W53 exists, 2025-W53 does not). */
export function isIsoWeek(text: string): boolean {
  const match = weekPattern.exec(text);
  if (!match) {
    return false;
  }
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInYear(Number(match[1]));
}

/** The Monday and Sunday of an ISO week. */
export function weekDays(week: string): { monday: string; sunday: string } {
  const match = weekPattern.exec(week);
  if (!match) {
    throw new Error(`not an ISO week: ${week}`);
  }
  // 4 January is always in week 1.
  const jan4 = Date.UTC(Number(match[1]), 0, 4);
  const monday = jan4 - weekdayIndex(jan4) * DAY_MS + (Number(match[2]) - 1) * 7 * DAY_MS;
  return { monday: fromDay(monday), sunday: fromDay(monday + 6 * DAY_MS) };
}

/** The ISO week `n` weeks after (or, negative, before) a week. */
export function addWeeks(week: string, n: number): string {
  return isoWeekOf(addDays(weekDays(week).monday, 7 * n));
}

/** The `count` weeks ending with `last`, oldest first. */
export function weeksEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}

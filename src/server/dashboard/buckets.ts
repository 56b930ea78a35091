import { addDays, isCalendarDate, isoWeekOf } from '../../domain/iso-week.js';
import { endOfShanghaiDay } from '../../domain/working-calendar.js';
import { DASHBOARD_RANGE_MAX_DAYS } from '../../contract/dashboard.js';
import { AppError, fieldIssue } from '../errors.js';

/** One bucket of a trend: [from, to) as UTC instants, named by its week or month. */
export interface Bucket {
  label: string;
  from: string;
  to: string;
}

/** The instant a Shanghai calendar day begins. */
export function startOfShanghaiDay(day: string): string {
  return new Date(endOfShanghaiDay(day).getTime() + 1 - 24 * 3600_000).toISOString();
}

/** A checked range of days as [from, to) instants; the last day is included. */
export function rangeInstants(from: string, to: string): { from: string; to: string } {
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDate(day)) {
      throw new AppError('validation_failed', [fieldIssue(field, '日期无效', 'not a date')]);
    }
  }
  const days = (Date.parse(to) - Date.parse(from)) / (24 * 3600_000);
  if (days < 0 || days >= DASHBOARD_RANGE_MAX_DAYS) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'to',
        `结束日期须在开始日期之后且跨度不超过${DASHBOARD_RANGE_MAX_DAYS}天`,
        `the last day must follow the first, at most ${DASHBOARD_RANGE_MAX_DAYS} days later`,
      ),
    ]);
  }
  return { from: startOfShanghaiDay(from), to: startOfShanghaiDay(addDays(to, 1)) };
}

function nextStart(day: string, granularity: 'week' | 'month'): string {
  if (granularity === 'week') {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    return addDays(day, 7 - weekday);
  }
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The buckets of Shanghai weeks (Monday to Sunday) or months covering [from, to], the first and
 * last clipped to the range. Computed here so both databases count the same days.
 */
export function bucketsOf(from: string, to: string, granularity: 'week' | 'month'): Bucket[] {
  const end = addDays(to, 1);
  const buckets: Bucket[] = [];
  for (let day = from; day < end;) {
    const next = nextStart(day, granularity);
    const until = next < end ? next : end;
    buckets.push({
      label: granularity === 'week' ? isoWeekOf(day) : day.slice(0, 7),
      from: startOfShanghaiDay(day),
      to: startOfShanghaiDay(until),
    });
    day = until;
  }
  return buckets;
}

/**
 * Rules of the liaison's field work: the weekly visit target, which dates a visit or meeting may
 * carry, and how long its author may correct it. Pure: "today" and "now" are passed in.
 */
import { addDays, isCalendarDate } from './iso-week.js';
import { endOfShanghaiDay, shanghaiDate } from './working-calendar.js';

/**
 * Visits a liaison makes per ISO week unless the bureau sets another target:
 * 《杨浦区"城管进社区"综合治理服务工作实施办法》四（四）"完善城管社区联络员走访机制，每周走访不少于2次".
 */
export const DEFAULT_WEEKLY_VISIT_TARGET = 2;

/** A visit may be logged up to this many calendar days after it took place (Linli's choice). */
export const VISIT_BACKDATE_DAYS = 7;

/** A meeting may be recorded up to this many calendar days after it was held (Linli's choice). */
export const MEETING_BACKDATE_DAYS = 30;

/** The author may correct a record until 24:00 of this many calendar days after recording it. */
export const EDIT_WINDOW_DAYS = 7;

/** What is wrong with the date of a visit or meeting, if anything. */
export type RecordDateProblem = 'not_a_date' | 'future' | 'too_old';

/**
 * Checks the date of a visit or meeting against today's Shanghai date: a real date, not after
 * today, and at most `maxDaysBack` calendar days before it.
 */
export function recordDateProblem(
  date: string,
  today: string,
  maxDaysBack: number,
): RecordDateProblem | null {
  if (!isCalendarDate(date)) {
    return 'not_a_date';
  }
  if (date > today) {
    return 'future';
  }
  return date < addDays(today, -maxDaysBack) ? 'too_old' : null;
}

/** The last instant at which the author may still correct a record made at `createdAt`. */
export function editableUntil(createdAt: Date): Date {
  return endOfShanghaiDay(addDays(shanghaiDate(createdAt), EDIT_WINDOW_DAYS));
}

/** One weekly target the bureau set, in force from an ISO week on. */
export interface WeeklyTarget {
  fromWeek: string;
  target: number;
}

/**
 * The visit target of an ISO week: the target set for the latest week not after it, or the
 * default. `targets` may be in any order; of two set for the same week the later in the list wins.
 */
export function targetForWeek(targets: readonly WeeklyTarget[], week: string): number {
  let found: WeeklyTarget | null = null;
  for (const t of targets) {
    if (t.fromWeek <= week && (!found || t.fromWeek >= found.fromWeek)) {
      found = t;
    }
  }
  return found?.target ?? DEFAULT_WEEKLY_VISIT_TARGET;
}

/** How one liaison stands in one week. */
export interface WeekCompliance {
  visits: number;
  target: number;
  met: boolean;
  /** The week is still running and the target not yet met: it may still be. */
  inProgress: boolean;
}

/** Whether a week's visits meet its target; the current week is "in progress" until they do. */
export function weekCompliance(
  visits: number,
  target: number,
  week: string,
  currentWeek: string,
): WeekCompliance {
  const met = visits >= target;
  return { visits, target, met, inProgress: !met && week === currentWeek };
}

import type { Db } from '../db/database.js';
import {
  uncoveredYears,
  shanghaiDate,
  type WorkingCalendar,
} from '../../domain/working-calendar.js';
import type { CalendarOverride } from '../../contract/calendar.js';
import { AppError, fieldIssue } from '../errors.js';
import { packageCalendar } from './holiday-data.js';
import * as store from './store.js';

const base = packageCalendar();

/** The working calendar in force: the package's data with the bureau's overrides on top. */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const [rows, years] = await Promise.all([store.listOverrides(db), store.listConfirmedYears(db)]);
  return {
    ...base,
    overrides: new Map(rows.map((r) => [r.date, r.kind])),
    confirmedYears: new Set(years),
  };
}

/** Years (this one and the next) whose holidays are unknown, for the admins' warning. */
export async function calendarWarnings(db: Db, now: Date): Promise<number[]> {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return uncoveredYears(await loadCalendar(db), year, year + 1);
}

/** What the calendar page shows. */
export async function calendarStatus(db: Db, now: Date) {
  const overrides = await store.listOverrides(db);
  const year = Number(shanghaiDate(now).slice(0, 4));
  const calendar = await loadCalendar(db);
  return {
    coveredYears: [...base.packageYears].sort((a, b) => a - b),
    fallbackYears: uncoveredYears(calendar, year, year + 1),
    confirmedYears: [...(calendar.confirmedYears ?? [])],
    overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, note: o.note })),
  };
}

function checkDate(date: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new AppError('validation_failed', [
      fieldIssue('date', '日期无效，应为 YYYY-MM-DD', 'Not a valid date; use YYYY-MM-DD'),
    ]);
  }
}

/** Enters a holiday or swapped working day for one date (bureau admin). */
export async function setOverride(
  db: Db,
  override: CalendarOverride,
  staffId: string,
  now: Date,
): Promise<void> {
  checkDate(override.date);
  await store.upsertOverride(db, { ...override, createdBy: staffId, at: now.toISOString() });
}

/** Removes the override of one date (bureau admin). */
export async function removeOverride(db: Db, date: string): Promise<void> {
  checkDate(date);
  if (!(await store.deleteOverride(db, date))) {
    throw new AppError('not_found');
  }
}

/**
 * The bureau admin confirms that a year's holidays and swapped working days are all entered, so
 * its deadlines stop counting weekends only; `complete: false` withdraws it.
 */
export async function setYearComplete(
  db: Db,
  year: number,
  complete: boolean,
  staffId: string,
  now: Date,
): Promise<void> {
  if (complete) {
    await store.confirmYear(db, { year, by: staffId, at: now.toISOString() });
  } else {
    await store.unconfirmYear(db, year);
  }
}

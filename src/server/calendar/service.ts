import type { Transaction } from 'kysely';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
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
  const { overrides, years } = await store.readCalendar(db);
  return {
    ...base,
    overrides: new Map(overrides.map((r) => [r.date, r.kind])),
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

/** Writes a calendar change and its audit entry in one transaction. */
async function auditedChange(
  ctx: AppContext,
  actor: StaffActor,
  audit: {
    action: 'calendar.override_set' | 'calendar.override_removed' | 'calendar.year_confirmed';
    recordId: string;
    detail?: Record<string, string>;
  },
  write: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await write(trx);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: audit.action,
      recordType: 'calendar',
      recordId: audit.recordId,
      detail: audit.detail,
    });
  });
}

/** Enters a holiday or swapped working day for one date (bureau admin). */
export async function setOverride(
  ctx: AppContext,
  actor: StaffActor,
  override: CalendarOverride,
): Promise<void> {
  checkDate(override.date);
  const at = ctx.now().toISOString();
  await auditedChange(
    ctx,
    actor,
    { action: 'calendar.override_set', recordId: override.date, detail: { kind: override.kind } },
    (trx) => store.upsertOverride(trx, { ...override, createdBy: actor.id, at }),
  );
}

/** Removes the override of one date (bureau admin). */
export async function removeOverride(
  ctx: AppContext,
  actor: StaffActor,
  date: string,
): Promise<void> {
  checkDate(date);
  await auditedChange(
    ctx,
    actor,
    { action: 'calendar.override_removed', recordId: date },
    async (trx) => {
      if (!(await store.deleteOverride(trx, date))) {
        throw new AppError('not_found');
      }
    },
  );
}

/**
 * The bureau admin confirms that a year's holidays and swapped working days are all entered, so
 * its deadlines stop counting weekends only; `complete: false` withdraws it.
 */
export async function setYearComplete(
  ctx: AppContext,
  actor: StaffActor,
  year: number,
  complete: boolean,
): Promise<void> {
  const at = ctx.now().toISOString();
  await auditedChange(
    ctx,
    actor,
    {
      action: 'calendar.year_confirmed',
      recordId: String(year),
      detail: { complete: complete ? 'yes' : 'no' },
    },
    async (trx) => {
      if (complete) {
        await store.confirmYear(trx, { year, by: actor.id, at });
      } else {
        await store.unconfirmYear(trx, year);
      }
    },
  );
}

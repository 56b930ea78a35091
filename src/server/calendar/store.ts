import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
type CalendarDayKind = 'holiday' | 'workday';

/**
 * What a deadline needs of the calendar in one statement (one round trip on PostgreSQL, where a
 * ticket's filing makes a dozen): every override's date and kind, and each confirmed year as a
 * row of its own with no date.
 */
export async function readCalendar(
  db: Executor,
): Promise<{ overrides: { date: string; kind: CalendarDayKind }[]; years: number[] }> {
  const rows = await db
    .selectFrom('calendar_overrides')
    .select(['date', 'kind', sql<number | null>`null`.as('year')])
    .unionAll(
      db
        .selectFrom('calendar_years')
        .select([
          sql<string>`null`.as('date'),
          sql<CalendarDayKind>`null`.as('kind'),
          sql<number | null>`year`.as('year'),
        ]),
    )
    .execute();
  const overrides: { date: string; kind: CalendarDayKind }[] = [];
  const years: number[] = [];
  for (const row of rows) {
    if (row.year === null) {
      overrides.push({ date: row.date, kind: row.kind });
    } else {
      years.push(row.year);
    }
  }
  return { overrides, years };
}

/** Every override the bureau has entered, oldest date first. */
export function listOverrides(db: Executor) {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

/** Enters or replaces the override of one date. */
export async function upsertOverride(
  db: Executor,
  row: { date: string; kind: 'holiday' | 'workday'; note: string; createdBy: string; at: string },
): Promise<void> {
  await db
    .insertInto('calendar_overrides')
    .values({
      date: row.date,
      kind: row.kind,
      note: row.note,
      created_by: row.createdBy,
      created_at: row.at,
    })
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({ kind: row.kind, note: row.note, created_by: row.createdBy }),
    )
    .execute();
}

/** Removes the override of one date; true when there was one. */
export async function deleteOverride(db: Executor, date: string): Promise<boolean> {
  const result = await db
    .deleteFrom('calendar_overrides')
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Confirms a year as completely entered. */
export async function confirmYear(
  db: Executor,
  row: { year: number; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('calendar_years')
    .values({ year: row.year, confirmed_by: row.by, confirmed_at: row.at })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ confirmed_by: row.by, confirmed_at: row.at }),
    )
    .execute();
}

/** Withdraws a year's confirmation. */
export async function unconfirmYear(db: Executor, year: number): Promise<void> {
  await db.deleteFrom('calendar_years').where('year', '=', year).execute();
}

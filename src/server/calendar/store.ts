import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

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

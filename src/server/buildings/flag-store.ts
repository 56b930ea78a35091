// SQL of building flags: set by a recurrence found on a re-inspection, cleared by an admin. A
// building has at most one flag not yet cleared (the partial unique index of migration 0014).
import type { Kysely, Transaction } from 'kysely';
import type { BuildingFlagTable, Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Flags a building unless it has a flag not yet cleared; false when it already had one. */
export async function insertFlag(db: Executor, row: BuildingFlagTable): Promise<boolean> {
  const result = await db
    .insertInto('building_flags')
    .values(row)
    .onConflict((oc) => oc.column('building_id').where('cleared_at', 'is', null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Clears a building's active flag; false when it had none. */
export async function clearFlag(
  db: Executor,
  buildingId: string,
  changes: Pick<BuildingFlagTable, 'cleared_at' | 'cleared_by' | 'clear_reason'>,
): Promise<string | null> {
  const row = await db
    .updateTable('building_flags')
    .set(changes)
    .where('building_id', '=', buildingId)
    .where('cleared_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

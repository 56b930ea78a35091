import type { Insertable, Updateable } from 'kysely';
import type { PlacardCheckTable, PlacardTable } from '../db/schema.js';
import { scopeColumn, type Executor, type PlacardScopeRef } from './store.js';

// The placard register's SQL: placard points, their checks, and the tokens a building's QR code
// carried before it was rotated.

/** The points of the active buildings of a scope, with who printed and who last checked them. */
export function listPointsOfScope(ex: Executor, scope: PlacardScopeRef) {
  return ex
    .selectFrom('placards')
    .innerJoin('buildings', 'buildings.id', 'placards.building_id')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .leftJoin('staff as printer', 'printer.id', 'placards.printed_by')
    .leftJoin('staff as checker', 'checker.id', 'placards.last_checked_by')
    .selectAll('placards')
    .select([
      'printer.name as printerName',
      'printer.badge_no as printerBadge',
      'checker.name as checkerName',
      'checker.badge_no as checkerBadge',
    ])
    .where('buildings.retired_at', 'is', null)
    .where(scopeColumn(scope), '=', scope.id)
    .orderBy('placards.point_no')
    .execute();
}

/** One point as the register reads it. */
export type PointRow = Awaited<ReturnType<typeof listPointsOfScope>>[number];

/** A point by id. */
export function findPoint(ex: Executor, id: string): Promise<PlacardTable | undefined> {
  return ex.selectFrom('placards').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether another point already has this number. */
export async function pointNoTaken(ex: Executor, pointNo: string, exceptId?: string) {
  let query = ex.selectFrom('placards').select('id').where('point_no', '=', pointNo);
  if (exceptId) {
    query = query.where('id', '!=', exceptId);
  }
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts a point. */
export async function insertPoint(ex: Executor, row: Insertable<PlacardTable>): Promise<void> {
  await ex.insertInto('placards').values(row).execute();
}

/** Changes a point. */
export async function updatePoint(
  ex: Executor,
  id: string,
  patch: Updateable<PlacardTable>,
): Promise<void> {
  await ex.updateTable('placards').set(patch).where('id', '=', id).execute();
}

/** Records what was printed for every point of a building; returns how many points it has. */
export async function markBuildingPrinted(
  ex: Executor,
  buildingId: string,
  printed: Pick<
    PlacardTable,
    'printed_at' | 'printed_by' | 'printed_content_hash' | 'printed_token'
  >,
): Promise<number> {
  const result = await ex
    .updateTable('placards')
    .set(printed)
    .where('building_id', '=', buildingId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Inserts one field check. */
export async function insertCheck(ex: Executor, row: PlacardCheckTable): Promise<void> {
  await ex.insertInto('placard_checks').values(row).execute();
}

/** The checks of a point, newest first, with who made them. */
export function listChecks(ex: Executor, placardId: string) {
  return ex
    .selectFrom('placard_checks')
    .leftJoin('staff', 'staff.id', 'placard_checks.checked_by')
    .selectAll('placard_checks')
    .select(['staff.name as checkerName', 'staff.badge_no as checkerBadge'])
    .where('placard_checks.placard_id', '=', placardId)
    .orderBy('placard_checks.checked_at', 'desc')
    .orderBy('placard_checks.id')
    .execute();
}

/** Gives a building a new token while it still has the old one; false when another change won. */
export async function replaceToken(
  ex: Executor,
  buildingId: string,
  oldToken: string,
  newToken: string,
): Promise<boolean> {
  const result = await ex
    .updateTable('buildings')
    .set({ placard_token: newToken })
    .where('id', '=', buildingId)
    .where('placard_token', '=', oldToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps a token the building no longer prints, so its QR code still answers. */
export async function insertTokenHistory(
  ex: Executor,
  row: { token: string; building_id: string; replaced_at: string; replaced_by: string | null },
): Promise<void> {
  await ex.insertInto('placard_token_history').values(row).execute();
}

/** The building an earlier token belonged to, if the token is one. */
export async function findBuildingOfOldToken(
  ex: Executor,
  token: string,
): Promise<string | undefined> {
  const row = await ex
    .selectFrom('placard_token_history')
    .select('building_id')
    .where('token', '=', token)
    .executeTakeFirst();
  return row?.building_id;
}

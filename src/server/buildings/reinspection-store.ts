// SQL of re-inspections (回头看). The closed cases a scan looks at are read
// from the cases tables (never written): the cases feature knows nothing of re-inspections.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, ReinspectionPhotoTable, ReinspectionTable } from '../db/schema.js';
import type { BuildingScope } from './store.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which closed cases a scan looks at: all, a street's, or those of one building's tickets. */
export type CandidateFilter = { all: true } | { streetId: string } | { buildingId: string };

/**
 * Closed cases of these matters that came from a ticket and have no re-inspection yet, with what
 * decides whether they owe one (src/domain/reinspection-rules.ts).
 */
export function listCandidateCases(
  db: Executor,
  matterCodes: readonly string[],
  filter: CandidateFilter,
) {
  let query = db
    .selectFrom('cases')
    .innerJoin('tickets', 'tickets.id', 'cases.ticket_id')
    .leftJoin('case_non_penalty', 'case_non_penalty.case_id', 'cases.id')
    .leftJoin('reinspections', 'reinspections.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.status',
      'cases.decision_kind',
      'cases.closed_at',
      'cases.matter_code',
      'cases.street_id',
      'case_non_penalty.check_result',
      'tickets.id as ticket_id',
      'tickets.building_id',
    ])
    .where('cases.status', '=', 'closed')
    .where('cases.matter_code', 'in', matterCodes.length > 0 ? matterCodes : ['-'])
    .where('reinspections.id', 'is', null);
  if ('streetId' in filter) {
    query = query.where('cases.street_id', '=', filter.streetId);
  } else if ('buildingId' in filter) {
    query = query.where('tickets.building_id', '=', filter.buildingId);
  }
  return query.orderBy('cases.closed_at').orderBy('cases.id').execute();
}

/** Inserts a re-inspection unless its case has one; false when another scan was first. */
export async function insertReinspection(
  db: Executor,
  row: Insertable<ReinspectionTable>,
): Promise<boolean> {
  const result = await db
    .insertInto('reinspections')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The room of a building's community, if it has one. */
export async function findRoomOfBuilding(db: Executor, buildingId: string): Promise<string | null> {
  const row = await db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .select('rooms.id')
    .where('buildings.id', '=', buildingId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Re-inspections not done whose due day is on or before `lastDueOn`, with their room. */
export function listOpenDueBy(db: Executor, lastDueOn: string) {
  return db
    .selectFrom('reinspections')
    .innerJoin('buildings', 'buildings.id', 'reinspections.building_id')
    .leftJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .select([
      'reinspections.id',
      'reinspections.ticket_id',
      'reinspections.due_on',
      'rooms.id as room_id',
    ])
    .where('reinspections.status', '=', 'due')
    .where('reinspections.due_on', '<=', lastDueOn)
    .orderBy('reinspections.due_on')
    .orderBy('reinspections.id')
    .execute();
}

function reinspectionWithNames(db: Executor) {
  return db
    .selectFrom('reinspections')
    .innerJoin('buildings', 'buildings.id', 'reinspections.building_id')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'reinspections.street_id')
    .leftJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('cases', 'cases.id', 'reinspections.case_id')
    .innerJoin('tickets', 'tickets.id', 'reinspections.ticket_id')
    .leftJoin('matters', 'matters.code', 'reinspections.matter_code')
    .leftJoin('staff as officer', 'officer.id', 'reinspections.done_by')
    .leftJoin('tickets as recurrence', 'recurrence.id', 'reinspections.recurrence_ticket_id')
    .selectAll('reinspections')
    .select([
      'buildings.name as building_name',
      'buildings.retired_at as building_retired_at',
      'buildings.community_id',
      'communities.name as community_name',
      'streets.name as street_name',
      'rooms.id as room_id',
      'cases.case_no',
      'tickets.tracking_code',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'officer.name as done_by_name',
      'officer.badge_no as done_by_badge',
      'recurrence.tracking_code as recurrence_tracking_code',
    ]);
}

/** A re-inspection with its building, case, ticket, matter and officer names. */
export type ReinspectionRecord = NonNullable<Awaited<ReturnType<typeof findReinspection>>>;

/** A re-inspection by id. */
export function findReinspection(db: Executor, id: string) {
  return reinspectionWithNames(db).where('reinspections.id', '=', id).executeTakeFirst();
}

/** The re-inspections of a building, the earliest due first. */
export function listReinspectionsOfBuilding(db: Executor, buildingId: string) {
  return reinspectionWithNames(db)
    .where('reinspections.building_id', '=', buildingId)
    .orderBy('reinspections.due_on')
    .orderBy('reinspections.created_at')
    .orderBy('reinspections.id')
    .execute();
}

/** What the list asks for: done or not, and due on or before / after a day. */
export interface ReinspectionFilter {
  status: 'due' | 'done' | null;
  dueBefore: string | null;
  dueFrom: string | null;
}

/** One page of the re-inspections in a scope: earliest due (then scheduled) first; done: latest. */
export async function listReinspections(
  db: Executor,
  scope: BuildingScope,
  filter: ReinspectionFilter,
  page: { limit: number; offset: number },
) {
  let query = reinspectionWithNames(db);
  if ('streetId' in scope) {
    query = query.where('reinspections.street_id', '=', scope.streetId);
  } else if ('roomIds' in scope) {
    query = query.where('rooms.id', 'in', scope.roomIds.length > 0 ? scope.roomIds : ['-']);
  }
  if (filter.status) {
    query = query.where('reinspections.status', '=', filter.status);
  }
  if (filter.dueBefore) {
    query = query.where('reinspections.due_on', '<', filter.dueBefore);
  }
  if (filter.dueFrom) {
    query = query.where('reinspections.due_on', '>=', filter.dueFrom);
  }
  const ordered =
    filter.status === 'done'
      ? query.orderBy('reinspections.done_at', 'desc')
      : query.orderBy('reinspections.due_on').orderBy('reinspections.created_at');
  const rows = await ordered
    .orderBy('reinspections.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The photos of these re-inspections, in order. */
export function listPhotos(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('reinspection_photos')
    .innerJoin('files', 'files.id', 'reinspection_photos.file_id')
    .select([
      'reinspection_photos.reinspection_id',
      'files.id',
      'files.width',
      'files.height',
      'files.mime',
      'files.storage_key',
    ])
    .where('reinspection_photos.reinspection_id', 'in', ids)
    .orderBy('reinspection_photos.sort')
    .execute();
}

/** Records the result of a re-inspection still due; false means another result came first. */
export async function recordResultIf(
  db: Executor,
  id: string,
  changes: Updateable<ReinspectionTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('reinspections')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'due')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The uploaded files among these ids that nothing uses yet. */
export async function findUnusedFiles(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('id', 'in', ids)
    .where('attached_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Marks unused files as this re-inspection's photos, in order; returns how many it claimed. */
export async function claimPhotos(
  db: Executor,
  reinspectionId: string,
  fileIds: readonly string[],
  at: string,
): Promise<number> {
  if (fileIds.length === 0) {
    return 0;
  }
  const result = await db
    .updateTable('files')
    .set({ attached_at: at })
    .where('id', 'in', fileIds)
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  const rows: ReinspectionPhotoTable[] = fileIds.map((fileId, sort) => ({
    reinspection_id: reinspectionId,
    file_id: fileId,
    sort,
  }));
  await db.insertInto('reinspection_photos').values(rows).execute();
  return Number(result.numUpdatedRows);
}

/** How many re-inspections of a building are open, overdue (due before `today`) and recurred. */
export async function countReinspections(db: Executor, buildingId: string, today: string) {
  const base = db
    .selectFrom('reinspections')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('building_id', '=', buildingId);
  const [open, overdue, recurred] = await Promise.all([
    base.where('status', '=', 'due').executeTakeFirstOrThrow(),
    base.where('status', '=', 'due').where('due_on', '<', today).executeTakeFirstOrThrow(),
    base.where('result', '=', 'recurred').executeTakeFirstOrThrow(),
  ]);
  return { open: Number(open.n), overdue: Number(overdue.n), recurred: Number(recurred.n) };
}

// SQL of the assessment demo seed (src/server/assessment/demo.ts): who and where the demo works,
// and the decided cases, visits and education events it writes.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CaseTable, Database, EducationEventTable, VisitTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The demo streets in their order, with their admin account. */
export function listDemoStreets(db: Executor) {
  return db
    .selectFrom('streets')
    .innerJoin('staff', (j) =>
      j
        .onRef('staff.street_id', '=', 'streets.id')
        .on('staff.role', '=', 'street_admin')
        .on('staff.active', '=', 1),
    )
    .select(['streets.id', 'streets.name', 'staff.id as admin_id'])
    .where('streets.is_demo', '=', 1)
    .orderBy('streets.sort')
    .orderBy('streets.id')
    .execute();
}

/** The first active bureau admin account, or null. */
export async function findBureauAdmin(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'bureau_admin')
    .where('active', '=', 1)
    .orderBy('created_at')
    .orderBy('username')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The active buildings of a street with their room's first liaison, by building code. */
export function listStreetBuildings(db: Executor, streetId: string) {
  return db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('rooms', 'rooms.community_id', 'communities.id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .select([
      'buildings.id',
      'buildings.placard_token',
      'communities.id as community_id',
      'room_liaisons.staff_id as liaison_id',
    ])
    .where('communities.street_id', '=', streetId)
    .where('buildings.retired_at', 'is', null)
    .where('room_liaisons.sort', '=', (eb) =>
      eb
        .selectFrom('room_liaisons as first')
        .select((e) => e.fn.min('first.sort').as('s'))
        .whereRef('first.room_id', '=', 'rooms.id'),
    )
    .orderBy('buildings.code')
    .execute();
}

/** The first placard point of each building listed. */
export function listFirstPoints(db: Executor, buildingIds: string[]) {
  if (buildingIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('placards')
    .select(['id', 'building_id'])
    .where('building_id', 'in', buildingIds)
    .orderBy('point_no')
    .execute();
}

/** The id of the exemplary record titled so, if any (the seed's own mark that it ran). */
export async function findExemplaryTitled(db: Executor, title: string): Promise<string | null> {
  const row = await db
    .selectFrom('assessment_exemplary')
    .select('id')
    .where('title', '=', title)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The highest case number a street gave in a year. */
export async function maxCaseSeq(db: Executor, streetId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.max('case_seq').as('n'))
    .where('street_id', '=', streetId)
    .where('case_year', '=', year)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Writes a decided case. */
export async function insertCase(db: Executor, row: Insertable<CaseTable>): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

/** Writes a liaison's visit. */
export async function insertVisit(db: Executor, row: Insertable<VisitTable>): Promise<void> {
  await db.insertInto('visits').values(row).execute();
}

/** Writes an education event that was held. */
export async function insertEvent(
  db: Executor,
  row: Insertable<EducationEventTable>,
): Promise<void> {
  await db.insertInto('education_events').values(row).execute();
}

// SQL of the building file's header, the building search and the counts. The file is a read
// model over the tables of the organisation, tickets, cases, visits, meetings, mediations and
// placards: those features have no "by building" reads of their own, and their tables are read
// here, never written.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { containsText } from '../db/text-match.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The buildings a list reaches: all, a street's, or those of a liaison's rooms. */
export type BuildingScope = { all: true } | { streetId: string } | { roomIds: string[] };

function buildingWithPlace(db: Executor) {
  return db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .leftJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .leftJoin('building_flags', (join) =>
      join
        .onRef('building_flags.building_id', '=', 'buildings.id')
        .on('building_flags.cleared_at', 'is', null),
    )
    .leftJoin('matters', 'matters.code', 'building_flags.matter_code')
    .select([
      'buildings.id',
      'buildings.code',
      'buildings.name',
      'buildings.address',
      'buildings.retired_at',
      'communities.code as community_code',
      'communities.name as community_name',
      'streets.id as streetId',
      'streets.code as street_code',
      'streets.name as street_name',
      'rooms.id as roomId',
      'rooms.name as room_name',
      'building_flags.reason as flag_reason',
      'building_flags.flagged_at as flag_since',
      'building_flags.reinspection_id as flag_reinspection_id',
      'building_flags.matter_code as flag_matter_code',
      'matters.name as flag_matter_name',
      'matters.name_en as flag_matter_name_en',
    ]);
}

/** A building with its community, street, room and active flag. */
export type BuildingRecord = NonNullable<Awaited<ReturnType<typeof findBuilding>>>;

/** A building by id. */
export function findBuilding(db: Executor, id: string) {
  return buildingWithPlace(db).where('buildings.id', '=', id).executeTakeFirst();
}

/** The active liaisons of a room, in placard order: names and badges only. */
export function listRoomLiaisons(db: Executor, roomId: string) {
  return db
    .selectFrom('room_liaisons')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.id', 'staff.name', 'staff.badge_no'])
    .where('room_liaisons.room_id', '=', roomId)
    .where('staff.active', '=', 1)
    .orderBy('room_liaisons.sort')
    .execute();
}

/** What the building search narrows to. */
export interface BuildingSearch {
  text: string | null;
  flaggedOnly: boolean;
}

/** One page of the buildings in a scope matching a search, by street, community and code. */
export async function listBuildings(
  db: Executor,
  scope: BuildingScope,
  search: BuildingSearch,
  page: { limit: number; offset: number },
) {
  let query = buildingWithPlace(db);
  if ('streetId' in scope) {
    query = query.where('streets.id', '=', scope.streetId);
  } else if ('roomIds' in scope) {
    query = query.where('rooms.id', 'in', scope.roomIds.length > 0 ? scope.roomIds : ['-']);
  }
  const text = search.text;
  if (text) {
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref('buildings.name'), text),
        containsText(eb.ref('buildings.address'), text),
      ]),
    );
  }
  if (search.flaggedOnly) {
    query = query.where('building_flags.id', 'is not', null);
  }
  const rows = await query
    .orderBy('streets.sort')
    .orderBy('communities.code')
    .orderBy('buildings.code')
    .orderBy('buildings.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** How many tickets, cases, visits, meetings, mediations and placard points a building has. */
export async function countRecords(db: Executor, buildingId: string, openTicketStates: string[]) {
  const tickets = db.selectFrom('tickets').select('id').where('building_id', '=', buildingId);
  const distinct = (column: 'visit_id' | 'meeting_id') =>
    sql<string | number>`count(distinct ${sql.ref(column)})`.as('n');
  const rows = await Promise.all([
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('building_id', '=', buildingId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('building_id', '=', buildingId)
      .where('status', 'in', openTicketStates)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ticket_id', 'in', tickets)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('ticket_id', 'in', tickets)
      .where('status', 'not in', ['closed', 'cancelled'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('visit_tickets')
      .select(distinct('visit_id'))
      .where('ticket_id', 'in', tickets)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('meeting_tickets')
      .select(distinct('meeting_id'))
      .where('ticket_id', 'in', tickets)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mediations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('source_kind', '=', 'ticket')
      .where('source_id', 'in', tickets)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('placards')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('building_id', '=', buildingId)
      .executeTakeFirstOrThrow(),
  ]);
  const [tickets_, open, cases, openCases, visits, meetings, mediations, points] = rows.map((r) =>
    Number(r.n),
  );
  return {
    tickets: tickets_ ?? 0,
    openTickets: open ?? 0,
    cases: cases ?? 0,
    openCases: openCases ?? 0,
    visits: visits ?? 0,
    meetings: meetings ?? 0,
    mediations: mediations ?? 0,
    placardPoints: points ?? 0,
  };
}

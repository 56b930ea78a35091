import type { ExpressionBuilder, Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, MeetingTable, MeetingTicketTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Whose meetings a list shows: a liaison's (those they attended or recorded, and those of their
 * rooms' communities), a street's, or all.
 */
export type MeetingScope =
  { staffId: string; communityIds: readonly string[] } | { streetId: string } | { all: true };

/** Filters of the meeting list. */
export interface MeetingFilter {
  kind?: string;
  communityId?: string;
}

/** Inserts a meeting. */
export async function insertMeeting(db: Executor, row: Insertable<MeetingTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

/** Changes a meeting only if nobody changed it since it was read. */
export async function updateMeetingIf(
  db: Executor,
  id: string,
  expectedEditCount: number,
  changes: Updateable<MeetingTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set(changes)
    .where('id', '=', id)
    .where('edit_count', '=', expectedEditCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the officers who attended a meeting, in the order given. */
export async function replaceMeetingStaff(
  db: Executor,
  meetingId: string,
  staffIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('meeting_staff').where('meeting_id', '=', meetingId).execute();
  for (const [sort, staffId] of staffIds.entries()) {
    await db
      .insertInto('meeting_staff')
      .values({ meeting_id: meetingId, staff_id: staffId, sort })
      .execute();
  }
}

/** Links tickets to a meeting, numbered on from `firstSort`. */
export async function insertMeetingTickets(
  db: Executor,
  meetingId: string,
  link: MeetingTicketTable['link'],
  ticketIds: readonly string[],
  firstSort: number,
): Promise<void> {
  for (const [i, ticketId] of ticketIds.entries()) {
    await db
      .insertInto('meeting_tickets')
      .values({ meeting_id: meetingId, ticket_id: ticketId, link, sort: firstSort + i })
      .execute();
  }
}

/** Removes the links to the tickets a meeting settled; the tickets themselves are not touched. */
export async function deleteSettledLinks(db: Executor, meetingId: string): Promise<void> {
  await db
    .deleteFrom('meeting_tickets')
    .where('meeting_id', '=', meetingId)
    .where('link', '=', 'settled')
    .execute();
}

function countLinks(eb: ExpressionBuilder<Database, 'meetings'>, link: MeetingTicketTable['link']) {
  return eb
    .selectFrom('meeting_tickets')
    .select(eb.fn.countAll().as('n'))
    .whereRef('meeting_tickets.meeting_id', '=', 'meetings.id')
    .where('meeting_tickets.link', '=', link);
}

function meetingWithNames(db: Executor) {
  return db
    .selectFrom('meetings')
    .innerJoin('staff as author', 'author.id', 'meetings.created_by')
    .innerJoin('communities', 'communities.id', 'meetings.community_id')
    .innerJoin('streets', 'streets.id', 'meetings.street_id')
    .selectAll('meetings')
    .select((eb) => [
      'author.name as author_name',
      'author.badge_no as author_badge',
      'communities.name as community_name',
      'streets.name as street_name',
      countLinks(eb, 'produced').as('produced_count'),
      countLinks(eb, 'settled').as('settled_count'),
    ]);
}

/** One meeting with the names a list or detail shows. */
export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** A meeting by id. */
export function findMeeting(db: Executor, id: string) {
  return meetingWithNames(db).where('meetings.id', '=', id).executeTakeFirst();
}

/** The meeting an idempotency key already recorded, if any. */
export function findMeetingByIdempotencyKey(db: Executor, key: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'request_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

function conditions(
  eb: ExpressionBuilder<Database, 'meetings'>,
  scope: MeetingScope,
  filter: MeetingFilter,
) {
  const all = [];
  if ('staffId' in scope) {
    const communities = scope.communityIds.length > 0 ? [...scope.communityIds] : ['-'];
    all.push(
      eb.or([
        eb('meetings.created_by', '=', scope.staffId),
        eb('meetings.community_id', 'in', communities),
        eb.exists(
          eb
            .selectFrom('meeting_staff')
            .select('meeting_staff.staff_id')
            .whereRef('meeting_staff.meeting_id', '=', 'meetings.id')
            .where('meeting_staff.staff_id', '=', scope.staffId),
        ),
      ]),
    );
  } else if ('streetId' in scope) {
    all.push(eb('meetings.street_id', '=', scope.streetId));
  }
  if (filter.kind) {
    all.push(eb('meetings.kind', '=', filter.kind as MeetingTable['kind']));
  }
  if (filter.communityId) {
    all.push(eb('meetings.community_id', '=', filter.communityId));
  }
  return eb.and(all);
}

/** One page of meetings in a scope, latest first, with the total. */
export async function listMeetings(
  db: Executor,
  scope: MeetingScope,
  filter: MeetingFilter,
  page: { limit: number; offset: number },
) {
  const rows = await meetingWithNames(db)
    .where((eb) => conditions(eb, scope, filter))
    .orderBy('meetings.meeting_date', 'desc')
    .orderBy('meetings.created_at', 'desc')
    .orderBy('meetings.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => conditions(eb, scope, filter))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Whether a meeting is in a scope (the same rule as the list). */
export async function meetingInScope(db: Executor, id: string, scope: MeetingScope) {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', id)
    .where((eb) => conditions(eb, scope, {}))
    .executeTakeFirst();
  return row !== undefined;
}

/** The officers who attended some meetings, in order. */
export function listMeetingStaff(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('meeting_staff')
    .innerJoin('staff', 'staff.id', 'meeting_staff.staff_id')
    .select(['meeting_staff.meeting_id', 'staff.id', 'staff.name', 'staff.badge_no'])
    .where('meeting_staff.meeting_id', 'in', meetingIds)
    .orderBy('meeting_staff.sort')
    .execute();
}

/** The tickets a meeting produced and settled, produced first. */
export function listMeetingTickets(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_tickets')
    .innerJoin('tickets', 'tickets.id', 'meeting_tickets.ticket_id')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .leftJoin('matters', 'matters.code', 'tickets.matter_code')
    .select([
      'meeting_tickets.link',
      'tickets.id',
      'tickets.tracking_code',
      'tickets.kind',
      'tickets.status',
      'tickets.matter_code',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'buildings.name as building_name',
    ])
    .where('meeting_tickets.meeting_id', '=', meetingId)
    .orderBy('meeting_tickets.sort')
    .execute();
}

/** The meetings that produced or settled a ticket, oldest first. */
export function listMeetingsOfTicket(db: Executor, ticketId: string) {
  return db
    .selectFrom('meeting_tickets')
    .innerJoin('meetings', 'meetings.id', 'meeting_tickets.meeting_id')
    .select([
      'meetings.id',
      'meetings.kind',
      'meetings.meeting_date',
      'meetings.topic',
      'meeting_tickets.link',
    ])
    .where('meeting_tickets.ticket_id', '=', ticketId)
    .orderBy('meetings.meeting_date')
    .orderBy('meetings.id')
    .execute();
}

/** Tickets by id with the community of their building. */
export function findTicketCommunities(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('tickets')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .select(['tickets.id', 'buildings.community_id', 'tickets.created_at'])
    .where('tickets.id', 'in', ids)
    .execute();
}

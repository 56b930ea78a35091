import {
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { Database, DeadlinePolicyTable, TicketTable } from '../db/schema.js';
import { isPostgres } from '../db/dialect.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Inserts a new ticket row. */
export async function insertTicket(db: Executor, row: Insertable<TicketTable>): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

/** A reporter's contact as the ticket's filing gives it. */
export interface NewReporter {
  ticketId: string;
  phoneEnc: string | null;
  phoneMasked: string | null;
  /** The keyed digest the phone lookup finds it by (src/server/tickets/search.ts). */
  phoneDigest?: string | null;
  nameEnc?: string | null;
  nameMasked?: string | null;
}

function reporterValues(row: NewReporter) {
  return {
    ticket_id: row.ticketId,
    phone_enc: row.phoneEnc,
    phone_masked: row.phoneMasked,
    phone_digest: row.phoneDigest ?? null,
    name_enc: row.nameEnc ?? null,
    name_masked: row.nameMasked ?? null,
  };
}

/** Stores the reporter's contact apart from the ticket. */
async function insertReporter(db: Executor, row: NewReporter): Promise<void> {
  await db.insertInto('ticket_reporters').values(reporterValues(row)).execute();
}

/** The masked phone and name of a ticket's reporter, each null when not left. */
export async function findReporterMasked(
  db: Executor,
  ticketId: string,
): Promise<{ phone: string | null; name: string | null }> {
  const row = await db
    .selectFrom('ticket_reporters')
    .select(['phone_masked', 'name_masked'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return { phone: row?.phone_masked ?? null, name: row?.name_masked ?? null };
}

/** One event of a ticket's timeline. */
export interface NewEvent {
  ticketId: string;
  seq: number;
  type: string;
  at: string;
  actorKind: 'resident' | 'staff' | 'system';
  actorId: string | null;
  data: Record<string, unknown>;
}

function eventValues(row: NewEvent) {
  return {
    ticket_id: row.ticketId,
    seq: row.seq,
    type: row.type,
    at: row.at,
    actor_kind: row.actorKind,
    actor_id: row.actorId,
    data: JSON.stringify(row.data),
  };
}

/** Appends one event to a ticket's timeline. */
export async function insertEvent(db: Executor, row: NewEvent): Promise<void> {
  await db.insertInto('ticket_events').values(eventValues(row)).execute();
}

/**
 * A new ticket with its reporter and its first event: on PostgreSQL in one statement (the ticket
 * and the reporter as data-changing `with`s, one round trip instead of three; the foreign keys
 * are checked at the statement's end, when the ticket is there), on SQLite in three.
 */
export async function insertNewTicket(
  db: Executor,
  rows: { ticket: Insertable<TicketTable>; reporter: NewReporter; event: NewEvent },
): Promise<void> {
  if (isPostgres(db)) {
    await db
      .with('ticket', (qb) => qb.insertInto('tickets').values(rows.ticket))
      .with('reporter', (qb) =>
        qb.insertInto('ticket_reporters').values(reporterValues(rows.reporter)),
      )
      .insertInto('ticket_events')
      .values(eventValues(rows.event))
      .execute();
    return;
  }
  await insertTicket(db, rows.ticket);
  await insertReporter(db, rows.reporter);
  await insertEvent(db, rows.event);
}

/** A ticket's timeline, oldest first, with staff names. */
export function listEvents(db: Executor, ticketId: string) {
  return db
    .selectFrom('ticket_events')
    .leftJoin('staff', 'staff.id', 'ticket_events.actor_id')
    .select([
      'ticket_events.seq',
      'ticket_events.type',
      'ticket_events.at',
      'ticket_events.actor_kind',
      'ticket_events.data',
      'staff.name as actor_name',
    ])
    .where('ticket_events.ticket_id', '=', ticketId)
    .orderBy('ticket_events.seq')
    .execute();
}

/**
 * The names of a ticket's place, matter and assignee. They are read by subqueries, not joins:
 * SQLite reads a ticket row joined to six tables several times slower than the row with
 * subqueries by primary key (docs/performance.md), and the result is the same, since a ticket's
 * building, community, street and room always exist.
 */
export function placeNames(eb: ExpressionBuilder<Database, 'tickets'>) {
  return [
    eb
      .selectFrom('buildings')
      .select('buildings.name')
      .whereRef('buildings.id', '=', 'tickets.building_id')
      .$asScalar()
      .as('building_name'),
    eb
      .selectFrom('communities')
      .select('communities.name')
      .where(
        'communities.id',
        '=',
        eb
          .selectFrom('buildings')
          .select('buildings.community_id')
          .whereRef('buildings.id', '=', 'tickets.building_id'),
      )
      .$asScalar()
      .as('community_name'),
    eb
      .selectFrom('streets')
      .select('streets.name')
      .whereRef('streets.id', '=', 'tickets.street_id')
      .$asScalar()
      .as('street_name'),
    eb
      .selectFrom('rooms')
      .select('rooms.name')
      .whereRef('rooms.id', '=', 'tickets.room_id')
      .$asScalar()
      .as('room_name'),
    eb
      .selectFrom('matters')
      .select('matters.name')
      .whereRef('matters.code', '=', 'tickets.matter_code')
      .as('matter_name'),
    eb
      .selectFrom('matters')
      .select('matters.name_en')
      .whereRef('matters.code', '=', 'tickets.matter_code')
      .as('matter_name_en'),
    eb
      .selectFrom('staff')
      .select('staff.name')
      .whereRef('staff.id', '=', 'tickets.assignee_id')
      .as('assignee_name'),
    eb
      .selectFrom('staff')
      .select('staff.badge_no')
      .whereRef('staff.id', '=', 'tickets.assignee_id')
      .as('assignee_badge'),
  ];
}

function ticketWithPlace(db: Executor) {
  return db.selectFrom('tickets').selectAll('tickets').select(placeNames);
}

/** One ticket with the names of its place, matter and assignee. */
export type TicketRecord = NonNullable<Awaited<ReturnType<typeof findTicketById>>>;

/** A ticket by id. */
export function findTicketById(db: Executor, id: string) {
  return ticketWithPlace(db).where('tickets.id', '=', id).executeTakeFirst();
}

/** A ticket by the hash of its private access token. */
export function findTicketByAccessHash(db: Executor, accessHash: string) {
  return ticketWithPlace(db).where('tickets.access_hash', '=', accessHash).executeTakeFirst();
}

/** Tickets a resident finds again (我的诉求): a phone's, by its digest, or one by tracking code. */
export function listResidentTickets(db: Executor, by: { phoneDigest: string } | { code: string }) {
  const query = ticketWithPlace(db).leftJoin('ticket_reporters as r', 'r.ticket_id', 'tickets.id');
  const found =
    'code' in by
      ? query.where('tickets.tracking_code', '=', by.code)
      : query.where('r.phone_digest', '=', by.phoneDigest);
  return found.orderBy('tickets.created_at', 'desc').orderBy('tickets.id').execute();
}

/** A ticket by its submission's idempotency key. */
export function findTicketByIdempotencyKey(db: Executor, key: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'request_hash', 'tracking_code', 'created_at', 'resolve_due_at'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/**
 * Updates a ticket only if nobody changed it since it was read (its event count is unchanged);
 * false means a concurrent change won.
 */
export async function updateTicketIfUnchanged(
  db: Executor,
  id: string,
  expectedEventCount: number,
  changes: Updateable<TicketTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set(changes)
    .where('id', '=', id)
    .where('event_count', '=', expectedEventCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Resolved tickets nobody rated since before `before`, for closing them. */
export function listUnratedResolvedBefore(db: Executor, before: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'event_count'])
    .where('status', '=', 'resolved')
    .where('resolved_at', '<', before)
    .execute();
}

/** The policy in force for a kind (and matter, which wins when it has its own), or none. */
export async function findDeadlinePolicy(
  db: Executor,
  kind: string,
  matterCode: string | null,
  at: string,
) {
  const rows = await db
    .selectFrom('deadline_policies')
    .selectAll()
    .where('kind', '=', kind)
    .where('effective_from', '<=', at)
    .where((eb) =>
      matterCode
        ? eb.or([eb('matter_code', 'is', null), eb('matter_code', '=', matterCode)])
        : eb('matter_code', 'is', null),
    )
    .orderBy('effective_from', 'desc')
    .execute();
  return rows.find((r) => r.matter_code !== null) ?? rows[0];
}

/** Whether a matter code is in the catalogue and in force (a retired one takes no new tickets). */
export async function matterExists(db: Executor, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('matters')
    .select('code')
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every deadline policy the bureau has set, newest first. */
export function listDeadlinePolicies(db: Executor) {
  return db
    .selectFrom('deadline_policies')
    .selectAll()
    .orderBy('effective_from', 'desc')
    .orderBy('id')
    .execute();
}

/** Stores a new deadline policy. */
export async function insertDeadlinePolicy(
  db: Executor,
  row: Insertable<DeadlinePolicyTable>,
): Promise<void> {
  await db.insertInto('deadline_policies').values(row).execute();
}

import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, OutboxTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Inserts a message; with a dedupe key already taken nothing is written and false returned. */
export async function insertMessage(db: Executor, row: Insertable<OutboxTable>): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Of these dedupe keys, the ones already queued. */
export async function existingDedupeKeys(db: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('outbox')
    .select('dedupe_key')
    .where('dedupe_key', 'in', keys)
    .execute();
  return new Set(rows.flatMap((r) => (r.dedupe_key ? [r.dedupe_key] : [])));
}

/**
 * Ids of messages a worker may take: pending and due, or left 'sending' by a worker that has not
 * finished within the lease (it crashed, or lost its database connection).
 */
export async function listDueIds(
  db: Executor,
  now: string,
  staleBefore: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes one message for this worker. The condition is re-checked by the UPDATE itself, so of two
 * workers racing for the same row exactly one sees one updated row (PostgreSQL re-evaluates the
 * WHERE after the other's commit; SQLite serialises writers).
 */
export async function claimMessage(
  db: Executor,
  id: string,
  claim: { workerId: string; at: string; staleBefore: string },
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'sending', claimed_by: claim.workerId, claimed_at: claim.at })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', claim.at)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', claim.staleBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A message by id. */
export function findMessage(db: Executor, id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Writes the outcome of a claimed message, only while this worker still holds the claim; with an
 * attempt it also appends the attempt row. False means another worker took the message over.
 */
export async function finishClaim(
  db: Executor,
  id: string,
  workerId: string,
  changes: Updateable<OutboxTable>,
  attempt: { attempt: number; at: string; ok: boolean; error: string | null } | null,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ ...changes, claimed_by: null, claimed_at: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    return false;
  }
  if (attempt) {
    await db
      .insertInto('outbox_attempts')
      .values({ outbox_id: id, ...attempt, ok: attempt.ok ? 1 : 0 })
      .execute();
  }
  return true;
}

/** What a message about a ticket says: its code, kind, state, place and resolve deadline. */
export function findTicketFacts(db: Executor, ticketId: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .leftJoin('tickets as merged_into', 'merged_into.id', 'tickets.merged_into_id')
    .select([
      'tickets.tracking_code',
      'tickets.kind',
      'tickets.status',
      'tickets.resolve_due_at',
      'buildings.name as building_name',
      'merged_into.tracking_code as merged_into_code',
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}

/** The encrypted phone of a ticket's reporter, as it is now. */
export async function findReporterPhoneEnc(db: Executor, ticketId: string) {
  const row = await db
    .selectFrom('ticket_reporters')
    .select('phone_enc')
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row?.phone_enc ?? null;
}

/** A staff member's encrypted mobile and whether the account is active. */
export function findStaffContact(db: Executor, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['mobile_enc', 'active'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

/** Open, assigned tickets on the ticket clock whose resolve deadline falls before `before`. */
export function listTicketsDueBefore(db: Executor, statuses: readonly string[], before: string) {
  return (
    db
      .selectFrom('tickets')
      .select(['id', 'assignee_id', 'resolve_due_at'])
      .where('status', 'in', statuses)
      .where('assignee_id', 'is not', null)
      // A ticket in an enforcement case has left the ticket clock and follows the case.
      .where('in_case_at', 'is', null)
      .where('resolve_due_at', '<=', before)
      .orderBy('resolve_due_at')
      .execute()
  );
}

/** Which messages an admin list shows: one street's tickets, or everything. */
export type MessageScope = { streetId: string } | { all: true };

/** One page of messages, newest first, with the total. */
export async function listMessages(
  db: Executor,
  scope: MessageScope,
  filter: { status: string | null; ticketId: string | null },
  page: { limit: number; offset: number },
) {
  let query = db
    .selectFrom('outbox')
    .leftJoin('tickets', 'tickets.id', 'outbox.ticket_id')
    .leftJoin('ticket_reporters', 'ticket_reporters.ticket_id', 'outbox.ticket_id')
    .leftJoin('staff', 'staff.id', 'outbox.staff_id');
  if ('streetId' in scope) {
    query = query.where('tickets.street_id', '=', scope.streetId);
  }
  if (filter.status) {
    query = query.where('outbox.status', '=', filter.status as OutboxTable['status']);
  }
  if (filter.ticketId) {
    query = query.where('outbox.ticket_id', '=', filter.ticketId);
  }
  const rows = await query
    .selectAll('outbox')
    .select([
      'tickets.tracking_code',
      'ticket_reporters.phone_masked as reporter_masked',
      'staff.name as staff_name',
      'staff.mobile_masked as staff_masked',
    ])
    .orderBy('outbox.created_at', 'desc')
    .orderBy('outbox.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The attempts of these messages, oldest first. */
export async function listAttempts(db: Executor, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('outbox_attempts')
    .selectAll()
    .where('outbox_id', 'in', ids)
    .orderBy('outbox_id')
    .orderBy('attempt')
    .execute();
}

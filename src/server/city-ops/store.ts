import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CityOpsMessageTable, CityOpsOrderTable } from './tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The order the platform sent under this number, if any. */
export function findOrder(db: Executor, externalId: string) {
  return db
    .selectFrom('city_ops_orders')
    .innerJoin('tickets', 'tickets.id', 'city_ops_orders.ticket_id')
    .selectAll('city_ops_orders')
    .select(['tickets.tracking_code', 'tickets.resolve_due_at', 'tickets.created_at'])
    .where('city_ops_orders.external_id', '=', externalId)
    .executeTakeFirst();
}

/** Writes the order row beside its new ticket. */
export async function insertOrder(db: Executor, row: Insertable<CityOpsOrderTable>) {
  await db.insertInto('city_ops_orders').values(row).execute();
}

/** The street and community of these codes, each undefined when unknown. */
export async function findArea(db: Executor, streetCode: string, communityCode: string) {
  const street = await db
    .selectFrom('streets')
    .select('id')
    .where('code', '=', streetCode)
    .executeTakeFirst();
  const community = street
    ? await db
        .selectFrom('communities')
        .select('id')
        .where('street_id', '=', street.id)
        .where('code', '=', communityCode)
        .executeTakeFirst()
    : undefined;
  return { street, community };
}

/** The placard token of a building still in use in the community: the named one, or the first. */
export async function findBuildingToken(
  db: Executor,
  communityId: string,
  buildingCode: string | null,
): Promise<string | undefined> {
  let query = db
    .selectFrom('buildings')
    .select('placard_token')
    .where('community_id', '=', communityId)
    .where('retired_at', 'is', null);
  if (buildingCode) {
    query = query.where('code', '=', buildingCode);
  }
  const row = await query.orderBy('code').limit(1).executeTakeFirst();
  return row?.placard_token;
}

/** Orders whose ticket has timeline events not yet turned into callbacks. */
export async function listOrdersToRelay(db: Executor, limit: number) {
  return db
    .selectFrom('city_ops_orders')
    .innerJoin('tickets', 'tickets.id', 'city_ops_orders.ticket_id')
    .select(['city_ops_orders.id', 'city_ops_orders.relayed_seq'])
    .whereRef('tickets.event_count', '>', 'city_ops_orders.relayed_seq')
    .orderBy('city_ops_orders.received_at')
    .limit(limit)
    .execute();
}

/** An order with its ticket's state, as a callback reports it. */
export function findOrderState(db: Executor, orderId: string) {
  return db
    .selectFrom('city_ops_orders')
    .innerJoin('tickets', 'tickets.id', 'city_ops_orders.ticket_id')
    .select([
      'city_ops_orders.id',
      'city_ops_orders.external_id',
      'city_ops_orders.ticket_id',
      'city_ops_orders.relayed_seq',
      'city_ops_orders.last_sequence',
      'tickets.tracking_code',
      'tickets.status',
      'tickets.tier',
      'tickets.resolve_due_at',
      'tickets.reply',
      'tickets.outcome',
      'tickets.decline_reason',
      'tickets.rating',
      'tickets.event_count',
    ])
    .where('city_ops_orders.id', '=', orderId)
    .executeTakeFirst();
}

/** The ticket's timeline events after `seq`, oldest first. */
export function listEventsAfter(db: Executor, ticketId: string, seq: number) {
  return db
    .selectFrom('ticket_events')
    .select(['seq', 'type', 'at', 'data'])
    .where('ticket_id', '=', ticketId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
}

/**
 * Moves the order's cursor from `fromSeq` to `toSeq` and its sequence counter, only if no other
 * relay moved it first; false means another instance relayed these events.
 */
export async function advanceCursor(
  db: Executor,
  orderId: string,
  fromSeq: number,
  changes: { relayed_seq: number; last_sequence: number },
): Promise<boolean> {
  const result = await db
    .updateTable('city_ops_orders')
    .set(changes)
    .where('id', '=', orderId)
    .where('relayed_seq', '=', fromSeq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Queues callbacks. */
export async function insertMessages(db: Executor, rows: Insertable<CityOpsMessageTable>[]) {
  if (rows.length > 0) {
    await db.insertInto('city_ops_messages').values(rows).execute();
  }
}

/** Ids of callbacks a worker may take: pending and due, or left 'sending' past the lease. */
export async function listDueIds(db: Executor, now: string, staleBefore: string, limit: number) {
  const rows = await db
    .selectFrom('city_ops_messages')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('order_id')
    .orderBy('sequence')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Takes one callback for this worker; the UPDATE re-checks the condition, so one worker wins. */
export async function claimMessage(
  db: Executor,
  id: string,
  claim: { workerId: string; at: string; staleBefore: string },
): Promise<boolean> {
  const result = await db
    .updateTable('city_ops_messages')
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

/** A callback with its order number. */
export function findMessage(db: Executor, id: string) {
  return db
    .selectFrom('city_ops_messages')
    .innerJoin('city_ops_orders', 'city_ops_orders.id', 'city_ops_messages.order_id')
    .selectAll('city_ops_messages')
    .select('city_ops_orders.external_id')
    .where('city_ops_messages.id', '=', id)
    .executeTakeFirst();
}

/** Whether an earlier callback of the same order still waits to be delivered. */
export async function hasEarlierUnsent(db: Executor, orderId: string, sequence: number) {
  const row = await db
    .selectFrom('city_ops_messages')
    .select('id')
    .where('order_id', '=', orderId)
    .where('sequence', '<', sequence)
    .where('status', 'in', ['pending', 'sending'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes the outcome of a claimed callback while this worker still holds the claim. */
export async function finishClaim(
  db: Executor,
  id: string,
  workerId: string,
  changes: Updateable<CityOpsMessageTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('city_ops_messages')
    .set({ ...changes, claimed_by: null, claimed_at: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The callbacks of one order, by sequence. */
export function listMessagesOfOrder(db: Executor, externalId: string) {
  return db
    .selectFrom('city_ops_messages')
    .innerJoin('city_ops_orders', 'city_ops_orders.id', 'city_ops_messages.order_id')
    .selectAll('city_ops_messages')
    .where('city_ops_orders.external_id', '=', externalId)
    .orderBy('city_ops_messages.sequence')
    .execute();
}

// SQL of the Open311 interface: partner keys, what each Open311 request brought, partner notes,
// and the public reading of tickets (never their reporter rows).
import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  Database,
  Open311KeyTable,
  Open311NoteTable,
  Open311RequestTable,
} from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Stores a new key (its hash only). */
export async function insertKey(db: Executor, row: Insertable<Open311KeyTable>): Promise<void> {
  await db.insertInto('open311_keys').values(row).execute();
}

/** Every key, newest first, with its issuer's name and the requests it filed. */
export function listKeys(db: Executor) {
  return db
    .selectFrom('open311_keys')
    .innerJoin('staff', 'staff.id', 'open311_keys.created_by')
    .selectAll('open311_keys')
    .select((eb) => [
      'staff.name as created_by_name',
      eb
        .selectFrom('open311_requests')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('open311_requests.key_id', '=', 'open311_keys.id')
        .as('request_count'),
    ])
    .orderBy('open311_keys.created_at', 'desc')
    .orderBy('open311_keys.id')
    .execute();
}

/** The key with this hash, revoked or not. */
export function findKeyByHash(db: Executor, keyHash: string) {
  return db
    .selectFrom('open311_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
}

/** The key with this id. */
export function findKeyById(db: Executor, id: string) {
  return db.selectFrom('open311_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a key revoked, if it is not already; true when this call revoked it. */
export async function revokeKey(db: Executor, id: string, by: string, at: string) {
  const result = await db
    .updateTable('open311_keys')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Notes when a key was last used. */
export async function touchKey(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('open311_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** The placard token of the building with this code (case as stored, or upper-cased). */
export async function findTokenOfBuildingCode(db: Executor, code: string) {
  const row = await db
    .selectFrom('buildings')
    .select('placard_token')
    .where('code', 'in', [code, code.toUpperCase()])
    .executeTakeFirst();
  return row?.placard_token;
}

/** The placard tokens of the buildings whose address or name is exactly `text`. */
export async function findTokensOfAddress(db: Executor, text: string): Promise<string[]> {
  const rows = await db
    .selectFrom('buildings')
    .select('placard_token')
    .where('retired_at', 'is', null)
    .where((eb) => eb.or([eb('address', '=', text), eb('name', '=', text)]))
    .limit(2)
    .execute();
  return rows.map((r) => r.placard_token);
}

/** Stores what an Open311 POST brought besides its ticket. */
export async function insertRequest(
  db: Executor,
  row: Insertable<Open311RequestTable>,
): Promise<void> {
  await db.insertInto('open311_requests').values(row).execute();
}

/** The tracking code a batch token stands for. */
export function findRequestByToken(db: Executor, token: string) {
  return db
    .selectFrom('open311_requests')
    .innerJoin('tickets', 'tickets.id', 'open311_requests.ticket_id')
    .select(['tickets.tracking_code', 'open311_requests.token'])
    .where('open311_requests.token', '=', token)
    .executeTakeFirst();
}

/** Filters of the public request list; `trackingCodes` overrides the others. */
export interface PublicFilter {
  kinds: readonly string[];
  trackingCodes?: readonly string[];
  statuses?: readonly string[];
  from?: string;
  before?: string;
}

function publicTickets(db: Executor, filter: PublicFilter) {
  let q = db
    .selectFrom('tickets')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'tickets.street_id')
    .innerJoin('rooms', 'rooms.id', 'tickets.room_id')
    .leftJoin('open311_requests', 'open311_requests.ticket_id', 'tickets.id')
    .where('tickets.kind', 'in', filter.kinds);
  if (filter.trackingCodes) {
    return q.where('tickets.tracking_code', 'in', filter.trackingCodes);
  }
  if (filter.statuses) {
    q = q.where('tickets.status', 'in', filter.statuses);
  }
  if (filter.from) {
    q = q.where('tickets.created_at', '>=', filter.from);
  }
  if (filter.before) {
    q = q.where('tickets.created_at', '<', filter.before);
  }
  return q;
}

/**
 * One page of tickets as Open311 shows them, newest first: public columns only, never the
 * reporter, the reply text or the assignee.
 */
export function listPublicRequests(
  db: Executor,
  filter: PublicFilter,
  page: { limit: number; offset: number },
) {
  return publicTickets(db, filter)
    .select([
      'tickets.tracking_code',
      'tickets.kind',
      'tickets.status',
      'tickets.channel',
      'tickets.description',
      'tickets.created_at',
      'tickets.updated_at',
      'tickets.resolved_at',
      'tickets.closed_at',
      'tickets.resolve_due_at',
      'buildings.code as building_code',
      'buildings.name as building_name',
      'buildings.address as building_address',
      'communities.name as community_name',
      'streets.name as street_name',
      'rooms.name as room_name',
      'open311_requests.lat',
      'open311_requests.long',
      'open311_requests.media_url',
    ])
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** A row of the public request list. */
export type PublicRequestRow = Awaited<ReturnType<typeof listPublicRequests>>[number];

/** The published events of public tickets in a window, oldest first. */
export function listPublicEvents(
  db: Executor,
  filter: { kinds: readonly string[]; types: readonly string[]; from: string; before: string },
  page: { limit: number; offset: number },
) {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select([
      'tickets.tracking_code',
      'ticket_events.seq',
      'ticket_events.type',
      'ticket_events.at',
    ])
    .where('tickets.kind', 'in', filter.kinds)
    .where('ticket_events.type', 'in', filter.types)
    .where('ticket_events.at', '>=', filter.from)
    .where('ticket_events.at', '<', filter.before)
    .orderBy('ticket_events.at')
    .orderBy('tickets.tracking_code')
    .orderBy('ticket_events.seq')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The ticket behind a tracking code, with the key that filed it through Open311 if any. */
export function findTicketOfTrackingCode(db: Executor, trackingCode: string) {
  return db
    .selectFrom('tickets')
    .leftJoin('open311_requests', 'open311_requests.ticket_id', 'tickets.id')
    .select(['tickets.id', 'tickets.kind', 'open311_requests.key_id'])
    .where('tickets.tracking_code', '=', trackingCode)
    .executeTakeFirst();
}

/** Stores a partner's note. */
export async function insertNote(db: Executor, row: Insertable<Open311NoteTable>): Promise<void> {
  await db.insertInto('open311_notes').values(row).execute();
}

/** The note a key already pushed under its own update id. */
export function findNoteOfPartnerUpdate(db: Executor, keyId: string, partnerUpdateId: string) {
  return db
    .selectFrom('open311_notes')
    .selectAll()
    .where('key_id', '=', keyId)
    .where('partner_update_id', '=', partnerUpdateId)
    .executeTakeFirst();
}

/** The notes partners pushed to a ticket, oldest first, for its handlers. */
export function listNotesOfTicket(db: Executor, ticketId: string) {
  return db
    .selectFrom('open311_notes')
    .innerJoin('open311_keys', 'open311_keys.id', 'open311_notes.key_id')
    .select([
      'open311_notes.id',
      'open311_notes.description',
      'open311_notes.created_at',
      'open311_keys.partner',
    ])
    .where('open311_notes.ticket_id', '=', ticketId)
    .orderBy('open311_notes.created_at')
    .execute();
}

// Filing a new ticket, whichever way it arrives (a resident at a placard, a department's clue):
// routed to the building's room at the community tier, deadlines from the working calendar, the
// row, the reporter apart from it, the photos and the first timeline event in one transaction.
import type { Transaction } from 'kysely';
import type { TicketKind } from '../../contract/tickets.js';
import { defaultDeadlinePolicies, ticketDeadlines } from '../../domain/deadlines.js';
import { maskName, maskPhone, normalizeText } from '../../domain/personal-data.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { attachPhotos } from '../files/service.js';
import { newId, randomBase32, sha256Hex } from '../ids.js';
import type { BuildingContext } from '../org/service.js';
import { reporterPhoneDigest } from './search.js';
import * as store from './store.js';

/** Who filed a ticket: a resident (anonymous) or a signed-in account (a department's clue). */
export type Submitter = { kind: 'resident' } | { kind: 'staff'; staffId: string };

/** Everything a new ticket is made of; the description is normalised here. */
export interface NewTicket {
  kind: TicketKind;
  matterCode: string | null;
  description: string;
  photoIds: string[];
  /** 'placard' for residents, `dept:<code>` for a department's clue. */
  channel: string;
  place: BuildingContext;
  idempotencyKey: string | null;
  requestHash: string;
  /** The reporter's phone, stored encrypted apart from the ticket; null for none. */
  phone: string | null;
  /** The reporter's name, stored encrypted beside the phone; absent or null for none. */
  reporterName?: string | null;
  submitter: Submitter;
  /** What the first timeline event notes besides kind and photos: the visit or meeting found it. */
  firstEventData?: Readonly<Record<string, string>>;
}

/** The columns of a filed ticket that a receipt is made from. */
export interface FiledTicket {
  id: string;
  tracking_code: string;
  created_at: string;
  resolve_due_at: string;
}

/** The private access token of a ticket: derived with the data key, stored only as a hash. */
export function accessTokenOf(ctx: AppContext, ticketId: string): string {
  return ctx.cipher.mac('ticket-access', ticketId).subarray(0, 20).toString('base64url');
}

/** A tracking code people read aloud: LL- and two groups of five Crockford base32 characters. */
export function newTrackingCode(): string {
  const code = randomBase32(10);
  return `LL-${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The deadline policy in force for a kind and matter, or the defaults. */
export async function policyFor(
  ctx: AppContext,
  kind: TicketKind,
  matter: string | null,
  at: string,
  db: Db = ctx.db,
) {
  const row = await store.findDeadlinePolicy(db, kind, matter, at);
  return row
    ? { firstContactDays: row.first_contact_days, resolveDays: row.resolve_days }
    : defaultDeadlinePolicies[kind];
}

/** Refuses a matter code that is not in the catalogue, naming the field. */
export async function checkMatter(
  ctx: AppContext,
  matterCode: string | null,
  db: Db = ctx.db,
): Promise<void> {
  if (matterCode && !(await store.matterExists(db, matterCode))) {
    throw new AppError('matter_not_found', [
      fieldIssue('matterCode', '执法事项不在清单中', 'not in the matter catalogue'),
    ]);
  }
}

async function ticketRow(ctx: AppContext, input: NewTicket, at: Date, db: Db) {
  const iso = at.toISOString();
  const policy = await policyFor(ctx, input.kind, input.matterCode, iso, db);
  const due = ticketDeadlines(await loadCalendar(db), at, policy);
  const id = newId();
  return {
    id,
    tracking_code: newTrackingCode(),
    access_hash: sha256Hex(accessTokenOf(ctx, id)),
    idempotency_key: input.idempotencyKey,
    request_hash: input.requestHash,
    kind: input.kind,
    status: 'submitted',
    tier: 'community',
    channel: input.channel,
    matter_code: input.matterCode,
    description: normalizeText(input.description),
    building_id: input.place.buildingId,
    room_id: input.place.roomId,
    street_id: input.place.streetId,
    assignee_id: null,
    created_at: iso,
    updated_at: iso,
    first_contact_due_at: due.firstContactDueAt.toISOString(),
    resolve_due_at: due.resolveDueAt.toISOString(),
    calendar_fallback: due.calendarFallback ? 1 : 0,
    event_count: 1,
  };
}

/** A new ticket whose row (deadlines included) is computed, ready to be written. */
export interface PreparedTicket {
  input: NewTicket;
  row: Awaited<ReturnType<typeof ticketRow>>;
}

/**
 * Computes a new ticket's row at `at`, reading the policy and the calendar through `db`: either
 * before any transaction opens, or through the transaction itself (on SQLite a read through
 * ctx.db inside a transaction would wait for that transaction).
 */
export async function prepareTicket(
  ctx: AppContext,
  input: NewTicket,
  at: Date = ctx.now(),
  db: Db = ctx.db,
): Promise<PreparedTicket> {
  return { input, row: await ticketRow(ctx, input, at, db) };
}

/**
 * Files a new ticket in one transaction; `after` runs inside it last (an audit entry). The
 * matter must have been checked; a photo that is missing or used fails the whole filing.
 */
export async function fileTicket(
  ctx: AppContext,
  input: NewTicket,
  after?: (trx: Transaction<Database>, ticketId: string) => Promise<void>,
): Promise<FiledTicket> {
  const prepared = await prepareTicket(ctx, input);
  await ctx.db.transaction().execute(async (trx) => {
    await writeTicket(trx, ctx, prepared);
    await after?.(trx, prepared.row.id);
  });
  return prepared.row;
}

/**
 * Writes a prepared ticket inside the caller's transaction: the row, the reporter apart from it,
 * the photos and the first timeline event, so a visit or meeting can file several at once.
 */
export async function writeTicket(
  trx: Transaction<Database>,
  ctx: AppContext,
  { input, row }: PreparedTicket,
): Promise<FiledTicket> {
  const staffId = input.submitter.kind === 'staff' ? input.submitter.staffId : null;
  await store.insertNewTicket(trx, {
    ticket: row,
    reporter: {
      ticketId: row.id,
      phoneEnc: input.phone ? ctx.cipher.encrypt(input.phone) : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      phoneDigest: input.phone ? reporterPhoneDigest(ctx.cipher, input.phone) : null,
      nameEnc: input.reporterName ? ctx.cipher.encrypt(input.reporterName) : null,
      nameMasked: input.reporterName ? maskName(input.reporterName) : null,
    },
    event: {
      ticketId: row.id,
      seq: 1,
      type: 'submitted',
      at: row.created_at,
      actorKind: input.submitter.kind,
      actorId: staffId,
      data: { kind: input.kind, photos: input.photoIds.length, ...input.firstEventData },
    },
  });
  await attachPhotos(trx, row.id, input.photoIds, row.created_at);
  return row;
}

/**
 * The ticket an idempotency key already filed: null when the key is new, idempotency_conflict
 * when it filed a different request.
 */
export async function findByIdempotencyKey(
  ctx: AppContext,
  key: string,
  requestHash: string,
  db: Db = ctx.db,
): Promise<FiledTicket | null> {
  const existing = await store.findTicketByIdempotencyKey(db, key);
  if (!existing) {
    return null;
  }
  if (existing.request_hash !== requestHash) {
    throw new AppError('idempotency_conflict', [
      fieldIssue(
        'Idempotency-Key',
        '该幂等键已用于另一份内容',
        'this key was already used for a different request',
      ),
    ]);
  }
  return existing;
}

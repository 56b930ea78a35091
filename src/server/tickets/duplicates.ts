// Duplicates (重复件): tickets of the same building and the same matter filed within the configured
// window of each other, while the other is still open. Staff see them on the ticket; merging one
// into another finishes the duplicate ('merged'), links both ways and keeps the merged ticket's
// resident informed through the surviving ticket — its state and answer, nothing of its reporter.
import type { Kysely, Transaction } from 'kysely';
import type {
  Outcome,
  PossibleDuplicate,
  ResidentTicket,
  StaffTicket,
  TicketStatus,
} from '../../contract/tickets.js';
import { openStatuses } from '../../domain/ticket-machine.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { enqueueNotification } from '../notifications/service.js';
import { listRoomIdsOfLiaison } from '../org/service.js';
import { relationOf } from './access.js';
import { statusCondition } from './inbox-store.js';
import * as store from './store.js';

type Executor = Kysely<Database> | Transaction<Database>;

const DAY_MS = 86_400_000;

/** At most this many possible duplicates are listed (and offered as merge targets). */
export const MAX_DUPLICATES = 20;

/** What the lookup needs of the ticket whose duplicates are sought. */
export interface DuplicateSubject {
  id: string;
  status: string;
  building_id: string;
  matter_code: string | null;
  created_at: string;
}

/** A candidate duplicate, with what decides who may see it and what a merge checks. */
export type DuplicateRow = Awaited<ReturnType<typeof listPossibleDuplicates>>[number];

/**
 * The open tickets of the same building and the same matter filed at most `windowDays` days
 * before or after `t`, oldest first; none when `t` names no matter (two tickets without a matter
 * are not taken for the same request) or was itself merged.
 */
export async function listPossibleDuplicates(
  db: Executor,
  t: DuplicateSubject,
  windowDays: number,
) {
  if (!t.matter_code || t.status === 'merged') {
    return [];
  }
  const created = Date.parse(t.created_at);
  const from = new Date(created - windowDays * DAY_MS).toISOString();
  const to = new Date(created + windowDays * DAY_MS).toISOString();
  // The states as the partial index of migration 0029 states them, so that the index is used.
  return db
    .selectFrom('tickets')
    .select([
      'id',
      'tracking_code',
      'status',
      'created_at',
      'description',
      'room_id',
      'street_id',
      'assignee_id',
      'event_count',
    ])
    .where('building_id', '=', t.building_id)
    .where('matter_code', '=', t.matter_code)
    .where('id', '!=', t.id)
    .where((eb) => statusCondition(eb, openStatuses))
    .where('merged_into_id', 'is', null)
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_DUPLICATES)
    .execute();
}

/** The rooms a liaison serves; other roles see by street or district. */
async function roomIdsOf(ctx: AppContext, actor: StaffActor): Promise<string[]> {
  return actor.role === 'liaison' ? listRoomIdsOfLiaison(ctx.db, actor.id) : [];
}

function visibleTo(actor: StaffActor, roomIds: readonly string[], row: DuplicateRow): boolean {
  const place = { roomId: row.room_id, streetId: row.street_id, assigneeId: row.assignee_id };
  return relationOf(actor, roomIds, place) !== 'unrelated';
}

/** The first 60 characters of a description, as the inbox shows it. */
function summaryOf(description: string): string {
  const chars = [...description];
  return chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : description;
}

/** The possible duplicates of `t` that `actor` may see: only those are listed or merged into. */
async function visibleDuplicates(
  ctx: AppContext,
  actor: StaffActor,
  t: DuplicateSubject,
): Promise<DuplicateRow[]> {
  const [rows, roomIds] = await Promise.all([
    listPossibleDuplicates(ctx.db, t, ctx.handlingRules.duplicateWindowDays),
    roomIdsOf(ctx, actor),
  ]);
  return rows.filter((row) => visibleTo(actor, roomIds, row));
}

function linkOf(row: { id: string; tracking_code: string; status: string }) {
  return { id: row.id, trackingCode: row.tracking_code, status: row.status as TicketStatus };
}

/** What a staff member sees of duplicates and merges on a ticket. */
export type StaffMergeView = Pick<StaffTicket, 'possibleDuplicates' | 'mergedInto' | 'mergedFrom'>;

/**
 * The possible duplicates `actor` may see, the ticket this one was merged into and the tickets
 * merged into it (tracking code and state only: a merge links the two both ways).
 */
export async function staffMergeView(
  ctx: AppContext,
  actor: StaffActor,
  t: DuplicateSubject & { merged_into_id: string | null },
): Promise<StaffMergeView> {
  const [duplicates, into, from] = await Promise.all([
    visibleDuplicates(ctx, actor, t),
    t.merged_into_id
      ? ctx.db
          .selectFrom('tickets')
          .select(['id', 'tracking_code', 'status'])
          .where('id', '=', t.merged_into_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    ctx.db
      .selectFrom('tickets')
      .select(['id', 'tracking_code', 'status'])
      .where('merged_into_id', '=', t.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const possibleDuplicates: PossibleDuplicate[] = duplicates.map((d) => ({
    ...linkOf(d),
    createdAt: d.created_at,
    summary: summaryOf(d.description),
  }));
  return {
    possibleDuplicates,
    mergedInto: into ? linkOf(into) : null,
    mergedFrom: from.map(linkOf),
  };
}

/**
 * The ticket `t` may be merged into: one of its possible duplicates that `actor` may see. Any
 * other id is refused the same way, so the answer tells nothing of tickets the actor cannot see.
 */
export async function mergeTarget(
  ctx: AppContext,
  actor: StaffActor,
  t: DuplicateSubject,
  intoId: string,
): Promise<DuplicateRow> {
  const target = (await visibleDuplicates(ctx, actor, t)).find((d) => d.id === intoId);
  if (!target) {
    throw new AppError('transition_refused', [
      fieldIssue(
        'intoId',
        '只能并入本诉求的可能重复件：同一楼栋、同一事项、仍在办理',
        'not an open possible duplicate of this ticket (same building and matter)',
      ),
    ]);
  }
  return target;
}

/** Adds one event to a ticket other than the step's own, in the step's transaction. */
async function appendEvent(
  trx: Transaction<Database>,
  ticket: { id: string; event_count: number },
  event: { type: string; at: string; actorId: string; data: Record<string, unknown> },
  changes: { merged_into_id?: string } = {},
): Promise<void> {
  const seq = ticket.event_count + 1;
  const changed = await store.updateTicketIfUnchanged(trx, ticket.id, ticket.event_count, {
    ...changes,
    updated_at: event.at,
    event_count: seq,
  });
  if (!changed) {
    throw new AppError('state_conflict');
  }
  await store.insertEvent(trx, { ticketId: ticket.id, seq, actorKind: 'staff', ...event });
}

/**
 * The survivor's side of a merge, inside the merge's transaction (after the duplicate's own row
 * and 'merged_into' event): a 'merged_from' event on the survivor, refused as a conflict if the
 * survivor changed since it was checked. Tickets earlier merged into the duplicate now point at
 * the survivor, each with its own 'merged_into' event, and their residents are told where it went.
 */
export async function completeMerge(
  trx: Transaction<Database>,
  merge: { duplicateId: string; target: DuplicateRow; actorId: string; at: string },
): Promise<void> {
  const { duplicateId, target, actorId, at } = merge;
  const earlier = await trx
    .selectFrom('tickets')
    .select(['id', 'event_count'])
    .where('merged_into_id', '=', duplicateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const alsoIds = earlier.map((e) => e.id);
  await appendEvent(trx, target, {
    type: 'merged_from',
    at,
    actorId,
    data: { fromId: duplicateId, ...(alsoIds.length > 0 ? { alsoIds } : {}) },
  });
  for (const e of earlier) {
    await appendEvent(
      trx,
      e,
      { type: 'merged_into', at, actorId, data: { intoId: target.id, viaId: duplicateId } },
      { merged_into_id: target.id },
    );
    await enqueueNotification(trx, { ticketId: e.id, audience: 'reporter', event: 'merged', at });
  }
}

/**
 * When a ticket is answered, the residents of the tickets merged into it hear of the reply too;
 * queued in the reply's transaction. Their follow pages show the survivor's answer.
 */
export async function noticeMergedOfReply(
  trx: Transaction<Database>,
  survivorId: string,
  at: string,
): Promise<void> {
  const merged = await trx
    .selectFrom('tickets')
    .select('id')
    .where('merged_into_id', '=', survivorId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const m of merged) {
    await enqueueNotification(trx, { ticketId: m.id, audience: 'reporter', event: 'replied', at });
  }
}

/**
 * What the resident of a merged ticket sees of the ticket it went into: its tracking code, state,
 * reply and outcome. Nothing else — not its description, photos, place or reporter.
 */
export async function residentMergedInto(
  ctx: AppContext,
  t: { merged_into_id: string | null },
): Promise<ResidentTicket['mergedInto']> {
  if (!t.merged_into_id) {
    return null;
  }
  const into = await ctx.db
    .selectFrom('tickets')
    .select(['tracking_code', 'status', 'reply', 'outcome'])
    .where('id', '=', t.merged_into_id)
    .executeTakeFirst();
  if (!into) {
    return null;
  }
  return {
    trackingCode: into.tracking_code,
    status: into.status as TicketStatus,
    reply: into.reply,
    outcome: into.outcome as Outcome | null,
  };
}

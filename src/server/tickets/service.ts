import type { Updateable } from 'kysely';
import type { StaffTicket, TicketStatus } from '../../contract/tickets.js';
import { allowedActions, decide, openStatuses } from '../../domain/ticket-machine.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { TicketTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { ticketPhotos } from '../files/service.js';
import { listLiaisonsOfStreet, listRoomIdsOfLiaison } from '../org/service.js';
import { relationOf } from './access.js';
import { presentStaffTicket, presentTicketRow } from './present.js';
import * as store from './store.js';

/** The body of one staff step, already validated against the contract. */
export type ActionInput =
  | { action: 'accept' }
  | { action: 'decline'; reason: string }
  | { action: 'contact'; method: string; note?: string }
  | { action: 'resolve'; outcome: string; reply: string }
  | { action: 'reassign'; assigneeId: string; reason?: string };

async function roomsOf(ctx: AppContext, actor: StaffActor): Promise<string[]> {
  return actor.role === 'liaison' ? listRoomIdsOfLiaison(ctx.db, actor.id) : [];
}

function scopeOf(actor: StaffActor, roomIds: string[]): store.TicketScope {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  return { roomIds };
}

/** The inbox of a staff member: their rooms, their street, or the whole district. */
export async function listInbox(
  ctx: AppContext,
  actor: StaffActor,
  query: { status: string; page: number; pageSize: number },
) {
  const roomIds = await roomsOf(ctx, actor);
  const statuses =
    query.status === 'all' ? null : query.status === 'open' ? openStatuses : [query.status];
  const { rows, total } = await store.listTickets(ctx.db, scopeOf(actor, roomIds), statuses, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const now = ctx.now();
  return { items: rows.map((t) => presentTicketRow(t, now)), total, ...query };
}

/** Loads a ticket the actor may see, with their relation to it; others answer 404. */
async function loadVisible(ctx: AppContext, actor: StaffActor, id: string) {
  const t = await store.findTicketById(ctx.db, id);
  const roomIds = await roomsOf(ctx, actor);
  const relation = t
    ? relationOf(actor, roomIds, {
        roomId: t.room_id,
        streetId: t.street_id,
        assigneeId: t.assignee_id,
      })
    : 'unrelated';
  if (!t || relation === 'unrelated') {
    throw new AppError('ticket_not_found');
  }
  return { t, relation };
}

/** One ticket with its whole timeline and exactly the steps the actor may take. */
export async function getStaffTicket(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<StaffTicket> {
  const { t, relation } = await loadVisible(ctx, actor, id);
  const [events, photos, masked] = await Promise.all([
    store.listEvents(ctx.db, t.id),
    ticketPhotos(ctx, t.id),
    store.findReporterMasked(ctx.db, t.id),
  ]);
  const actions = allowedActions(t.status as TicketStatus, relation);
  return presentStaffTicket(t, events, photos, { reporterPhoneMasked: masked, actions }, ctx.now());
}

/** Checks that a photo belongs to a ticket the actor may see. */
export async function visibleTicketId(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
): Promise<string> {
  return (await loadVisible(ctx, actor, id)).t.id;
}

async function checkAssignee(ctx: AppContext, streetId: string, assigneeId: string): Promise<void> {
  const liaisons = await listLiaisonsOfStreet(ctx.db, streetId);
  if (!liaisons.some((l) => l.id === assigneeId)) {
    throw new AppError('staff_not_found', [
      fieldIssue('assigneeId', '该联络员不属于本街道', 'not a liaison of this street'),
    ]);
  }
}

/** What a step changes on the ticket row and records in the timeline. */
function effectOf(
  input: ActionInput,
  actor: StaffActor,
  t: { assignee_id: string | null },
  at: string,
): { changes: Updateable<TicketTable>; type: string; data: Record<string, unknown> } {
  switch (input.action) {
    case 'accept':
      return {
        changes: { accepted_at: at, assignee_id: t.assignee_id ?? actor.id },
        type: 'accepted',
        data: {},
      };
    case 'decline': {
      const reason = normalizeText(input.reason);
      return {
        changes: { decline_reason: reason, closed_at: at },
        type: 'declined',
        data: { reason },
      };
    }
    case 'contact':
      return {
        changes: { first_contact_at: at },
        type: 'contacted',
        data: { method: input.method, ...(input.note ? { note: normalizeText(input.note) } : {}) },
      };
    case 'resolve': {
      const reply = normalizeText(input.reply);
      return {
        changes: { resolved_at: at, outcome: input.outcome, reply },
        type: 'resolved',
        data: { outcome: input.outcome, reply },
      };
    }
    case 'reassign':
      return {
        changes: { assignee_id: input.assigneeId },
        type: 'reassigned',
        data: {
          from: t.assignee_id,
          to: input.assigneeId,
          ...(input.reason ? { note: normalizeText(input.reason) } : {}),
        },
      };
  }
}

/**
 * Takes one staff step on a ticket: refused unless the state machine allows it for this actor
 * and state; the row and its timeline event are written in one transaction.
 */
export async function takeAction(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: ActionInput,
): Promise<StaffTicket> {
  const { t, relation } = await loadVisible(ctx, actor, id);
  const decision = decide(t.status as TicketStatus, relation, input.action);
  if (!decision.ok) {
    throw new AppError(decision.refusal);
  }
  if (input.action === 'reassign') {
    await checkAssignee(ctx, t.street_id, input.assigneeId);
  }
  const at = ctx.now().toISOString();
  const effect = effectOf(input, actor, t, at);
  const seq = t.event_count + 1;
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await store.updateTicketIfUnchanged(trx, t.id, t.event_count, {
      ...effect.changes,
      status: decision.to,
      updated_at: at,
      event_count: seq,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await store.insertEvent(trx, {
      ticketId: t.id,
      seq,
      type: effect.type,
      at,
      actorKind: 'staff',
      actorId: actor.id,
      data: effect.data,
    });
  });
  return getStaffTicket(ctx, actor, id);
}

/** The liaisons a ticket can be handed to: those of its street, for a supervisor who sees it. */
export async function assignableLiaisons(ctx: AppContext, actor: StaffActor, ticketId: string) {
  const { t } = await loadVisible(ctx, actor, ticketId);
  return { items: await listLiaisonsOfStreet(ctx.db, t.street_id) };
}

import type { Transaction } from 'kysely';
import type { StaffTicket } from '../../contract/tickets.js';
import { allowedActions, decide, openStatuses } from '../../domain/ticket-machine.js';
import type { StaffActor } from '../accounts/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { ticketPhotos } from '../files/service.js';
import { listLiaisonsOfStreet, listRoomIdsOfLiaison, listRoomPlaces } from '../org/service.js';
import { partnerNotesOfTicket } from '../open311/updates.js';
import { canRevealReporter, relationOf } from './access.js';
import { enqueueNotification, type NotificationEntry } from '../notifications/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { writeStep } from './commit-step.js';
import { completeMerge, mergeTarget, noticeMergedOfReply, staffMergeView } from './duplicates.js';
import { effectOf, type ActionInput } from './effects.js';
import { factsOf } from './facts.js';
import { accessTokenOf } from './intake.js';
import { presentStaffTicket, presentTicketRow } from './present.js';
import { searchOf, type SearchQuery } from './search.js';
import * as inbox from './inbox-store.js';
import * as store from './store.js';

/** A staff step as the route hands it over (reroute's street is looked up here). */
export type StaffActionInput =
  | Exclude<ActionInput, { action: 'reroute' }>
  | { action: 'reroute'; roomId: string; reason?: string };

async function roomsOf(ctx: AppContext, actor: StaffActor): Promise<string[]> {
  return actor.role === 'liaison' ? listRoomIdsOfLiaison(ctx.db, actor.id) : [];
}

function scopeOf(actor: StaffActor, roomIds: string[]): inbox.TicketScope {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  if (actor.role === 'liaison') {
    return { roomIds, assigneeId: actor.id };
  }
  return { roomIds: [] };
}

/**
 * Refuses a street filter naming another street than the officer's own: only the bureau admin
 * lists any street's tickets (docs/dashboard.md).
 */
function checkStreetFilter(actor: StaffActor, streetId: string | undefined): void {
  if (streetId === undefined || actor.role === 'bureau_admin' || streetId === actor.streetId) {
    return;
  }
  throw new AppError('forbidden', [
    fieldIssue('streetId', '只能查看本街道的诉求', "only your own street's tickets"),
  ]);
}

/** The inbox of a staff member: their rooms, their street, or the whole district. */
export async function listInbox(
  ctx: AppContext,
  actor: StaffActor,
  query: {
    status: string;
    tier?: string;
    due: string;
    page: number;
    pageSize: number;
    streetId?: string;
  } & SearchQuery,
) {
  checkStreetFilter(actor, query.streetId);
  const roomIds = await roomsOf(ctx, actor);
  const statuses =
    query.status === 'all' ? null : query.status === 'open' ? openStatuses : [query.status];
  const now = ctx.now();
  const { rows, total } = await inbox.listTickets(
    ctx.db,
    scopeOf(actor, roomIds),
    {
      statuses,
      tier: query.tier ?? null,
      due: query.due,
      now: now.toISOString(),
      search: searchOf(query),
      ...(query.streetId ? { streetId: query.streetId } : {}),
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.map((t) => presentTicketRow(t, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Loads a ticket the actor may see, with their relation to it; others answer 404. */
export async function loadVisible(ctx: AppContext, actor: StaffActor, id: string) {
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
  const [events, photos, masked, merges, partnerNotes] = await Promise.all([
    store.listEvents(ctx.db, t.id),
    ticketPhotos(ctx, t.id),
    store.findReporterMasked(ctx.db, t.id),
    staffMergeView(ctx, actor, t),
    partnerNotesOfTicket(ctx, t.id),
  ]);
  // Merging is offered only when there is a possible duplicate to merge into.
  const actions = allowedActions(factsOf(t), relation, ctx.handlingRules).filter(
    (a) => a !== 'merge' || merges.possibleDuplicates.length > 0,
  );
  const extra = {
    reporterPhoneMasked: masked.phone,
    reporterNameMasked: masked.name,
    canRevealReporter: canRevealReporter(relation),
    actions,
    ...merges,
    partnerNotes,
  };
  return presentStaffTicket(t, events, photos, extra, ctx.now());
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

/** Finds the street of a reroute's target room; a street admin may only route within theirs. */
async function rerouteTarget(ctx: AppContext, actor: StaffActor, roomId: string) {
  const rooms = await listRoomPlaces(
    ctx.db,
    actor.role === 'street_admin' ? (actor.streetId ?? '-') : undefined,
  );
  const room = rooms.find((r) => r.roomId === roomId);
  if (!room) {
    throw new AppError('not_found', [
      fieldIssue('roomId', '没有这个工作室，或不在本街道', 'no such room in your street'),
    ]);
  }
  return room.streetId;
}

async function resolveInput(
  ctx: AppContext,
  actor: StaffActor,
  streetId: string,
  input: StaffActionInput,
): Promise<ActionInput> {
  if (input.action === 'reassign') {
    await checkAssignee(ctx, streetId, input.assigneeId);
  }
  if (input.action === 'reroute') {
    return { ...input, streetId: await rerouteTarget(ctx, actor, input.roomId) };
  }
  return input;
}

/**
 * Takes one staff step on a ticket: refused unless the state machine allows it for this actor,
 * tier and state; the row and its timeline event are written in one transaction.
 */
export async function takeAction(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: StaffActionInput,
): Promise<StaffTicket> {
  const planned = await planAction(ctx, actor, id, input);
  await ctx.db.transaction().execute(planned.write);
  return getStaffTicket(ctx, actor, id);
}

/** A staff step checked against the state machine, ready to be written in a transaction. */
export interface PlannedStep {
  ticket: { id: string; trackingCode: string; streetId: string; matterCode: string | null };
  /** Writes the row, its event, its notices and its audit entry inside `trx`. */
  write: (trx: Transaction<Database>) => Promise<void>;
}

/**
 * Checks a staff step and prepares its writes without opening a transaction, so another feature
 * can take the step inside its own (a case registered from the ticket moves it to `in_case`, and
 * the case's end resolves it). Refusals are thrown as for takeAction; a ticket changed between
 * planning and writing is refused with `state_conflict`.
 */
export async function planAction(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  input: StaffActionInput,
): Promise<PlannedStep> {
  const { t, relation } = await loadVisible(ctx, actor, id);
  const decision = decide(factsOf(t), relation, input.action, ctx.handlingRules);
  if (!decision.ok) {
    throw new AppError(decision.refusal);
  }
  const resolved = await resolveInput(ctx, actor, t.street_id, input);
  const target = input.action === 'merge' ? await mergeTarget(ctx, actor, t, input.intoId) : null;
  const now = ctx.now();
  const effect = effectOf(resolved, actor.id, t, now, await loadCalendar(ctx.db));
  const notices = noticesOf(resolved, actor.id, t.id, now.toISOString());
  const write = async (trx: Transaction<Database>) => {
    await writeStep(trx, t, {
      changes: { ...effect.changes, status: decision.to },
      event: {
        type: effect.type,
        at: now.toISOString(),
        actorKind: 'staff',
        actorId: actor.id,
        data: effect.data,
      },
    });
    for (const notice of notices) {
      await enqueueNotification(trx, notice);
    }
    if (target) {
      await completeMerge(trx, {
        duplicateId: t.id,
        target,
        actorId: actor.id,
        at: now.toISOString(),
      });
    }
    if (input.action === 'resolve') {
      await noticeMergedOfReply(trx, t.id, now.toISOString());
    }
    // Last write: on PostgreSQL the audit append holds its lock until commit.
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: `ticket.${input.action}`,
      recordType: 'ticket',
      recordId: t.id,
      detail: { from: t.status, to: decision.to, ...(target ? { intoId: target.id } : {}) },
    });
  };
  const ticket = {
    id: t.id,
    trackingCode: t.tracking_code,
    streetId: t.street_id,
    matterCode: t.matter_code,
  };
  return { ticket, write };
}

/**
 * The messages a step sends, queued in its transaction: the resident hears of acceptance, of the
 * reply and of a merge into another ticket; a liaison handed a ticket by someone else hears of
 * the assignment.
 */
function noticesOf(
  input: ActionInput,
  actorId: string,
  ticketId: string,
  at: string,
): NotificationEntry[] {
  switch (input.action) {
    case 'accept':
      return [{ ticketId, audience: 'reporter', event: 'accepted', at }];
    case 'resolve':
      return [{ ticketId, audience: 'reporter', event: 'replied', at }];
    case 'merge':
      return [{ ticketId, audience: 'reporter', event: 'merged', at }];
    case 'reassign':
      return input.assigneeId === actorId
        ? []
        : [{ ticketId, audience: 'staff', staffId: input.assigneeId, event: 'assigned', at }];
    default:
      return [];
  }
}

/** The liaisons a ticket can be handed to: those of its street, for a supervisor who sees it. */
export async function assignableLiaisons(ctx: AppContext, actor: StaffActor, ticketId: string) {
  const { t } = await loadVisible(ctx, actor, ticketId);
  return { items: await listLiaisonsOfStreet(ctx.db, t.street_id) };
}

/** The rooms a returned ticket can be rerouted to: the street's, or the bureau's district ones. */
export async function reroutableRooms(ctx: AppContext, actor: StaffActor, ticketId: string) {
  await loadVisible(ctx, actor, ticketId);
  const street = actor.role === 'street_admin' ? (actor.streetId ?? '-') : undefined;
  const rooms = await listRoomPlaces(ctx.db, street);
  return {
    items: rooms.map((r) => ({
      id: r.roomId,
      name: r.roomName,
      community: r.communityName,
      street: r.streetName,
    })),
  };
}

/**
 * A resident's tickets as "my requests" lists them (src/server/my-requests): a phone's, by its
 * keyed digest, or the one with a tracking code; each with the address of its follow page.
 */
export async function residentTicketSummaries(
  ctx: AppContext,
  by: { phoneDigest: string } | { code: string },
) {
  const rows = await store.listResidentTickets(ctx.db, by);
  return rows.map((r) => ({
    trackingCode: r.tracking_code,
    kind: r.kind,
    status: r.status,
    matterName: r.matter_name,
    buildingName: r.building_name,
    createdAt: r.created_at,
    followPath: `/t/${accessTokenOf(ctx, r.id)}`,
  }));
}

// Issues found on a visit or raised at a meeting: each becomes a ticket through the ticket
// intake, in the record's own transaction, so a refused item leaves neither record nor ticket.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { FoundIssue } from '../../contract/visits.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { checkMatter, prepareTicket, writeTicket, type PreparedTicket } from '../tickets/intake.js';
import type { CommunityPlace } from './places.js';
import { findBuildings } from './place-store.js';

/** The record a ticket came from: a visit or a meeting, and its id. */
export type IssueOrigin =
  { channel: 'visit'; visitId: string } | { channel: 'meeting'; meetingId: string };

function originData(origin: IssueOrigin): Record<string, string> {
  return origin.channel === 'visit'
    ? { channel: 'visit', visitId: origin.visitId }
    : { channel: 'meeting', meetingId: origin.meetingId };
}

/** Runs `work`; a refusal naming fields names them under `prefix` (issues.1.matterCode). */
export async function withFieldPrefix<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.details) {
      throw new AppError(
        error.code,
        error.details.map((d) => ({ ...d, field: `${prefix}.${d.field}` })),
      );
    }
    throw error;
  }
}

function buildingIssue(index: number) {
  return new AppError('validation_failed', [
    fieldIssue(
      `issues.${index}.buildingId`,
      '该楼栋不在所选社区，或联络牌已停用',
      'not a building of the chosen community, or its placard is retired',
    ),
  ]);
}

function requestHash(origin: IssueOrigin, index: number): string {
  return createHash('sha256')
    .update(JSON.stringify([originData(origin), index]))
    .digest('hex');
}

/**
 * Checks every issue (a building of the community, a matter of the catalogue) and computes its
 * ticket: routed to the community's room at the community tier, deadlines counted from `at`.
 * Nothing is written; the first wrong item is refused with its field.
 */
export async function prepareFoundIssues(
  ctx: AppContext,
  actor: StaffActor,
  community: CommunityPlace,
  issues: readonly FoundIssue[],
  origin: IssueOrigin,
  at: Date,
): Promise<PreparedTicket[]> {
  const found = await findBuildings(
    ctx.db,
    issues.map((i) => i.buildingId),
  );
  const buildings = new Map(found.map((b) => [b.id, b]));
  const prepared: PreparedTicket[] = [];
  for (const [index, issue] of issues.entries()) {
    const building = buildings.get(issue.buildingId);
    if (!building || building.community_id !== community.id || building.retired_at) {
      throw buildingIssue(index);
    }
    await withFieldPrefix(`issues.${index}`, () => checkMatter(ctx, issue.matterCode));
    const input = {
      kind: issue.kind,
      matterCode: issue.matterCode,
      description: issue.description,
      photoIds: issue.photoIds,
      channel: origin.channel,
      place: {
        buildingId: building.id,
        roomId: community.room_id,
        streetId: community.street_id,
        communityId: community.id,
        retired: false,
      },
      idempotencyKey: null,
      requestHash: requestHash(origin, index),
      phone: null,
      submitter: { kind: 'staff' as const, staffId: actor.id },
      firstEventData: originData(origin),
    };
    prepared.push(await prepareTicket(ctx, input, at));
  }
  return prepared;
}

/**
 * Writes the prepared tickets inside the record's transaction and returns their ids in order;
 * a photo that is missing or used elsewhere refuses its item (issues.1.photoIds.0).
 */
export async function writeFoundIssues(
  trx: Transaction<Database>,
  ctx: AppContext,
  prepared: readonly PreparedTicket[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, ticket] of prepared.entries()) {
    await withFieldPrefix(`issues.${index}`, () => writeTicket(trx, ctx, ticket));
    ids.push(ticket.row.id);
  }
  return ids;
}

/** Audits each filed ticket as submitted through the record's channel. */
export async function auditFoundIssues(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: StaffActor,
  ticketIds: readonly string[],
  origin: IssueOrigin,
  requestId: string | null,
): Promise<void> {
  for (const ticketId of ticketIds) {
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'ticket.submit',
      recordType: 'ticket',
      recordId: ticketId,
      detail: originData(origin),
      requestId,
    });
  }
}

// Visits (走访): a liaison (or their street admin for them) logs a visit to a community, with the
// issues found on it filed as tickets in the same transaction. A liaison sees their own visits, a
// street admin their street's, the bureau admin all; nothing records a position or clock-in.
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CreateVisit, Visit, VisitList, VisitListQuery } from '../../contract/visits.js';
import { VISIT_BACKDATE_DAYS } from '../../domain/field-work-rules.js';
import { isoWeekOf } from '../../domain/iso-week.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { auditFoundIssues, prepareFoundIssues, writeFoundIssues } from './found-issues.js';
import { recordableCommunity, requireRecorder, visitLiaison } from './places.js';
import { presentVisit, presentVisitRow } from './present.js';
import { canEdit, checkNoRepeats, checkRecordDate } from './record-checks.js';
import * as store from './store.js';

function scopeOf(actor: StaffActor): store.VisitScope {
  if (actor.role === 'bureau_admin') {
    return { all: true };
  }
  if (actor.role === 'street_admin') {
    return { streetId: actor.streetId ?? '-' };
  }
  if (actor.role === 'liaison') {
    return { liaisonId: actor.id };
  }
  throw new AppError('forbidden');
}

/** Whether the actor may open this visit. */
export function canSeeVisit(
  actor: StaffActor,
  v: { liaison_id: string; street_id: string },
): boolean {
  const scope = scopeOf(actor);
  if ('all' in scope) {
    return true;
  }
  return 'streetId' in scope ? v.street_id === scope.streetId : v.liaison_id === scope.liaisonId;
}

/** A visit the actor may see; any other id is not found. */
export async function loadVisibleVisit(ctx: AppContext, actor: StaffActor, id: string) {
  const v = await store.findVisit(ctx.db, id);
  if (!v || !canSeeVisit(actor, v)) {
    throw new AppError('not_found');
  }
  return v;
}

/** One page of the visits the actor may see, latest visit first. */
export async function listVisits(
  ctx: AppContext,
  actor: StaffActor,
  query: VisitListQuery,
): Promise<VisitList> {
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const filter = { week: query.week, liaisonId: query.liaisonId, communityId: query.communityId };
  const { rows, total } = await store.listVisits(ctx.db, scopeOf(actor), filter, page);
  return { items: rows.map(presentVisitRow), total, page: query.page, pageSize: query.pageSize };
}

/** One visit with its notes, photos and the tickets filed from it. */
export async function getVisit(ctx: AppContext, actor: StaffActor, id: string): Promise<Visit> {
  const v = await loadVisibleVisit(ctx, actor, id);
  const [photos, tickets] = await Promise.all([
    store.listVisitPhotos(ctx.db, v.id),
    store.listVisitTickets(ctx.db, v.id),
  ]);
  return presentVisit(v, photos, tickets, canEdit(actor, v, ctx.now()));
}

/** The bytes of a photo of a visit the actor may see. */
export async function readVisitPhoto(
  ctx: AppContext,
  actor: StaffActor,
  visitId: string,
  photoId: string,
) {
  const v = await loadVisibleVisit(ctx, actor, visitId);
  const row = (await store.listVisitPhotos(ctx.db, v.id)).find((p) => p.id === photoId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  return { bytes, mime: row.mime };
}

function requestHash(input: CreateVisit): string {
  const canonical = JSON.stringify([
    input.liaisonId ?? null,
    input.date,
    input.communityId,
    input.partners,
    input.notes ? normalizeText(input.notes) : null,
    input.photoIds,
    input.issues.map((i) => [
      i.kind,
      i.matterCode,
      i.buildingId,
      normalizeText(i.description),
      i.photoIds,
    ]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The visit a repeated request made, or idempotency_conflict for a key reused differently. */
async function replay(ctx: AppContext, actor: StaffActor, key: string, hash: string) {
  const earlier = await store.findVisitByIdempotencyKey(ctx.db, key);
  if (!earlier) {
    return null;
  }
  if (earlier.request_hash !== hash) {
    throw new AppError('idempotency_conflict', [
      fieldIssue(
        'Idempotency-Key',
        '该幂等键已用于另一份内容',
        'this key was used for another visit',
      ),
    ]);
  }
  return getVisit(ctx, actor, earlier.id);
}

/** Claims the visit's own photos; the first missing or used one is refused (photoIds.1). */
async function claimPhotos(trx: Transaction<Database>, visitId: string, ids: string[], at: string) {
  const unused = new Set(await store.findUnusedFiles(trx, ids));
  const bad = ids.findIndex((id, i) => !unused.has(id) || ids.indexOf(id) !== i);
  const refuse = (index: number) =>
    new AppError('photo_not_found', [
      fieldIssue(`photoIds.${index}`, '照片不存在或已使用', 'no such photo, or already used'),
    ]);
  if (bad >= 0) {
    throw refuse(bad);
  }
  if ((await store.claimVisitPhotos(trx, visitId, ids, at)) !== ids.length) {
    throw refuse(0);
  }
}

/**
 * Logs a visit: for the signed-in liaison (or, by their street admin, for a liaison of the
 * street), in a community of the liaison's rooms (street admin: of the street), dated today or
 * up to 7 days back. Each issue found becomes a ticket with channel 'visit' in the same
 * transaction; any wrong item refuses the whole visit. The same idempotency key returns the
 * same visit.
 */
export async function createVisit(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateVisit,
  idempotencyKey: string | null,
  requestId: string | null = null,
): Promise<{ visit: Visit; created: boolean }> {
  requireRecorder(actor);
  const hash = requestHash(input);
  // Keys are per officer, so one officer's retry never meets another's visit.
  const key = idempotencyKey ? `${actor.id}:${idempotencyKey}` : null;
  const earlier = key ? await replay(ctx, actor, key, hash) : null;
  if (earlier) {
    return { visit: earlier, created: false };
  }

  const liaison = await visitLiaison(ctx, actor, input.liaisonId);
  const community = await recordableCommunity(ctx, actor, input.communityId);
  const now = ctx.now();
  checkRecordDate(input.date, now, VISIT_BACKDATE_DAYS);
  checkNoRepeats('partners', input.partners);
  const id = newId();
  const origin = { channel: 'visit' as const, visitId: id };
  const tickets = await prepareFoundIssues(ctx, actor, community, input.issues, origin, now);

  const at = now.toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await store.insertVisit(trx, {
        id,
        liaison_id: liaison.id,
        community_id: community.id,
        street_id: community.street_id,
        visit_date: input.date,
        iso_week: isoWeekOf(input.date),
        partners: JSON.stringify(input.partners),
        notes: input.notes ? normalizeText(input.notes) : null,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
        idempotency_key: key,
        request_hash: hash,
      });
      await claimPhotos(trx, id, input.photoIds, at);
      const ticketIds = await writeFoundIssues(trx, ctx, tickets);
      await store.insertVisitTickets(trx, id, ticketIds);
      await auditFoundIssues(trx, ctx, actor, ticketIds, origin, requestId);
      await recordAudit(trx, ctx, {
        actorKind: staffActorKind(actor.role),
        actorId: actor.id,
        action: 'visit.create',
        recordType: 'visit',
        recordId: id,
        detail: {
          liaisonId: liaison.id,
          communityId: community.id,
          date: input.date,
          partners: input.partners,
          photos: input.photoIds.length,
          tickets: ticketIds,
        },
        requestId,
      });
    });
  } catch (error) {
    // Two identical requests raced: the loser answers with the winner's visit.
    const raced = key ? await replay(ctx, actor, key, hash).catch(() => null) : null;
    if (raced) {
      return { visit: raced, created: false };
    }
    throw error;
  }
  return { visit: await getVisit(ctx, actor, id), created: true };
}

/** The visits that found a ticket, each with whether the actor may open it. */
export async function visitsOfTicket(ctx: AppContext, actor: StaffActor, ticketId: string) {
  const rows = await store.listVisitsOfTicket(ctx.db, ticketId);
  return rows.map((v) => ({
    id: v.id,
    date: v.visit_date,
    community: v.community_name,
    liaison: { id: v.liaison_id, name: v.liaison_name, badgeNo: v.liaison_badge ?? '' },
    canOpen: canSeeVisit(actor, v),
  }));
}

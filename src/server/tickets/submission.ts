import { createHash } from 'node:crypto';
import type { Receipt, ResidentTicket, SubmitTicket, Rating } from '../../contract/tickets.js';
import { defaultDeadlinePolicies, ticketDeadlines } from '../../domain/deadlines.js';
import { decide } from '../../domain/ticket-machine.js';
import { maskPhone, normalizeText } from '../../domain/personal-data.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { attachPhotos, ticketPhotos } from '../files/service.js';
import { newId, randomBase32, sha256Hex } from '../ids.js';
import { getBuildingContext } from '../org/service.js';
import { presentResidentTicket } from './present.js';
import * as store from './store.js';

/** The private access token of a ticket: derived with the data key, stored only as a hash. */
function accessTokenOf(ctx: AppContext, ticketId: string): string {
  return ctx.cipher.mac('ticket-access', ticketId).subarray(0, 20).toString('base64url');
}

function trackingCode(): string {
  const code = randomBase32(10);
  return `LL-${code.slice(0, 5)}-${code.slice(5)}`;
}

function receiptOf(
  ctx: AppContext,
  t: { id: string; tracking_code: string; created_at: string; resolve_due_at: string },
): Receipt {
  const accessToken = accessTokenOf(ctx, t.id);
  return {
    trackingCode: t.tracking_code,
    accessToken,
    followPath: `/t/${accessToken}`,
    createdAt: t.created_at,
    resolveDueAt: t.resolve_due_at,
  };
}

function requestHash(input: SubmitTicket): string {
  const canonical = JSON.stringify([
    input.placardToken,
    input.kind,
    input.matterCode ?? null,
    normalizeText(input.description),
    input.photoIds,
    input.phone ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function policyFor(
  ctx: AppContext,
  kind: SubmitTicket['kind'],
  matter: string | null,
  at: string,
) {
  const row = await store.findDeadlinePolicy(ctx.db, kind, matter, at);
  return row
    ? { firstContactDays: row.first_contact_days, resolveDays: row.resolve_days }
    : defaultDeadlinePolicies[kind];
}

/** Answers a repeated submission with its first receipt, or refuses a reused key. */
async function replay(ctx: AppContext, key: string, hash: string): Promise<Receipt | null> {
  const existing = await store.findTicketByIdempotencyKey(ctx.db, key);
  if (!existing) {
    return null;
  }
  if (existing.request_hash !== hash) {
    throw new AppError('idempotency_conflict');
  }
  return receiptOf(ctx, existing);
}

/**
 * Files a resident's ticket from a placard: routed to the building's room at the community tier,
 * with deadlines from the working calendar. The same idempotency key returns the same ticket.
 */
export async function submitTicket(
  ctx: AppContext,
  input: SubmitTicket,
  idempotencyKey: string | null,
): Promise<{ receipt: Receipt; created: boolean }> {
  const hash = requestHash(input);
  const earlier = idempotencyKey ? await replay(ctx, idempotencyKey, hash) : null;
  if (earlier) {
    return { receipt: earlier, created: false };
  }
  const place = await getBuildingContext(ctx.db, input.placardToken);
  if (input.matterCode && !(await store.matterExists(ctx.db, input.matterCode))) {
    throw new AppError('matter_not_found', [
      fieldIssue('matterCode', '执法事项不在清单中', 'not in the matter catalogue'),
    ]);
  }
  const now = ctx.now();
  const at = now.toISOString();
  const policy = await policyFor(ctx, input.kind, input.matterCode ?? null, at);
  const due = ticketDeadlines(await loadCalendar(ctx.db), now, policy);
  const id = newId();
  const row = {
    id,
    tracking_code: trackingCode(),
    access_hash: sha256Hex(accessTokenOf(ctx, id)),
    idempotency_key: idempotencyKey,
    request_hash: hash,
    kind: input.kind,
    status: 'submitted',
    tier: 'community',
    channel: 'placard',
    matter_code: input.matterCode ?? null,
    description: normalizeText(input.description),
    building_id: place.buildingId,
    room_id: place.roomId,
    street_id: place.streetId,
    assignee_id: null,
    created_at: at,
    updated_at: at,
    first_contact_due_at: due.firstContactDueAt.toISOString(),
    resolve_due_at: due.resolveDueAt.toISOString(),
    calendar_fallback: due.calendarFallback ? 1 : 0,
    event_count: 1,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await store.insertTicket(trx, row);
      await store.insertReporter(trx, {
        ticketId: id,
        phoneEnc: input.phone ? ctx.cipher.encrypt(input.phone) : null,
        phoneMasked: input.phone ? maskPhone(input.phone) : null,
      });
      await attachPhotos(trx, id, input.photoIds, at);
      await store.insertEvent(trx, {
        ticketId: id,
        seq: 1,
        type: 'submitted',
        at,
        actorKind: 'resident',
        actorId: null,
        data: { kind: input.kind, photos: input.photoIds.length },
      });
    });
  } catch (error) {
    // Two identical submissions raced: the loser answers with the winner's receipt.
    const raced = idempotencyKey ? await replay(ctx, idempotencyKey, hash) : null;
    if (raced) {
      return { receipt: raced, created: false };
    }
    throw error;
  }
  return { receipt: receiptOf(ctx, row), created: true };
}

async function findByToken(ctx: AppContext, accessToken: string) {
  const t = await store.findTicketByAccessHash(ctx.db, sha256Hex(accessToken));
  if (!t) {
    throw new AppError('ticket_not_found');
  }
  return t;
}

/** The resident's view of their ticket through the private link. */
export async function getResidentTicket(
  ctx: AppContext,
  accessToken: string,
): Promise<ResidentTicket> {
  const t = await findByToken(ctx, accessToken);
  const [events, photos] = await Promise.all([
    store.listEvents(ctx.db, t.id),
    ticketPhotos(ctx, t.id),
  ]);
  return presentResidentTicket(t, events, photos, ctx.now());
}

/** The ticket id behind a private link, for serving its photos. */
export async function ticketIdOfToken(ctx: AppContext, accessToken: string): Promise<string> {
  return (await findByToken(ctx, accessToken)).id;
}

/** The resident rates the answer; the ticket closes. */
export async function rateTicket(
  ctx: AppContext,
  accessToken: string,
  input: { rating: Rating; comment?: string },
): Promise<ResidentTicket> {
  const t = await findByToken(ctx, accessToken);
  const decision = decide(t.status as 'resolved', 'resident_owner', 'rate');
  if (!decision.ok) {
    throw new AppError(decision.refusal);
  }
  const at = ctx.now().toISOString();
  const comment = input.comment ? normalizeText(input.comment) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await store.updateTicketIfUnchanged(trx, t.id, t.event_count, {
      status: decision.to,
      rating: input.rating,
      rating_comment: comment,
      closed_at: at,
      updated_at: at,
      event_count: t.event_count + 1,
    });
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await store.insertEvent(trx, {
      ticketId: t.id,
      seq: t.event_count + 1,
      type: 'rated',
      at,
      actorKind: 'resident',
      actorId: null,
      data: { rating: input.rating, ...(comment ? { comment } : {}) },
    });
  });
  return getResidentTicket(ctx, accessToken);
}

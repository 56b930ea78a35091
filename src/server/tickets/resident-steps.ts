import type { Transaction, Updateable } from 'kysely';
import type { Rating, ResidentTicket, TicketKind } from '../../contract/tickets.js';
import { ticketDeadlines } from '../../domain/deadlines.js';
import { normalizeText } from '../../domain/personal-data.js';
import { afterRating, decide } from '../../domain/ticket-machine.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { Database, TicketTable } from '../db/schema.js';
import { enqueueNotification } from '../notifications/service.js';
import { recordAudit } from '../audit/service.js';
import { AppError } from '../errors.js';
import { ticketPhotos } from '../files/service.js';
import { sha256Hex } from '../ids.js';
import { commitStep } from './commit-step.js';
import { residentMergedInto } from './duplicates.js';
import { factsOf } from './facts.js';
import { presentResidentTicket } from './present.js';
import * as store from './store.js';
import { policyFor } from './submission.js';

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
  const [events, photos, mergedInto] = await Promise.all([
    store.listEvents(ctx.db, t.id),
    ticketPhotos(ctx, t.id),
    residentMergedInto(ctx, t),
  ]);
  const facts = factsOf(t);
  const can = {
    canRate: decide(facts, 'resident_owner', 'rate', ctx.handlingRules).ok,
    canReopen: decide(facts, 'resident_owner', 'reopen', ctx.handlingRules).ok,
    mergedInto,
  };
  return presentResidentTicket(t, events, photos, can, ctx.now());
}

/** The ticket id behind a private link, for serving its photos. */
export async function ticketIdOfToken(ctx: AppContext, accessToken: string): Promise<string> {
  return (await findByToken(ctx, accessToken)).id;
}

/**
 * What re-handling (重办) changes: back to the handler at the same tier with a fresh resolution
 * deadline counted from now, the earlier reply kept in the timeline only.
 */
async function reopenChanges(
  ctx: AppContext,
  t: { kind: string; matter_code: string | null; reopen_count: number },
  now: Date,
): Promise<Updateable<TicketTable>> {
  const policy = await policyFor(ctx, t.kind as TicketKind, t.matter_code, now.toISOString());
  const due = ticketDeadlines(await loadCalendar(ctx.db), now, policy);
  return {
    reopen_count: t.reopen_count + 1,
    resolve_due_at: due.resolveDueAt.toISOString(),
    resolved_at: null,
    // A case that ended in an answer the resident rejects is handled again on the ticket clock.
    in_case_at: null,
    resolved_tier: null,
    handler_assessment: null,
    outcome: null,
    reply: null,
  };
}

/** The resident rates the answer: the ticket closes, or is re-handled after an unsatisfied one. */
export async function rateTicket(
  ctx: AppContext,
  accessToken: string,
  input: { rating: Rating; solved?: boolean; comment?: string },
): Promise<ResidentTicket> {
  const t = await findByToken(ctx, accessToken);
  const facts = factsOf(t);
  const decision = decide(facts, 'resident_owner', 'rate', ctx.handlingRules);
  if (!decision.ok) {
    throw new AppError(decision.refusal);
  }
  const now = ctx.now();
  const at = now.toISOString();
  const comment = input.comment ? normalizeText(input.comment) : null;
  const next = afterRating(input.rating, facts, ctx.handlingRules);
  const solved = input.solved === undefined ? {} : { citizen_solved: input.solved ? 1 : 0 };
  const changes =
    next === 'closed'
      ? {
          status: next,
          rating: input.rating,
          rating_comment: comment,
          closed_at: at,
          ...solved,
        }
      : { status: next, ...solved, ...(await reopenChanges(ctx, t, now)) };
  await commitStep(
    ctx,
    t,
    {
      changes,
      event: {
        type: next === 'closed' ? 'rated' : 'reopened',
        at,
        actorKind: 'resident',
        actorId: null,
        data: { rating: input.rating, ...(comment ? { comment } : {}) },
      },
    },
    async (trx) => {
      if (next !== 'closed') {
        await noticeReopened(trx, t, at);
      }
      await auditResident(trx, ctx, 'ticket.rate', t.id, { rating: input.rating, to: next });
    },
  );
  return getResidentTicket(ctx, accessToken);
}

/** The resident says the problem is not solved: the ticket goes back for re-handling. */
export async function reopenTicket(
  ctx: AppContext,
  accessToken: string,
  input: { reason: string },
): Promise<ResidentTicket> {
  const t = await findByToken(ctx, accessToken);
  const decision = decide(factsOf(t), 'resident_owner', 'reopen', ctx.handlingRules);
  if (!decision.ok) {
    throw new AppError(decision.refusal);
  }
  const now = ctx.now();
  await commitStep(
    ctx,
    t,
    {
      changes: { status: decision.to, citizen_solved: 0, ...(await reopenChanges(ctx, t, now)) },
      event: {
        type: 'reopened',
        at: now.toISOString(),
        actorKind: 'resident',
        actorId: null,
        data: { reason: normalizeText(input.reason) },
      },
    },
    async (trx) => {
      await noticeReopened(trx, t, now.toISOString());
      await auditResident(trx, ctx, 'ticket.reopen', t.id, { to: decision.to });
    },
  );
  return getResidentTicket(ctx, accessToken);
}

/** Records a resident's step on their ticket in the audit trail. */
async function auditResident(
  trx: Transaction<Database>,
  ctx: AppContext,
  action: 'ticket.rate' | 'ticket.reopen',
  ticketId: string,
  detail: Record<string, string>,
): Promise<void> {
  await recordAudit(trx, ctx, {
    actorKind: 'resident',
    actorId: null,
    action,
    recordType: 'ticket',
    recordId: ticketId,
    detail,
  });
}

/** Tells the resident and the handler that the ticket is being handled again. */
async function noticeReopened(
  trx: Transaction<Database>,
  t: { id: string; assignee_id: string | null },
  at: string,
): Promise<void> {
  await enqueueNotification(trx, { ticketId: t.id, audience: 'reporter', event: 'reopened', at });
  if (t.assignee_id) {
    await enqueueNotification(trx, {
      ticketId: t.id,
      audience: 'staff',
      staffId: t.assignee_id,
      event: 'assigned',
      at,
    });
  }
}

/**
 * Closes replied tickets nobody rated within the configured number of days; returns how many.
 * A ticket changed meanwhile is left for the next run.
 */
export async function closeUnratedTickets(ctx: AppContext, now: Date): Promise<number> {
  const before = new Date(now.getTime() - ctx.handlingRules.autoCloseDays * 86_400_000);
  const due = await store.listUnratedResolvedBefore(ctx.db, before.toISOString());
  let closed = 0;
  for (const t of due) {
    try {
      await commitStep(
        ctx,
        t,
        {
          changes: { status: 'closed', closed_at: now.toISOString() },
          event: {
            type: 'closed_unrated',
            at: now.toISOString(),
            actorKind: 'system',
            actorId: null,
            data: {},
          },
        },
        async (trx) => {
          await recordAudit(trx, ctx, {
            actorKind: 'system',
            actorId: null,
            action: 'ticket.close_unrated',
            recordType: 'ticket',
            recordId: t.id,
          });
        },
      );
      closed += 1;
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
    }
  }
  return closed;
}

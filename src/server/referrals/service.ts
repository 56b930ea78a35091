import { recordAudit, staffActorKind } from '../audit/service.js';
// The officers' side of referrals: send one request to several departments, follow each
// destination, retry a delivery that failed. Who may do so is the ticket's visibility rule.
import type { Transaction } from 'kysely';
import type { SendReferrals, StaffReferral } from '../../contract/referrals.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { StaffActor } from '../accounts/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import type { Database, DepartmentTable, ReferralTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { loadVisible, visibleTicketId } from '../tickets/service.js';
import { deliverToDepartment } from './delivery.js';
import { claimPhotos, photosOfReferrals, readReferralPhoto } from './photos.js';
import { presentStaffReferral } from './present.js';
import { isSentLate, replyDueAt, transferDueAt } from '../../domain/referral-rules.js';
import * as store from './store.js';

/** The departments a ticket can be referred to. */
export async function listDepartments(ctx: AppContext) {
  const rows = await store.listDepartments(ctx.db);
  return { items: rows.map((d) => ({ code: d.code, name: d.name })) };
}

/** The referrals of a ticket the actor may see, oldest first. */
export async function listTicketReferrals(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
): Promise<{ items: StaffReferral[] }> {
  const id = await visibleTicketId(ctx, actor, ticketId);
  const rows = await store.listReferralsOfTicket(ctx.db, id);
  const photos = await photosOfReferrals(
    ctx,
    rows.map((r) => r.id),
  );
  const now = ctx.now();
  return { items: rows.map((r) => presentStaffReferral(r, photos.get(r.id) ?? [], now)) };
}

function checkDetermination(input: SendReferrals): void {
  if (input.kind === 'determination' && !input.determinationType) {
    throw new AppError('validation_failed', [
      fieldIssue('determinationType', '请选择认定事项', 'choose what is to be determined'),
    ]);
  }
  if (input.kind !== 'determination' && input.determinationType) {
    throw new AppError('validation_failed', [
      fieldIssue('determinationType', '只有认定请求需要填写', 'only for a determination'),
    ]);
  }
}

async function departmentsNamed(ctx: AppContext, codes: readonly string[]) {
  const unique = [...new Set(codes)];
  const found = await store.findDepartmentsByCodes(ctx.db, unique);
  const byCode = new Map(found.map((d) => [d.code, d]));
  const missing = codes.findIndex((c) => !byCode.has(c));
  if (missing >= 0) {
    throw new AppError('validation_failed', [
      fieldIssue(`departments.${missing}`, '没有这个协作部门', 'no such department'),
    ]);
  }
  return unique.map((c) => byCode.get(c) as DepartmentTable);
}

/** Transfers only: the Art 26 limit, counted from the ticket's receipt. */
async function transferLimit(ctx: AppContext, input: SendReferrals, ticketId: string) {
  if (input.kind !== 'transfer') {
    return null;
  }
  const ticket = await store.findTicketReceipt(ctx.db, ticketId);
  if (!ticket) {
    throw new AppError('ticket_not_found');
  }
  return transferDueAt(await loadCalendar(ctx.db), new Date(ticket.created_at));
}

/** The columns a delivery attempt sets: when it succeeds, the clocks start now. */
function deliveryColumns(
  ok: boolean,
  error: string | null,
  now: Date,
  transferDue: Date | null,
): Partial<ReferralTable> {
  if (!ok) {
    return { delivery_state: 'failed', last_error: error };
  }
  return {
    delivery_state: 'delivered',
    last_error: null,
    sent_at: now.toISOString(),
    reply_due_at: replyDueAt(now).toISOString(),
    sent_late: transferDue ? (isSentLate(transferDue, now) ? 1 : 0) : null,
  };
}

async function insertOne(
  trx: Transaction<Database>,
  base: Omit<ReferralTable, 'id' | 'department_id' | 'delivery_state'>,
  department: DepartmentTable,
  context: { now: Date; transferDue: Date | null; photoIds: string[] },
): Promise<string> {
  const delivery = await deliverToDepartment(trx, department.id);
  const id = newId();
  await store.insertReferral(trx, {
    ...base,
    id,
    department_id: department.id,
    delivery_state: 'failed',
    ...deliveryColumns(
      delivery.ok,
      delivery.ok ? null : delivery.error,
      context.now,
      context.transferDue,
    ),
  });
  await store.insertReferralFiles(trx, id, 'request', context.photoIds);
  return id;
}

/**
 * Refers a ticket to one or more departments: one referral each, with its own state, reply
 * deadline (城管条例 Art 29) and delivery. A transfer records whether it was sent within the 3
 * working days of Art 26. A destination whose delivery fails is kept, marked failed, to retry.
 */
export async function sendReferrals(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
  input: SendReferrals,
): Promise<{ items: StaffReferral[] }> {
  const { t } = await loadVisible(ctx, actor, ticketId);
  // A finished ticket asks nothing more of a department.
  if (['closed', 'declined', 'merged'].includes(t.status)) {
    throw new AppError('transition_refused');
  }
  const id = t.id;
  checkDetermination(input);

  const departments = await departmentsNamed(ctx, input.departments);
  const transferDue = await transferLimit(ctx, input, id);

  const now = ctx.now();
  const at = now.toISOString();
  const base = {
    ticket_id: id,
    kind: input.kind,
    determination_type: input.determinationType ?? null,
    request_text: normalizeText(input.requestText),
    status: 'sent' as const,
    created_at: at,
    created_by: actor.id,
    sent_at: null,
    reply_due_at: null,
    transfer_due_at: transferDue?.toISOString() ?? null,
    sent_late: null,
    accepted_at: null,
    accept_note: null,
    reply_text: null,
    replied_at: null,
    replied_by: null,
    delivery_attempts: 1,
    last_error: null,
    updated_at: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await claimPhotos(trx, input.photoIds, at);
    for (const department of departments) {
      const referralId = await insertOne(trx, base, department, {
        now,
        transferDue,
        photoIds: input.photoIds,
      });
      await recordAudit(trx, ctx, {
        actorKind: staffActorKind(actor.role),
        actorId: actor.id,
        action: 'referral.send',
        recordType: 'referral',
        recordId: referralId,
        detail: { ticketId: id, department: department.code, kind: input.kind },
      });
    }
  });
  return listTicketReferrals(ctx, actor, id);
}

/** A referral whose ticket the actor may see; any other id is not found. */
async function loadVisibleReferral(ctx: AppContext, actor: StaffActor, referralId: string) {
  const r = await store.findReferral(ctx.db, referralId);
  if (!r) {
    throw new AppError('not_found');
  }
  try {
    await visibleTicketId(ctx, actor, r.ticket_id);
  } catch (error) {
    throw error instanceof AppError && error.code === 'ticket_not_found'
      ? new AppError('not_found')
      : error;
  }
  return r;
}

/**
 * Delivers a failed referral again; only this destination is touched. A delivered referral
 * cannot be retried. The reply period starts when a delivery succeeds.
 */
export async function retryDelivery(
  ctx: AppContext,
  actor: StaffActor,
  referralId: string,
): Promise<StaffReferral> {
  const r = await loadVisibleReferral(ctx, actor, referralId);
  if (r.delivery_state !== 'failed') {
    throw new AppError('transition_refused');
  }

  const now = ctx.now();
  const transferDue = r.transfer_due_at ? new Date(r.transfer_due_at) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const delivery = await deliverToDepartment(trx, r.department_id);
    const attempts = r.delivery_attempts;
    const changed = await store.updateReferralIf(
      trx,
      r.id,
      { delivery_state: 'failed', delivery_attempts: attempts },
      {
        ...deliveryColumns(delivery.ok, delivery.ok ? null : delivery.error, now, transferDue),
        delivery_attempts: attempts + 1,
        updated_at: now.toISOString(),
      },
    );
    if (!changed) {
      throw new AppError('state_conflict');
    }
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'referral.retry',
      recordType: 'referral',
      recordId: r.id,
      detail: { delivered: delivery.ok ? 'yes' : 'no' },
    });
  });

  const fresh = await loadVisibleReferral(ctx, actor, r.id);
  const photos = await photosOfReferrals(ctx, [fresh.id]);
  return presentStaffReferral(fresh, photos.get(fresh.id) ?? [], now);
}

/** The bytes of a photo of a referral whose ticket the actor may see. */
export async function readStaffReferralPhoto(
  ctx: AppContext,
  actor: StaffActor,
  referralId: string,
  photoId: string,
) {
  const r = await loadVisibleReferral(ctx, actor, referralId);
  return readReferralPhoto(ctx, r.id, photoId);
}

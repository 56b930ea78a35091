import { z } from 'zod';
import type { CreditRepairEvent, SkipReason, TicketEvent } from '../../contract/notifications.js';
import { maskPhone } from '../../domain/personal-data.js';
import { openStatuses } from '../../domain/ticket-machine.js';
import type { AppContext } from '../context.js';
import { resolveCreditRepairMessage } from '../credit/notify.js';
import { resolveSuggestionFeedback } from '../suggestions/notify.js';
import type { OutboxTable } from '../db/schema.js';
import { renderText, verificationCodeText } from './render.js';
import * as store from './store.js';

/** What the worker does with a message: send this text to this number, or skip it and why. */
export type Resolution =
  { kind: 'send'; to: string; masked: string; text: string } | { kind: 'skip'; reason: SkipReason };

/** The payload holds event facts only, never a phone number. */
export const payloadSchema = z.object({
  at: z.string(),
  dueAt: z.string().optional(),
  /** A suggestion's feedback message names the suggestion instead of a ticket. */
  suggestionId: z.string().optional(),
  /** A credit-repair message names the application (src/server/credit). */
  creditRepairId: z.string().optional(),
});
export type Payload = z.infer<typeof payloadSchema>;

/** The payload of a "my requests" code: the code encrypted, and until when it holds. */
export const codePayloadSchema = z.object({
  at: z.string(),
  codeEnc: z.string(),
  expiresAt: z.string(),
});
export type CodePayload = z.infer<typeof codePayloadSchema>;

const reminders: readonly TicketEvent[] = ['soon_due', 'overdue'];
const open: readonly string[] = openStatuses;

async function phoneOf(
  ctx: AppContext,
  row: Pick<OutboxTable, 'audience' | 'ticket_id' | 'staff_id'>,
): Promise<{ phone: string } | { skip: SkipReason }> {
  if (row.audience === 'reporter') {
    const stored = row.ticket_id ? await store.findReporterPhoneEnc(ctx.db, row.ticket_id) : null;
    return stored ? { phone: ctx.cipher.decrypt(stored) } : { skip: 'no_reporter_phone' };
  }
  const staff = row.staff_id ? await store.findStaffContact(ctx.db, row.staff_id) : undefined;
  if (staff?.active !== 1) {
    return { skip: 'staff_inactive' };
  }
  // The officer's own mobile, not the work landline printed on placards.
  return staff.mobile_enc
    ? { phone: ctx.cipher.decrypt(staff.mobile_enc) }
    : { skip: 'no_staff_phone' };
}

/**
 * Works out, at send time, who a message goes to and what it says. The reporter's number is read
 * and decrypted now, not when the message was queued: a number removed or a ticket anonymised in
 * between means the message is skipped. A deadline reminder for a ticket no longer open is too.
 */
export async function resolveMessage(
  ctx: AppContext,
  row: Pick<OutboxTable, 'audience' | 'ticket_id' | 'staff_id' | 'event' | 'payload'> &
    Partial<Pick<OutboxTable, 'recipient_enc'>>,
): Promise<Resolution> {
  if (row.audience === 'resident') {
    return resolveCodeMessage(ctx, row);
  }
  const event = row.event as TicketEvent;
  const payload = payloadSchema.parse(JSON.parse(row.payload));
  if (payload.creditRepairId) {
    return resolveCreditRepairMessage(ctx, row.event as CreditRepairEvent, payload.creditRepairId);
  }
  if (event === 'suggestion_feedback') {
    return resolveSuggestionFeedback(ctx, payload.suggestionId ?? '');
  }
  const ticket = row.ticket_id ? await store.findTicketFacts(ctx.db, row.ticket_id) : undefined;
  if (!ticket) {
    return { kind: 'skip', reason: 'ticket_gone' };
  }
  // A reminder is moot once the ticket is finished or has moved into an enforcement case.
  if (reminders.includes(event) && (!open.includes(ticket.status) || ticket.status === 'in_case')) {
    return { kind: 'skip', reason: 'ticket_not_open' };
  }

  const recipient = await phoneOf(ctx, row);
  if ('skip' in recipient) {
    return { kind: 'skip', reason: recipient.skip };
  }

  const facts = {
    trackingCode: ticket.tracking_code,
    kind: ticket.kind,
    resolveDueAt: ticket.resolve_due_at,
    place: ticket.building_name,
    mergedInto: ticket.merged_into_code,
  };
  const text = renderText(event, facts, payload.dueAt);
  return { kind: 'send', to: recipient.phone, masked: maskPhone(recipient.phone), text };
}

/**
 * A "my requests" code goes to the number encrypted in the message itself, since it is on no
 * ticket; a code past its 10 minutes is not sent, as it could no longer be used.
 */
function resolveCodeMessage(
  ctx: AppContext,
  row: Pick<OutboxTable, 'payload'> & Partial<Pick<OutboxTable, 'recipient_enc'>>,
): Resolution {
  const payload = codePayloadSchema.parse(JSON.parse(row.payload));
  if (!row.recipient_enc) {
    return { kind: 'skip', reason: 'no_reporter_phone' };
  }
  if (ctx.now().toISOString() >= payload.expiresAt) {
    return { kind: 'skip', reason: 'code_expired' };
  }
  const to = ctx.cipher.decrypt(row.recipient_enc);
  const minutes = Math.round((Date.parse(payload.expiresAt) - Date.parse(payload.at)) / 60_000);
  const text = verificationCodeText(ctx.cipher.decrypt(payload.codeEnc), minutes);
  return { kind: 'send', to, masked: maskPhone(to), text };
}

import { z } from 'zod';
import type { NotificationEvent, SkipReason } from '../../contract/notifications.js';
import { maskPhone } from '../../domain/personal-data.js';
import { openStatuses } from '../../domain/ticket-machine.js';
import type { AppContext } from '../context.js';
import type { OutboxTable } from '../db/schema.js';
import { renderText } from './render.js';
import * as store from './store.js';

/** What the worker does with a message: send this text to this number, or skip it and why. */
export type Resolution =
  { kind: 'send'; to: string; masked: string; text: string } | { kind: 'skip'; reason: SkipReason };

/** The payload holds event facts only, never a phone number. */
export const payloadSchema = z.object({
  at: z.string(),
  dueAt: z.string().optional(),
});
export type Payload = z.infer<typeof payloadSchema>;

const reminders: readonly NotificationEvent[] = ['soon_due', 'overdue'];
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
  row: Pick<OutboxTable, 'audience' | 'ticket_id' | 'staff_id' | 'event' | 'payload'>,
): Promise<Resolution> {
  const event = row.event as NotificationEvent;
  const payload = payloadSchema.parse(JSON.parse(row.payload));
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

import type { Notification, NotificationEvent } from '../../contract/notifications.js';
import type { OutboxAttemptTable, OutboxTable } from '../db/schema.js';

/** A message row with the names the admin list joins in. */
export type MessageRecord = OutboxTable & {
  tracking_code: string | null;
  reporter_masked: string | null;
  staff_name: string | null;
  staff_masked: string | null | undefined;
};

/**
 * The recipient as last used, masked. A message not yet attempted shows whom it would reach now;
 * a skipped one shows nobody, since nobody was there to reach.
 */
function recipientOf(r: MessageRecord): string | null {
  if (r.recipient_masked) {
    return r.recipient_masked;
  }
  if (r.status !== 'pending' && r.status !== 'sending') {
    return null;
  }
  if (r.audience === 'reporter') {
    return r.reporter_masked;
  }
  return r.staff_masked ?? null;
}

/** One message for the admin list: status, attempts and errors, never a full number or text. */
export function presentNotification(
  r: MessageRecord,
  attempts: OutboxAttemptTable[],
): Notification {
  return {
    id: r.id,
    event: r.event as NotificationEvent,
    audience: r.audience,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    recipientMasked: recipientOf(r),
    ticket:
      r.ticket_id && r.tracking_code ? { id: r.ticket_id, trackingCode: r.tracking_code } : null,
    staffName: r.staff_name,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    attemptLog: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at,
      ok: a.ok === 1,
      error: a.error,
    })),
  };
}

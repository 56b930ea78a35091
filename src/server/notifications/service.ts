import type { Kysely, Transaction } from 'kysely';
import {
  reporterEvents,
  type CreditRepairEvent,
  staffEvents,
  type NotificationList,
  type NotificationListQuery,
  type ReporterEvent,
  type StaffEvent,
} from '../../contract/notifications.js';
import type { StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { presentNotification } from './present.js';
import type { CodePayload, Payload } from './recipient.js';
import * as store from './store.js';

/**
 * One notification to queue: to the resident behind a ticket (sent only if a phone number is on
 * the ticket when the message goes out), or to one staff member.
 */
export type NotificationEntry =
  | { ticketId: string; audience: 'reporter'; event: ReporterEvent; at: string | Date }
  | { ticketId: string; audience: 'staff'; staffId: string; event: StaffEvent; at: string | Date };

const allowed: Record<NotificationEntry['audience'], readonly string[]> = {
  reporter: reporterEvents,
  staff: staffEvents,
};

/** Queues a message; false when its dedupe key was already used. */
export async function queueMessage(
  db: Kysely<Database> | Transaction<Database>,
  entry: NotificationEntry,
  extra: { dueAt?: string; dedupeKey?: string } = {},
): Promise<{ id: string; queued: boolean }> {
  if (!allowed[entry.audience].includes(entry.event)) {
    throw new Error(`event ${entry.event} is not sent to audience ${entry.audience}`);
  }
  const at = new Date(entry.at).toISOString();
  const payload: Payload = { at, ...(extra.dueAt ? { dueAt: extra.dueAt } : {}) };
  const id = newId();
  const queued = await store.insertMessage(db, {
    id,
    topic: 'sms',
    ticket_id: entry.ticketId,
    audience: entry.audience,
    staff_id: entry.audience === 'staff' ? entry.staffId : null,
    event: entry.event,
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    created_at: at,
    dedupe_key: extra.dedupeKey ?? null,
  });
  return { id, queued };
}

/**
 * Queues a notification inside the caller's transaction, so it exists exactly when the change
 * that caused it commits. No phone number is stored: the recipient is looked up at send time.
 * Call it after the ticket row is written; it returns the message id.
 */
export async function enqueueNotification(
  trx: Kysely<Database> | Transaction<Database>,
  entry: NotificationEntry,
): Promise<string> {
  return (await queueMessage(trx, entry)).id;
}

/** A "my requests" code to send to a phone that need not be on any ticket. */
export interface CodeMessage {
  /** The number, already encrypted with the data key; the outbox never holds it in clear. */
  phoneEnc: string;
  phoneMasked: string;
  /** The code, already encrypted; the worker decrypts it into the text when it sends. */
  codeEnc: string;
  at: string;
  expiresAt: string;
}

/**
 * Queues the SMS of a "my requests" code in the caller's transaction. Unlike a ticket's messages
 * the recipient travels with the message (encrypted): there is no ticket to look the phone up in.
 */
export async function enqueueCodeMessage(
  trx: Kysely<Database> | Transaction<Database>,
  message: CodeMessage,
): Promise<string> {
  const payload: CodePayload = {
    at: message.at,
    codeEnc: message.codeEnc,
    expiresAt: message.expiresAt,
  };
  const id = newId();
  await store.insertMessage(trx, {
    id,
    topic: 'sms',
    ticket_id: null,
    audience: 'resident',
    staff_id: null,
    event: 'verification_code',
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: message.at,
    created_at: message.at,
    recipient_masked: message.phoneMasked,
    recipient_enc: message.phoneEnc,
  });
  return id;
}

/**
 * Queues, inside the caller's transaction, the SMS telling a suggestion's proposer of the decision
 * and feedback (src/server/suggestions); at most once per suggestion. As for tickets, no number
 * is stored: it is read from the suggestion when the message is sent.
 */
export async function enqueueSuggestionFeedback(
  trx: Kysely<Database> | Transaction<Database>,
  suggestionId: string,
  at: string,
): Promise<boolean> {
  const payload: Payload = { at, suggestionId };
  return store.insertMessage(trx, {
    id: newId(),
    topic: 'sms',
    ticket_id: null,
    audience: 'reporter',
    staff_id: null,
    event: 'suggestion_feedback',
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    created_at: at,
    dedupe_key: `suggestion_feedback:${suggestionId}`,
  });
}

/**
 * Queues, inside the caller's transaction, an SMS to the applicant of a credit-repair application
 * (src/server/credit): the 补正 request or the decision. As for tickets, no number is stored: it
 * is read from the application when the message is sent.
 */
export async function enqueueCreditRepairMessage(
  trx: Kysely<Database> | Transaction<Database>,
  creditRepairId: string,
  event: CreditRepairEvent,
  at: string,
): Promise<boolean> {
  const payload: Payload = { at, creditRepairId };
  return store.insertMessage(trx, {
    id: newId(),
    topic: 'sms',
    ticket_id: null,
    audience: 'reporter',
    staff_id: null,
    event,
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: at,
    created_at: at,
  });
}

/**
 * The queued messages an admin may see, newest first: the whole district for a bureau admin,
 * their street's tickets for a street admin.
 */
export async function listNotifications(
  ctx: AppContext,
  actor: StaffActor,
  query: NotificationListQuery,
): Promise<NotificationList> {
  if (actor.role !== 'bureau_admin' && actor.role !== 'street_admin') {
    throw new AppError('forbidden');
  }
  const scope: store.MessageScope =
    actor.role === 'bureau_admin' ? { all: true } : { streetId: actor.streetId ?? '-' };

  const { rows, total } = await store.listMessages(
    ctx.db,
    scope,
    { status: query.status === 'all' ? null : query.status, ticketId: query.ticketId ?? null },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const attempts = await store.listAttempts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) =>
    presentNotification(
      r,
      attempts.filter((a) => a.outbox_id === r.id),
    ),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

import type { Kysely, Transaction } from 'kysely';
import {
  reporterEvents,
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
import type { Payload } from './recipient.js';
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

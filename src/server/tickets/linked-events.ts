// Events other features add to a ticket's timeline (a mediation opened from it), written in that
// feature's transaction so the ticket and the other record never disagree.
import type { Transaction } from 'kysely';
import type { TimelineEntry } from '../../contract/tickets.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import * as store from './store.js';

/** One event another feature records on a ticket; `note` is shown to staff in the timeline. */
export interface LinkedEvent {
  type: TimelineEntry['type'];
  at: string;
  actorId: string;
  note: string;
  data?: Record<string, string>;
}

/**
 * Appends an event to a ticket's timeline inside `trx`, without changing the ticket's state.
 * Refused as `state_conflict` when the ticket changed since it was read (its event count moved).
 */
export async function appendLinkedEvent(
  trx: Transaction<Database>,
  ticket: { id: string; event_count: number },
  event: LinkedEvent,
): Promise<void> {
  const seq = ticket.event_count + 1;
  const changed = await store.updateTicketIfUnchanged(trx, ticket.id, ticket.event_count, {
    updated_at: event.at,
    event_count: seq,
  });
  if (!changed) {
    throw new AppError('state_conflict');
  }
  await store.insertEvent(trx, {
    ticketId: ticket.id,
    seq,
    type: event.type,
    at: event.at,
    actorKind: 'staff',
    actorId: event.actorId,
    data: { ...event.data, note: event.note },
  });
}

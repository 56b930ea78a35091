import type { Transaction, Updateable } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database, TicketTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import * as store from './store.js';

/** One step on a ticket: what changes on the row and what the timeline records. */
export interface Step {
  changes: Updateable<TicketTable>;
  event: {
    type: string;
    at: string;
    actorKind: 'resident' | 'staff' | 'system';
    actorId: string | null;
    data: Record<string, unknown>;
  };
}

/**
 * Writes a step in one transaction: the row only if nobody changed it since it was read (else
 * `state_conflict`), and its timeline event. `within` adds what must commit with it.
 */
export async function commitStep(
  ctx: AppContext,
  ticket: { id: string; event_count: number },
  step: Step,
  within?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await writeStep(trx, ticket, step);
    await within?.(trx);
  });
}

/**
 * Writes a step inside the caller's transaction (another feature's, such as a case that takes the
 * ticket along): the row only if unchanged since it was read, else `state_conflict`, and its event.
 */
export async function writeStep(
  trx: Transaction<Database>,
  ticket: { id: string; event_count: number },
  step: Step,
): Promise<void> {
  const seq = ticket.event_count + 1;
  const changed = await store.updateTicketIfUnchanged(trx, ticket.id, ticket.event_count, {
    ...step.changes,
    updated_at: step.event.at,
    event_count: seq,
  });
  if (!changed) {
    throw new AppError('state_conflict');
  }
  await store.insertEvent(trx, { ticketId: ticket.id, seq, ...step.event });
}

// Callbacks are made from the ticket's timeline, not from each step's code: every change to a
// ticket appends an event in its own transaction, so reading the timeline past a cursor finds
// every change, whichever feature made it, and none is lost if the app stops in between.
import type { Insertable } from 'kysely';
import type { CityOpsCallback, CityOpsEvent } from '../../contract/city-ops.js';
import type { Rating } from '../../contract/tickets.js';
import type { AppContext } from '../context.js';
import { newId } from '../ids.js';
import * as store from './store.js';
import type { CityOpsMessageTable } from './tables.js';

/** What a timeline event tells the platform; 'submitted' needs none (the receipt said it). */
const eventOf: Readonly<Record<string, CityOpsEvent | null>> = {
  submitted: null,
  accepted: 'accepted',
  reassigned: 'assigned',
  contacted: 'contacted',
  resolved: 'replied',
  // 不予受理 and 退单 both hand the order back to the platform (退回), with the reason.
  declined: 'returned',
  sent_back: 'returned',
  rated: 'closed',
  closed_unrated: 'closed',
};

function parseData(data: unknown): Record<string, unknown> {
  const value: unknown = typeof data === 'string' ? JSON.parse(data) : data;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The words of a step: the reply, the reason, the note or the resident's comment. */
function textOf(data: Record<string, unknown>): string | null {
  for (const key of ['reply', 'reason', 'note', 'comment']) {
    const value = data[key];
    if (typeof value === 'string' && value.length > 0) {
      return value;
    }
  }
  return null;
}

type OrderState = NonNullable<Awaited<ReturnType<typeof store.findOrderState>>>;

function stateOf(order: OrderState, returnReason: string | null): CityOpsCallback['state'] {
  return {
    status: order.status,
    tier: order.tier,
    resolveDueAt: order.resolve_due_at,
    reply: order.reply,
    outcome: order.outcome,
    returnReason,
    rating: order.rating as Rating | null,
  };
}

/** Queues the callbacks of one order's new events: how many, 0 when another relay took them. */
async function relayOrder(ctx: AppContext, orderId: string, at: string): Promise<number> {
  const order = await store.findOrderState(ctx.db, orderId);
  if (!order) {
    return 0;
  }
  const events = await store.listEventsAfter(ctx.db, order.ticket_id, order.relayed_seq);
  let sequence = order.last_sequence;
  let returnReason = order.decline_reason;
  const rows: Insertable<CityOpsMessageTable>[] = [];
  for (const event of events) {
    const data = parseData(event.data);
    const kind = event.type in eventOf ? eventOf[event.type] : 'status_changed';
    if (!kind) {
      continue;
    }
    if (kind === 'returned') {
      returnReason = textOf(data);
    }
    sequence += 1;
    const callback: CityOpsCallback = {
      orderId: order.external_id,
      trackingCode: order.tracking_code,
      sequence,
      event: kind,
      at: event.at,
      text: textOf(data),
      state: stateOf(order, returnReason),
    };
    rows.push({
      id: newId(),
      order_id: order.id,
      sequence,
      event: kind,
      payload: JSON.stringify(callback),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
    });
  }
  const last = events.at(-1)?.seq ?? order.relayed_seq;
  const moved = await ctx.db.transaction().execute(async (trx) => {
    const cursor = { relayed_seq: last, last_sequence: sequence };
    if (!(await store.advanceCursor(trx, order.id, order.relayed_seq, cursor))) {
      return false;
    }
    await store.insertMessages(trx, rows);
    return true;
  });
  return moved ? rows.length : 0;
}

/**
 * Turns the new timeline events of every platform order into queued callbacks, numbered 1, 2, 3 …
 * per order. The cursor moves in the same transaction as the callbacks are written, and only if
 * no other instance moved it first, so each event is queued exactly once.
 */
export async function relayEvents(ctx: AppContext, now: Date, limit = 200): Promise<number> {
  const orders = await store.listOrdersToRelay(ctx.db, limit);
  let queued = 0;
  for (const order of orders) {
    queued += await relayOrder(ctx, order.id, now.toISOString());
  }
  return queued;
}

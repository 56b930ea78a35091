import { openStatuses } from '../../domain/ticket-machine.js';
import type { AppContext } from '../context.js';
import { queueMessage } from './service.js';
import * as store from './store.js';

/** How far ahead a resolve deadline counts as soon due. */
const soonMs = 24 * 3600_000;

/** The marker of one reminder: one per ticket, event and deadline, so a scan never repeats it. */
function markerOf(event: string, ticketId: string, dueAt: string): string {
  return `${event}:${ticketId}:${dueAt}`;
}

async function existingMarkers(ctx: AppContext, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    for (const key of await store.existingDedupeKeys(ctx.db, keys.slice(i, i + 500))) {
      found.add(key);
    }
  }
  return found;
}

/**
 * Queues a reminder to the assignee of every open ticket whose resolve deadline is within 24 h
 * ('soon_due') or past ('overdue'), once per ticket and deadline: an extended deadline gets its
 * own reminders. Two instances scanning at once still queue one, through the unique marker.
 */
export async function scanDeadlines(
  ctx: AppContext,
  now: Date,
): Promise<{ soonDue: number; overdue: number }> {
  const at = now.toISOString();
  const horizon = new Date(now.getTime() + soonMs).toISOString();
  const tickets = await store.listTicketsDueBefore(ctx.db, openStatuses, horizon);
  const candidates = tickets.map((t) => {
    const event = t.resolve_due_at < at ? ('overdue' as const) : ('soon_due' as const);
    return { ...t, event, key: markerOf(event, t.id, t.resolve_due_at) };
  });
  const done = await existingMarkers(
    ctx,
    candidates.map((c) => c.key),
  );

  const counts = { soonDue: 0, overdue: 0 };
  for (const c of candidates) {
    if (done.has(c.key) || !c.assignee_id) {
      continue;
    }
    const entry = {
      ticketId: c.id,
      audience: 'staff' as const,
      staffId: c.assignee_id,
      event: c.event,
      at,
    };
    const { queued } = await queueMessage(ctx.db, entry, {
      dueAt: c.resolve_due_at,
      dedupeKey: c.key,
    });
    if (queued) {
      counts[c.event === 'overdue' ? 'overdue' : 'soonDue'] += 1;
    }
  }
  return counts;
}

import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import { reinspectionRound } from '../buildings/reinspection-scan.js';
import { onOneInstance } from '../db/instance-lock.js';
import { closeUnratedTickets } from './resident-steps.js';

/** A running housekeeping loop; `stop` waits for the round in progress. */
export interface Housekeeping {
  stop(): Promise<void>;
}

/**
 * Closes replied tickets nobody rated in time and schedules and reminds re-inspections, every
 * `intervalMs` (10 minutes by default).
 * A failing round is logged and the next one runs as planned.
 */
export function startTicketHousekeeping(
  ctx: AppContext,
  logger: FastifyBaseLogger,
  intervalMs = 10 * 60_000,
): Housekeeping {
  const log = logger.child({ jobId: 'ticket-housekeeping' });
  let running: Promise<void> | null = null;
  const work = async () => {
    const closed = await closeUnratedTickets(ctx, ctx.now());
    if (closed > 0) {
      log.info({ closed }, 'unrated tickets closed');
    }
    // Re-inspections (回头看) owed by closed cases, and their reminders (src/server/buildings).
    const reinspections = await reinspectionRound(ctx, ctx.now());
    if (reinspections.scheduled + reinspections.soonDue + reinspections.overdue > 0) {
      log.info(reinspections, 're-inspections scheduled and reminded');
    }
  };
  // Every instance keeps the timer; a round another instance is running is skipped here.
  const round = async () => {
    await onOneInstance(ctx, 'ticket-housekeeping', work);
  };
  const timer = setInterval(() => {
    running ??= round()
      .catch((error: unknown) => {
        log.error({ err: error }, 'housekeeping round failed');
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

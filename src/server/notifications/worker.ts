import { deliverCityOps } from '../city-ops/delivery.js';
import { deliverDue, type DeliveryOptions } from './delivery.js';
import type { AppContext } from '../context.js';
import { onOneInstance } from '../db/instance-lock.js';
import { scanDeadlines } from './scan.js';

/** How the worker runs; the interval defaults to OUTBOX_INTERVAL_SECONDS. */
export interface OutboxWorkerOptions extends DeliveryOptions {
  intervalMs?: number;
  /** How often deadlines are scanned for reminders; every 5 minutes by default. */
  scanIntervalMs?: number;
}

/** A running worker; `stop` waits for the round in progress to end. */
export interface OutboxWorker {
  stop(): Promise<void>;
}

/**
 * Starts delivering the outbox on an interval, and scanning deadlines every few minutes. Rounds
 * never overlap: the next one is scheduled when the last has ended. Nothing it does throws.
 */
export function startOutboxWorker(ctx: AppContext, options: OutboxWorkerOptions): OutboxWorker {
  const intervalMs = options.intervalMs ?? ctx.notify.intervalSeconds * 1000;
  const scanIntervalMs = options.scanIntervalMs ?? 5 * 60_000;
  const log = options.logger.child({ jobId: 'outbox-worker' });
  let lastScan = Number.NEGATIVE_INFINITY;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const round = async () => {
    const now = ctx.now();
    if (now.getTime() - lastScan >= scanIntervalMs) {
      lastScan = now.getTime();
      try {
        // One instance scans at a time; delivery below runs on all, through per-message claims.
        await onOneInstance(ctx, 'deadline-scan', async () => {
          const queued = await scanDeadlines(ctx, now);
          if (queued.soonDue + queued.overdue > 0) {
            log.info(queued, 'deadline reminders queued');
          }
        });
      } catch (error) {
        log.error({ err: error }, 'deadline scan failed');
      }
    }
    await deliverDue(ctx, now, options);
    // The city-operations platform's callbacks share the worker, not the SMS queue.
    await deliverCityOps(ctx, now, options);
  };

  const schedule = (delay: number) => {
    if (stopped) {
      return;
    }
    timer = setTimeout(() => {
      running = round()
        .catch((error: unknown) => {
          log.error({ err: error }, 'outbox round failed');
        })
        .finally(() => {
          running = null;
          schedule(intervalMs);
        });
    }, delay);
    timer.unref();
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

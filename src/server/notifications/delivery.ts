import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.js';
import type { OutboxTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { adapterFor, type SmsAdapter } from './adapters.js';
import { resolveMessage } from './recipient.js';
import * as store from './store.js';

/** Who delivers, and through what; tests give each simulated instance its own worker id. */
export interface DeliveryOptions {
  logger: FastifyBaseLogger;
  /** Marks this instance's claims; by default one id per process. */
  workerId?: string;
  /** By default the adapter the settings name. */
  adapter?: SmsAdapter;
  /** How many messages one round takes at most. */
  batchSize?: number;
}

/** What one round did. */
export interface DeliverySummary {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

type Outcome = keyof DeliverySummary | 'taken';

/** One id per process, so two app instances on one database never share claims. */
export const processWorkerId = `worker-${newId().slice(0, 12)}`;

/**
 * A message left 'sending' this long is taken over by another worker: its sender died. Far above
 * the 5 s gateway timeout, so a slow but live sender is not overtaken.
 */
const leaseMs = 5 * 60_000;

/** The wait before the next attempt after `attempts` failed ones: 30 s · 2^(n−1), at most 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}

interface Round {
  ctx: AppContext;
  now: Date;
  workerId: string;
  adapter: SmsAdapter;
  log: FastifyBaseLogger;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}

/** Records a failed attempt: retried later with backoff, or failed after the last attempt. */
async function recordFailure(
  round: Round,
  row: OutboxTable,
  error: string,
  masked: string | null,
): Promise<Outcome> {
  const attempts = row.attempts + 1;
  const last = attempts >= round.ctx.notify.maxAttempts;
  const at = round.now.toISOString();
  const next = new Date(round.now.getTime() + retryDelayMs(attempts)).toISOString();
  const written = await round.ctx.db.transaction().execute((trx) =>
    store.finishClaim(
      trx,
      row.id,
      round.workerId,
      {
        status: last ? 'failed' : 'pending',
        attempts,
        last_error: error,
        next_attempt_at: last ? null : next,
        recipient_masked: masked ?? row.recipient_masked,
      },
      { attempt: attempts, at, ok: false, error },
    ),
  );
  round.log.warn({ outboxId: row.id, attempts, error, gaveUp: last }, 'sms attempt failed');
  return written ? (last ? 'failed' : 'retrying') : 'taken';
}

async function recordSent(round: Round, row: OutboxTable, masked: string): Promise<Outcome> {
  const at = round.now.toISOString();
  const attempts = row.attempts + 1;
  const written = await round.ctx.db
    .transaction()
    .execute((trx) =>
      store.finishClaim(
        trx,
        row.id,
        round.workerId,
        { status: 'sent', attempts, sent_at: at, next_attempt_at: null, recipient_masked: masked },
        { attempt: attempts, at, ok: true, error: null },
      ),
    );
  return written ? 'sent' : 'taken';
}

/** Claims one message, decides its recipient now, sends it and records the outcome. */
async function deliverOne(round: Round, id: string): Promise<Outcome> {
  const at = round.now.toISOString();
  const staleBefore = new Date(round.now.getTime() - leaseMs).toISOString();
  const claim = { workerId: round.workerId, at, staleBefore };
  if (!(await store.claimMessage(round.ctx.db, id, claim))) {
    return 'taken';
  }
  const row = await store.findMessage(round.ctx.db, id);
  if (!row) {
    return 'taken';
  }

  let resolution: Awaited<ReturnType<typeof resolveMessage>>;
  try {
    resolution = await resolveMessage(round.ctx, row);
  } catch (error) {
    return recordFailure(round, row, errorText(error), null);
  }
  if (resolution.kind === 'skip') {
    round.log.debug({ outboxId: id, reason: resolution.reason }, 'sms skipped');
    const changes = {
      status: 'skipped' as const,
      last_error: resolution.reason,
      next_attempt_at: null,
    };
    const done = await store.finishClaim(round.ctx.db, id, round.workerId, changes, null);
    return done ? 'skipped' : 'taken';
  }

  try {
    const message = { id, to: resolution.to, text: resolution.text };
    await round.adapter.send(message, round.log);
  } catch (error) {
    return recordFailure(round, row, errorText(error), resolution.masked);
  }
  return recordSent(round, row, resolution.masked);
}

/**
 * Delivers the messages due at `now`, one claim at a time, so several workers on one database
 * share the work and none sends a message another has claimed. It never throws: a message that
 * cannot be handled is logged and left for the next round.
 */
export async function deliverDue(
  ctx: AppContext,
  now: Date,
  options: DeliveryOptions,
): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const log = options.logger.child({ jobId: `outbox-${newId().slice(0, 12)}` });
  try {
    const round: Round = {
      ctx,
      now,
      log,
      workerId: options.workerId ?? processWorkerId,
      adapter: options.adapter ?? adapterFor(ctx.notify),
    };
    const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
    const limit = options.batchSize ?? 50;
    const ids = await store.listDueIds(ctx.db, now.toISOString(), staleBefore, limit);
    for (const id of ids) {
      const outcome = await deliverOne(round, id).catch((error: unknown) => {
        log.error({ outboxId: id, err: error }, 'sms delivery could not be recorded');
        return 'taken' as const;
      });
      if (outcome !== 'taken') {
        summary[outcome] += 1;
      }
    }
  } catch (error) {
    log.error({ err: error }, 'outbox round failed');
  }
  if (summary.sent + summary.retrying + summary.failed + summary.skipped > 0) {
    log.info({ ...summary }, 'outbox round done');
  }
  return summary;
}

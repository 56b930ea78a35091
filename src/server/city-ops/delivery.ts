import type { FastifyBaseLogger } from 'fastify';
import type { CityOpsCallback } from '../../contract/city-ops.js';
import type { AppContext } from '../context.js';
import { newId } from '../ids.js';
import { processWorkerId, retryDelayMs } from '../notifications/delivery.js';
import { relayEvents } from './relay.js';
import { httpSender, type CityOpsSender } from './sender.js';
import * as store from './store.js';

/** Who delivers, and through what; tests pass the simulator's sender or their own worker id. */
export interface CityOpsDeliveryOptions {
  logger: FastifyBaseLogger;
  workerId?: string;
  /** By default an HTTP sender to CITY_OPS_CALLBACK_URL; none when it is not set. */
  sender?: CityOpsSender;
  batchSize?: number;
}

/** What one round did. */
export interface CityOpsSummary {
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
  /** Held back behind an earlier callback of the same order. */
  held: number;
}

type Outcome = 'sent' | 'retrying' | 'failed' | 'held' | 'taken';

/** A callback left 'sending' this long was abandoned by a worker that died. */
const leaseMs = 5 * 60_000;

interface Round {
  ctx: AppContext;
  now: Date;
  workerId: string;
  sender: CityOpsSender;
  log: FastifyBaseLogger;
}

function senderOf(ctx: AppContext, options: CityOpsDeliveryOptions): CityOpsSender | null {
  if (options.sender) {
    return options.sender;
  }
  const { callbackUrl, secret } = ctx.cityOps;
  return callbackUrl && secret ? httpSender({ url: callbackUrl, secret }) : null;
}

async function finish(round: Round, id: string, changes: Parameters<typeof store.finishClaim>[3]) {
  return store.finishClaim(round.ctx.db, id, round.workerId, changes);
}

/** Claims one callback and sends it, unless an earlier one of its order is still on its way. */
async function deliverOne(round: Round, id: string): Promise<Outcome> {
  const at = round.now.toISOString();
  const staleBefore = new Date(round.now.getTime() - leaseMs).toISOString();
  if (
    !(await store.claimMessage(round.ctx.db, id, { workerId: round.workerId, at, staleBefore }))
  ) {
    return 'taken';
  }
  const row = await store.findMessage(round.ctx.db, id);
  if (!row) {
    return 'taken';
  }
  // In order per order: a later state never overtakes an earlier one that is still retrying.
  if (await store.hasEarlierUnsent(round.ctx.db, row.order_id, row.sequence)) {
    const next = new Date(round.now.getTime() + retryDelayMs(1)).toISOString();
    return (await finish(round, id, { status: 'pending', next_attempt_at: next }))
      ? 'held'
      : 'taken';
  }

  const attempts = row.attempts + 1;
  try {
    await round.sender.send(JSON.parse(row.payload) as CityOpsCallback, row.payload, round.now);
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const last = attempts >= round.ctx.cityOps.maxAttempts;
    const next = new Date(round.now.getTime() + retryDelayMs(attempts)).toISOString();
    const changes = {
      status: last ? ('failed' as const) : ('pending' as const),
      attempts,
      last_error: text,
      next_attempt_at: last ? null : next,
    };
    round.log.warn(
      { orderId: row.external_id, sequence: row.sequence, attempts, error: text },
      'city-ops callback failed',
    );
    return (await finish(round, id, changes)) ? (last ? 'failed' : 'retrying') : 'taken';
  }
  const changes = {
    status: 'sent' as const,
    attempts,
    sent_at: at,
    next_attempt_at: null,
    last_error: null,
  };
  return (await finish(round, id, changes)) ? 'sent' : 'taken';
}

/**
 * One round for the platform: queue the callbacks of new ticket events, then deliver the due ones.
 * Without a callback address the callbacks wait in the queue. It never throws.
 */
export async function deliverCityOps(
  ctx: AppContext,
  now: Date,
  options: CityOpsDeliveryOptions,
): Promise<CityOpsSummary> {
  const summary: CityOpsSummary = { queued: 0, sent: 0, retrying: 0, failed: 0, held: 0 };
  const log = options.logger.child({ jobId: `city-ops-${newId().slice(0, 12)}` });
  try {
    summary.queued = await relayEvents(ctx, now);
    const sender = senderOf(ctx, options);
    if (!sender) {
      return summary;
    }
    const round: Round = { ctx, now, log, sender, workerId: options.workerId ?? processWorkerId };
    const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
    const ids = await store.listDueIds(
      ctx.db,
      now.toISOString(),
      staleBefore,
      options.batchSize ?? 50,
    );
    for (const id of ids) {
      const outcome = await deliverOne(round, id).catch((error: unknown) => {
        log.error({ callbackId: id, err: error }, 'city-ops callback could not be recorded');
        return 'taken' as const;
      });
      if (outcome !== 'taken') {
        summary[outcome] += 1;
      }
    }
  } catch (error) {
    log.error({ err: error }, 'city-ops round failed');
  }
  if (summary.queued + summary.sent + summary.retrying + summary.failed > 0) {
    log.info({ ...summary }, 'city-ops round done');
  }
  return summary;
}

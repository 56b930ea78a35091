// Rate limits of the public endpoints (my requests, the credit check), counted in the database so
// that every app instance sees the same counts: a sliding window over a log of requests, one row
// per counted request.
import type { FastifyReply } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import * as store from './store.js';

/** One limit: at most `max` requests of a bucket in any `windowSeconds`. */
export interface Limit {
  bucket:
    | 'code_phone'
    | 'code_address'
    | 'receipt_address'
    | 'credit_check_address'
    | 'survey_address'
    | 'login_address'
    | 'ticket_address'
    | 'open311_read'
    | 'open311_write';
  max: number;
  windowSeconds: number;
}

/** One subject counted against its limits, and the form field a refusal names. */
export interface Charge {
  limits: Limit[];
  /** What is counted (a phone's digest, a client address), hashed before it is stored. */
  value: string;
  field: string;
}

/** A refusal for too many requests, with the seconds until the next one would pass. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    field: string,
  ) {
    super('rate_limited', [
      fieldIssue(
        field,
        `请求过于频繁，请在${waitText(retryAfterSeconds, 'zh')}后再试`,
        `too many requests; try again in ${waitText(retryAfterSeconds, 'en')}`,
      ),
    ]);
  }
}

function waitText(seconds: number, language: 'zh' | 'en'): string {
  if (seconds < 120) {
    return language === 'zh' ? `${seconds}秒` : `${seconds} s`;
  }
  const minutes = Math.ceil(seconds / 60);
  return language === 'zh' ? `${minutes}分钟` : `${minutes} min`;
}

/** The stored subject: a keyed hash, so the log holds neither phones nor addresses. */
function subjectOf(ctx: AppContext, bucket: string, value: string): string {
  return ctx.cipher.mac(`rate:${bucket}`, value).toString('hex');
}

/** Seconds until one request of this limit frees up, or 0 when one may pass now. */
async function waitFor(
  trx: Transaction<Database>,
  limit: Limit,
  subject: string,
  now: Date,
): Promise<number> {
  const windowMs = limit.windowSeconds * 1000;
  const since = new Date(now.getTime() - windowMs).toISOString();
  const recent = await store.listHits(trx, {
    bucket: limit.bucket,
    subject,
    since,
    limit: limit.max,
  });
  const oldest = recent[limit.max - 1];
  if (oldest === undefined) {
    return 0;
  }
  return Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now.getTime()) / 1000));
}

/**
 * Counts one request of each subject inside the caller's transaction, or throws RateLimitedError
 * (nothing counted) with the longest wait of the limits it hit. On PostgreSQL the subjects are
 * locked first, so two instances cannot both let the last allowed request through.
 */
export async function charge(
  ctx: AppContext,
  trx: Transaction<Database>,
  charges: Charge[],
): Promise<void> {
  const now = ctx.now();
  const counted = charges.flatMap((c) =>
    [...new Set(c.limits.map((l) => l.bucket))].map((bucket) => ({
      charge: c,
      bucket,
      subject: subjectOf(ctx, bucket, c.value),
    })),
  );
  if (ctx.databaseKind === 'postgres') {
    await store.lockSubjects(
      trx,
      counted.map((c) => `${c.bucket}:${c.subject}`),
    );
  }
  let refusal: { wait: number; field: string } | null = null;
  for (const c of counted) {
    for (const limit of c.charge.limits.filter((l) => l.bucket === c.bucket)) {
      const wait = await waitFor(trx, limit, c.subject, now);
      if (wait > (refusal?.wait ?? 0)) {
        refusal = { wait, field: c.charge.field };
      }
    }
  }
  if (refusal) {
    throw new RateLimitedError(refusal.wait, refusal.field);
  }
  for (const c of counted) {
    const longest = Math.max(...c.charge.limits.map((l) => l.windowSeconds));
    const forgetBefore = new Date(now.getTime() - longest * 1000).toISOString();
    const row = { id: newId(), bucket: c.bucket, subject: c.subject, at: now.toISOString() };
    await store.insertHit(trx, row, forgetBefore);
  }
}

/**
 * Throws RateLimitedError when one more request of `c` would be refused, without counting one:
 * for limits that count only failures (staff sign-in), checked before the attempt is judged.
 */
export async function refuseIfExhausted(
  ctx: AppContext,
  trx: Transaction<Database>,
  c: Charge,
): Promise<void> {
  const now = ctx.now();
  let wait = 0;
  for (const limit of c.limits) {
    wait = Math.max(wait, await waitFor(trx, limit, subjectOf(ctx, limit.bucket, c.value), now));
  }
  if (wait > 0) {
    throw new RateLimitedError(wait, c.field);
  }
}

/** Runs a step and, when it is refused for too many requests, tells the client when to retry. */
export async function withRetryAfter<T>(reply: FastifyReply, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof RateLimitedError) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    throw error;
  }
}

import type { Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/service.js';
import { AppError, fieldIssue, messageOf } from '../errors.js';
import type { Receipt, SubmitTicket } from '../../contract/tickets.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { groupCommitOf } from '../db/group-commit.js';
import type { Database } from '../db/schema.js';
import { chargeTicketSubmission } from '../http/public-throttle.js';
import { RateLimitedError } from '../rate-limits/service.js';
import { getBuildingContext } from '../org/service.js';
import {
  accessTokenOf,
  checkMatter,
  findByIdempotencyKey,
  prepareTicket,
  writeTicket,
  type FiledTicket,
} from './intake.js';

export { policyFor } from './intake.js';

function receiptOf(ctx: AppContext, t: FiledTicket): Receipt {
  const accessToken = accessTokenOf(ctx, t.id);
  return {
    trackingCode: t.tracking_code,
    accessToken,
    followPath: `/t/${accessToken}`,
    createdAt: t.created_at,
    resolveDueAt: t.resolve_due_at,
  };
}

function requestHash(input: SubmitTicket): string {
  const canonical = JSON.stringify([
    input.placardToken,
    input.kind,
    input.matterCode ?? null,
    normalizeText(input.description),
    input.photoIds,
    input.phone ?? null,
    input.reporterName ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Answers a repeated submission with its first receipt, or refuses a reused key. */
async function replay(ctx: AppContext, db: Db, key: string, hash: string): Promise<Receipt | null> {
  const existing = await findByIdempotencyKey(ctx, key, hash, db);
  return existing ? receiptOf(ctx, existing) : null;
}

/** The building a placard names; a refusal names the placardToken field. */
function placeOf(db: Db, token: string) {
  return getBuildingContext(db, token).catch((error: unknown) => {
    throw error instanceof AppError && !error.details
      ? new AppError(error.code, [
          fieldIssue('placardToken', messageOf[error.code][0], messageOf[error.code][1]),
        ])
      : error;
  });
}

interface Submission {
  input: SubmitTicket;
  idempotencyKey: string | null;
  hash: string;
}

type Submitted = { receipt: Receipt; created: boolean };

/** The ticket itself inside the transaction: replay, place, matter, row, audit entry. */
async function fileSubmission(
  trx: Transaction<Database>,
  ctx: AppContext,
  { input, idempotencyKey, hash }: Submission,
): Promise<Submitted> {
  const earlier = idempotencyKey ? await replay(ctx, trx, idempotencyKey, hash) : null;
  if (earlier) {
    return { receipt: earlier, created: false };
  }
  const place = await placeOf(trx, input.placardToken);
  await checkMatter(ctx, input.matterCode ?? null, trx);
  const prepared = await prepareTicket(
    ctx,
    {
      kind: input.kind,
      matterCode: input.matterCode ?? null,
      description: input.description,
      photoIds: input.photoIds,
      channel: 'placard',
      place,
      idempotencyKey,
      requestHash: hash,
      phone: input.phone ?? null,
      reporterName: input.reporterName ?? null,
      submitter: { kind: 'resident' },
    },
    ctx.now(),
    trx,
  );
  const ticket = await writeTicket(trx, ctx, prepared);
  await recordAudit(trx, ctx, {
    actorKind: 'resident',
    actorId: null,
    action: 'ticket.submit',
    recordType: 'ticket',
    recordId: ticket.id,
    // Which personal fields were given, never their values.
    detail: {
      channel: 'placard',
      phone: input.phone ? 'given' : 'none',
      name: input.reporterName ? 'given' : 'none',
    },
  });
  return { receipt: receiptOf(ctx, ticket), created: true };
}

/**
 * Counts a submission that was refused (an unknown placard or matter, a reused key) against its
 * address, in a unit of its own: the refused ticket's unit was rolled back whole, its count with
 * it, and a bad placard must still cost a try. A limit reached meanwhile is not this refusal's
 * answer, so it is let go.
 */
async function countRefused(ctx: AppContext, address: string): Promise<void> {
  await groupCommitOf(ctx.db)
    .run((trx) => chargeTicketSubmission(ctx, trx, address))
    .catch((error: unknown) => {
      if (!(error instanceof RateLimitedError)) {
        throw error;
      }
    });
}

/**
 * Files a resident's ticket from a placard: routed to the building's room at the community tier,
 * with deadlines from the working calendar. The same idempotency key returns the same ticket.
 * `address` is the client's, counted against the hourly limit of placard submissions; null for
 * the product's own callers (the demo data). The answer comes once the ticket is durable; on
 * SQLite it shares its commit with the submissions that arrived while the last one was written.
 *
 * The address is counted in the ticket's own transaction (one commit for both). A ticket that is
 * refused rolls that transaction back, and is counted again on its own (countRefused): refusals
 * are rare, and a savepoint around every ticket cost each of them two more statements.
 */
export async function submitTicket(
  ctx: AppContext,
  input: SubmitTicket,
  idempotencyKey: string | null,
  address: string | null = null,
): Promise<Submitted> {
  const submission = { input, idempotencyKey, hash: requestHash(input) };
  try {
    return await groupCommitOf(ctx.db).run(async (trx) => {
      if (address !== null) {
        await chargeTicketSubmission(ctx, trx, address);
      }
      return fileSubmission(trx, ctx, submission);
    });
  } catch (error) {
    // Two identical submissions raced (PostgreSQL): the loser answers with the winner's receipt.
    const raced = idempotencyKey
      ? await replay(ctx, ctx.db, idempotencyKey, submission.hash)
      : null;
    if (raced) {
      return { receipt: raced, created: false };
    }
    if (address !== null && error instanceof AppError && !(error instanceof RateLimitedError)) {
      await countRefused(ctx, address);
    }
    throw error;
  }
}

import { recordAudit } from '../audit/service.js';
import { AppError, fieldIssue, messageOf } from '../errors.js';
import { createHash } from 'node:crypto';
import type { Receipt, SubmitTicket } from '../../contract/tickets.js';
import { normalizeText } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import { getBuildingContext } from '../org/service.js';
import {
  accessTokenOf,
  checkMatter,
  fileTicket,
  findByIdempotencyKey,
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
async function replay(ctx: AppContext, key: string, hash: string): Promise<Receipt | null> {
  const existing = await findByIdempotencyKey(ctx, key, hash);
  return existing ? receiptOf(ctx, existing) : null;
}

/**
 * Files a resident's ticket from a placard: routed to the building's room at the community tier,
 * with deadlines from the working calendar. The same idempotency key returns the same ticket.
 */
export async function submitTicket(
  ctx: AppContext,
  input: SubmitTicket,
  idempotencyKey: string | null,
): Promise<{ receipt: Receipt; created: boolean }> {
  const hash = requestHash(input);
  const earlier = idempotencyKey ? await replay(ctx, idempotencyKey, hash) : null;
  if (earlier) {
    return { receipt: earlier, created: false };
  }
  const place = await getBuildingContext(ctx.db, input.placardToken).catch((error: unknown) => {
    throw error instanceof AppError && !error.details
      ? new AppError(error.code, [
          fieldIssue('placardToken', messageOf[error.code][0], messageOf[error.code][1]),
        ])
      : error;
  });
  await checkMatter(ctx, input.matterCode ?? null);
  try {
    const ticket = await fileTicket(
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
      async (trx, ticketId) => {
        await recordAudit(trx, ctx, {
          actorKind: 'resident',
          actorId: null,
          action: 'ticket.submit',
          recordType: 'ticket',
          recordId: ticketId,
          // Which personal fields were given, never their values.
          detail: {
            channel: 'placard',
            phone: input.phone ? 'given' : 'none',
            name: input.reporterName ? 'given' : 'none',
          },
        });
      },
    );
    return { receipt: receiptOf(ctx, ticket), created: true };
  } catch (error) {
    // Two identical submissions raced: the loser answers with the winner's receipt.
    const raced = idempotencyKey ? await replay(ctx, idempotencyKey, hash) : null;
    if (raced) {
      return { receipt: raced, created: false };
    }
    throw error;
  }
}

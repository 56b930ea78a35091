// A work order of the city-operations platform becomes a ticket through the same intake as a
// resident's: routed to the building's room at the community tier, the caller's number encrypted
// apart from it, audited. The platform's 办结时限 replaces our resolve deadline.
import { createHash } from 'node:crypto';
import type { CityOpsOrder, CityOpsReceipt } from '../../contract/city-ops.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { getBuildingContext } from '../org/service.js';
import { checkMatter, prepareTicket, writeTicket, type PreparedTicket } from '../tickets/intake.js';
import * as store from './store.js';

/** The ticket channel of the platform's orders. */
export const cityOpsChannel = '12345';

function orderHash(order: CityOpsOrder): string {
  return createHash('sha256').update(JSON.stringify(order)).digest('hex');
}

function unmapped(field: string, message: string, messageEn: string): never {
  throw new AppError('validation_failed', [fieldIssue(field, message, messageEn)]);
}

/** The placard token of the order's building; an unknown street or community is refused. */
async function placeToken(ctx: AppContext, area: CityOpsOrder['area']): Promise<string> {
  const { street, community } = await store.findArea(ctx.db, area.streetCode, area.communityCode);
  if (!street) {
    unmapped('area.streetCode', '街道编码没有对应的街道', 'no street has this code');
  }
  if (!community) {
    unmapped(
      'area.communityCode',
      '该街道下没有此社区编码',
      'no community of the street has this code',
    );
  }
  const token = await store.findBuildingToken(ctx.db, community.id, area.buildingCode ?? null);
  if (!token) {
    return area.buildingCode
      ? unmapped(
          'area.buildingCode',
          '该社区下没有此楼栋编码',
          'no building of the community has this code',
        )
      : unmapped('area.communityCode', '该社区还没有楼栋', 'the community has no building yet');
  }
  return token;
}

/**
 * The platform's deadline governs: the resolve deadline becomes the platform's 办结时限, and first
 * contact is due no later than it. Without one, our policy's deadlines stand.
 */
export function applyPlatformDeadline(prepared: PreparedTicket, deadline: string | undefined) {
  if (!deadline) {
    return;
  }
  const due = new Date(deadline).toISOString();
  prepared.row.resolve_due_at = due;
  if (prepared.row.first_contact_due_at > due) {
    prepared.row.first_contact_due_at = due;
  }
}

function receiptOf(
  order: { external_id: string; tracking_code: string; resolve_due_at: string },
  duplicate: boolean,
): CityOpsReceipt {
  return {
    orderId: order.external_id,
    trackingCode: order.tracking_code,
    duplicate,
    resolveDueAt: order.resolve_due_at,
  };
}

/** The earlier ticket of this order number, or null; the number with other content is refused. */
async function earlierReceipt(ctx: AppContext, order: CityOpsOrder, hash: string) {
  const earlier = await store.findOrder(ctx.db, order.orderId);
  if (!earlier) {
    return null;
  }
  if (earlier.request_hash !== hash) {
    throw new AppError('idempotency_conflict', [
      fieldIssue(
        'orderId',
        '该工单编号已用于另一份内容',
        'this order number came with other content',
      ),
    ]);
  }
  return receiptOf(earlier, true);
}

/**
 * Files a work order as a ticket, once per order number: a repeat of the same order answers with
 * the same ticket. Once this returns, the order is committed; the platform may stop retrying.
 */
export async function receiveOrder(
  ctx: AppContext,
  order: CityOpsOrder,
  requestId: string,
): Promise<CityOpsReceipt> {
  const hash = orderHash(order);
  const earlier = await earlierReceipt(ctx, order, hash);
  if (earlier) {
    return earlier;
  }

  const place = await getBuildingContext(ctx.db, await placeToken(ctx, order.area));
  await checkMatter(ctx, order.matterCode ?? null);
  const prepared = await prepareTicket(ctx, {
    kind: order.kind,
    matterCode: order.matterCode ?? null,
    description: order.content,
    photoIds: [],
    channel: cityOpsChannel,
    place,
    idempotencyKey: `${cityOpsChannel}:${order.orderId}`,
    requestHash: hash,
    phone: order.caller?.phone ?? null,
    submitter: { kind: 'resident' },
    firstEventData: { orderId: order.orderId, platformReceivedAt: order.receivedAt },
  });
  applyPlatformDeadline(prepared, order.deadline);

  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeTicket(trx, ctx, prepared);
      await store.insertOrder(trx, {
        id: newId(),
        external_id: order.orderId,
        ticket_id: prepared.row.id,
        request_hash: hash,
        platform_deadline: order.deadline ? new Date(order.deadline).toISOString() : null,
        received_at: prepared.row.created_at,
        // The first event (submitted) is the receipt itself: nothing to call back for it.
        relayed_seq: 1,
        last_sequence: 0,
      });
      await recordAudit(trx, ctx, {
        actorKind: 'system',
        actorId: 'city-ops',
        action: 'ticket.submit',
        recordType: 'ticket',
        recordId: prepared.row.id,
        detail: { channel: cityOpsChannel },
        requestId,
      });
    });
  } catch (error) {
    // Two deliveries of one order raced: the loser answers with the winner's ticket.
    const raced = await earlierReceipt(ctx, order, hash);
    if (raced) {
      return raced;
    }
    throw error;
  }
  return receiptOf({ external_id: order.orderId, ...prepared.row }, false);
}

// Tickets as one source of "my requests": the matter (or the building) as the title, the ticket's
// own status code, the follow page /t/{accessToken}. Nothing of the reporter.
import type { MyRequestItem } from '../../contract/my-requests.js';
import type { AppContext } from '../context.js';
import { residentTicketSummaries } from '../tickets/service.js';
import { ticketTrackingCode } from './receipt-code.js';

type Summary = Awaited<ReturnType<typeof residentTicketSummaries>>[number];

function itemOf(t: Summary): MyRequestItem {
  return {
    source: 'ticket',
    receiptCode: t.trackingCode,
    kind: t.kind,
    title: t.matterName ?? t.buildingName,
    status: t.status,
    createdAt: t.createdAt,
    followPath: t.followPath,
  };
}

/** Every ticket filed with the phone of this digest, newest first, in every state. */
export async function ticketsByPhoneDigest(
  ctx: AppContext,
  phoneDigest: string,
): Promise<MyRequestItem[]> {
  return (await residentTicketSummaries(ctx, { phoneDigest })).map(itemOf);
}

/** The ticket of a normalised receipt code, or null when it names no ticket. */
export async function ticketByReceipt(
  ctx: AppContext,
  code: string,
): Promise<MyRequestItem | null> {
  const trackingCode = ticketTrackingCode(code);
  if (!trackingCode) {
    return null;
  }
  const [found] = await residentTicketSummaries(ctx, { code: trackingCode });
  return found ? itemOf(found) : null;
}

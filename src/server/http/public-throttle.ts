// The throttle of anonymous submissions through a building's placard (ASVS 2.4.1 anti-automation,
// docs/security.md): at most PUBLIC_TICKETS_PER_ADDRESS_HOUR new tickets from one client address
// in any hour, counted in the database so that every instance sees the same count.
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.js';
import { charge, withRetryAfter } from '../rate-limits/service.js';

/** Counts one ticket submission of `address`, or answers 429 with Retry-After. */
export async function throttleTicketSubmission(
  ctx: AppContext,
  reply: FastifyReply,
  address: string,
): Promise<void> {
  const max = ctx.identity.ticketsPerAddressHour;
  await withRetryAfter(reply, () =>
    ctx.db.transaction().execute((trx) =>
      charge(ctx, trx, [
        {
          limits: [{ bucket: 'ticket_address', max, windowSeconds: 3600 }],
          value: address,
          field: 'description',
        },
      ]),
    ),
  );
}

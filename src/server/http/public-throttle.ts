// The throttle of anonymous submissions through a building's placard (ASVS 2.4.1 anti-automation,
// docs/security.md): at most PUBLIC_TICKETS_PER_ADDRESS_HOUR new tickets from one client address
// in any hour, counted in the database so that every instance sees the same count.
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { charge } from '../rate-limits/service.js';

/**
 * Counts one ticket submission of `address` inside the caller's transaction (the submission's
 * own, so the count costs no commit of its own), or throws RateLimitedError with nothing counted.
 */
export async function chargeTicketSubmission(
  ctx: AppContext,
  trx: Transaction<Database>,
  address: string,
): Promise<void> {
  const max = ctx.identity.ticketsPerAddressHour;
  await charge(ctx, trx, [
    {
      limits: [{ bucket: 'ticket_address', max, windowSeconds: 3600 }],
      value: address,
      field: 'description',
    },
  ]);
}

// The reporter's full phone number and name, shown only on an explicit, audited request
// (城管条例 Art 26; the 2026 宝山 leak, docs/sources.md §5). Every other staff answer carries it
// masked only.
import { errorResponses } from '../http/error-responses.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  revealedReporterSchema,
  revealReporterSchema,
  type RevealedReporter,
} from '../../contract/reporter.js';
import { redactPhones } from '../../domain/referral-rules.js';
import type { StaffActor } from '../accounts/service.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { requireStaff } from '../http/auth.js';
import { canRevealReporter, ticketStaffRoles } from './access.js';
import { loadVisible } from './service.js';

/** The stored (encrypted) phone and name of a ticket's reporter, each null when not left. */
async function findReporterEnc(ctx: AppContext, ticketId: string) {
  const row = await ctx.db
    .selectFrom('ticket_reporters')
    .select(['phone_enc', 'name_enc'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return { phone: row?.phone_enc ?? null, name: row?.name_enc ?? null };
}

/**
 * Reveals the reporter's phone to the assignee, the street admin of the ticket's street or the
 * bureau admin (`canRevealReporter`); another liaison of the room is refused (403), anyone who
 * cannot see the ticket gets 404. The audit entry, with the reason but never the number, is
 * committed in its own transaction before the number is even decrypted: no entry, no number.
 */
export async function revealReporter(
  ctx: AppContext,
  actor: StaffActor,
  ticketId: string,
  reason: string,
  requestId: string | null = null,
): Promise<RevealedReporter> {
  const { t, relation } = await loadVisible(ctx, actor, ticketId);
  if (!canRevealReporter(relation)) {
    throw new AppError('forbidden');
  }
  const revealedAt = ctx.now().toISOString();
  await recordAudit(ctx.db, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action: 'ticket.reporter.reveal',
    recordType: 'ticket',
    recordId: t.id,
    // Field names and the reason only; a number typed into the reason is taken out.
    detail: { fields: ['phone', 'name'], reason: redactPhones(reason) },
    requestId,
  });
  const stored = await findReporterEnc(ctx, t.id);
  const open = (value: string | null) => (value === null ? null : ctx.cipher.decrypt(value));
  return { phone: open(stored.phone), name: open(stored.name), revealedAt };
}

const errors = errorResponses(400, 401, 403, 404);

/**
 * `POST /api/staff/tickets/:id/reporter/reveal` `{ reason }`: a POST, so no browser, proxy or
 * prefetch ever caches or repeats it, answered with `cache-control: no-store`.
 */
export function registerReporterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/staff/tickets/:id/reporter/reveal',
    {
      schema: {
        tags: ['workbench'],
        params: z.object({ id: z.string().min(1).max(64) }),
        body: revealReporterSchema,
        response: { 200: revealedReporterSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ticketStaffRoles);
      const revealed = await revealReporter(
        ctx,
        actor,
        request.params.id,
        request.body.reason,
        request.id,
      );
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(revealed);
    },
  );
}

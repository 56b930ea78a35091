import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditActorListSchema, auditPageSchema, auditQuerySchema } from '../../contract/audit.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { auditReaders, listAuditActors, listAuditTrail } from './service.js';

const errors = errorResponses(400, 401, 403);

/** The audit trail for auditors and the bureau admin: the entries, and the people in them. */
export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/audit',
    {
      schema: {
        tags: ['workbench'],
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, auditReaders);
      reply.header('cache-control', 'no-store');
      return listAuditTrail(ctx, actor, request.query, request.id);
    },
  );
  r.get(
    '/api/staff/audit/actors',
    { schema: { tags: ['workbench'], response: { 200: auditActorListSchema, ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, auditReaders);
      reply.header('cache-control', 'no-store');
      return listAuditActors(ctx, actor);
    },
  );
}

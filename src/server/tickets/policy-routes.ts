import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deadlinePoliciesSchema, deadlinePolicySchema } from '../../contract/policies.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { listPolicies, setPolicy } from './policies.js';

const errors = errorResponses(400, 401, 403, 422);

/** Deadline policies: read by admins, set by the bureau admin. */
export function registerPolicyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/deadline-policies',
    { schema: { tags: ['workbench'], response: { 200: deadlinePoliciesSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, ['street_admin', 'bureau_admin']);
      return listPolicies(ctx);
    },
  );
  r.post(
    '/api/staff/deadline-policies',
    {
      schema: {
        tags: ['workbench'],
        body: deadlinePolicySchema,
        response: { 200: deadlinePoliciesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      return setPolicy(ctx, actor, request.body);
    },
  );
}

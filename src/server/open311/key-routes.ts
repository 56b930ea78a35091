// The workbench's management of Open311 partner keys: the bureau admin lists, issues (the key
// is shown once) and revokes them. These are session routes like the rest of the workbench.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  issuedOpen311KeySchema,
  issueOpen311KeySchema,
  open311KeySchema,
} from '../../contract/open311.js';
import type { AppContext } from '../context.js';
import { requireStaff, staffOnlyFirst } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import { issueOpen311Key, listOpen311Keys, revokeOpen311Key } from './keys.js';

const errors = errorResponses(400, 401, 403, 404, 409);
const idParams = z.object({ id: z.string().min(1).max(64) });
const admins = ['bureau_admin'] as const;

/** Registers /api/staff/open311/keys. */
export function registerOpen311KeyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workbench'];
  r.get(
    '/api/staff/open311/keys',
    {
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(open311KeySchema) }), ...errors },
      },
    },
    async (request) => {
      await requireStaff(ctx, request, admins);
      return { items: await listOpen311Keys(ctx) };
    },
  );
  r.post(
    '/api/staff/open311/keys',
    {
      preValidation: staffOnlyFirst(ctx, admins),
      schema: {
        tags,
        body: issueOpen311KeySchema,
        response: { 201: issuedOpen311KeySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, admins);
      return reply.code(201).send(await issueOpen311Key(ctx, actor, request.body));
    },
  );
  r.post(
    '/api/staff/open311/keys/:id/revoke',
    { schema: { tags, params: idParams, response: { 200: open311KeySchema, ...errors } } },
    async (request) => {
      const actor = await requireStaff(ctx, request, admins);
      return revokeOpen311Key(ctx, actor, request.params.id);
    },
  );
}

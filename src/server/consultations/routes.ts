import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffRole } from '../../contract/auth.js';
import {
  editQaSchema,
  publicQaListSchema,
  publicQaQuerySchema,
  publicQaSchema,
  publishQaSchema,
  qaDraftSchema,
  staffQaListSchema,
  staffQaQuerySchema,
  staffQaSchema,
} from '../../contract/qa.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import * as qa from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });

/** The officers who publish and manage Q&As; departments and auditors have no part. */
export const qaRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** The public Q&A pages: the list with search and matter filter, and one entry. */
function registerPublicQaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/qa',
    {
      schema: {
        tags: ['resident'],
        querystring: publicQaQuerySchema,
        response: { 200: publicQaListSchema, ...errors },
      },
    },
    async (request) => qa.listPublicQa(ctx, request.query),
  );
  r.get(
    '/api/public/qa/:id',
    {
      schema: {
        tags: ['resident'],
        params: idParams,
        response: { 200: publicQaSchema, ...errors },
      },
    },
    async (request) => qa.getPublicQa(ctx, request.params.id),
  );
}

/** Publishing a consultation, the workbench list, corrections, unpublishing and republishing. */
export function registerQaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerPublicQaRoutes(app, ctx);
  r.get(
    '/api/staff/tickets/:id/qa-draft',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: qaDraftSchema, ...errors },
      },
    },
    async (request) =>
      qa.qaDraft(ctx, await requireStaff(ctx, request, qaRoles), request.params.id),
  );
  r.post(
    '/api/staff/qa',
    {
      schema: {
        tags: ['workbench'],
        body: publishQaSchema,
        response: { 200: staffQaSchema, ...errors },
      },
    },
    async (request) =>
      qa.publishQa(ctx, await requireStaff(ctx, request, qaRoles), request.body, request.id),
  );
  r.get(
    '/api/staff/qa',
    {
      schema: {
        tags: ['workbench'],
        querystring: staffQaQuerySchema,
        response: { 200: staffQaListSchema, ...errors },
      },
    },
    async (request) =>
      qa.listStaffQa(ctx, await requireStaff(ctx, request, qaRoles), request.query),
  );
  r.get(
    '/api/staff/qa/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffQaSchema, ...errors },
      },
    },
    async (request) =>
      qa.getStaffQa(ctx, await requireStaff(ctx, request, qaRoles), request.params.id),
  );
  r.patch(
    '/api/staff/qa/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: editQaSchema,
        response: { 200: staffQaSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, qaRoles);
      return qa.editQa(ctx, actor, request.params.id, request.body, request.id);
    },
  );
  for (const [path, publish] of [
    ['unpublish', false],
    ['publish', true],
  ] as const) {
    r.post(
      `/api/staff/qa/:id/${path}`,
      {
        schema: {
          tags: ['workbench'],
          params: idParams,
          response: { 200: staffQaSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, qaRoles);
        return qa.setQaPublished(ctx, actor, request.params.id, publish, request.id);
      },
    );
  }
}

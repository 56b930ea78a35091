import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StaffRole } from '../../contract/auth.js';
import {
  createMatterSchema,
  editMatterSchema,
  matterCodeParamsSchema,
  matterHistorySchema,
  matterSearchQuerySchema,
  matterStateChangeSchema,
  publicMatterListSchema,
  publicMatterSchema,
  staffMatterListSchema,
} from '../../contract/matters.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import * as matters from './service.js';
import { parsedBody } from './validation.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);

/** The officers who read the catalogue; only the bureau admin changes it. */
const readerRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];
const editorRoles: readonly StaffRole[] = ['bureau_admin'];

/** The public catalogue: the matters in force, searchable, and one matter's page. */
function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/matters',
    {
      schema: {
        tags: ['resident'],
        querystring: matterSearchQuerySchema,
        response: { 200: publicMatterListSchema, ...errorResponses(400) },
      },
    },
    async (request) => matters.listPublicMatters(ctx, request.query),
  );
  r.get(
    '/api/public/matters/:code',
    {
      schema: {
        tags: ['resident'],
        params: matterCodeParamsSchema,
        response: { 200: publicMatterSchema, ...errorResponses(400, 404) },
      },
    },
    async (request) => matters.getPublicMatter(ctx, request.params.code),
  );
}

/** The workbench reads of the catalogue: every matter, retired too, and one matter's history. */
function registerStaffReadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/matters',
    {
      schema: {
        tags: ['workbench'],
        querystring: matterSearchQuerySchema,
        response: { 200: staffMatterListSchema, ...errors },
      },
    },
    async (request) => {
      await requireStaff(ctx, request, readerRoles);
      return matters.listStaffMatters(ctx, request.query);
    },
  );
  r.get(
    '/api/staff/matters/:code',
    {
      schema: {
        tags: ['workbench'],
        params: matterCodeParamsSchema,
        response: { 200: matterHistorySchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, readerRoles);
      return matters.getMatterHistory(ctx, actor, request.params.code);
    },
  );
}

// The bodies are validated in the handler (attachValidation), after the role check, so that a
// refusal names each field in Chinese and English (validation.ts) and a stranger learns nothing.
const writeSchema = { tags: ['workbench'], response: { 200: matterHistorySchema, ...errors } };

/** The bureau admin's changes: create, edit, retire, restore. */
function registerStaffWriteRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/staff/matters',
    { attachValidation: true, schema: { ...writeSchema, body: createMatterSchema } },
    async (request) => {
      const actor = await requireStaff(ctx, request, editorRoles);
      const body = parsedBody(request, createMatterSchema);
      return matters.createMatter(ctx, actor, body, request.id);
    },
  );
  r.put(
    '/api/staff/matters/:code',
    {
      attachValidation: true,
      schema: { ...writeSchema, params: matterCodeParamsSchema, body: editMatterSchema },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, editorRoles);
      const body = parsedBody(request, editMatterSchema);
      return matters.editMatter(ctx, actor, request.params.code, body, request.id);
    },
  );
  for (const [path, active] of [
    ['retire', false],
    ['restore', true],
  ] as const) {
    r.post(
      `/api/staff/matters/:code/${path}`,
      {
        attachValidation: true,
        schema: { ...writeSchema, params: matterCodeParamsSchema, body: matterStateChangeSchema },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, editorRoles);
        const body = parsedBody(request, matterStateChangeSchema);
        const input = { ...body, requestId: request.id };
        return matters.setMatterActive(ctx, actor, request.params.code, active, input);
      },
    );
  }
}

/** The matter catalogue (执法事项清单): public reads, workbench reads and the bureau's changes. */
export function registerMatterRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerPublicRoutes(app, ctx);
  registerStaffReadRoutes(app, ctx);
  registerStaffWriteRoutes(app, ctx);
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addPlacardPointSchema,
  markPrintedResultSchema,
  markPrintedSchema,
  placardCheckListSchema,
  placardRegisterQuerySchema,
  placardRegisterRowSchema,
  placardRegisterSchema,
  placardScopeQuerySchema,
  placardScopeTreeSchema,
  recordPlacardCheckSchema,
  rotateTokenResultSchema,
  updatePlacardPointSchema,
} from '../../contract/placards.js';
import type { AppContext } from '../context.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { requireStaff } from '../http/auth.js';
import { placardRoles, scopeTree } from './access.js';
import { markPrinted, printBuilding, printScope, type PrintedPdf } from './print-service.js';
import { listRegister } from './register.js';
import * as points from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422, 503);
const idParams = z.object({ id: z.string().min(1).max(64) });
const tags = ['workbench'];

/** Where the QR codes point: PUBLIC_BASE_URL, else the origin the officer reached us at. */
function baseUrlOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.settings.publicBaseUrl ?? `${request.protocol}://${request.host}`;
}

function sendPdf(reply: FastifyReply, printed: PrintedPdf) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${printed.filename}"`)
    .header('cache-control', 'no-store')
    .send(printed.pdf);
}

/** The placard PDFs: a community or street in one file, or one building. */
function registerPrintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/placards/pdf',
    {
      schema: {
        tags,
        querystring: placardScopeQuerySchema,
        response: { ...binaryResponse('pdf', '联络牌 / the placards'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, placardRoles);
      return sendPdf(reply, await printScope(ctx, actor, request.query, baseUrlOf(ctx, request)));
    },
  );
  r.get(
    '/api/staff/placards/buildings/:id/pdf',
    {
      schema: {
        tags,
        params: idParams,
        response: { ...binaryResponse('pdf', '联络牌 / the placard'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, placardRoles);
      const base = baseUrlOf(ctx, request);
      return sendPdf(reply, await printBuilding(ctx, actor, request.params.id, base));
    },
  );
  r.post(
    '/api/staff/placards/mark-printed',
    {
      schema: {
        tags,
        body: markPrintedSchema,
        response: { 200: markPrintedResultSchema, ...errors },
      },
    },
    async (request) =>
      markPrinted(ctx, await requireStaff(ctx, request, placardRoles), request.body),
  );
  r.post(
    '/api/staff/placards/buildings/:id/rotate-token',
    { schema: { tags, params: idParams, response: { 200: rotateTokenResultSchema, ...errors } } },
    async (request) =>
      points.rotateToken(ctx, await requireStaff(ctx, request, placardRoles), request.params.id),
  );
}

/** The register: what an officer may choose, the list, points and their checks. */
function registerRegisterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/placards/scopes',
    { schema: { tags, response: { 200: placardScopeTreeSchema, ...errors } } },
    async (request) => scopeTree(ctx, await requireStaff(ctx, request, placardRoles)),
  );
  r.get(
    '/api/staff/placards/register',
    {
      schema: {
        tags,
        querystring: placardRegisterQuerySchema,
        response: { 200: placardRegisterSchema, ...errors },
      },
    },
    async (request) =>
      listRegister(ctx, await requireStaff(ctx, request, placardRoles), request.query),
  );
  r.post(
    '/api/staff/placards/points',
    {
      schema: {
        tags,
        body: addPlacardPointSchema,
        response: { 201: placardRegisterRowSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, placardRoles);
      return reply.status(201).send(await points.addPoint(ctx, actor, request.body));
    },
  );
  r.patch(
    '/api/staff/placards/points/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: updatePlacardPointSchema,
        response: { 200: placardRegisterRowSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, placardRoles);
      return points.updatePoint(ctx, actor, request.params.id, request.body);
    },
  );
  r.get(
    '/api/staff/placards/points/:id/checks',
    { schema: { tags, params: idParams, response: { 200: placardCheckListSchema, ...errors } } },
    async (request) =>
      points.listPointChecks(
        ctx,
        await requireStaff(ctx, request, placardRoles),
        request.params.id,
      ),
  );
  r.post(
    '/api/staff/placards/points/:id/checks',
    {
      schema: {
        tags,
        params: idParams,
        body: recordPlacardCheckSchema,
        response: { 201: placardRegisterRowSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, placardRoles);
      const row = await points.recordCheck(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(row);
    },
  );
}

/** Every placard route of the workbench, under /api/staff/placards. */
export function registerPlacardRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerPrintRoutes(app, ctx);
  registerRegisterRoutes(app, ctx);
}

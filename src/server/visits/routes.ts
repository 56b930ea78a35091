import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffRole } from '../../contract/auth.js';
import {
  buildingChoiceListSchema,
  complianceQuerySchema,
  complianceSchema,
  createVisitSchema,
  editVisitSchema,
  fieldPlacesSchema,
  setVisitTargetSchema,
  visitListQuerySchema,
  visitListSchema,
  visitSchema,
  visitTargetSchema,
} from '../../contract/visits.js';
import type { AppContext } from '../context.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { requireStaff } from '../http/auth.js';
import { setVisitTarget, visitCompliance, visitTarget } from './compliance.js';
import { communityBuildings, fieldPlaces } from './places.js';
import { editVisit } from './edit.js';
import * as visits from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);

/** The officers; departments and auditors have no part in field work (403). */
export const fieldWorkRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

const idParams = z.object({ id: z.string().min(1).max(64) });
const photoParams = idParams.extend({ photoId: z.string().min(1).max(64) });
const communityParams = z.object({ communityId: z.string().min(1).max(64) });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(128).optional() });

function sendPhoto(reply: FastifyReply, photo: { bytes: Buffer; mime: string }) {
  return reply
    .header('content-type', photo.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

/** Where the signed-in officer may record field work, and the buildings of such a community. */
function registerPlaceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/field-places',
    { schema: { tags: ['workbench'], response: { 200: fieldPlacesSchema, ...errors } } },
    async (request) => fieldPlaces(ctx, await requireStaff(ctx, request, fieldWorkRoles)),
  );
  r.get(
    '/api/staff/field-places/:communityId/buildings',
    {
      schema: {
        tags: ['workbench'],
        params: communityParams,
        response: { 200: buildingChoiceListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, fieldWorkRoles);
      return communityBuildings(ctx, actor, request.params.communityId);
    },
  );
}

/** The weekly compliance table and the target behind it. */
function registerComplianceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/visit-compliance',
    {
      schema: {
        tags: ['workbench'],
        querystring: complianceQuerySchema,
        response: { 200: complianceSchema, ...errors },
      },
    },
    async (request) =>
      visitCompliance(ctx, await requireStaff(ctx, request, fieldWorkRoles), request.query),
  );
  r.get(
    '/api/staff/visit-target',
    { schema: { tags: ['workbench'], response: { 200: visitTargetSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, fieldWorkRoles);
      return visitTarget(ctx);
    },
  );
  r.put(
    '/api/staff/visit-target',
    {
      schema: {
        tags: ['workbench'],
        body: setVisitTargetSchema,
        response: { 200: visitTargetSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      return setVisitTarget(ctx, actor, request.body, request.id);
    },
  );
}

/** Visits: list, log (with the issues found filed as tickets), read, correct, photos. */
export function registerVisitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerPlaceRoutes(app, ctx);
  registerComplianceRoutes(app, ctx);
  r.get(
    '/api/staff/visits',
    {
      schema: {
        tags: ['workbench'],
        querystring: visitListQuerySchema,
        response: { 200: visitListSchema, ...errors },
      },
    },
    async (request) =>
      visits.listVisits(ctx, await requireStaff(ctx, request, fieldWorkRoles), request.query),
  );
  r.post(
    '/api/staff/visits',
    {
      schema: {
        tags: ['workbench'],
        headers: idempotencyHeaders,
        body: createVisitSchema,
        response: { 200: visitSchema, 201: visitSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, fieldWorkRoles);
      const key = request.headers['idempotency-key'] ?? null;
      const { visit, created } = await visits.createVisit(
        ctx,
        actor,
        request.body,
        key,
        request.id,
      );
      return reply.status(created ? 201 : 200).send(visit);
    },
  );
  r.get(
    '/api/staff/visits/:id',
    {
      schema: { tags: ['workbench'], params: idParams, response: { 200: visitSchema, ...errors } },
    },
    async (request) =>
      visits.getVisit(ctx, await requireStaff(ctx, request, fieldWorkRoles), request.params.id),
  );
  r.patch(
    '/api/staff/visits/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: editVisitSchema,
        response: { 200: visitSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, fieldWorkRoles);
      return editVisit(ctx, actor, request.params.id, request.body, request.id);
    },
  );
  r.get(
    '/api/staff/visits/:id/photos/:photoId',
    {
      schema: {
        tags: ['workbench'],
        params: photoParams,
        response: { ...binaryResponse('image', '走访照片 / the photo'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, fieldWorkRoles);
      const { id, photoId } = request.params;
      return sendPhoto(reply, await visits.readVisitPhoto(ctx, actor, id, photoId));
    },
  );
}

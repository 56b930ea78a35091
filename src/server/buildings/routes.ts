import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  buildingFileQuerySchema,
  buildingFileSchema,
  buildingListQuerySchema,
  buildingListSchema,
  clearFlagSchema,
  recordReinspectionSchema,
  reinspectionListQuerySchema,
  reinspectionListSchema,
  reinspectionSchema,
} from '../../contract/buildings.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { buildingRoles } from './access.js';
import * as reinspections from './reinspection-service.js';
import * as buildings from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });
const photoParams = idParams.extend({ photoId: z.string().min(1).max(64) });

/** A stored photo's bytes, never sniffed or cached by anyone but the officer's browser. */
function sendPhoto(reply: FastifyReply, photo: { bytes: Buffer; mime: string }) {
  return reply
    .header('content-type', photo.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

/** The building search, the building file and clearing a flag. */
function registerBuildingFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/buildings',
    {
      schema: {
        tags: ['workbench'],
        querystring: buildingListQuerySchema,
        response: { 200: buildingListSchema, ...errors },
      },
    },
    async (request) =>
      buildings.listBuildings(ctx, await requireStaff(ctx, request, buildingRoles), request.query),
  );
  r.get(
    '/api/staff/buildings/:id/file',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        querystring: buildingFileQuerySchema,
        response: { 200: buildingFileSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, buildingRoles);
      return buildings.getBuildingFile(ctx, actor, request.params.id, request.query);
    },
  );
  r.post(
    '/api/staff/buildings/:id/flag/clear',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: clearFlagSchema,
        response: { 200: buildingFileSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, buildingRoles);
      const { id } = request.params;
      return buildings.clearBuildingFlag(ctx, actor, id, request.body, request.id);
    },
  );
}

/** The re-inspection list, recording a result, and the photos of one. */
function registerReinspectionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/reinspections',
    {
      schema: {
        tags: ['workbench'],
        querystring: reinspectionListQuerySchema,
        response: { 200: reinspectionListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, buildingRoles);
      return reinspections.listReinspections(ctx, actor, request.query);
    },
  );
  r.post(
    '/api/staff/reinspections/:id/result',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: recordReinspectionSchema,
        response: { 200: reinspectionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, buildingRoles);
      const { id } = request.params;
      return reinspections.recordReinspection(ctx, actor, id, request.body, request.id);
    },
  );
  r.get(
    '/api/staff/reinspections/:id/photos/:photoId',
    {
      schema: {
        tags: ['workbench'],
        params: photoParams,
        response: { ...binaryResponse('image', '复查照片 / the photo'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, buildingRoles);
      const { id, photoId } = request.params;
      return sendPhoto(reply, await reinspections.readReinspectionPhoto(ctx, actor, id, photoId));
    },
  );
}

/** Every building-file route, under /api/staff. */
export function registerBuildingRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerBuildingFileRoutes(app, ctx);
  registerReinspectionRoutes(app, ctx);
}

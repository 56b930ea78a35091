import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema } from '../../contract/common.js';
import {
  mediaSchema,
  previewSchema,
  reasonSchema,
  renderedSchema,
  staffEventListSchema,
  staffEventSchema,
  staffItemListSchema,
  staffItemQuerySchema,
  staffItemSchema,
  writeEventSchema,
  writeItemSchema,
} from '../../contract/education.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { requireStaff } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import { defaultPhotoLimits } from '../files/image.js';
import * as events from './events.js';
import * as items from './items.js';
import { renderMarkdown } from './markdown.js';
import { uploadImage, uploadVideo, videoTooLarge } from './media.js';
import { educationRoles } from './rules.js';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });

/**
 * The one file of a multipart upload, named `file`; past `maxBytes` it is refused as `tooLarge`.
 */
async function uploadedFile(request: FastifyRequest, maxBytes: number, tooLarge: () => AppError) {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type');
  }
  const file = await request.file({ limits: { fileSize: maxBytes } });
  if (!file || file.fieldname !== 'file') {
    throw new AppError('validation_failed', [fieldIssue('file', '请选择文件', 'choose a file')]);
  }
  const bytes = await file.toBuffer().catch((error: unknown) => {
    throw (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
  });
  return { bytes, name: file.filename };
}

function imageTooLarge(): AppError {
  const mb = defaultPhotoLimits.maxBytes / (1024 * 1024);
  return new AppError('payload_too_large', [
    fieldIssue('file', `图片不能超过 ${mb} MB`, `the picture may be at most ${mb} MB`),
  ]);
}

function registerMediaRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const upload = { tags: ['workbench'], consumes: ['multipart/form-data'] };
  r.post(
    '/api/staff/education/images',
    { schema: { ...upload, response: { 201: mediaSchema, ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, educationRoles);
      const file = await uploadedFile(request, defaultPhotoLimits.maxBytes, imageTooLarge);
      return reply.status(201).send(await uploadImage(ctx, actor, file.bytes, file.name));
    },
  );
  r.post(
    '/api/staff/education/videos',
    { schema: { ...upload, response: { 201: mediaSchema, ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, educationRoles);
      const limit = ctx.education.videoMaxBytes;
      const file = await uploadedFile(request, limit, () => videoTooLarge(limit));
      return reply.status(201).send(await uploadVideo(ctx, actor, file.bytes, file.name));
    },
  );
  r.post(
    '/api/staff/education/preview',
    {
      schema: {
        tags: ['workbench'],
        body: previewSchema,
        response: { 200: renderedSchema, ...errors },
      },
    },
    async (request) => {
      await requireStaff(ctx, request, educationRoles);
      return { html: renderMarkdown(request.body.body) };
    },
  );
}

function registerStepRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const schema = {
    tags: ['workbench'],
    params: idParams,
    response: { 200: staffItemSchema, ...errors },
  };
  r.post('/api/staff/education/items/:id/submit', { schema }, async (request) => {
    const actor = await requireStaff(ctx, request, educationRoles);
    return items.stepItem(ctx, actor, request.params.id, 'submit', null, request.id);
  });
  r.post('/api/staff/education/items/:id/approve', { schema }, async (request) => {
    const actor = await requireStaff(ctx, request, educationRoles);
    return items.stepItem(ctx, actor, request.params.id, 'approve', null, request.id);
  });
  for (const step of ['reject', 'unpublish'] as const) {
    r.post(
      `/api/staff/education/items/:id/${step}`,
      { schema: { ...schema, body: reasonSchema } },
      async (request) => {
        const actor = await requireStaff(ctx, request, educationRoles);
        const { id } = request.params;
        return items.stepItem(ctx, actor, id, step, request.body.reason, request.id);
      },
    );
  }
}

function registerEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/education/events',
    {
      schema: {
        tags: ['workbench'],
        querystring: pageQuerySchema,
        response: { 200: staffEventListSchema, ...errors },
      },
    },
    async (request) =>
      events.listStaffEvents(ctx, await requireStaff(ctx, request, educationRoles), request.query),
  );
  r.post(
    '/api/staff/education/events',
    {
      schema: {
        tags: ['workbench'],
        body: writeEventSchema,
        response: { 201: staffEventSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, educationRoles);
      return reply.status(201).send(await events.createEvent(ctx, actor, request.body, request.id));
    },
  );
  r.get(
    '/api/staff/education/events/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffEventSchema, ...errors },
      },
    },
    async (request) =>
      events.getEvent(ctx, await requireStaff(ctx, request, educationRoles), request.params.id),
  );
  r.put(
    '/api/staff/education/events/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: writeEventSchema,
        response: { 200: staffEventSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, educationRoles);
      return events.updateEvent(ctx, actor, request.params.id, request.body, request.id);
    },
  );
}

/** The workbench side of legal education: items and their review, media, events. */
export function registerEducationStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerMediaRoutes(app, ctx);
  registerStepRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  r.get(
    '/api/staff/education/items',
    {
      schema: {
        tags: ['workbench'],
        querystring: staffItemQuerySchema,
        response: { 200: staffItemListSchema, ...errors },
      },
    },
    async (request) =>
      items.listItems(ctx, await requireStaff(ctx, request, educationRoles), request.query),
  );
  r.post(
    '/api/staff/education/items',
    {
      schema: {
        tags: ['workbench'],
        body: writeItemSchema,
        response: { 201: staffItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, educationRoles);
      return reply.status(201).send(await items.createItem(ctx, actor, request.body, request.id));
    },
  );
  r.get(
    '/api/staff/education/items/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffItemSchema, ...errors },
      },
    },
    async (request) =>
      items.getItem(ctx, await requireStaff(ctx, request, educationRoles), request.params.id),
  );
  r.put(
    '/api/staff/education/items/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: writeItemSchema,
        response: { 200: staffItemSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, educationRoles);
      return items.updateItem(ctx, actor, request.params.id, request.body, request.id);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../contract/common.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { readPhoto, refuseDeclaredOversize } from './photo-body.js';
import { uploadPhoto } from './service.js';

const photoSchema = z.object({ id: z.string(), width: z.number(), height: z.number() });

/** Photo upload for residents: one file per request, attached to a ticket on submission. */
export function registerFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/public/photos',
    {
      onRequest: refuseDeclaredOversize,
      schema: {
        tags: ['resident'],
        consumes: ['multipart/form-data'],
        response: {
          201: photoSchema,
          400: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type');
      }
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw new AppError('validation_failed', [
          fieldIssue('file', '请选择一张照片', 'choose a photo'),
        ]);
      }
      const bytes = await readPhoto(file, request, reply);
      const photo = await uploadPhoto(ctx, bytes, file.filename);
      return reply.status(201).send(photo);
    },
  );
}

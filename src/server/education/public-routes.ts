import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema } from '../../contract/common.js';
import {
  publicEventListSchema,
  publicItemListSchema,
  publicItemQuerySchema,
  publicItemSchema,
  topicListSchema,
  viewCountSchema,
} from '../../contract/education.js';
import { resolveSession, type StaffActor } from '../accounts/service.js';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { sendError } from '../http/error-handler.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { readMedia, type ServedMedia } from './media.js';
import * as reads from './public.js';
import { parseRange } from './range.js';

const errors = errorResponses(400, 404, 416);
const idParams = z.object({ id: z.string().min(1).max(64) });

/** The signed-in staff member when there is one: they may preview files of drafts. */
async function optionalStaff(ctx: AppContext, request: FastifyRequest): Promise<StaffActor | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? resolveSession(ctx, token) : null;
}

/**
 * Sends a file with byte ranges: 206 with exactly the bytes asked for, 416 for a range past the
 * end, else 200 with all of it. Published files may be cached; previews of drafts never.
 */
function sendMedia(request: FastifyRequest, reply: FastifyReply, media: ServedMedia) {
  const size = media.bytes.length;
  const range = parseRange(request.headers.range, size);
  reply.header('accept-ranges', 'bytes');
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${size}`);
    return sendError(reply, request, 'range_not_satisfiable');
  }
  reply
    .header('content-type', media.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('etag', `"${media.sha256}"`)
    .header(
      'cache-control',
      media.audience === 'public' ? 'public, max-age=600' : 'private, no-store',
    );
  if (range === null) {
    return reply.header('content-length', size).send(media.bytes);
  }
  const body = media.bytes.subarray(range.start, range.end + 1);
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', body.length)
    .send(body);
}

/** The public side of legal education: topics, items, a view, events, and the media files. */
export function registerEducationPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/education/topics',
    { schema: { tags: ['resident'], response: { 200: topicListSchema, ...errorResponses(500) } } },
    () => reads.listTopics(),
  );
  r.get(
    '/api/public/education/items',
    {
      schema: {
        tags: ['resident'],
        querystring: publicItemQuerySchema,
        response: { 200: publicItemListSchema, ...errors },
      },
    },
    async (request) => reads.listPublicItems(ctx, request.query),
  );
  r.get(
    '/api/public/education/items/:id',
    {
      schema: {
        tags: ['resident'],
        params: idParams,
        response: { 200: publicItemSchema, ...errors },
      },
    },
    async (request) => reads.getPublicItem(ctx, request.params.id),
  );
  r.post(
    '/api/public/education/items/:id/views',
    {
      schema: {
        tags: ['resident'],
        params: idParams,
        response: { 200: viewCountSchema, ...errors },
      },
    },
    async (request) => reads.countView(ctx, request.params.id),
  );
  r.get(
    '/api/public/education/events',
    {
      schema: {
        tags: ['resident'],
        querystring: pageQuerySchema,
        response: { 200: publicEventListSchema, ...errors },
      },
    },
    async (request) => reads.listPublicEvents(ctx, request.query),
  );
  r.get(
    '/api/public/education/media/:id',
    {
      schema: {
        tags: ['resident'],
        params: idParams,
        response: { ...binaryResponse('media', '媒体文件 / the media file'), ...errors },
      },
    },
    async (request, reply) => {
      const media = await readMedia(ctx, request.params.id, await optionalStaff(ctx, request));
      return sendMedia(request, reply, media);
    },
  );
}

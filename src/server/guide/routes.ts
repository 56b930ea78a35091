import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  guidePlacesQuerySchema,
  guidePlacesSchema,
  guideTimeLimitsSchema,
} from '../../contract/guide.js';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/error-responses.js';
import { findPlaces, timeLimits } from './service.js';

const tags = ['resident'];

/** The public service guide: find a building's room, and the time limits of each request kind. */
export function registerGuideRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/guide/places',
    {
      schema: {
        tags,
        querystring: guidePlacesQuerySchema,
        response: { 200: guidePlacesSchema, ...errorResponses(400) },
      },
    },
    async (request) => findPlaces(ctx, request.query),
  );
  r.get(
    '/api/public/guide/time-limits',
    { schema: { tags, response: { 200: guideTimeLimitsSchema, ...errorResponses(500) } } },
    async () => timeLimits(ctx),
  );
}

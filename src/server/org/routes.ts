import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../contract/common.js';
import { placardSchema } from '../../contract/org.js';
import type { AppContext } from '../context.js';
import { getPlacard } from './service.js';

/** The public side of the organisation: placard pages (the catalogue is src/server/matters). */
export function registerOrgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/placards/:token',
    {
      schema: {
        tags: ['resident'],
        params: z.object({ token: z.string().min(1).max(64) }),
        response: {
          200: placardSchema,
          400: errorBodySchema,
          404: errorBodySchema,
          410: errorBodySchema,
        },
      },
    },
    async (request) => getPlacard(ctx.db, request.params.token),
  );
}

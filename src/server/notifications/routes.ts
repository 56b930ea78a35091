import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  notificationListQuerySchema,
  notificationListSchema,
} from '../../contract/notifications.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { listNotifications } from './service.js';

const errors = errorResponses(400, 401, 403);

/** The outbox as admins see it: each message's status, attempts and last error. */
export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/notifications',
    {
      schema: {
        tags: ['workbench'],
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin', 'street_admin']);
      return listNotifications(ctx, actor, request.query);
    },
  );
}

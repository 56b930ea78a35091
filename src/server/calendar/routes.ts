import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffRoles, type StaffRole } from '../../contract/auth.js';
import { calendarOverrideSchema, calendarStatusSchema } from '../../contract/calendar.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import * as calendar from './service.js';

const errors = errorResponses(400, 401, 403, 404);
const dateParams = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
/** Partner-department accounts work only under /api/dept; the calendar is for officers. */
const readers: readonly StaffRole[] = staffRoles.filter((r) => r !== 'department');

/** The working calendar: what the package covers and the bureau's own holiday data. */
export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/calendar',
    { schema: { tags: ['calendar'], response: { 200: calendarStatusSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, readers);
      return calendar.calendarStatus(ctx.db, ctx.now());
    },
  );
  r.put(
    '/api/staff/calendar/overrides/:date',
    {
      schema: {
        tags: ['calendar'],
        params: dateParams,
        body: calendarOverrideSchema.omit({ date: true }),
        response: { 200: calendarStatusSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      const override = { date: request.params.date, ...request.body };
      await calendar.setOverride(ctx, actor, override);
      return calendar.calendarStatus(ctx.db, ctx.now());
    },
  );
  r.delete(
    '/api/staff/calendar/overrides/:date',
    {
      schema: {
        tags: ['calendar'],
        params: dateParams,
        response: { 200: calendarStatusSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      await calendar.removeOverride(ctx, actor, request.params.date);
      return calendar.calendarStatus(ctx.db, ctx.now());
    },
  );
  r.put(
    '/api/staff/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({ complete: z.boolean() }),
        response: { 200: calendarStatusSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      await calendar.setYearComplete(ctx, actor, request.params.year, request.body.complete);
      return calendar.calendarStatus(ctx.db, ctx.now());
    },
  );
}

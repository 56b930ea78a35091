import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  byCommunitySchema,
  byMatterSchema,
  dashboardRoles,
  dashboardStreetsSchema,
  overdueQuerySchema,
  overdueSchema,
  rangeQuerySchema,
  ratingsSchema,
  recordsQuerySchema,
  recordsSchema,
  trendQuerySchema,
  trendSchema,
} from '../../contract/dashboard.js';
import type { AppContext } from '../context.js';
import { requireStaff, staffOnlyFirst } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import * as dashboard from './service.js';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['workbench'];

/** Registers the dashboard's aggregate routes (docs/dashboard.md). */
export function registerDashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireStaff>[1]) =>
    requireStaff(ctx, request, dashboardRoles);
  const readers = { preValidation: staffOnlyFirst(ctx, dashboardRoles) };

  r.get(
    '/api/staff/dashboard/trend',
    {
      ...readers,
      schema: { tags, querystring: trendQuerySchema, response: { 200: trendSchema, ...errors } },
    },
    async (request) => dashboard.trend(ctx, await actorOf(request), request.query),
  );
  r.get(
    '/api/staff/dashboard/by-community',
    {
      ...readers,
      schema: {
        tags,
        querystring: rangeQuerySchema,
        response: { 200: byCommunitySchema, ...errors },
      },
    },
    async (request) => dashboard.byCommunity(ctx, await actorOf(request), request.query),
  );
  r.get(
    '/api/staff/dashboard/by-matter',
    {
      ...readers,
      schema: { tags, querystring: rangeQuerySchema, response: { 200: byMatterSchema, ...errors } },
    },
    async (request) => dashboard.byMatter(ctx, await actorOf(request), request.query),
  );
  r.get(
    '/api/staff/dashboard/ratings',
    {
      ...readers,
      schema: { tags, querystring: rangeQuerySchema, response: { 200: ratingsSchema, ...errors } },
    },
    async (request) => dashboard.ratings(ctx, await actorOf(request), request.query),
  );
  r.get(
    '/api/staff/dashboard/overdue',
    {
      ...readers,
      schema: {
        tags,
        querystring: overdueQuerySchema,
        response: { 200: overdueSchema, ...errors },
      },
    },
    async (request) => dashboard.overdue(ctx, await actorOf(request), request.query.streetId),
  );
  r.get(
    '/api/staff/dashboard/records',
    {
      ...readers,
      schema: {
        tags,
        querystring: recordsQuerySchema,
        response: { 200: recordsSchema, ...errors },
      },
    },
    async (request) => dashboard.records(ctx, await actorOf(request), request.query),
  );
  r.get(
    '/api/staff/dashboard/streets',
    { ...readers, schema: { tags, response: { 200: dashboardStreetsSchema, ...errors } } },
    async (request) => dashboard.streets(ctx, await actorOf(request)),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createMeetingSchema,
  editMeetingSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingSchema,
  ticketFieldWorkSchema,
} from '../../contract/meetings.js';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/error-responses.js';
import { requireStaff } from '../http/auth.js';
import { fieldWorkRoles } from '../visits/routes.js';
import { editMeeting } from './edit.js';
import { ticketFieldWork } from './links.js';
import * as meetings from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(128).optional() });

/** Meetings (list, record, read, correct) and the field work behind a ticket. */
export function registerMeetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/meetings',
    {
      schema: {
        tags: ['workbench'],
        querystring: meetingListQuerySchema,
        response: { 200: meetingListSchema, ...errors },
      },
    },
    async (request) =>
      meetings.listMeetings(ctx, await requireStaff(ctx, request, fieldWorkRoles), request.query),
  );
  r.post(
    '/api/staff/meetings',
    {
      schema: {
        tags: ['workbench'],
        headers: idempotencyHeaders,
        body: createMeetingSchema,
        response: { 200: meetingSchema, 201: meetingSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, fieldWorkRoles);
      const key = request.headers['idempotency-key'] ?? null;
      const { meeting, created } = await meetings.createMeeting(
        ctx,
        actor,
        request.body,
        key,
        request.id,
      );
      return reply.status(created ? 201 : 200).send(meeting);
    },
  );
  r.get(
    '/api/staff/meetings/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (request) =>
      meetings.getMeeting(ctx, await requireStaff(ctx, request, fieldWorkRoles), request.params.id),
  );
  r.patch(
    '/api/staff/meetings/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: editMeetingSchema,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, fieldWorkRoles);
      return editMeeting(ctx, actor, request.params.id, request.body, request.id);
    },
  );
  r.get(
    '/api/staff/tickets/:id/field-work',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: ticketFieldWorkSchema, ...errors },
      },
    },
    async (request) =>
      ticketFieldWork(ctx, await requireStaff(ctx, request, fieldWorkRoles), request.params.id),
  );
}

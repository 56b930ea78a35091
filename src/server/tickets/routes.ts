import type { FastifyInstance, FastifyReply } from 'fastify';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionBodySchemas,
  rateTicketSchema,
  reopenTicketSchema,
  receiptSchema,
  residentTicketSchema,
  staffTicketSchema,
  submitTicketSchema,
  ticketListQuerySchema,
  ticketListSchema,
  type StaffAction,
  phoneLookupRoles,
  phoneLookupSchema,
} from '../../contract/tickets.js';
import { normalizePersonName, normalizePhone } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { readTicketPhoto } from '../files/service.js';
import { requireStaff } from '../http/auth.js';
import { withRetryAfter } from '../rate-limits/service.js';
import { ticketStaffRoles } from './access.js';
import * as staff from './service.js';
import * as resident from './resident-steps.js';
import { submitTicket } from './submission.js';
import { lookupByPhone } from './search.js';

const errors = errorResponses(400, 401, 403, 404, 409, 410, 422);

const tokenParams = z.object({ accessToken: z.string().min(1).max(64) });
const idParams = z.object({ id: z.string().min(1).max(64) });
const photoParams = z.object({ photoId: z.string().min(1).max(64) });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(128).optional() });

/** A phone and a name arrive as typed; they are normalised before validation, '' means none. */
function normalizeSubmission(body: unknown): void {
  if (!body || typeof body !== 'object') {
    return;
  }
  const b = body as { phone?: unknown; reporterName?: unknown };
  if (typeof b.phone === 'string') {
    const phone = normalizePhone(b.phone);
    b.phone = phone === '' ? undefined : phone;
  }
  if (typeof b.reporterName === 'string') {
    const name = normalizePersonName(b.reporterName);
    b.reporterName = name === '' ? undefined : name;
  }
}

function sendPhoto(
  reply: FastifyReply,
  photo: { bytes: Buffer; mime: string; disposition: string },
) {
  return reply
    .header('content-type', photo.mime)
    .header('content-disposition', photo.disposition)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

/** The resident's side: submit, follow, rate. */
export function registerResidentTicketRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/public/tickets',
    {
      preValidation: (request, _reply, done) => {
        normalizeSubmission(request.body);
        done();
      },
      schema: {
        tags: ['resident'],
        headers: idempotencyHeaders,
        body: submitTicketSchema,
        response: { 200: receiptSchema, 201: receiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] ?? null;
      const { receipt, created } = await withRetryAfter(reply, () =>
        submitTicket(ctx, request.body, key, request.ip),
      );
      return reply.status(created ? 201 : 200).send(receipt);
    },
  );
  r.get(
    '/api/public/tickets/:accessToken',
    {
      schema: {
        tags: ['resident'],
        params: tokenParams,
        response: { 200: residentTicketSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return resident.getResidentTicket(ctx, request.params.accessToken);
    },
  );
  r.post(
    '/api/public/tickets/:accessToken/rating',
    {
      schema: {
        tags: ['resident'],
        params: tokenParams,
        body: rateTicketSchema,
        response: { 200: residentTicketSchema, ...errors },
      },
    },
    async (request) => resident.rateTicket(ctx, request.params.accessToken, request.body),
  );
  r.post(
    '/api/public/tickets/:accessToken/reopen',
    {
      schema: {
        tags: ['resident'],
        params: tokenParams,
        body: reopenTicketSchema,
        response: { 200: residentTicketSchema, ...errors },
      },
    },
    async (request) => resident.reopenTicket(ctx, request.params.accessToken, request.body),
  );
  r.get(
    '/api/public/tickets/:accessToken/photos/:photoId',
    {
      schema: {
        tags: ['resident'],
        params: tokenParams.extend(photoParams.shape),
        response: { ...binaryResponse('image', '照片 / the photo'), ...errors },
      },
    },
    async (request, reply) => {
      const ticketId = await resident.ticketIdOfToken(ctx, request.params.accessToken);
      return sendPhoto(reply, await readTicketPhoto(ctx, ticketId, request.params.photoId));
    },
  );
}

/** The workbench side: inbox, detail, steps. */
export function registerStaffTicketRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/tickets',
    {
      schema: {
        tags: ['workbench'],
        querystring: ticketListQuerySchema,
        response: { 200: ticketListSchema, ...errors },
      },
    },
    async (request) =>
      staff.listInbox(ctx, await requireStaff(ctx, request, ticketStaffRoles), request.query),
  );
  r.get(
    '/api/staff/tickets/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffTicketSchema, ...errors },
      },
    },
    async (request) =>
      staff.getStaffTicket(
        ctx,
        await requireStaff(ctx, request, ticketStaffRoles),
        request.params.id,
      ),
  );
  r.get(
    '/api/staff/tickets/:id/photos/:photoId',
    {
      schema: {
        tags: ['workbench'],
        params: idParams.extend(photoParams.shape),
        response: { ...binaryResponse('image', '照片 / the photo'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ticketStaffRoles);
      const ticketId = await staff.visibleTicketId(ctx, actor, request.params.id);
      return sendPhoto(reply, await readTicketPhoto(ctx, ticketId, request.params.photoId));
    },
  );
  for (const action of Object.keys(actionBodySchemas) as StaffAction[]) {
    r.post(
      `/api/staff/tickets/:id/actions/${action}`,
      {
        schema: {
          tags: ['workbench'],
          params: idParams,
          body: actionBodySchemas[action],
          response: { 200: staffTicketSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, ticketStaffRoles);
        if (action === 'to_case') {
          // A ticket enters a case only with the case: registering it takes this step in the
          // same transaction (POST /api/staff/cases), so no ticket is "in case" without one.
          throw new AppError('transition_refused', [
            fieldIssue(
              'action',
              '转为执法案件请登记案件（案件 → 登记），诉求随之转入案件',
              'register the case (POST /api/staff/cases); the ticket enters it with the case',
            ),
          ]);
        }
        const input = { action, ...(request.body as object) } as staff.StaffActionInput;
        return staff.takeAction(ctx, actor, request.params.id, input);
      },
    );
  }
  r.get(
    '/api/staff/liaisons',
    {
      schema: {
        tags: ['workbench'],
        querystring: z.object({ ticketId: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                badgeNo: z.string(),
                rooms: z.array(z.string()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['street_admin', 'bureau_admin']);
      return staff.assignableLiaisons(ctx, actor, request.query.ticketId);
    },
  );
  r.get(
    '/api/staff/rooms',
    {
      schema: {
        tags: ['workbench'],
        querystring: z.object({ ticketId: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                community: z.string(),
                street: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['street_admin', 'bureau_admin']);
      return staff.reroutableRooms(ctx, actor, request.query.ticketId);
    },
  );
  // A reporter's tickets by phone: POST, so the number is in no URL or access log; audited.
  r.post(
    '/api/staff/tickets/search-by-phone',
    {
      preValidation: (request, _reply, done) => {
        normalizeSubmission(request.body);
        done();
      },
      schema: {
        tags: ['workbench'],
        body: phoneLookupSchema,
        response: { 200: ticketListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, phoneLookupRoles);
      reply.header('cache-control', 'no-store');
      return lookupByPhone(ctx, actor, request.body, request.id);
    },
  );
}

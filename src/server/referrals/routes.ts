import type { FastifyInstance, FastifyReply } from 'fastify';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffRole } from '../../contract/auth.js';
import {
  acceptReferralSchema,
  answerReferralSchema,
  buildingOptionListSchema,
  buildingSearchQuerySchema,
  clueReceiptSchema,
  declineReferralSchema,
  departmentListSchema,
  departmentReferralListSchema,
  departmentReferralQuerySchema,
  departmentReferralSchema,
  sendReferralsSchema,
  staffReferralListSchema,
  staffReferralSchema,
  submitClueSchema,
  type ReferralStep,
} from '../../contract/referrals.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { uploadPhoto } from '../files/service.js';
import { requireStaff } from '../http/auth.js';
import * as dept from './department-service.js';
import * as staff from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 410, 413, 415, 422);

const idParams = z.object({ id: z.string().min(1).max(64) });
const photoParams = idParams.extend({ photoId: z.string().min(1).max(64) });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(128).optional() });
const photoSchema = z.object({ id: z.string(), width: z.number(), height: z.number() });

/** The officers who work tickets; department and audit accounts have no relation to them. */
const officers: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];
const departmentOnly: readonly StaffRole[] = ['department'];

function sendPhoto(reply: FastifyReply, photo: { bytes: Buffer; mime: string }) {
  return reply
    .header('content-type', photo.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

/** The officers' side: departments to choose from, a ticket's referrals, sending, retrying. */
function registerStaffReferralRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/departments',
    { schema: { tags: ['workbench'], response: { 200: departmentListSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, officers);
      return staff.listDepartments(ctx);
    },
  );
  r.get(
    '/api/staff/tickets/:id/referrals',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffReferralListSchema, ...errors },
      },
    },
    async (request) =>
      staff.listTicketReferrals(ctx, await requireStaff(ctx, request, officers), request.params.id),
  );
  r.post(
    '/api/staff/tickets/:id/referrals',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: sendReferralsSchema,
        response: { 201: staffReferralListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, officers);
      const list = await staff.sendReferrals(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(list);
    },
  );
  r.post(
    '/api/staff/referrals/:id/retry',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffReferralSchema, ...errors },
      },
    },
    async (request) =>
      staff.retryDelivery(ctx, await requireStaff(ctx, request, officers), request.params.id),
  );
  r.get(
    '/api/staff/referrals/:id/photos/:photoId',
    {
      schema: {
        tags: ['workbench'],
        params: photoParams,
        response: { ...binaryResponse('image', '照片 / the photo'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, officers);
      const { id, photoId } = request.params;
      return sendPhoto(reply, await staff.readStaffReferralPhoto(ctx, actor, id, photoId));
    },
  );
}

const stepBodies: Record<ReferralStep, z.ZodType<dept.StepInput>> = {
  accept: acceptReferralSchema,
  decline: declineReferralSchema,
  answer: answerReferralSchema,
};

/** The department's side: its referrals, its steps on them, photos, and clues. */
function registerDepartmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/dept/referrals',
    {
      schema: {
        tags: ['department'],
        querystring: departmentReferralQuerySchema,
        response: { 200: departmentReferralListSchema, ...errors },
      },
    },
    async (request) =>
      dept.listForDepartment(ctx, await requireStaff(ctx, request, departmentOnly), request.query),
  );
  r.get(
    '/api/dept/referrals/:id',
    {
      schema: {
        tags: ['department'],
        params: idParams,
        response: { 200: departmentReferralSchema, ...errors },
      },
    },
    async (request) =>
      dept.getForDepartment(
        ctx,
        await requireStaff(ctx, request, departmentOnly),
        request.params.id,
      ),
  );
  for (const step of Object.keys(stepBodies) as ReferralStep[]) {
    r.post(
      `/api/dept/referrals/:id/${step}`,
      {
        schema: {
          tags: ['department'],
          params: idParams,
          body: stepBodies[step],
          response: { 200: departmentReferralSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, departmentOnly);
        return dept.takeDepartmentStep(ctx, actor, request.params.id, step, request.body);
      },
    );
  }
  r.get(
    '/api/dept/referrals/:id/photos/:photoId',
    {
      schema: {
        tags: ['department'],
        params: photoParams,
        response: { ...binaryResponse('image', '照片 / the photo'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, departmentOnly);
      const { id, photoId } = request.params;
      return sendPhoto(reply, await dept.readDepartmentPhoto(ctx, actor, id, photoId));
    },
  );
  registerDepartmentIntakeRoutes(app, ctx);
}

/** What a department sends on its own: photos, and clues about a building. */
function registerDepartmentIntakeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/dept/photos',
    {
      schema: {
        tags: ['department'],
        consumes: ['multipart/form-data'],
        response: { 201: photoSchema, ...errors },
      },
    },
    async (request, reply) => {
      await dept.departmentOf(ctx, await requireStaff(ctx, request, departmentOnly));
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type');
      }
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw new AppError('validation_failed', [
          fieldIssue('file', '请选择一张照片', 'choose a photo'),
        ]);
      }
      const photo = await uploadPhoto(ctx, await file.toBuffer(), file.filename);
      return reply.status(201).send(photo);
    },
  );
  r.get(
    '/api/dept/buildings',
    {
      schema: {
        tags: ['department'],
        querystring: buildingSearchQuerySchema,
        response: { 200: buildingOptionListSchema, ...errors },
      },
    },
    async (request) =>
      dept.searchBuildings(ctx, await requireStaff(ctx, request, departmentOnly), request.query.q),
  );
  r.post(
    '/api/dept/clues',
    {
      schema: {
        tags: ['department'],
        headers: idempotencyHeaders,
        body: submitClueSchema,
        response: { 200: clueReceiptSchema, 201: clueReceiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, departmentOnly);
      const key = request.headers['idempotency-key'] ?? null;
      const { receipt, created } = await dept.submitClue(ctx, actor, request.body, key);
      return reply.status(created ? 201 : 200).send(receipt);
    },
  );
}

/** Every referral and clue route: /api/staff/… for officers, /api/dept/… for departments. */
export function registerReferralRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerStaffReferralRoutes(app, ctx);
  registerDepartmentRoutes(app, ctx);
}

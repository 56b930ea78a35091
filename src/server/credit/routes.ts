import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  caseCreditSchema,
  creditApplicationSchema,
  creditCheckSchema,
  creditListQuerySchema,
  creditReceiptSchema,
  creditRepairListSchema,
  creditRepairSteps,
  creditResubmitSchema,
  creditStandingSchema,
  creditStepBodies,
  residentCreditRepairSchema,
  setCreditClassSchema,
  staffCreditRepairSchema,
} from '../../contract/credit.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { applyForRepair } from './apply.js';
import { caseCredit, setCaseClass } from './case-credit.js';
import { staffLetter, type LetterFile } from './letter.js';
import { checkRecord } from './lookup.js';
import { withRetryAfter } from '../rate-limits/service.js';
import { normalizePhoneField } from '../http/phone-field.js';
import { residentLetter, residentRepair, resubmitMaterials } from './resident.js';
import {
  creditReaderRoles,
  getRepair,
  listRepairs,
  loadVisibleRepair,
  readMaterial,
} from './staff.js';
import { takeCreditStep, type CreditStepInput } from './steps.js';

const errors = errorResponses(400, 401, 403, 404, 409, 415, 422, 503);
const idParams = z.object({ id: z.string().min(1).max(64) });
const tokenParams = z.object({ token: z.string().min(1).max(64) });

/** A PDF with personal data: downloaded, never cached. */
function sendPdf(reply: FastifyReply, file: LetterFile) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.pdf);
}

/** A material file: served as the re-encoded image it is, never sniffed, never cached. */
function sendFile(reply: FastifyReply, file: { bytes: Buffer; mime: string }) {
  return reply
    .header('content-type', file.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'no-store')
    .send(file.bytes);
}

/** The resident's routes: the check, the application, the status page, 补正 and the letter. */
function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  r.post(
    '/api/public/credit/check',
    {
      schema: { tags, body: creditCheckSchema, response: { 200: creditStandingSchema, ...errors } },
    },
    (request, reply) => withRetryAfter(reply, () => checkRecord(ctx, request.body, request.ip)),
  );
  r.post(
    '/api/public/credit/applications',
    {
      preValidation: normalizePhoneField,
      schema: {
        tags,
        body: creditApplicationSchema,
        response: { 201: creditReceiptSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withRetryAfter(reply, () =>
            applyForRepair(ctx, request.body, request.ip, request.id),
          ),
        ),
  );
  r.get(
    '/api/public/credit/r/:token',
    {
      schema: {
        tags,
        params: tokenParams,
        response: { 200: residentCreditRepairSchema, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return residentRepair(ctx, request.params.token);
    },
  );
  r.post(
    '/api/public/credit/r/:token/materials',
    {
      schema: {
        tags,
        params: tokenParams,
        body: creditResubmitSchema,
        response: { 200: residentCreditRepairSchema, ...errors },
      },
    },
    (request) => resubmitMaterials(ctx, request.params.token, request.body.materials, request.id),
  );
  r.get(
    '/api/public/credit/r/:token/letter.pdf',
    {
      schema: {
        tags,
        params: tokenParams,
        response: { ...binaryResponse('pdf', '信用修复告知书 / the letter'), ...errors },
      },
    },
    async (request, reply) => sendPdf(reply, await residentLetter(ctx, request.params.token)),
  );
}

/** The workbench's list, one application, its materials, its steps and its letter. */
function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workbench'];
  const base = '/api/staff/credit/applications';
  r.get(
    base,
    {
      schema: {
        tags,
        querystring: creditListQuerySchema,
        response: { 200: creditRepairListSchema, ...errors },
      },
    },
    async (request) =>
      listRepairs(ctx, await requireStaff(ctx, request, creditReaderRoles), request.query),
  );
  r.get(
    `${base}/:id`,
    { schema: { tags, params: idParams, response: { 200: staffCreditRepairSchema, ...errors } } },
    async (request) =>
      getRepair(ctx, await requireStaff(ctx, request, creditReaderRoles), request.params.id),
  );
  r.get(
    `${base}/:id/files/:fileId`,
    {
      schema: {
        tags,
        params: idParams.extend({ fileId: z.string().min(1).max(64) }),
        response: { ...binaryResponse('media', '申请材料 / the material'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, creditReaderRoles);
      const { id, fileId } = request.params;
      return sendFile(reply, await readMaterial(ctx, actor, id, fileId, request.id));
    },
  );
  r.get(
    `${base}/:id/letter.pdf`,
    {
      schema: {
        tags,
        params: idParams,
        response: { ...binaryResponse('pdf', '信用修复告知书 / the letter'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, creditReaderRoles);
      const repair = await loadVisibleRepair(ctx, actor, request.params.id);
      return sendPdf(reply, await staffLetter(ctx, actor, repair, request.id));
    },
  );
  for (const step of creditRepairSteps) {
    r.post(
      `${base}/:id/steps/${step}`,
      {
        schema: {
          tags,
          params: idParams,
          body: creditStepBodies[step],
          response: { 200: staffCreditRepairSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, creditReaderRoles);
        const input = { ...(request.body as object), step } as CreditStepInput;
        return takeCreditStep(ctx, actor, request.params.id, input, request.id);
      },
    );
  }
}

/** The credit standing of a case on its page, and the officer's choice of its class. */
function registerCaseCreditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workbench'];
  r.get(
    '/api/staff/cases/:id/credit',
    { schema: { tags, params: idParams, response: { 200: caseCreditSchema, ...errors } } },
    async (request) =>
      caseCredit(ctx, await requireStaff(ctx, request, creditReaderRoles), request.params.id),
  );
  r.put(
    '/api/staff/cases/:id/credit-class',
    {
      schema: {
        tags,
        params: idParams,
        body: setCreditClassSchema,
        response: { 200: caseCreditSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, creditReaderRoles);
      return setCaseClass(ctx, actor, request.params.id, request.body, request.id);
    },
  );
}

/** Every credit-repair route. */
export function registerCreditRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerPublicRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerCaseCreditRoutes(app, ctx);
}

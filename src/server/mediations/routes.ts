import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mediationListSchema, mediationSchema } from '../../contract/mediation-views.js';
import {
  mediationListQuerySchema,
  mediationStepBodies,
  mediationSteps,
  openMediationSchema,
  type MediationStepInput,
} from '../../contract/mediations.js';
import { normalizePhone } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { mediationRoles } from './access.js';
import { agreementPdf } from './agreement.js';
import { openMediation } from './opening.js';
import { getMediation, listMediations } from './service.js';
import { takeMediationStep } from './steps.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422, 503);
const idParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Phone and ID numbers arrive as typed: phones are normalised like the resident form (full-width
 * digits, spaces, +86), ID numbers lose spaces and take a capital X; '' means none.
 */
function normalizeParties(body: unknown): void {
  const parties = (body as { parties?: unknown } | null)?.parties;
  if (!Array.isArray(parties)) {
    return;
  }
  for (const party of parties as unknown[]) {
    if (!party || typeof party !== 'object') {
      continue;
    }
    const p = party as Record<string, unknown>;
    if (typeof p.phone === 'string') {
      const phone = normalizePhone(p.phone);
      p.phone = phone === '' ? undefined : phone;
    }
    if (typeof p.idNumber === 'string') {
      const id = p.idNumber.normalize('NFKC').replace(/\s/g, '').toUpperCase();
      p.idNumber = id === '' ? undefined : id;
    }
    if (typeof p.address === 'string' && p.address.trim() === '') {
      p.address = undefined;
    }
  }
}

/** A PDF of personal data: downloaded, never cached. */
function sendPdf(reply: FastifyReply, file: { pdf: Buffer; filename: string }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.pdf);
}

/** The list, opening, one mediation and its agreement PDF. */
function registerMediationReadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/mediations',
    {
      schema: {
        tags: ['workbench'],
        querystring: mediationListQuerySchema,
        response: { 200: mediationListSchema, ...errors },
      },
    },
    async (request) =>
      listMediations(ctx, await requireStaff(ctx, request, mediationRoles), request.query),
  );
  r.post(
    '/api/staff/mediations',
    {
      preValidation: (request, _reply, done) => {
        normalizeParties(request.body);
        done();
      },
      schema: {
        tags: ['workbench'],
        body: openMediationSchema,
        response: { 201: mediationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, mediationRoles);
      const opened = await openMediation(ctx, actor, request.body, request.id);
      return reply.status(201).send(opened);
    },
  );
  r.get(
    '/api/staff/mediations/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: mediationSchema, ...errors },
      },
    },
    async (request) =>
      getMediation(ctx, await requireStaff(ctx, request, mediationRoles), request.params.id),
  );
  r.get(
    '/api/staff/mediations/:id/agreement.pdf',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { ...binaryResponse('pdf', '调解协议书 / the agreement'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, mediationRoles);
      return sendPdf(reply, await agreementPdf(ctx, actor, request.params.id, request.id));
    },
  );
}

/** `POST /api/staff/mediations/:id/steps/<step>`, one route per step with its own body. */
function registerMediationStepRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const step of mediationSteps) {
    r.post(
      `/api/staff/mediations/:id/steps/${step}`,
      {
        schema: {
          tags: ['workbench'],
          params: idParams,
          body: mediationStepBodies[step],
          response: { 200: mediationSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, mediationRoles);
        const input = { ...(request.body as object), step } as MediationStepInput;
        return takeMediationStep(ctx, actor, request.params.id, input, request.id);
      },
    );
  }
}

/** Every mediation route; only officers reach them (departments and auditors: 403). */
export function registerMediationRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerMediationReadRoutes(app, ctx);
  registerMediationStepRoutes(app, ctx);
}

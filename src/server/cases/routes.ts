import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addEvidenceSchema,
  caseListQuerySchema,
  caseRulesSchema,
  caseStepBodies,
  caseSteps,
  registerCaseSchema,
} from '../../contract/cases.js';
import { caseListSchema, maskedPartySchema, staffCaseSchema } from '../../contract/case-views.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { binaryResponse } from '../http/binary-responses.js';
import { errorResponses } from '../http/error-responses.js';
import { caseRoles } from './access.js';
import { addEvidence, readEvidencePhoto, revealParty } from './evidence.js';
import { registerCase } from './register.js';
import { getCaseRules, setCaseRules } from './rules.js';
import { caseStreets, getCase, listCases } from './service.js';
import { takeCaseStep } from './steps.js';

const errors = errorResponses(400, 401, 403, 404, 409, 415, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });
const photoParams = idParams.extend({ photoId: z.string().min(1).max(64) });
const streetListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string() })),
});

function sendPhoto(reply: FastifyReply, photo: { bytes: Buffer; mime: string }) {
  return reply
    .header('content-type', photo.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=3600')
    .send(photo.bytes);
}

/** The list, registration, one case and its steps. */
function registerCaseCoreRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/cases',
    {
      schema: {
        tags: ['workbench'],
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...errors },
      },
    },
    async (request) => listCases(ctx, await requireStaff(ctx, request, caseRoles), request.query),
  );
  r.post(
    '/api/staff/cases',
    {
      schema: {
        tags: ['workbench'],
        body: registerCaseSchema,
        response: { 201: staffCaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, caseRoles);
      return reply.status(201).send(await registerCase(ctx, actor, request.body));
    },
  );
  r.get(
    '/api/staff/cases/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffCaseSchema, ...errors },
      },
    },
    async (request) => getCase(ctx, await requireStaff(ctx, request, caseRoles), request.params.id),
  );
  for (const step of caseSteps) {
    r.post(
      `/api/staff/cases/:id/steps/${step}`,
      {
        schema: {
          tags: ['workbench'],
          params: idParams,
          body: caseStepBodies[step],
          response: { 200: staffCaseSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, caseRoles);
        return takeCaseStep(ctx, actor, request.params.id, step, request.body);
      },
    );
  }
}

/** Evidence, the party's details, the streets to register in, and the rules of the clock. */
function registerCaseDetailRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/staff/cases/:id/evidence',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: addEvidenceSchema,
        response: { 200: staffCaseSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, caseRoles);
      return addEvidence(ctx, actor, request.params.id, request.body);
    },
  );
  r.get(
    '/api/staff/cases/:id/evidence/:photoId',
    {
      schema: {
        tags: ['workbench'],
        params: photoParams,
        response: { ...binaryResponse('image', '证据照片 / the evidence photo'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, caseRoles);
      const { id, photoId } = request.params;
      return sendPhoto(reply, await readEvidencePhoto(ctx, actor, id, photoId));
    },
  );
  r.post(
    '/api/staff/cases/:id/party/reveal',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: maskedPartySchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, caseRoles);
      return revealParty(ctx, actor, request.params.id, request.id);
    },
  );
  r.get(
    '/api/staff/case-streets',
    { schema: { tags: ['workbench'], response: { 200: streetListSchema, ...errors } } },
    async (request) => caseStreets(ctx, await requireStaff(ctx, request, caseRoles)),
  );
  r.get(
    '/api/staff/case-rules',
    { schema: { tags: ['workbench'], response: { 200: caseRulesSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, caseRoles);
      return getCaseRules(ctx);
    },
  );
  r.put(
    '/api/staff/case-rules',
    {
      schema: {
        tags: ['workbench'],
        body: caseRulesSchema,
        response: { 200: caseRulesSchema, ...errors },
      },
    },
    async (request) =>
      setCaseRules(ctx, await requireStaff(ctx, request, ['bureau_admin']), request.body),
  );
}

/** Every case route, under /api/staff for the officers of the case's street and the bureau. */
export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerCaseCoreRoutes(app, ctx);
  registerCaseDetailRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerReceiptSchema,
  answerSurveySchema,
  campaignListSchema,
  campaignResultsSchema,
  campaignSchema,
  createCampaignSchema,
  publicCampaignListSchema,
  publicCampaignSchema,
} from '../../contract/surveys.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import { withRetryAfter } from '../rate-limits/service.js';
import * as surveys from './service.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422, 429);
const idParams = z.object({ id: z.string().min(1).max(64) });
const tokenParams = z.object({ token: z.string().min(1).max(64) });

/** The workbench's campaigns: list and results for readers, creation for the bureau admin. */
function registerStaffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workbench'];
  r.get(
    '/api/staff/surveys',
    { schema: { tags, response: { 200: campaignListSchema, ...errors } } },
    async (request) => {
      const actor = await requireStaff(ctx, request, surveys.surveyReaderRoles);
      return { items: await surveys.listCampaigns(ctx, actor) };
    },
  );
  r.post(
    '/api/staff/surveys',
    { schema: { tags, body: createCampaignSchema, response: { 201: campaignSchema, ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      const campaign = await surveys.createCampaign(ctx, actor, request.body, request.id);
      return reply.code(201).send(campaign);
    },
  );
  r.get(
    '/api/staff/surveys/:id/results',
    { schema: { tags, params: idParams, response: { 200: campaignResultsSchema, ...errors } } },
    async (request) => {
      const actor = await requireStaff(ctx, request, surveys.surveyReaderRoles);
      return surveys.campaignResults(ctx, actor, request.params.id);
    },
  );
}

/** The resident's side: a campaign, the ones open at a placard, and the answer. */
function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resident'];
  r.get(
    '/api/public/surveys/:id',
    { schema: { tags, params: idParams, response: { 200: publicCampaignSchema, ...errors } } },
    (request) => surveys.publicCampaign(ctx, request.params.id),
  );
  r.get(
    '/api/public/placards/:token/surveys',
    {
      schema: { tags, params: tokenParams, response: { 200: publicCampaignListSchema, ...errors } },
    },
    async (request) => ({ items: await surveys.placardCampaigns(ctx, request.params.token) }),
  );
  r.post(
    '/api/public/surveys/:id/answers',
    {
      schema: {
        tags,
        params: idParams,
        body: answerSurveySchema,
        response: { 201: answerReceiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      await withRetryAfter(reply, () =>
        surveys.answerSurvey(ctx, request.params.id, request.body, request.ip),
      );
      return reply.code(201).send({ answered: true as const });
    },
  );
}

/** Registers the survey routes (docs/surveys.md). */
export function registerSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerStaffRoutes(app, ctx);
  registerPublicRoutes(app, ctx);
}

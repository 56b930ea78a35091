import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adoptedListQuerySchema,
  adoptedListSchema,
  campaignListSchema,
  campaignReportSchema,
  createCampaignSchema,
  publicCampaignSchema,
  registerSuggestionSchema,
  residentSuggestionSchema,
  staffSuggestionListSchema,
  staffSuggestionQuerySchema,
  staffSuggestionSchema,
  submitSuggestionSchema,
  suggestionReceiptSchema,
  suggestionSettingsSchema,
  suggestionSettingsViewSchema,
  suggestionStepSchemas,
  suggestionSteps,
} from '../../contract/suggestions.js';
import type { AppContext } from '../context.js';
import { requireStaff } from '../http/auth.js';
import { errorResponses } from '../http/error-responses.js';
import * as campaigns from './campaigns.js';
import * as suggestions from './service.js';
import { setSuggestionSettings, suggestionSettings } from './settings.js';
import { takeSuggestionStep, type StepInput } from './steps.js';
import { registerSuggestion, submitSuggestion } from './submission.js';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const idParams = z.object({ id: z.string().min(1).max(64) });
const roles = suggestions.suggestionRoles;

/** Campaigns, the form, the proposer's page and the adopted list, for everyone. */
function registerPublicSuggestionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/suggestion-campaigns',
    { schema: { tags: ['resident'], response: { 200: campaignListSchema, ...errors } } },
    async () => campaigns.listCampaigns(ctx),
  );
  r.get(
    '/api/public/suggestion-campaigns/:id',
    {
      schema: {
        tags: ['resident'],
        params: idParams,
        response: { 200: publicCampaignSchema, ...errors },
      },
    },
    async (request) => campaigns.getCampaign(ctx, request.params.id),
  );
  r.post(
    '/api/public/suggestions',
    {
      schema: {
        tags: ['resident'],
        body: submitSuggestionSchema,
        response: { 201: suggestionReceiptSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await submitSuggestion(ctx, request.body)),
  );
  r.get(
    '/api/public/suggestions/:token',
    {
      schema: {
        tags: ['resident'],
        params: z.object({ token: z.string().min(1).max(64) }),
        response: { 200: residentSuggestionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await suggestions.getResidentSuggestion(ctx, request.params.token)),
  );
  r.get(
    '/api/public/adopted-suggestions',
    {
      schema: {
        tags: ['resident'],
        querystring: adoptedListQuerySchema,
        response: { 200: adoptedListSchema, ...errors },
      },
    },
    async (request) => suggestions.listAdoptedSuggestions(ctx, request.query),
  );
}

/** Campaign management and the bureau's time limits, for the bureau admin (reads: both admins). */
function registerCampaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/staff/suggestion-campaigns',
    {
      schema: {
        tags: ['workbench'],
        body: createCampaignSchema,
        response: { 201: publicCampaignSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      return reply
        .status(201)
        .send(await campaigns.createCampaign(ctx, actor, request.body, request.id));
    },
  );
  r.put(
    '/api/staff/suggestion-campaigns/:id/report',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        body: campaignReportSchema,
        response: { 200: publicCampaignSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      const { id } = request.params;
      return campaigns.publishCampaignReport(ctx, actor, id, request.body.report, request.id);
    },
  );
  r.get(
    '/api/staff/suggestion-settings',
    { schema: { tags: ['workbench'], response: { 200: suggestionSettingsViewSchema, ...errors } } },
    async (request) => {
      await requireStaff(ctx, request, roles);
      return suggestionSettings(ctx);
    },
  );
  r.put(
    '/api/staff/suggestion-settings',
    {
      schema: {
        tags: ['workbench'],
        body: suggestionSettingsSchema,
        response: { 200: suggestionSettingsViewSchema, ...errors },
      },
    },
    async (request) => {
      const actor = await requireStaff(ctx, request, ['bureau_admin']);
      return setSuggestionSettings(ctx, actor, request.body, request.id);
    },
  );
}

/** The workbench: the list, one suggestion, registration from other channels, and the steps. */
export function registerSuggestionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerPublicSuggestionRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
  r.get(
    '/api/staff/suggestions',
    {
      schema: {
        tags: ['workbench'],
        querystring: staffSuggestionQuerySchema,
        response: { 200: staffSuggestionListSchema, ...errors },
      },
    },
    async (request) =>
      suggestions.listStaffSuggestions(ctx, await requireStaff(ctx, request, roles), request.query),
  );
  r.post(
    '/api/staff/suggestions',
    {
      schema: {
        tags: ['workbench'],
        body: registerSuggestionSchema,
        response: { 201: suggestionReceiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request, roles);
      return reply.status(201).send(await registerSuggestion(ctx, actor, request.body, request.id));
    },
  );
  r.get(
    '/api/staff/suggestions/:id',
    {
      schema: {
        tags: ['workbench'],
        params: idParams,
        response: { 200: staffSuggestionSchema, ...errors },
      },
    },
    async (request) =>
      suggestions.getStaffSuggestion(
        ctx,
        await requireStaff(ctx, request, roles),
        request.params.id,
      ),
  );
  for (const step of suggestionSteps) {
    r.post(
      `/api/staff/suggestions/:id/steps/${step}`,
      {
        schema: {
          tags: ['workbench'],
          params: idParams,
          body: suggestionStepSchemas[step],
          response: { 200: staffSuggestionSchema, ...errors },
        },
      },
      async (request) => {
        const actor = await requireStaff(ctx, request, roles);
        const input = { ...(request.body as object), step } as StepInput;
        return takeSuggestionStep(ctx, actor, request.params.id, input, request.id);
      },
    );
  }
}

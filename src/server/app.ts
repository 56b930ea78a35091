import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_PHOTOS } from '../contract/tickets.js';
import { registerAccountRoutes } from './accounts/routes.js';
import { registerAdminRoutes } from './accounts/admin-routes.js';
import { registerAssessmentRoutes } from './assessment/routes.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerBuildingRoutes } from './buildings/routes.js';
import { registerCalendarRoutes } from './calendar/routes.js';
import { registerCaseRoutes } from './cases/routes.js';
import { registerCityOpsRoutes } from './city-ops/routes.js';
import { registerCreditRoutes } from './credit/routes.js';
import type { AppContext } from './context.js';
import { registerFileRoutes } from './files/routes.js';
import { registerGuideRoutes } from './guide/routes.js';
import { registerDashboardRoutes } from './dashboard/routes.js';
import { registerSurveyRoutes } from './surveys/routes.js';
import { defaultPhotoLimits } from './files/image.js';
import { AppError } from './errors.js';
import { errorResponses } from './http/error-responses.js';
import { controlCharacterIssue } from './http/control-characters.js';
import { installAccessPolicy } from './http/access-policy.js';
import { installCsrfProtection } from './http/csrf.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { frameworkError, installErrorHandling, sendError } from './http/error-handler.js';
import { installJsonBodyParser } from './http/json-body.js';
import { serializeRequest } from './http/log-redaction.js';
import { isAppPath, registerStaticWeb } from './http/static-web.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { registerOpen311 } from './open311/index.js';
import { registerMatterRoutes } from './matters/routes.js';
import { registerMediationRoutes } from './mediations/routes.js';
import { registerOrgRoutes } from './org/routes.js';
import { registerPlacardRoutes } from './placards/routes.js';
import { registerReferralRoutes } from './referrals/routes.js';
import { registerPolicyRoutes } from './tickets/policy-routes.js';
import { registerResidentTicketRoutes, registerStaffTicketRoutes } from './tickets/routes.js';
import { registerReporterRoutes } from './tickets/reporter.js';
import { registerMeetingRoutes } from './meetings/routes.js';
import { registerMyRequestRoutes } from './my-requests/routes.js';
import { registerVisitRoutes } from './visits/routes.js';
import { registerQaRoutes } from './consultations/routes.js';
import { registerSuggestionRoutes } from './suggestions/routes.js';
import { registerEducationPublicRoutes } from './education/public-routes.js';
import { registerEducationStaffRoutes } from './education/staff-routes.js';

/** One route the app answers; the access and OpenAPI tests walk this table. */
export interface RouteEntry {
  method: string;
  url: string;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** How the app is built: tests pass a silent logger and no web root. */
export interface AppOptions {
  logLevel?: string;
  webRoot?: string;
  trustProxy?: boolean;
  /** Where log lines go (default stdout); tests read them to check what a request logs. */
  logStream?: { write(line: string): void };
}

const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/** Builds the Fastify app with every route; the server and the tests both call this. */
export async function buildApp(
  ctx: AppContext,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      serializers: { req: serializeRequest },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    genReqId: () => randomUUID(),
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: 120_000,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('preValidation', (request, _reply, done) => {
    const issue =
      controlCharacterIssue(request.params, 'params') ??
      controlCharacterIssue(request.query, 'query') ??
      controlCharacterIssue(request.body);
    done(issue ? new AppError('validation_failed', [issue]) : undefined);
  });
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installJsonBodyParser(app);

  await installSecurityHeaders(app, { contentSecurityPolicy, crossOriginEmbedderPolicy: false });
  await app.register(cookie);
  installCsrfProtection(app, ctx);
  // Before any route: an unlisted route fails the build; staff roles are checked before validation.
  installAccessPolicy(app, ctx);
  await app.register(multipart, {
    limits: { fileSize: defaultPhotoLimits.maxBytes, files: 1, fields: 10, parts: MAX_PHOTOS + 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Linli 邻里 API', version: '0.1.0' },
      tags: [{ name: 'resident' }, { name: 'workbench' }, { name: 'auth' }, { name: 'calendar' }],
    },
    transform: jsonSchemaTransform,
  });
  // The browsable docs (docs/api.md): its assets are served from 'self', so the app's CSP holds.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') {
        routeTable.push({ method, url: route.url, hidden: route.schema?.hide === true });
      }
    }
  });
  app.decorate('routeTable', routeTable);
  registerRoutes(app, ctx);
  const web = options.webRoot ? await registerStaticWeb(app, options.webRoot) : false;
  app.setNotFoundHandler((request, reply) => {
    if (
      web &&
      ['GET', 'HEAD'].includes(request.method) &&
      isAppPath(request.url, request.headers.accept)
    ) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, request, 'not_found');
  });
  return app;
}

function registerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
          ...errorResponses(500),
        },
      },
    },
    async () => {
      await ctx.db.selectFrom('districts').select('id').limit(1).execute();
      return { status: 'ok' as const, database: ctx.databaseKind };
    },
  );
  r.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  registerOrgRoutes(app, ctx);
  registerFileRoutes(app, ctx);
  registerResidentTicketRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerStaffTicketRoutes(app, ctx);
  registerReporterRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerPolicyRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerReferralRoutes(app, ctx);
  registerMediationRoutes(app, ctx);
  registerPlacardRoutes(app, ctx);
  registerVisitRoutes(app, ctx);
  registerMeetingRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerBuildingRoutes(app, ctx);
  registerCreditRoutes(app, ctx);
  registerQaRoutes(app, ctx);
  registerSuggestionRoutes(app, ctx);
  registerEducationPublicRoutes(app, ctx);
  registerEducationStaffRoutes(app, ctx);
  registerMyRequestRoutes(app, ctx);
  registerMatterRoutes(app, ctx);
  registerGuideRoutes(app, ctx);
  registerAssessmentRoutes(app, ctx);
  registerSurveyRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerOpen311(app, ctx);
  registerCityOpsRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  loginResultSchema,
  totpCodeSchema,
  totpConfirmedSchema,
  totpEnrolmentSchema,
} from '../../contract/auth.js';
import type { AppContext } from '../context.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { csrfTokenOf } from '../http/csrf.js';
import { errorResponses } from '../http/error-responses.js';
import { startStaffSession } from './routes.js';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from './second-factor.js';
import * as accounts from './service.js';

/** The second sign-in step of admin roles: set up an authenticator, then give its code. */
export function registerSecondFactorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 422);
  const meOf = (staffId: string) =>
    accounts.describeMe(ctx, { id: staffId, role: 'liaison', streetId: null, sessionId: '' });

  r.post(
    '/api/auth/totp/enrol',
    { schema: { tags: ['auth'], response: { 200: totpEnrolmentSchema, ...errors } } },
    async (request) => startEnrolment(ctx, request.cookies[SESSION_COOKIE]),
  );

  r.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        body: totpCodeSchema,
        response: { 200: totpConfirmedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const done = await confirmEnrolment(ctx, token, request.body.code, request.id);
      startStaffSession(reply, ctx, done.token);
      return {
        me: await meOf(done.staffId),
        recoveryCodes: done.recoveryCodes,
        csrfToken: csrfTokenOf(ctx, done.token),
      };
    },
  );

  r.post(
    '/api/auth/totp/verify',
    {
      schema: {
        tags: ['auth'],
        body: totpCodeSchema,
        response: { 200: loginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const done = await verifySecondFactor(ctx, token, request.body.code, request.id);
      startStaffSession(reply, ctx, done.token);
      return {
        step: 'done' as const,
        me: await meOf(done.staffId),
        csrfToken: csrfTokenOf(ctx, done.token),
      };
    },
  );
}

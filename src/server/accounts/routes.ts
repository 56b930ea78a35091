import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordSchema,
  loginResultSchema,
  loginSchema,
  meSchema,
  setMobileSchema,
} from '../../contract/auth.js';
import { normalizePhone } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import {
  clearSessionCookie,
  requireStaff,
  SESSION_COOKIE,
  sessionCookieOptions,
} from '../http/auth.js';
import { CSRF_COOKIE, csrfTokenOf, setCsrfCookie } from '../http/csrf.js';
import { withRetryAfter } from '../rate-limits/service.js';
import { login } from './login.js';
import { setOwnMobile } from './mobile.js';
import { registerSecondFactorRoutes } from './second-factor-routes.js';
import * as accounts from './service.js';

/** Sets the cookies of a session just opened: the session itself and its CSRF token. */
export function startStaffSession(reply: FastifyReply, ctx: AppContext, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx));
  setCsrfCookie(reply, ctx, token);
}

/** Staff sign-in, sign-out and who-am-I. */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 429);
  registerSecondFactorRoutes(app, ctx);

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: loginSchema,
        response: { 200: loginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const opened = await withRetryAfter(reply, () =>
        login(
          ctx,
          {
            ...request.body,
            address: request.ip,
            previousToken: request.cookies[SESSION_COOKIE],
          },
          request.id,
        ),
      );
      startStaffSession(reply, ctx, opened.token);
      const actor = { id: opened.staffId, role: 'liaison' as const, streetId: null, sessionId: '' };
      return {
        step: opened.step,
        me: opened.step === 'done' ? await accounts.describeMe(ctx, actor) : null,
        csrfToken: csrfTokenOf(ctx, opened.token),
      };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      await accounts.logout(ctx, actor, request.id);
      clearSessionCookie(reply, ctx);
      void reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: meSchema, ...errors } } },
    async (request) => accounts.describeMe(ctx, await requireStaff(ctx, request)),
  );

  r.put(
    '/api/auth/mobile',
    {
      preValidation: (request, _reply, done) => {
        const body = request.body as { mobile?: unknown } | null;
        if (body && typeof body.mobile === 'string') {
          const mobile = normalizePhone(body.mobile);
          body.mobile = mobile === '' ? null : mobile;
        }
        done();
      },
      schema: {
        tags: ['auth'],
        body: setMobileSchema,
        response: { 200: z.object({ mobileMasked: z.string().nullable() }), ...errors },
      },
    },
    async (request) =>
      setOwnMobile(ctx, await requireStaff(ctx, request), request.body.mobile, request.id),
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: changePasswordSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      await accounts.changePassword(ctx, actor, request.body);
      return reply.status(204).send(null);
    },
  );
}

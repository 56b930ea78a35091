import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/error-responses.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordSchema,
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
import { setOwnMobile } from './mobile.js';
import * as accounts from './service.js';

/** Staff sign-in, sign-out and who-am-I. */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403);

  r.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: loginSchema, response: { 200: meSchema, ...errors } } },
    async (request, reply) => {
      const { token, staffId } = await accounts.login(
        ctx,
        request.body.username,
        request.body.password,
        request.id,
      );
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx));
      const actor = { id: staffId, role: 'liaison' as const, streetId: null, sessionId: '' };
      return accounts.describeMe(ctx, actor);
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = await requireStaff(ctx, request);
      await accounts.logout(ctx, actor);
      clearSessionCookie(reply, ctx);
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

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../http/auth.js';
import { setCsrfCookie } from '../http/csrf.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  codeRequestSchema,
  codeSentSchema,
  myRequestListSchema,
  receiptLookupSchema,
  receiptStatusSchema,
  verifyCodeSchema,
} from '../../contract/my-requests.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { errorResponses } from '../http/error-responses.js';
import { normalizePhoneField } from '../http/phone-field.js';
import { withRetryAfter } from '../rate-limits/service.js';
import { requestOfReceipt, requestsOfPhone } from './service.js';
import {
  endResidentSession,
  resolveResidentSession,
  sendCode,
  verifyCode,
  type ResidentSessionStart,
} from './verification.js';

/**
 * The verified phone's cookie: httpOnly (no script, so no injected one, can read it), SameSite
 * Lax (no other site's form can use it), sent only to /api/public/mine, Secure behind HTTPS.
 */
export const MINE_COOKIE = 'linli_mine';
const cookiePath = '/api/public/mine';

const errors = errorResponses(400, 401, 404, 429);

function cookieOptions(ctx: AppContext) {
  return {
    path: cookiePath,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.settings.secureCookies,
  };
}

async function sessionOf(ctx: AppContext, request: FastifyRequest) {
  const token = request.cookies[MINE_COOKIE];
  const session = token ? await resolveResidentSession(ctx, token) : null;
  if (!session) {
    throw new AppError('not_authenticated');
  }
  return session;
}

function startSession(ctx: AppContext, reply: FastifyReply, session: ResidentSessionStart) {
  const maxAge = Math.round((Date.parse(session.expiresAt) - ctx.now().getTime()) / 1000);
  void reply.setCookie(MINE_COOKIE, session.token, { ...cookieOptions(ctx), maxAge });
  // Only when no staff session is open in this browser: its token takes precedence (csrf.ts).
  if (!reply.request.cookies[SESSION_COOKIE]) {
    setCsrfCookie(reply, ctx, session.token);
  }
}

/** "My requests": a code by SMS, its check, the verified phone's list, and receipt lookups. */
export function registerMyRequestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const resident = { tags: ['resident'] };

  r.post(
    '/api/public/mine/code',
    {
      preValidation: normalizePhoneField,
      schema: {
        ...resident,
        body: codeRequestSchema,
        response: { 202: codeSentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const sent = await withRetryAfter(reply, () => sendCode(ctx, request.body.phone, request.ip));
      return reply.status(202).header('cache-control', 'no-store').send(sent);
    },
  );

  r.post(
    '/api/public/mine/verify',
    {
      preValidation: normalizePhoneField,
      schema: { ...resident, body: verifyCodeSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      startSession(ctx, reply, await verifyCode(ctx, request.body.phone, request.body.code));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/public/mine',
    { schema: { ...resident, response: { 200: myRequestListSchema, ...errors } } },
    async (request, reply) => {
      const session = await sessionOf(ctx, request);
      const items = await requestsOfPhone(ctx, session.phoneDigest);
      void reply.header('cache-control', 'no-store');
      return { items, sessionExpiresAt: session.expiresAt };
    },
  );

  r.post(
    '/api/public/mine/logout',
    { schema: { ...resident, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const token = request.cookies[MINE_COOKIE];
      if (token) {
        await endResidentSession(ctx, token);
      }
      void reply.clearCookie(MINE_COOKIE, cookieOptions(ctx));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/public/mine/receipt',
    {
      schema: {
        ...resident,
        body: receiptLookupSchema,
        response: { 200: receiptStatusSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await withRetryAfter(reply, () =>
        requestOfReceipt(ctx, request.body.code, request.ip),
      );
      return reply.header('cache-control', 'no-store').send(found);
    },
  );
}

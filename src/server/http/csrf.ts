// CSRF defence (docs/security.md): every state-changing request that carries a session cookie
// must carry the session's token in the X-CSRF-Token header, and no state-changing request may
// come from another origin (Origin, Sec-Fetch-Site). The token is a keyed hash of the session
// cookie, so it needs no storage, changes with every new session, and cannot be made up by a
// script on a sibling sub-domain that plants cookies (it would need DATA_KEY). The SPA reads it
// from the readable linli_csrf cookie (src/web/shared/api-client.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { MINE_COOKIE } from '../my-requests/routes.js';
import { SESSION_COOKIE } from './auth.js';

/** The readable cookie holding the token, and the header that must repeat it. */
export const CSRF_COOKIE = 'linli_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Paths whose requests are authenticated by an API key or a signature, never by a cookie
 * (partner systems): the only ones exempt from the check.
 */
export const csrfExemptPrefixes = ['/open311/', '/api/integrations/'] as const;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request changes state and is subject to the check. */
export function needsCsrfProof(method: string, url: string): boolean {
  return !safeMethods.has(method) && !csrfExemptPrefixes.some((p) => url.startsWith(p));
}

/** The token of one session cookie's value. */
export function csrfTokenOf(ctx: AppContext, sessionToken: string): string {
  return ctx.cipher.mac('csrf', sessionToken).toString('base64url');
}

/**
 * The token a request must carry: of the staff session when it has one, else of the resident
 * ("my requests") session; null when it carries neither, as nothing rides on its cookies then.
 */
export function expectedCsrfToken(
  ctx: AppContext,
  cookies: Record<string, string | undefined>,
): string | null {
  const session = cookies[SESSION_COOKIE] || cookies[MINE_COOKIE];
  return session ? csrfTokenOf(ctx, session) : null;
}

/** Sets the readable token cookie for a session just opened (sign-in, verified phone). */
export function setCsrfCookie(reply: FastifyReply, ctx: AppContext, sessionToken: string): void {
  void reply.setCookie(CSRF_COOKIE, csrfTokenOf(ctx, sessionToken), {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: ctx.settings.secureCookies,
  });
}

/** The origin requests must come from: PUBLIC_BASE_URL's, else the one the request names. */
function ownOrigin(ctx: AppContext, request: FastifyRequest): string {
  if (ctx.settings.publicBaseUrl) {
    return new URL(ctx.settings.publicBaseUrl).origin;
  }
  return `${request.protocol}://${request.host}`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses, with 403 `csrf_failed`, a state-changing request without proof of its origin. */
export function checkCsrf(ctx: AppContext, request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(ctx, request)) {
    throw new AppError('csrf_failed');
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new AppError('csrf_failed');
  }
  const expected = expectedCsrfToken(ctx, request.cookies);
  const given = request.headers[CSRF_HEADER];
  if (expected !== null && (typeof given !== 'string' || !sameToken(given, expected))) {
    throw new AppError('csrf_failed');
  }
}

/**
 * Installs the check on every route, and keeps the readable token cookie in step with the
 * session cookie the browser sends (so a page loaded before sign-in or after an upgrade has it).
 */
export function installCsrfProtection(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const expected = expectedCsrfToken(ctx, request.cookies);
    if (expected !== null && request.cookies[CSRF_COOKIE] !== expected) {
      const session = request.cookies[SESSION_COOKIE] || request.cookies[MINE_COOKIE] || '';
      setCsrfCookie(reply, ctx, session);
    }
    if (needsCsrfProof(request.method, request.url)) {
      checkCsrf(ctx, request);
    }
  });
}

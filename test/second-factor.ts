// The authenticator of tests: staff of admin roles owe a TOTP code at sign-in (docs/security.md),
// which the tests compute from the secret the app stored, as the person's phone app would.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { LoginResult } from '../src/contract/auth.js';
import { totpCodeAt } from '../src/server/accounts/totp.js';
import type { AppContext } from '../src/server/context.js';
import { expectedCsrfToken } from '../src/server/http/csrf.js';

/** The context behind each test app (and each browser-test server, by its base URL). */
const contexts = new Map<FastifyInstance | string, AppContext>();

/** Remembers the context of an app so that sign-ins through it can pass the second factor. */
export function rememberContext(key: FastifyInstance | string, ctx: AppContext): void {
  contexts.set(key, ctx);
}

/** Forgets an app's context when it closes. */
export function forgetContext(key: FastifyInstance | string): void {
  contexts.delete(key);
}

function contextOf(key: FastifyInstance | string): AppContext {
  const ctx = contexts.get(key);
  if (!ctx) {
    throw new Error('this app was not built by the test helpers: no authenticator for it');
  }
  return ctx;
}

/**
 * The code the authenticator of `username` shows now (the app's clock). A test clock stands
 * still, so two sign-ins would offer the same time step, which the app refuses as a replay:
 * the helper forgets the last step first (the refusal of a replay has its own test).
 */
export async function authenticatorCode(
  key: FastifyInstance | string,
  username: string,
): Promise<string> {
  const ctx = contextOf(key);
  const row = await ctx.db
    .selectFrom('staff')
    .select(['id', 'totp_secret_enc'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  if (!row.totp_secret_enc) {
    throw new Error(`${username} has no authenticator secret yet`);
  }
  await ctx.db
    .updateTable('staff')
    .set({ totp_last_step: null })
    .where('id', '=', row.id)
    .execute();
  return totpCodeAt(ctx.cipher.decrypt(row.totp_secret_enc), ctx.now());
}

/** The Cookie header of a response's session cookie. */
function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'linli_session');
  return `linli_session=${cookie?.value ?? ''}`;
}

/**
 * Signs a staff member in through the API, passing the second factor (setting up the
 * authenticator at the first sign-in) when the role owes one; returns the session Cookie header.
 */
export async function signInThroughApi(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) {
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  }
  const result = JSON.parse(res.body) as LoginResult;
  let cookie = sessionCookie(res);
  if (result.step === 'done') {
    return cookie;
  }
  const headers = { cookie, 'x-csrf-token': result.csrfToken };
  if (result.step === 'enrol') {
    const enrol = await app.inject({ method: 'POST', url: '/api/auth/totp/enrol', headers });
    if (enrol.statusCode !== 200) {
      throw new Error(`enrolment of ${username} failed: ${enrol.statusCode} ${enrol.body}`);
    }
  }
  const code = await authenticatorCode(app, username);
  const url = result.step === 'enrol' ? '/api/auth/totp/confirm' : '/api/auth/totp/verify';
  const done = await app.inject({ method: 'POST', url, payload: { code }, headers });
  if (done.statusCode !== 200) {
    throw new Error(`second factor of ${username} failed: ${done.statusCode} ${done.body}`);
  }
  cookie = sessionCookie(done);
  return cookie;
}

/**
 * Makes `app.inject` send the X-CSRF-Token header that belongs to the session cookie a request
 * carries, as the web client does (src/web/shared/api-client.ts). Returns the unwrapped inject,
 * for the tests that check what happens without the header.
 */
export function sendCsrfTokenLikeTheWeb(
  app: FastifyInstance,
  ctx: AppContext,
): FastifyInstance['inject'] {
  const raw = app.inject.bind(app) as (opts: InjectOptions | string) => unknown;
  const wrapped = (opts?: InjectOptions | string) => {
    if (opts && typeof opts === 'object' && opts.headers && !('x-csrf-token' in opts.headers)) {
      const cookie = opts.headers.cookie;
      const token =
        typeof cookie === 'string' ? expectedCsrfToken(ctx, app.parseCookie(cookie)) : null;
      if (token) {
        return raw({ ...opts, headers: { ...opts.headers, 'x-csrf-token': token } });
      }
    }
    return raw(opts as InjectOptions);
  };
  app.inject = wrapped as FastifyInstance['inject'];
  return raw as FastifyInstance['inject'];
}

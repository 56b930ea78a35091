// CSRF defence (docs/security.md): a walk over the route table proves that every state-changing
// route refuses a cookie-carrying request without the session's token, except the partner APIs
// authenticated by key or signature; requests from another origin are refused too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResult } from '../../contract/auth.js';
import type { ErrorBody } from '../../contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { csrfExemptPrefixes } from './csrf.js';

let t: TestApp;
let cookie: string;
/** A resident's "my requests" session cookie, to check that it needs the token as well. */
const mineCookie = 'linli_mine=some-resident-session';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  cookie = await loginAs(t.app, 'yinhang.1');
});

afterAll(async () => {
  await t.close();
});

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, 'x').replace(/\*$/, 'x');
}

describe('CSRF check missing on a route (fault class 19): every state-changing route', () => {
  it('refuses a request with a session cookie but no token: 403 csrf_failed', async () => {
    const routes = t.app.routeTable.filter((r) => stateChanging.has(r.method));
    expect(routes.length).toBeGreaterThan(100);
    const exempt = routes.filter((r) => csrfExemptPrefixes.some((p) => r.url.startsWith(p)));
    const checked = routes.filter((r) => !exempt.includes(r));
    const accepted: string[] = [];
    for (const route of checked) {
      for (const session of [cookie, mineCookie]) {
        const res = await t.rawInject({
          method: route.method as 'POST',
          url: concrete(route.url),
          payload: {},
          headers: { cookie: session },
        });
        const body = json<ErrorBody>(res);
        if (res.statusCode !== 403 || body.error !== 'csrf_failed' || !body.requestId) {
          accepted.push(
            `${route.method} ${route.url} (${session.split('=')[0]}): ${res.statusCode}`,
          );
        }
      }
    }
    expect(accepted).toEqual([]);
    // The partner APIs answer by their own authentication, never with csrf_failed.
    for (const route of exempt) {
      const res = await t.rawInject({
        method: route.method as 'POST',
        url: concrete(route.url),
        payload: {},
        headers: { cookie },
      });
      expect(res.body).not.toContain('csrf_failed');
    }
  });

  it('is refused with a wrong token, and passes with the token of the cookie', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yinhang.2', password: 'linli-demo' },
    });
    const { csrfToken } = json<LoginResult>(login);
    expect(login.cookies.find((c) => c.name === 'linli_csrf')).toMatchObject({
      value: csrfToken,
      sameSite: 'Strict',
    });
    expect(login.cookies.find((c) => c.name === 'linli_csrf')?.httpOnly).toBeFalsy();
    const session = `linli_session=${login.cookies.find((c) => c.name === 'linli_session')?.value}`;
    const logout = (token: string) =>
      t.rawInject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session, 'x-csrf-token': token },
      });
    // Another session's token does not fit this one.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yinhang.3', password: 'linli-demo' },
    });
    expect((await logout(json<LoginResult>(other).csrfToken)).statusCode).toBe(403);
    expect((await logout(csrfToken)).statusCode).toBe(204);
  });

  it('refuses a request from another origin even with the right token', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yinhang.2', password: 'linli-demo' },
    });
    const token = json<LoginResult>(login).csrfToken;
    const session = `linli_session=${login.cookies.find((c) => c.name === 'linli_session')?.value}`;
    for (const headers of [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await t.rawInject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: session, 'x-csrf-token': token, ...headers },
      });
      expect(res.statusCode).toBe(403);
      expect(json<ErrorBody>(res).error).toBe('csrf_failed');
    }
    // A sign-in posted by another site's form is refused before the password is looked at.
    const crossLogin = await t.rawInject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yinhang.2', password: 'linli-demo' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossLogin.statusCode).toBe(403);
  });

  it('lets a form from this origin without any session cookie through', async () => {
    const res = await t.rawInject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'help',
        description: '楼道灯坏了。',
      },
      headers: {
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

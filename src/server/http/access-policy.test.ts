// The access policy as a build rule and as the first check of a request: a route the policy does
// not name stops the app from being built, and a staff route refuses a caller without the role
// before it looks at the body (docs/security.md "Access matrix").
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorBody } from '../../contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { installErrorHandling } from './error-handler.js';
import { exemptFromPolicy, installAccessPolicy, type AccessPolicy } from './access-policy.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

const testPolicy: AccessPolicy = {
  'GET /api/staff/listed': { who: ['bureau_admin'] },
  'POST /api/staff/listed': { who: ['bureau_admin'] },
};

async function appWithPolicy() {
  const app = Fastify({ logger: false });
  await app.register(cookie);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installAccessPolicy(app, t.ctx, testPolicy);
  return app;
}

describe('a route without a policy entry', () => {
  it('fails the build, naming the route', async () => {
    const app = await appWithPolicy();
    app.get('/api/staff/listed', () => ({ ok: true }));
    expect(() => app.post('/api/staff/unlisted', () => ({ ok: true }))).toThrow(
      'route POST /api/staff/unlisted has no entry in the access policy',
    );
  });

  it('fails the build when only another method of the URL is listed', async () => {
    const app = await appWithPolicy();
    expect(() => app.delete('/api/staff/listed', () => null)).toThrow(
      'route DELETE /api/staff/listed has no entry',
    );
  });

  it('is allowed only for the API docs and the web app files, listed as exempt', () => {
    expect(exemptFromPolicy('/api/docs/static/index.html')).toBe(true);
    expect(exemptFromPolicy('/assets/index-3f2a.js')).toBe(true);
    expect(exemptFromPolicy('/api/staff/anything')).toBe(false);
    expect(exemptFromPolicy('/open311/v2/anything.json')).toBe(false);
    expect(exemptFromPolicy('/healthz')).toBe(false);
  });

  it('is absent from the real app: every route it registers is in the policy', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(240);
  });
});

describe('a staff route of the policy', () => {
  async function listed() {
    const app = await appWithPolicy();
    app.post(
      '/api/staff/listed',
      { schema: { body: z.object({ reason: z.string().min(5) }) } },
      () => ({ ok: true }),
    );
    await app.ready();
    return app;
  }

  it('answers an anonymous caller 401 before it validates the body', async () => {
    const app = await listed();
    const res = await app.inject({ method: 'POST', url: '/api/staff/listed', payload: {} });
    expect(res.statusCode).toBe(401);
    expect(json<ErrorBody>(res).error).toBe('not_authenticated');
    await app.close();
  });

  it('answers a signed-in caller of another role 403 before it validates the body', async () => {
    const app = await listed();
    const cookie = await loginAs(t.app, 'yinhang.admin');
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/listed',
      payload: {},
      headers: { cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(json<ErrorBody>(res).error).toBe('forbidden');
    await app.close();
  });

  it('lets the listed role through to the validation of its body', async () => {
    const app = await listed();
    const cookie = await loginAs(t.app, 'admin');
    const res = await app.inject({
      method: 'POST',
      url: '/api/staff/listed',
      payload: {},
      headers: { cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error).toBe('validation_failed');
    await app.close();
  });
});

describe('the real app', () => {
  it('answers a liaison 403 on an administrator route with a malformed body', async () => {
    const cookie = await loginAs(t.app, 'yinhang.1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff',
      payload: { username: 42 },
      headers: { cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(json<ErrorBody>(res).error).toBe('forbidden');
  });

  it('answers an anonymous caller 401 on a ticket action with an empty body', async () => {
    const res = await t.rawInject({
      method: 'POST',
      url: '/api/staff/tickets/x/actions/decline',
      payload: {},
    });
    expect(res.statusCode).toBe(401);
    expect(json<ErrorBody>(res).error).toBe('not_authenticated');
  });
});

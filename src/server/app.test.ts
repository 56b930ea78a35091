import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../contract/auth.js';
import { json, loginAs, startTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  responses?: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }>;
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation | undefined> | undefined>;
}

/**
 * What the spec leaves out of one route: the operation, a path parameter, a success or an error.
 */
function operationGaps(route: { method: string; url: string }, op: OpenApiOperation | undefined) {
  const name = `${route.method} ${route.url}`;
  if (!op) {
    return [`${name}: not in the spec`];
  }
  const gaps: string[] = [];
  for (const [, param] of route.url.matchAll(/:(\w+)/g)) {
    if (!op.parameters?.some((p) => p.in === 'path' && p.name === param)) {
      gaps.push(`${name}: path parameter ${param}`);
    }
  }
  const codes = Object.keys(op.responses ?? {});
  if (!codes.some((c) => /^[23]\d\d$/.test(c))) {
    gaps.push(`${name}: success response`);
  }
  const errors = codes.filter((c) => /^[45]\d\d$/.test(c));
  const bodies = errors.map((c) => Object.values(op.responses?.[c]?.content ?? {})[0]?.schema);
  // The app's own API answers errors with its error body; a partner protocol (Open311) has its own.
  const ownApi = route.url.startsWith('/api/') || route.url === '/healthz';
  const wrong = (b: { properties?: object } | undefined) =>
    !b || (ownApi && !(b.properties && 'error' in b.properties));
  if (errors.length === 0 || bodies.some(wrong)) {
    gaps.push(`${name}: error responses with their body`);
  }
  return gaps;
}

beforeAll(async () => {
  t = await startTestApp(new Date('2026-12-03T10:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

describe('operations', () => {
  it('answers /healthz with the database kind', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({
      status: 'ok',
      database: process.env.LINLI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite',
    });
  });

  it('describes every route in /api/openapi.json: method, path parameters, answers', async () => {
    const doc = json<OpenApiDoc>(await t.app.inject({ url: '/api/openapi.json' }));
    expect(doc.openapi).toMatch(/^3\./);
    const gaps: string[] = [];
    const routes = t.app.routeTable.filter((r) => !r.hidden);
    for (const route of routes) {
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      gaps.push(...operationGaps(route, op));
    }
    expect(routes.length).toBeGreaterThan(200);
    expect(gaps).toEqual([]);
  });

  it('documents the Open311 routes in both formats and their form-encoded bodies', async () => {
    interface Described {
      requestBody?: { content: Record<string, unknown> };
      responses: Record<string, { content?: Record<string, unknown> }>;
    }
    const doc = json<{ paths: Record<string, Record<string, Described>> }>(
      await t.app.inject({ url: '/api/openapi.json' }),
    );
    const post = doc.paths['/open311/v2/requests.{format}']?.post;
    expect(Object.keys(post?.requestBody?.content ?? {})).toEqual([
      'application/x-www-form-urlencoded',
      'application/json',
    ]);
    const list = doc.paths['/open311/v2/requests.{format}']?.get;
    expect(Object.keys(list?.responses['200']?.content ?? {})).toEqual([
      'application/json',
      'text/xml',
    ]);
    const push = doc.paths['/open311/v2/servicerequestupdates.{format}']?.post;
    expect(Object.keys(push?.requestBody?.content ?? {})).toContain(
      'application/x-www-form-urlencoded',
    );
  });

  it('serves the browsable API docs at /api/docs, with its own assets', async () => {
    const page = await t.app.inject({ url: '/api/docs', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('/api/docs/static/swagger-initializer.js');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const init = await t.app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    const spec = json<OpenApiDoc>(await t.app.inject({ url: '/api/docs/json' }));
    expect(Object.keys(spec.paths)).toContain('/api/public/tickets');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(json(res).error).toBe('not_found');
  });
});

describe('staff sign-in', () => {
  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(json(res).error).toBe('login_failed');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(json(unknown).error).toBe('login_failed');
  });

  it('sets an httpOnly session cookie and ends the session at logout', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yinhang.admin', password: 'linli-demo' },
    });
    const cookie = res.cookies.find((c) => c.name === 'linli_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const header = `linli_session=${cookie?.value ?? ''}`;
    const me = json<Me>(await t.app.inject({ url: '/api/auth/me', headers: { cookie: header } }));
    expect(me.role).toBe('street_admin');
    expect(me.street?.name).toBe('殷行街道');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: header } });
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie: header } });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const cookie = await loginAs(t.app, 'yinhang.1');
    const start = t.clock.now;
    t.clock.now = new Date(start.getTime() + 31 * 60_000);
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    t.clock.now = start;
    expect(res.statusCode).toBe(401);
  });

  it('stores argon2id hashes, never the password', async () => {
    const row = await t.handle.db
      .selectFrom('staff')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('changing a password', () => {
  it('checks the current password, sets the new one and ends the other sessions', async () => {
    const first = await loginAs(t.app, 'yinhang.2');
    const second = await loginAs(t.app, 'yinhang.2');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'nope', newPassword: 'a-longer-secret' },
      headers: { cookie: first },
    });
    expect(json(wrong).details).toEqual([
      {
        field: 'currentPassword',
        message: '当前密码不正确',
        messageEn: 'the current password is wrong',
      },
    ]);
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'linli-demo', newPassword: 'short' },
      headers: { cookie: first },
    });
    expect(short.statusCode).toBe(400);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'linli-demo', newPassword: 'A-longer-secret' },
      headers: { cookie: first },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: '/api/auth/me', headers: { cookie: first } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/auth/me', headers: { cookie: second } })).statusCode,
    ).toBe(401);
    await loginAs(t.app, 'yinhang.2', 'A-longer-secret');
    await expect(loginAs(t.app, 'yinhang.2')).rejects.toThrow(/login yinhang.2 failed/);
  });
});

describe('the holiday calendar', () => {
  it('warns admins that 2027 counts weekends only, in December 2026', async () => {
    const admin = await loginAs(t.app, 'admin');
    const me = json<Me>(await t.app.inject({ url: '/api/auth/me', headers: { cookie: admin } }));
    expect(me.calendarWarnings).toEqual([{ year: 2027 }]);
    const liaison = await loginAs(t.app, 'yinhang.1');
    const plain = json<Me>(
      await t.app.inject({ url: '/api/auth/me', headers: { cookie: liaison } }),
    );
    expect(plain.calendarWarnings).toEqual([]);
  });

  it('lets the bureau admin enter 2027 New Year: the warning clears, deadlines move', async () => {
    const admin = await loginAs(t.app, 'admin');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/calendar/overrides/2027-01-01',
      payload: { kind: 'holiday', note: '元旦' },
      headers: { cookie: admin },
    });
    expect(put.statusCode).toBe(200);
    // One holiday is not a whole year: the warning stays until the bureau confirms 2027.
    expect(json<{ fallbackYears: number[] }>(put).fallbackYears).toEqual([2027]);
    const confirmed = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/calendar/years/2027',
      payload: { complete: true },
      headers: { cookie: admin },
    });
    expect(json<{ fallbackYears: number[]; confirmedYears: number[] }>(confirmed)).toMatchObject({
      fallbackYears: [],
      confirmedYears: [2027],
    });
    const audited = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'record_id'])
      .where('record_type', '=', 'calendar')
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      { action: 'calendar.override_set', record_id: '2027-01-01' },
      { action: 'calendar.year_confirmed', record_id: '2027' },
    ]);
    t.clock.now = new Date('2026-12-30T10:00:00+08:00');
    const receipt = json<{ resolveDueAt: string }>(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: {
          placardToken: t.demo.samplePlacard.token,
          kind: 'complaint',
          description: '夜间施工',
        },
      }),
    );
    expect(receipt.resolveDueAt).toBe(new Date('2027-01-07T23:59:59.999+08:00').toISOString());
  });

  it('refuses calendar changes from anyone but the bureau admin', async () => {
    const street = await loginAs(t.app, 'yinhang.admin');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/calendar/overrides/2027-02-01',
      payload: { kind: 'holiday', note: '' },
      headers: { cookie: street },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an impossible date', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/calendar/overrides/2027-02-30',
      payload: { kind: 'holiday', note: '' },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toBe('validation_failed');
  });
});

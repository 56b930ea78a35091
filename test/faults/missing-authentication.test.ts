// Fault class 2 of RELIABILITY §4 (Ushahidi CVE-2012-3473, BFLA: report and comment-admin APIs
// that needed no authentication): a walk over the whole route table proves that every route
// outside the public resident API answers an anonymous caller 401 in the one error shape, and
// that the routes left open are exactly the public ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import { json, startTestApp, type TestApp } from '../app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

/** Routes meant for anyone: the resident pages' API, Open311 discovery, health and API docs. */
const openPrefixes = ['/api/public/', '/open311/', '/api/auth/', '/healthz', '/api/openapi.json'];
/** Partner APIs authenticate by their own key or signature, and also answer 401 without it. */
const guarded = [
  '/api/staff/',
  '/api/admin/',
  '/api/security/',
  '/api/dept/',
  '/api/integrations/',
];

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, 'x').replace(/\*$/, 'x');
}

describe('missing authentication (fault class 2)', () => {
  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    const closed = routes.filter((r) => guarded.some((p) => r.url.startsWith(p)));
    expect(closed.length).toBeGreaterThan(150);
    const served: string[] = [];
    const validatedFirst: string[] = [];
    for (const route of closed) {
      const res = await t.rawInject({
        method: route.method as 'POST',
        url: concrete(route.url),
        ...(route.method === 'GET' ? {} : { payload: {} }),
      });
      const body = json<ErrorBody>(res);
      const where = `${route.method} ${route.url}`;
      if (res.statusCode === 400 && body.error === 'validation_failed') {
        // Refused, but on the shape of the empty body before the missing session
        // (docs/limitations.md): no data is read or shown.
        validatedFirst.push(where);
      } else if (
        route.url.startsWith('/api/integrations/') &&
        body.error === 'service_unavailable'
      ) {
        // A partner integration with no key configured is switched off for everyone.
        continue;
      } else if (res.statusCode !== 401 || body.error !== 'not_authenticated' || !body.requestId) {
        served.push(`${where}: ${res.statusCode} ${body.error}`);
      }
    }
    expect(served).toEqual([]);
    console.log(
      `missing authentication: ${closed.length} routes, ${validatedFirst.length} of them ` +
        'validate the body or query before the session',
    );
  });

  it('answers 401 even to a well-formed request: a staff action with a valid body', async () => {
    const res = await t.rawInject({
      method: 'POST',
      url: '/api/staff/tickets/x/actions/decline',
      payload: { reason: '不属于城管职责范围' },
    });
    expect(res.statusCode).toBe(401);
    expect(json<ErrorBody>(res).error).toBe('not_authenticated');
  });

  it('leaves no route outside the listed public and guarded prefixes', () => {
    const unlisted = t.app.routeTable
      .filter((r) => ![...openPrefixes, ...guarded].some((p) => r.url.startsWith(p)))
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    expect(unlisted).toEqual([]);
  });
});

// Fault class 5 of RELIABILITY §4 (Ushahidi CVE-2012-3475: the installer stayed reachable after
// setup, so anyone could take admin): the route table has no setup, install or seed route; the
// demo is loaded only by the operator (SEED_DEMO at start, `linli seed-demo`), never over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

describe('installer left open (fault class 5)', () => {
  it('has no setup, install, seed, demo or first-admin route', () => {
    const suspicious = t.app.routeTable
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => /setup|install|seed|demo|bootstrap|first-?admin|init\b/i.test(r));
    expect(t.app.routeTable.length).toBeGreaterThan(200);
    expect(suspicious).toEqual([]);
  });

  it('answers 404 for the usual installer paths, as anyone', async () => {
    for (const url of ['/api/setup', '/api/install', '/api/seed', '/install', '/setup']) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.rawInject({
          method,
          url,
          ...(method === 'POST' ? { payload: {} } : {}),
        });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });
});

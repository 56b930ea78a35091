// Fault classes 3 and 15 of RELIABILITY §4 (Ushahidi CVE-2012-3469/3471: SQL injection through
// an incident id; Decidim CVE-2026-45376: ORDER BY injection): property tests put SQL payloads
// and arbitrary text into every path parameter of every GET route, as the bureau admin and as
// nobody, and into the list's sort and filter parameters. No answer is a 500 or a success for
// a made-up id, and afterwards every ticket is still there.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let admin: string;
let ticketsBefore: number;

const payloads = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  "x'; DROP TABLE tickets; --",
  '1; select pg_sleep(5)',
  "' UNION SELECT username, password_hash FROM staff --",
  '") OR ("a"="a',
  '%27%20OR%201%3D1',
  "1' AND (SELECT COUNT(*) FROM sqlite_master) > 0 --",
  'tracking_code desc; delete from tickets',
];

const segment = fc.oneof(
  fc.constantFrom(...payloads),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
);

async function countTickets(): Promise<number> {
  const row = await t.handle.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  admin = await loginAs(t.app, 'admin');
  const token = t.demo.samplePlacard.token;
  for (let i = 0; i < 3; i += 1) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: token, kind: 'report', description: `井盖松动 ${i}` },
    });
    expect(res.statusCode).toBe(201);
  }
  ticketsBefore = await countTickets();
});

afterAll(async () => {
  await t.close();
});

const getRoutes = () => t.app.routeTable.filter((r) => r.method === 'GET' && r.url.includes('/:'));

describe('SQL injection through ids (fault class 3)', () => {
  it('never answers 500 or data for an injected id, on any GET route with an id', async () => {
    const routes = getRoutes();
    expect(routes.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, fc.boolean(), async (r, s, asAdmin) => {
        const url = r.url.replace(/:[A-Za-z]+/g, encodeURIComponent(s));
        const res = await t.app.inject({
          method: 'GET',
          url,
          headers: asAdmin ? { cookie: admin } : {},
        });
        const what = `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode < 400) {
          // A list of what a made-up id owns may answer, but empty.
          expect(res.body, what).toBe('{"items":[]}');
        } else if (
          url.startsWith('/api/') &&
          res.headers['content-type']?.toString().includes('json')
        ) {
          // Our error shape (Open311 answers in the GeoReport v2 shape instead).
          expect(json<ErrorBody>(res).requestId).toEqual(expect.any(String));
        }
      }),
      { numRuns: 400 },
    );
    expect(await countTickets()).toBe(ticketsBefore);
  });
});

describe('ORDER BY injection (fault class 15)', () => {
  it('refuses or ignores an injected sort and filter of the ticket list, never 500', async () => {
    const keys = ['sort', 'order', 'status', 'street', 'q', 'matter', 'from', 'to', 'page'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), segment, async (key, value) => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/staff/tickets?${key}=${encodeURIComponent(value)}`,
          headers: { cookie: admin },
        });
        expect([200, 400]).toContain(res.statusCode);
        if (res.statusCode === 200) {
          const body = json<{ items: unknown[] }>(res);
          expect(body.items.length).toBeLessThanOrEqual(ticketsBefore);
        } else {
          expect(json<ErrorBody>(res).error).toBe('validation_failed');
        }
      }),
      { numRuns: 200 },
    );
    expect(await countTickets()).toBe(ticketsBefore);
  });
});

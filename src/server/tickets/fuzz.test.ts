import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t.close();
});

const publicPosts = ['/api/public/tickets', '/api/public/tickets/x/rating', '/api/auth/login'];

describe('arbitrary input never causes a server error', () => {
  it('answers any JSON value to the public endpoints with a 2xx or a 4xx error body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...publicPosts), fc.jsonValue(), async (url, body) => {
        const res = await t.app.inject({
          method: 'POST',
          url,
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(JSON.parse(res.body)).toHaveProperty('error');
        }
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('answers ticket-shaped bodies with wrong values with a 4xx naming a field', async () => {
    const body = fc.record(
      {
        placardToken: fc.oneof(fc.constant(t.demo.samplePlacard.token), fc.string()),
        kind: fc.oneof(fc.constantFrom('consultation', 'help', 'complaint'), fc.string()),
        description: fc.oneof(
          fc.string({ maxLength: 50, unit: 'binary' }),
          fc.integer(),
          fc.constant(null),
        ),
        photoIds: fc.oneof(fc.array(fc.string(), { maxLength: 8 }), fc.string()),
        phone: fc.oneof(fc.string({ maxLength: 20, unit: 'binary' }), fc.integer()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/public/tickets', payload });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });

  it('answers arbitrary path segments with a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }),
        async (segment) => {
          const s = encodeURIComponent(segment);
          for (const url of [
            `/api/public/placards/${s}`,
            `/api/public/tickets/${s}`,
            `/api/staff/tickets/${s}`,
          ]) {
            const res = await t.app.inject({ url });
            expect(res.statusCode).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 100, seed: 20261205 },
    );
  });
});

// RELIABILITY §3(c)1: a property test over every route of the app's own route table. Each route
// gets bodies drawn from its published request schema with hostile parts mixed in (wrong types,
// huge strings, nesting, the Unicode and XSS corpus, nulls), arbitrary query strings and
// arbitrary path parameters, sent by a role that may call it. No answer is a 5xx, and every
// 4xx carries the documented error shape. Seeds are fixed; fast-check prints the seed and the
// shrunk case of a failure.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/app.js';
import { json, startTestApp, type TestApp } from '../app.js';
import { Callers, expectErrorShape, expectOpen311ErrorShape } from './route-callers.js';
import { anyJson, hostileString, shaped, type SchemaNode } from './schema-arbitrary.js';

interface Operation {
  parameters?: { in: string; name: string; schema: SchemaNode }[];
  requestBody?: { content: Record<string, { schema: SchemaNode } | undefined> };
}

// CI runs a dozen cases a route to stay within its time; a nightly run sets LINLI_FUZZ_RUNS.
const runsPerRoute = Number(process.env.LINLI_FUZZ_RUNS ?? 12);
const baseSeed = 20261204;

const t: TestApp = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
const openapi = json<{ paths: Record<string, Record<string, Operation>> }>(
  await t.app.inject({ url: '/api/openapi.json' }),
);
const routes = t.app.routeTable.filter((r) => r.method !== 'OPTIONS');
const callers = new Callers(t);
const knownIds: string[] = [];

// A partner integration with no key configured answers 503 service_unavailable (switched
// off) to whatever passes the body limit; its signed requests are tested with a key in
// src/server/city-ops/city-ops.test.ts.
const switchedOff = new Set(['POST /api/integrations/city-ops/orders']);

beforeAll(async () => {
  await callers.prepare(routes);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { placardToken: t.demo.samplePlacard.token, kind: 'report', description: '井盖松动' },
  });
  expect(res.statusCode).toBe(201);
  knownIds.push(json<{ accessToken: string }>(res).accessToken, t.demo.samplePlacard.token);
  const list = await callers.send(route('GET', '/api/staff/tickets'), {
    url: '/api/staff/tickets?status=all',
  });
  knownIds.push(...json<{ items: { id: string }[] }>(list).items.map((i) => i.id));
  // Staff ids are left out: a fuzzed body could disable or reset one of the callers.
  const building = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .select(['buildings.id', 'buildings.community_id', 'communities.street_id'])
    .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
    .executeTakeFirstOrThrow();
  knownIds.push(building.id, building.community_id, building.street_id, 'DCSN');
});

afterAll(async () => {
  await t.close();
});

function route(method: string, url: string): RouteEntry {
  const found = routes.find((r) => r.method === method && r.url === url);
  if (!found) {
    throw new Error(`no route ${method} ${url}`);
  }
  return found;
}

function operationOf(r: RouteEntry): Operation | undefined {
  const openapiPath = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
  return openapi.paths[openapiPath]?.[r.method.toLowerCase()];
}

function bodyArbitrary(op: Operation | undefined): fc.Arbitrary<unknown> {
  const schema = op?.requestBody?.content['application/json']?.schema;
  return schema ? fc.oneof({ weight: 4, arbitrary: shaped(schema) }, anyJson) : anyJson;
}

function queryArbitrary(op: Operation | undefined): fc.Arbitrary<string> {
  const documented = (op?.parameters ?? []).filter((p) => p.in === 'query');
  const fields = Object.fromEntries(
    documented.map((p) => [p.name, fc.oneof(shaped(p.schema), hostileString)] as const),
  );
  const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), hostileString, {
    maxKeys: 2,
  });
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), extra).map(([known, other]) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...other, ...known })) {
      for (const item of Array.isArray(v) ? v : [v]) {
        params.append(k, typeof item === 'string' ? item : JSON.stringify(item));
      }
    }
    const text = params.toString();
    return text === '' ? '' : `?${text}`;
  });
}

/** A path parameter: made up, or a real id (a ticket's, a building's) so handlers run on. */
function segment(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('x', '0', '-1', '99999999999999999999', '..', '%', 'null'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.constantFrom(...knownIds),
  );
}

function pathArbitrary(r: RouteEntry): fc.Arbitrary<string> {
  const names = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
  return fc.tuple(...names.map(() => segment())).map((picked) => {
    let url = r.url;
    picked.forEach((value, i) => {
      url = url.replace(`:${names[i] ?? ''}`, encodeURIComponent(value));
    });
    return url;
  });
}

function expectAnswer(r: RouteEntry, url: string, status: number, body: () => void): void {
  const where = `${r.method} ${url} → ${status}`;
  if (status !== 503 || !switchedOff.has(`${r.method} ${r.url}`)) {
    expect(status, where).toBeLessThan(500);
  }
  if (status >= 400) {
    body();
  }
}

describe('every route answers arbitrary input with a 2xx or a documented 4xx', () => {
  it('walks the whole route table', () => {
    expect(routes.length).toBeGreaterThan(200);
  });

  const sent = routes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE');

  it.each(routes.map((r, i) => [`${r.method} ${r.url}`, r, i] as const))(
    '%s',
    async (_name, r, index) => {
      const op = operationOf(r);
      const withBody = sent.includes(r);
      await fc.assert(
        fc.asyncProperty(
          pathArbitrary(r),
          queryArbitrary(op),
          bodyArbitrary(op),
          async (path, query, body) => {
            const url = `${path}${query}`;
            const res = await callers.send(r, {
              url,
              ...(withBody
                ? { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
                : {}),
            });
            const where = `${r.method} ${url} as ${callers.accountFor(r) ?? 'anonymous'}`;
            expectAnswer(r, url, res.statusCode, () => {
              if (r.url.startsWith('/open311/')) {
                expectOpen311ErrorShape(res, where);
              } else {
                expectErrorShape(res, where);
              }
            });
          },
        ),
        { numRuns: runsPerRoute, seed: baseSeed + index },
      );
    },
  );
});

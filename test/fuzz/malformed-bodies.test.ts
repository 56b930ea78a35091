// RELIABILITY §3(c)3 and 4: the malformed-JSON and Unicode corpus of test/cases/, each line sent
// raw as the body of every POST, PUT and PATCH route, by a role that may call the route. A body
// that is not JSON, smuggles a prototype key or gives a key twice gets 400 with the documented
// error shape; JSON of the wrong shape gets a 4xx where the route reads a body; nothing is
// stored and no object prototype is polluted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import type { RouteEntry } from '../../src/server/app.js';
import { duplicateKey } from '../../src/server/http/duplicate-keys.js';
import { json, startTestApp, type TestApp } from '../app.js';
import { Callers, expectErrorShape, expectOpen311ErrorShape } from './route-callers.js';
import { corpus } from './schema-arbitrary.js';

let t: TestApp;
let callers: Callers;
let routes: RouteEntry[];
let takesJson: Set<string>;

/** Tables a refused request may still touch: sign-ins of the test itself and throttles. */
const bookkeeping = /session|throttle|attempt|lockout|rate|audit|login/;

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.handle.db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const table of tables.filter((x) => !bookkeeping.test(x.name))) {
    const row = await t.handle.db
      .selectFrom(table.name as 'tickets')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  // The partner integrations parse their own signed bodies and, with no key configured here,
  // answer 503 to everything; their tests send them malformed bodies with a key.
  routes = t.app.routeTable.filter(
    (r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.url.startsWith('/api/integrations/'),
  );
  callers = new Callers(t);
  await callers.prepare(routes);
  const openapi = json<{ paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
    await t.app.inject({ url: '/api/openapi.json' }),
  );
  takesJson = new Set(
    routes
      .filter((r) => {
        const op = openapi.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
        return JSON.stringify(op?.requestBody ?? {}).includes('application/json');
      })
      .map((r) => r.url + r.method),
  );
});

afterAll(async () => {
  await t.close();
});

/** Whether a line is JSON the app reads: no prototype key, no key given twice. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return !/"(__proto__|constructor)"/.test(text) && duplicateKey(text) === null;
  } catch {
    return false;
  }
}

/** Sends one raw body to every route and checks each answer; returns how many were sent. */
async function sendEverywhere(
  body: string | Buffer,
  contentType: string,
  refusedEverywhere: boolean,
): Promise<number> {
  for (const r of routes) {
    const url = r.url.replace(/:[A-Za-z]+/g, 'x');
    const res = await callers.send(r, {
      url,
      payload: body,
      headers: { 'content-type': contentType },
    });
    const where = `${r.method} ${r.url} ← ${JSON.stringify(body.toString().slice(0, 60))}`;
    expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    if (r.url.startsWith('/open311/')) {
      if (refusedEverywhere) {
        expect(res.statusCode, where).toBe(400);
        expectOpen311ErrorShape(res, where);
      }
      continue;
    }
    // A route whose caller lacks the session it needs (a sign-out called anonymously, a second
    // factor enrolment by an account already through it) is refused before its body is read.
    const refusals = [400, 401, 413, 415];
    if (refusedEverywhere) {
      expect(refusals, where).toContain(res.statusCode);
    } else if (takesJson.has(r.url + r.method)) {
      // JSON of the wrong shape, or one the route reads as empty: refused, never carried out.
      expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
    }
    if (res.statusCode >= 400) {
      expectErrorShape(res, where);
    }
    if (refusedEverywhere && res.statusCode === 400 && contentType.includes('json')) {
      expect(['malformed_json', 'bad_request'], where).toContain(json<ErrorBody>(res).error);
    }
  }
  return routes.length;
}

describe('malformed JSON (RELIABILITY §3(c)3)', () => {
  it('refuses every line on every route that takes a body, storing nothing', async () => {
    const before = await rowCounts();
    let sent = 0;
    for (const line of corpus('malformed-json.jsonl')) {
      sent += await sendEverywhere(line, 'application/json', !parses(line));
    }
    expect(sent).toBeGreaterThan(13 * 100);
    expect(await rowCounts()).toEqual(before);
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('refuses a GBK-encoded body, a wrong content type and an empty body', async () => {
    const before = await rowCounts();
    const description = Buffer.from('c2a5b5c0c2a9cbae', 'hex'); // 楼道漏水 in GBK
    const gbk = Buffer.concat([Buffer.from('{"description":"'), description, Buffer.from('"}')]);
    await sendEverywhere(gbk, 'application/json; charset=gbk', true);
    await sendEverywhere(gbk, 'application/json', true);
    await sendEverywhere('<description>漏水</description>', 'application/xml', true);
    // Fastify reads text/plain as a string: a route that reads no body ignores it, the others
    // refuse it for its shape.
    await sendEverywhere('{"description":"漏水"}', 'text/plain', false);
    await sendEverywhere('', 'application/json', true);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('Unicode sent as a raw body (RELIABILITY §3(c)4)', () => {
  it('refuses each line, bare or as a JSON string, storing nothing', async () => {
    const before = await rowCounts();
    for (const line of corpus('unicode.jsonl')) {
      await sendEverywhere(line, 'application/json', !parses(line));
      await sendEverywhere(JSON.stringify(line), 'application/json', false);
    }
    expect(await rowCounts()).toEqual(before);
  });
});

// Fault class 9 of RELIABILITY §4 (FixMyStreet v3.0: XSS in the page-number parameter; v1.8.4:
// the session id was not rotated at sign-in). Every GET route of the app's own route table is
// called, by a role that may call it, with each query parameter its published schema names set
// to each line of the XSS corpus, and with one unknown parameter whose name and value are a
// payload. No answer is HTML carrying the payload, a JSON answer says application/json with
// nosniff (so no browser reads it as a page), and any other answer carries the payload escaped
// only. The session half: a cookie the browser brought to the sign-in is ended and replaced.
import { readdirSync, readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/app.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';
import { Callers } from '../fuzz/route-callers.js';

interface Operation {
  parameters?: { in: string; name: string }[];
}

const corpusDir = new URL('../cases/', import.meta.url);
const payloads = readdirSync(corpusDir)
  .filter((file) => /^xss.*\.jsonl$/.test(file))
  .flatMap((file) => readFileSync(new URL(file, corpusDir), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as string);

let t: TestApp;
let callers: Callers;
let routes: RouteEntry[];
let openapi: { paths: Record<string, Record<string, Operation | undefined> | undefined> };
/** The content types answered, so the test shows which rule each answer went through. */
const typesSeen = new Set<string>();
/** A real building, so the one route with an id and query parameters (the file) reads them. */
let buildingId: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  openapi = json(await t.app.inject({ url: '/api/openapi.json' }));
  routes = t.app.routeTable.filter((r) => r.method === 'GET');
  callers = new Callers(t);
  await callers.prepare(routes);
  const building = await t.handle.db
    .selectFrom('buildings')
    .select('id')
    .where('placard_token', '=', t.demo.samplePlacard.token)
    .executeTakeFirstOrThrow();
  buildingId = building.id;
});

afterAll(async () => {
  await t.close();
});

function queryNames(r: RouteEntry): string[] {
  const op = openapi.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.get;
  return (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
}

/** The route's paths to call: an Open311 route in both of its formats, other ids made up. */
function pathsOf(r: RouteEntry): string[] {
  const formats = r.url.includes(':format') ? ['json', 'xml'] : [''];
  const id = r.url.startsWith('/api/staff/buildings/:id') ? buildingId : 'x';
  return formats.map((f) => r.url.replace(':format', f).replace(/:[A-Za-z]+/g, id));
}

const markup = /[<>&"']/;

/**
 * The payload as it would run: JSON answers are application/json with nosniff; an HTML answer
 * holds none of it; an XML answer only escaped (a payload without markup characters reads the
 * same escaped, and as text it runs nothing).
 */
function expectNotReflected(res: LightMyRequestResponse, payload: string, where: string): void {
  const type = String(res.headers['content-type'] ?? '');
  const what = `${where} → ${res.statusCode} ${type}: ${res.body.slice(0, 200)}`;
  typesSeen.add(type.split(';')[0] ?? '');
  expect(res.statusCode, what).toBeLessThan(500);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  if (type.startsWith('application/json')) {
    return;
  }
  if (type.startsWith('text/html') || markup.test(payload)) {
    expect(res.body.includes(payload), what).toBe(false);
  }
}

type Probe = [path: string, name: string, payload: string];

function combinations(paths: string[], names: string[], values: string[]): Probe[] {
  return paths.flatMap((p) => names.flatMap((n) => values.map((v): Probe => [p, n, v])));
}

describe('Reflected XSS and session fixation (fault class 9)', () => {
  it('has the corpus and the GET routes to walk, list routes with their filters among them', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(10);
    expect(routes.length).toBeGreaterThan(100);
    expect(queryNames(routes.find((r) => r.url === '/api/staff/tickets') as RouteEntry)).toEqual(
      expect.arrayContaining(['status', 'page', 'q', 'streetId']),
    );
  });

  it('reflects no payload of any named query parameter of any GET route', async () => {
    let sent = 0;
    for (const r of routes) {
      for (const [path, name, payload] of combinations(pathsOf(r), queryNames(r), payloads)) {
        const url = `${path}?${new URLSearchParams({ [name]: payload }).toString()}`;
        expectNotReflected(await callers.send(r, { url }), payload, `${path} ${name}`);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThan(300);
  });

  it('reflects no payload sent as the name and value of an unknown parameter', async () => {
    for (const r of routes) {
      for (const [path, , payload] of combinations(pathsOf(r), [''], payloads)) {
        const url = `${path}?${new URLSearchParams({ [payload]: payload }).toString()}`;
        expectNotReflected(await callers.send(r, { url }), payload, `${path} (unknown)`);
      }
    }
    expect([...typesSeen].sort()).toEqual(['application/json', 'text/xml']);
  });

  it('answers an unknown filter key on the ticket list in JSON, naming it only there', async () => {
    const payload = payloads[0] ?? '';
    const res = await t.app.inject({
      url: `/api/staff/tickets?${new URLSearchParams({ [payload]: '1' }).toString()}`,
      headers: { cookie: await loginAs(t.app, 'admin') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe(
      `querystring.${payload}`,
    );
  });

  it('ends the session cookie the browser brought to the sign-in and gives a new one', async () => {
    const brought = await loginAs(t.app, 'dinghai.1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dinghai.1', password: 'linli-demo' },
      headers: { cookie: brought },
    });
    const given = `linli_session=${res.cookies.find((c) => c.name === 'linli_session')?.value}`;
    const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(given).not.toBe(brought);
    expect((await me(brought)).statusCode).toBe(401);
    expect((await me(given)).statusCode).toBe(200);
  });
});

// What the Open311 tests share: an app with a partner key issued through the workbench, form
// posts as 311 clients send them, XML parsed with fast-xml-parser, and ticket steps by the admin.
import type { LightMyRequestResponse } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import type { IssuedOpen311Key } from '../../src/contract/open311.js';
import { csrfTokenOf } from '../../src/server/http/csrf.js';
import { sha256Hex } from '../../src/server/ids.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';

/** A test app with one issued key and the code of a building that has a room. */
export interface Open311Scene {
  t: TestApp;
  apiKey: string;
  keyId: string;
  buildingCode: string;
  buildingToken: string;
  admin: string;
  /** The admin's session cookie and CSRF header, for state-changing workbench calls. */
  adminHeaders: Record<string, string>;
}

/** The cookie and CSRF header of a session cookie `linli_session=…`. */
export function staffHeaders(t: TestApp, cookie: string): Record<string, string> {
  return { cookie, 'x-csrf-token': csrfTokenOf(t.ctx, cookie.replace(/^linli_session=/, '')) };
}

/**
 * The bureau admin's session cookie. Admins owe a second factor after the password; that flow is
 * tested by the accounts feature, so here the fresh session is marked as having passed it.
 */
export async function adminSession(t: TestApp): Promise<string> {
  const cookie = await loginAs(t.app, 'admin');
  await t.ctx.db
    .updateTable('sessions')
    .set({ second_factor: 'done' })
    .where('id', '=', sha256Hex(cookie.replace(/^linli_session=/, '')))
    .execute();
  return cookie;
}

/** Starts the app and issues a key to a partner through the workbench API. */
export async function startOpen311Scene(): Promise<Open311Scene> {
  const t = await startTestApp();
  const admin = await adminSession(t);
  const issued = await t.app.inject({
    method: 'POST',
    url: '/api/staff/open311/keys',
    headers: staffHeaders(t, admin),
    payload: { name: '12345 热线对接', partner: '区城运中心' },
  });
  if (issued.statusCode !== 201) {
    throw new Error(`issuing a key failed: ${issued.statusCode} ${issued.body}`);
  }
  const body = json<IssuedOpen311Key>(issued);
  const building = await t.ctx.db
    .selectFrom('buildings')
    .select(['code', 'placard_token'])
    .where('placard_token', '=', t.demo.samplePlacard.token)
    .executeTakeFirstOrThrow();
  return {
    t,
    apiKey: body.apiKey,
    keyId: body.key.id,
    buildingCode: building.code,
    buildingToken: building.placard_token,
    admin,
    adminHeaders: staffHeaders(t, admin),
  };
}

/** A form-encoded body; a list value repeats its key. */
export function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      params.append(key, v);
    }
  }
  return params.toString();
}

/** POSTs a form as a 311 client does. */
export function postForm(s: Open311Scene, url: string, fields: Record<string, string | string[]>) {
  return s.t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: form(fields),
  });
}

/** The fields of a valid consultation at the sample building. */
export function consultation(s: Open311Scene, extra: Record<string, string | string[]> = {}) {
  return {
    api_key: s.apiKey,
    service_code: 'consultation',
    address_id: s.buildingCode,
    'attribute[contact_consent]': 'yes',
    description: '请问楼下早餐摊占道经营归谁管？',
    ...extra,
  };
}

/** Files a request and returns its service_request_id (or token for batch services). */
export async function file(
  s: Open311Scene,
  extra: Record<string, string | string[]> = {},
): Promise<{ service_request_id?: string; token?: string; service_notice?: string }> {
  const res = await postForm(s, '/open311/v2/requests.json', consultation(s, extra));
  if (res.statusCode !== 200) {
    throw new Error(`POST failed: ${res.statusCode} ${res.body}`);
  }
  const [first] = json<{ service_request_id?: string; token?: string }[]>(res);
  if (!first) {
    throw new Error('POST answered an empty list');
  }
  return first;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name) ||
    name === 'request_update',
});

/** An XML answer parsed, repeated elements always as lists. */
export function xml(res: LightMyRequestResponse): Record<string, unknown> {
  return parser.parse(res.body) as Record<string, unknown>;
}

/** A step on a ticket by the bureau admin, found by its tracking code. */
export async function step(
  s: Open311Scene,
  trackingCode: string,
  action: string,
  payload: object = {},
): Promise<void> {
  const row = await s.t.ctx.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirstOrThrow();
  const res = await s.t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${row.id}/actions/${action}`,
    payload,
    headers: s.adminHeaders,
  });
  if (res.statusCode !== 200) {
    throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  }
}

// The field-level check of the access matrix (城管条例 Art 26; docs/security.md "Access matrix"):
// the reporter of the scene's ticket is never named, nor their phone shown in any form, to the
// department the ticket was referred to, nor by any public route of the policy, whose reads are
// generated from the route table and called with the scene's real records.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { accessPolicy, policyKey } from '../../src/server/http/access-policy.js';
import { concreteUrl } from './matrix.js';
import { openAccessScene, referredDepartment, reporter, type AccessScene } from './scene.js';

const scene: AccessScene = await openAccessScene();

afterAll(async () => {
  await scene.close();
});

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(keysOf);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

/** What in an answer would tell its reader who reported: their values, or a field for them. */
function reporterIn(res: LightMyRequestResponse): string[] {
  const body = res.body;
  const tail = reporter.phone.slice(-4);
  const needles = [reporter.phone, reporter.name, `${reporter.name.slice(0, 1)}*`, '翠花'];
  const patterns = [
    new RegExp(`[*＊]+\\s*${tail}`),
    new RegExp(`${reporter.phone.slice(0, 3)}\\D{0,3}${reporter.phone.slice(3, 7)}\\D{0,3}${tail}`),
  ];
  const found = [
    ...needles.filter((n) => body.includes(n)),
    ...patterns.filter((p) => p.test(body)).map(String),
  ];
  if (String(res.headers['content-type']).startsWith('application/json')) {
    // A placard shows the liaison's work phone and the building's address on purpose: only a
    // field named after the reporter is one too many.
    found.push(...keysOf(JSON.parse(body)).filter((k) => /reporter/i.test(k)));
  }
  return found;
}

describe('Reporter identity leak (BOPLA) (fault class 1): the referred department', () => {
  const department = () => scene.as(`department ${referredDepartment}`).cookie;

  it('lists the referral without the reporter', async () => {
    const res = await scene.t.app.inject({
      url: '/api/dept/referrals?status=all',
      headers: { cookie: department() },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(scene.objects.referral);
    expect(reporterIn(res)).toEqual([]);
  });

  it('opens the referral, with its ticket, without the reporter', async () => {
    const res = await scene.t.app.inject({
      url: `/api/dept/referrals/${scene.objects.referral ?? ''}`,
      headers: { cookie: department() },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('请协助核实该户装修是否办理备案');
    expect(reporterIn(res)).toEqual([]);
  });

  it('while the liaison in charge does see the masked name and number', async () => {
    const res = await scene.t.app.inject({
      url: `/api/staff/tickets/${scene.objects.ticket ?? ''}`,
      headers: { cookie: scene.as('liaison of street A').cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(reporterIn(res)).toContain('reporterNameMasked');
  });
});

/** The public reads; the OpenAPI document names the fields of every answer, not their values. */
const publicReads = scene.t.app.routeTable.filter(
  (r) =>
    r.method === 'GET' &&
    r.url !== '/api/openapi.json' &&
    accessPolicy[policyKey(r.method, r.url)]?.who === 'public',
);

describe('Reporter identity leak (BOPLA) (fault class 1): the public', () => {
  it('has public reads to walk, the Open311 request list among them', () => {
    expect(publicReads.length).toBeGreaterThan(20);
    expect(publicReads.map((r) => r.url)).toContain('/open311/v2/requests.:format');
  });

  for (const route of publicReads) {
    const entry = { who: 'public' as const };
    it(`GET ${route.url} names no reporter`, async () => {
      const res = await scene.t.app.inject({
        url: concreteUrl(route, entry, scene, scene.as('anonymous')),
      });
      expect(res.statusCode).toBeLessThan(500);
      expect(reporterIn(res)).toEqual([]);
    });
  }
});

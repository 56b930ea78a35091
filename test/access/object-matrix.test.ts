// The object dimension of the access matrix: every read of one record of street A, generated
// from the route table and the policy's object entries, answers the officers of street A and
// the bureau, and answers 404 to the officers of street B, as if the record did not exist; a
// write on it from street B is refused 404 too, before anything changes.
import { afterAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/app.js';
import { accessPolicy, policyKey, type PolicyEntry } from '../../src/server/http/access-policy.js';
import { json } from '../app.js';
import { sessionBody } from '../mediation-scene.js';
import { concreteUrl } from './matrix.js';
import { openAccessScene, referredDepartment, type AccessScene } from './scene.js';

const scene: AccessScene = await openAccessScene();

/** Fault class 11 of RELIABILITY §4 (Decidim CVE-2026-45330), the name of every describe here. */
const otherTenant = "Another tenant's records (cross-街道) (fault class 11)";

afterAll(async () => {
  await scene.close();
});

/** Reads of one record the scene holds, apart from files inside it (they need their own ids). */
const reads = scene.t.app.routeTable.filter((route) => {
  const entry = accessPolicy[policyKey(route.method, route.url)];
  const kind = entry?.object?.kind;
  return (
    route.method === 'GET' &&
    kind !== undefined &&
    scene.objects[kind] !== undefined &&
    !/:(photoId|fileId)/.test(route.url)
  );
});

/** Documents made at a later step (an agreement, a decision's credit record) are not there yet. */
const notYetMade = new Set([
  'GET /api/staff/mediations/:id/agreement.pdf',
  'GET /api/staff/cases/:id/credit',
]);

function read(route: RouteEntry, entry: PolicyEntry, name: string) {
  const p = scene.as(name);
  return scene.t.app.inject({
    url: concreteUrl(route, entry, scene, p),
    headers: { cookie: p.cookie },
  });
}

describe(`${otherTenant}: reads of one record of street A`, () => {
  it('cover the ticket, referral, mediation, case, visit, building, community and a matter', () => {
    const kinds = new Set(reads.map((r) => accessPolicy[policyKey(r.method, r.url)]?.object?.kind));
    expect([...kinds].sort()).toEqual([
      'building',
      'case',
      'community',
      'matter',
      'mediation',
      'referral',
      'ticket',
      'visit',
    ]);
  });
});

for (const route of reads) {
  const key = policyKey(route.method, route.url);
  const entry = accessPolicy[key] as PolicyEntry;
  const scope = entry.object?.scope;
  const admitted = (name: string) => {
    const role = scene.as(name).role;
    return role !== null && typeof entry.who !== 'string' && entry.who.includes(role);
  };
  const seers =
    entry.who === 'signed_in' || typeof entry.who === 'string'
      ? []
      : entry.who.includes('department')
        ? [`department ${referredDepartment}`]
        : ['liaison of street A', 'street admin of A', 'bureau admin'].filter(admitted);
  const strangers = entry.who.includes('department')
    ? ['department lvhua.dept', 'department chengyun.dept']
    : ['liaison of street B', 'street admin of B'].filter(admitted);

  describe(`${otherTenant}: ${key} (${scope ?? ''} scope)`, () => {
    for (const name of seers) {
      const answer = notYetMade.has(key) ? 'not 403 nor 404 on the record' : '2xx';
      it(`${name} → ${answer}`, async () => {
        const res = await read(route, entry, name);
        if (notYetMade.has(key)) {
          expect([403, 404]).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(300);
        }
      });
    }
    for (const name of strangers) {
      const answer = scope === 'district' ? '2xx' : '404';
      it(`${name} → ${answer}`, async () => {
        const res = await read(route, entry, name);
        if (scope === 'district') {
          expect(res.statusCode).toBeLessThan(300);
        } else {
          expect(res.statusCode, res.body.slice(0, 200)).toBe(404);
        }
      });
    }
  });
}

/** Writes with a well-formed body: the refusal must come from the record, not the body. */
const writes = (s: AccessScene) => [
  {
    route: 'POST /api/staff/tickets/:id/actions/decline',
    url: `/api/staff/tickets/${s.objects.ticket ?? ''}/actions/decline`,
    method: 'POST' as const,
    payload: { reason: '不属于城管职责范围' },
  },
  {
    route: 'POST /api/staff/tickets/:id/referrals',
    url: `/api/staff/tickets/${s.objects.ticket ?? ''}/referrals`,
    method: 'POST' as const,
    payload: {
      departments: ['lvhua'],
      kind: 'evidence',
      requestText: '请协助核实。',
      photoIds: [],
    },
  },
  {
    route: 'POST /api/staff/mediations/:id/steps/add_session',
    url: `/api/staff/mediations/${s.objects.mediation ?? ''}/steps/add_session`,
    method: 'POST' as const,
    payload: sessionBody(s.t),
  },
  {
    route: 'PATCH /api/staff/visits/:id',
    url: `/api/staff/visits/${s.objects.visit ?? ''}`,
    method: 'PATCH' as const,
    payload: { notes: '补记：居委会主任参加。' },
  },
  {
    route: 'POST /api/dept/referrals/:id/accept',
    url: `/api/dept/referrals/${s.objects.referral ?? ''}/accept`,
    method: 'POST' as const,
    payload: {},
  },
];

describe(`${otherTenant}: writes on one record of street A`, () => {
  for (const write of writes(scene)) {
    const strangers = write.url.startsWith('/api/dept/')
      ? ['department lvhua.dept', 'department chengyun.dept']
      : ['liaison of street B', 'street admin of B'];
    for (const name of strangers) {
      it(`${write.route}: ${name} → 404`, async () => {
        const p = scene.as(name);
        const { method, url, payload } = write;
        const res = await scene.t.app.inject({
          method,
          url,
          payload,
          headers: { cookie: p.cookie },
        });
        expect(res.statusCode, res.body.slice(0, 200)).toBe(404);
        expect(json(res).error).toMatch(/not_found$/);
      });
    }
  }
});

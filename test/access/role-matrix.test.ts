// The access matrix, generated from the app's route table: every route × every principal
// against the one policy (src/server/http/access-policy*.ts). A caller outside a staff route's
// roles is refused 401 / 403 whatever it sends, before its body is validated; an admitted caller
// reaches the handler (docs/security.md "Access matrix").
import { afterAll, describe, expect, it } from 'vitest';
import { staffRoles } from '../../src/contract/auth.js';
import {
  accessPolicy,
  exemptFromPolicy,
  policyKey,
  rolesOf,
} from '../../src/server/http/access-policy.js';
import { breach, concreteUrl, promised, sessionEndingLast } from './matrix.js';
import { openAccessScene, type AccessScene } from './scene.js';

// The scene is built while the file is collected, so that the matrix is generated from the
// route table of the very app it then calls.
const scene: AccessScene = await openAccessScene();
const routes = scene.t.app.routeTable
  .filter((r) => !exemptFromPolicy(r.url))
  .sort(sessionEndingLast);

afterAll(async () => {
  await scene.close();
});

const principalNames = [
  'anonymous',
  'resident',
  'liaison of street A',
  'liaison of street B',
  'street admin of A',
  'street admin of B',
  'bureau admin',
  'department fangguan.dept',
  'department lvhua.dept',
  'department guihua.dept',
  'department shuju.dept',
  'department chengyun.dept',
  'auditor',
  'security admin',
  'system admin',
];

describe('the access policy', () => {
  it('has an entry for every route the app registers, and none for a route it does not', () => {
    const keys = new Set(routes.map((r) => policyKey(r.method, r.url)));
    expect(routes.length).toBeGreaterThan(240);
    expect(Object.keys(accessPolicy).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('keeps departments to /api/dept and each administrator to its own prefix', () => {
    const admitting = (prefix: string) =>
      Object.entries(accessPolicy)
        .filter(([key]) => key.split(' ')[1]?.startsWith(prefix))
        .flatMap(([, entry]) => [...rolesOf(entry, staffRoles)]);
    expect(new Set(admitting('/api/dept/'))).toEqual(new Set(['department']));
    expect(admitting('/api/staff/')).not.toContain('department');
    expect(new Set(admitting('/api/admin/'))).toEqual(new Set(['system_admin']));
    expect(new Set(admitting('/api/security/'))).toEqual(new Set(['security_admin']));
  });
});

// A read refused to the wrong caller is fault class 2 of RELIABILITY §4, a state-changing
// route refused to the wrong role fault class 16.
const classOf = (method: string) =>
  method === 'GET'
    ? 'Missing authentication (BFLA) (fault class 2)'
    : 'State transitions by the wrong role (fault class 16)';

for (const route of routes) {
  const key = policyKey(route.method, route.url);
  const entry = accessPolicy[key];
  describe(`${classOf(route.method)}: ${key}`, () => {
    if (!entry) {
      it('has an entry in the policy', () => {
        expect.fail(`${key} has no entry in the access policy`);
      });
      return;
    }
    for (const name of principalNames) {
      const p = scene.as(name);
      const verdict = promised(entry, p);
      it(`${name} → ${verdict}`, async () => {
        const res = await scene.t.app.inject({
          method: route.method as 'GET',
          url: concreteUrl(route, entry, scene, p),
          headers: p.cookie ? { cookie: p.cookie } : {},
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        expect(breach(verdict, res)).toBeNull();
      });
    }
  });
}

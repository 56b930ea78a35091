// How the access matrix turns a route and a principal into a request and the answer the policy
// promises (docs/security.md "Access matrix").
import type { LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '../../src/server/app.js';
import type { PolicyEntry } from '../../src/server/http/access-policy.js';
import type { AccessScene, Principal } from './scene.js';

/** What the policy promises a principal on a route. */
export type Verdict =
  | 'admitted'
  | '401 not_authenticated'
  | '403 forbidden'
  | 'refused without the receipt'
  | 'refused without partner credentials'
  | 'refused: no sign-in is pending';

/** The answer the policy entry promises the principal. */
export function promised(entry: PolicyEntry, p: Principal): Verdict {
  const who = entry.who;
  if (who === 'public') {
    return 'admitted';
  }
  if (who === 'receipt') {
    return p.resident ? 'admitted' : 'refused without the receipt';
  }
  if (who === 'partner') {
    return 'refused without partner credentials';
  }
  if (who === 'resident') {
    return p.resident ? 'admitted' : '401 not_authenticated';
  }
  if (who === 'second_factor') {
    // Only a session that owes its second factor may go on; none of the principals holds one.
    return p.role === null ? '401 not_authenticated' : 'refused: no sign-in is pending';
  }
  if (p.role === null) {
    return '401 not_authenticated';
  }
  return who === 'signed_in' || who.includes(p.role) ? 'admitted' : '403 forbidden';
}

/** Whether an answer keeps the promise; the reason when it does not. */
export function breach(verdict: Verdict, res: LightMyRequestResponse): string | null {
  const status = res.statusCode;
  const error = status >= 400 ? (JSON.parse(res.body) as { error?: string }).error : undefined;
  const seen = `${status} ${error ?? ''}`.trim();
  const kept = {
    admitted: status !== 401 && status !== 403 && status < 500,
    '401 not_authenticated': status === 401 && error === 'not_authenticated',
    '403 forbidden': status === 403 && error === 'forbidden',
    'refused without the receipt': status === 404 || status === 400,
    'refused without partner credentials': [401, 403, 503].includes(status),
    // A finished session may not pass a second factor again; its empty code is malformed first.
    'refused: no sign-in is pending': status === 400 || status === 401,
  }[verdict];
  return kept ? null : `promised "${verdict}", answered ${seen}`;
}

/** A value for each path parameter a state-changing request takes: never a real record. */
const absent: Record<string, string> = {
  date: '2026-05-01',
  year: '2027',
  format: 'json',
};

/**
 * The URL a principal calls: reads use the scene's real records of street A (so an admitted
 * caller reaches the handler's object check), writes use ids that exist nowhere (so the matrix
 * changes nothing it later reads). The resident holds the follow link of the scene's ticket.
 */
export function concreteUrl(
  route: RouteEntry,
  entry: PolicyEntry,
  scene: AccessScene,
  p: Principal,
): string {
  const reads = route.method === 'GET';
  return route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === 'accessToken' && p.resident) {
      return scene.receipt.accessToken;
    }
    if (name === 'token' && route.url.startsWith('/api/public/placards/')) {
      return scene.t.demo.samplePlacard.token;
    }
    const kind = entry.object?.kind;
    const real =
      reads && kind && name !== 'photoId' && name !== 'fileId' ? scene.objects[kind] : '';
    if (real) {
      return real;
    }
    if (name === 'communityId' && reads) {
      return scene.objects.community ?? 'absent';
    }
    return absent[name] ?? 'absent00000000';
  });
}

/** Routes that end the caller's session run last, so every other route meets live sessions. */
export function sessionEndingLast(a: RouteEntry, b: RouteEntry): number {
  const ends = (r: RouteEntry) => (r.url.endsWith('/logout') ? 1 : 0);
  return ends(a) - ends(b);
}

// The one declarative table of who may call which route (docs/security.md "Access matrix"). The
// entries live in access-policy-open.ts and access-policy-staff.ts; this file holds their types,
// the hook that enforces the staff entries before any validation, and the check that refuses to
// build an app with a route the table does not name.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../contract/auth.js';
import type { AppContext } from '../context.js';
import { openRoutePolicy } from './access-policy-open.js';
import { staffRoutePolicy } from './access-policy-staff.js';
import { AppError } from '../errors.js';
import { requireStaff, SESSION_COOKIE } from './auth.js';

/**
 * Who may call a route. A list of staff roles is enforced by the global hook before validation.
 * The other callers are checked by the route itself, as they carry no staff session:
 * - 'public': anyone;
 * - 'receipt': whoever holds the capability in the URL (a follow link, a repair or suggestion
 *   link); an unknown one is answered 404;
 * - 'resident': the phone-verified resident session of "my requests";
 * - 'second_factor': a sign-in whose password passed and which owes its second factor;
 * - 'signed_in': any signed-in staff member, whatever the role;
 * - 'partner': a partner system with its own Open311 api_key or request signature.
 */
export type Caller =
  | 'public'
  | 'receipt'
  | 'resident'
  | 'second_factor'
  | 'signed_in'
  | 'partner'
  | readonly StaffRole[];

/** The kinds of record a route on one object reads or changes (the matrix test builds them). */
export type ObjectKind =
  | 'ticket'
  | 'referral'
  | 'mediation'
  | 'building'
  | 'placard_point'
  | 'community'
  | 'visit'
  | 'meeting'
  | 'case'
  | 'reinspection'
  | 'credit_application'
  | 'qa'
  | 'suggestion_campaign'
  | 'suggestion'
  | 'education_item'
  | 'education_event'
  | 'education_media'
  | 'matter'
  | 'exemplary'
  | 'survey'
  | 'open311_key'
  | 'staff_account'
  | 'calendar_day';

/**
 * Which callers the route admits see one object; anyone else gets 404 for it.
 * - 'own': the liaison in charge of it (assignee, liaison of its room or its author), the admin
 *   of its street and the bureau admin; for a referral, the department it was sent to;
 * - 'street': every officer of the object's street and the bureau admin;
 * - 'district': every caller the route admits, in the whole district.
 */
export type ObjectScope = 'own' | 'street' | 'district';

/** One route's entry: who may call it and, on one object, which object and who sees it. */
export interface PolicyEntry {
  who: Caller;
  object?: { kind: ObjectKind; scope: ObjectScope };
}

/** The policy, keyed by "METHOD /url/pattern" exactly as the app's route table spells it. */
export type AccessPolicy = Readonly<Record<string, PolicyEntry>>;

/** Every route's entry. */
export const accessPolicy: AccessPolicy = { ...openRoutePolicy, ...staffRoutePolicy };

/**
 * Routes left out of the policy on purpose: the browsable API docs (their own plugin, no data)
 * and the files of the built web app, which @fastify/static registers one route per file
 * outside the API's namespaces.
 */
export function exemptFromPolicy(url: string): boolean {
  if (url === '/api/docs' || url.startsWith('/api/docs/')) {
    return true;
  }
  const apiNamespaces = ['/api/', '/open311/', '/healthz'];
  return !apiNamespaces.some((prefix) => url.startsWith(prefix));
}

/** The policy key of a method and route pattern; HEAD is answered by the GET route. */
export function policyKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

/**
 * Installs the policy on an app: registering a route that has no entry throws, naming it, so
 * building the app fails; a request to a staff route is refused 401 / 403 before its query or
 * body is validated. Call before any route is registered.
 */
export function installAccessPolicy(
  app: FastifyInstance,
  ctx: AppContext,
  policy: AccessPolicy = accessPolicy,
): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!exemptFromPolicy(route.url) && !policy[policyKey(method, route.url)]) {
        throw new Error(
          `route ${method} ${route.url} has no entry in the access policy ` +
            '(src/server/http/access-policy-*.ts)',
        );
      }
    }
  });
  app.addHook('onRequest', async (request) => {
    await enforcePolicy(ctx, policy, request);
  });
}

async function enforcePolicy(
  ctx: AppContext,
  policy: AccessPolicy,
  request: FastifyRequest,
): Promise<void> {
  // Unmatched requests (404 handler) have no route pattern and nothing to protect.
  const url = request.routeOptions.url;
  const entry = url === undefined ? undefined : policy[policyKey(request.method, url)];
  if (!entry) {
    return;
  }
  if (entry.who === 'second_factor') {
    // Which step the session owes is the route's to check; without any session there is none.
    if (!request.cookies[SESSION_COOKIE]) {
      throw new AppError('not_authenticated');
    }
  } else if (entry.who === 'signed_in') {
    await requireStaff(ctx, request);
  } else if (typeof entry.who !== 'string') {
    await requireStaff(ctx, request, entry.who);
  }
}

/** The staff roles a policy entry admits; empty for callers without a staff session. */
export function rolesOf(entry: PolicyEntry, all: readonly StaffRole[]): readonly StaffRole[] {
  if (entry.who === 'signed_in') {
    return all;
  }
  return typeof entry.who === 'string' ? [] : entry.who;
}

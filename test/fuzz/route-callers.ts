// Who calls each route in the fuzz tests, and what an error answer must look like. Each route
// is called by a role that may call it, so the access policy lets the request through to
// validation; sessions a fuzzed request ends are signed in again.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { errorBodySchema } from '../../src/contract/common.js';
import { httpStatusOf, messageOf } from '../../src/server/errors.js';
import type { RouteEntry } from '../../src/server/app.js';
import { loginAs, type TestApp } from '../app.js';

/** The demo accounts used, the bureau admin first: most workbench routes are the bureau's. */
const accounts = ['admin', 'sysadmin', 'secadmin', 'auditor', 'yinhang.1', 'fangguan.dept'];

/** The account a route's prefix belongs to, where it is not the bureau admin. */
const ownerOfPrefix: [string, string][] = [
  ['/api/admin/', 'sysadmin'],
  ['/api/security/', 'secadmin'],
  ['/api/dept/', 'fangguan.dept'],
];

/** Routes whose callers sign in by other means (a receipt code, a partner key) or not at all. */
function isAnonymous(route: RouteEntry): boolean {
  return (
    route.url.startsWith('/api/public/') ||
    route.url.startsWith('/open311/') ||
    route.url.startsWith('/api/integrations/') ||
    route.url === '/api/auth/login' ||
    route.url.endsWith('/logout')
  );
}

/** Signed-in sessions of the demo accounts, renewed when a request has ended one. */
export class Callers {
  private readonly cookies = new Map<string, string>();
  private readonly chosen = new Map<string, string | null>();

  constructor(private readonly t: TestApp) {}

  /** Signs every account in and picks, for each route, one the access policy lets through. */
  async prepare(routes: RouteEntry[]): Promise<void> {
    for (const account of accounts) {
      this.cookies.set(account, await loginAs(this.t.app, account));
    }
    for (const route of routes) {
      this.chosen.set(key(route), isAnonymous(route) ? null : await this.permitted(route));
    }
  }

  /** The account that calls a route (null: called without a session). */
  accountFor(route: RouteEntry): string | null {
    return this.chosen.get(key(route)) ?? null;
  }

  /** Sends a request as the route's caller, signing in again once if it ended the session. */
  async send(
    route: RouteEntry,
    request: { url: string; payload?: string | Buffer; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse> {
    const account = this.accountFor(route);
    const res = await this.inject(route, request, account);
    if (account === null || res.statusCode !== 401 || (await this.signedIn(account))) {
      return res;
    }
    this.cookies.set(account, await loginAs(this.t.app, account));
    return this.inject(route, request, account);
  }

  /** Whether the account's session still stands (a 401 may be the route's own answer). */
  private async signedIn(account: string): Promise<boolean> {
    const me = await this.t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: this.cookies.get(account) ?? '' },
    });
    return me.statusCode === 200;
  }

  private inject(
    route: RouteEntry,
    request: { url: string; payload?: string | Buffer; headers?: Record<string, string> },
    account: string | null,
  ): Promise<LightMyRequestResponse> {
    const cookie = account === null ? {} : { cookie: this.cookies.get(account) ?? '' };
    return this.t.app.inject({
      method: route.method as 'POST',
      url: request.url,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
      headers: { ...request.headers, ...cookie },
    });
  }

  private async permitted(route: RouteEntry): Promise<string> {
    const preferred = ownerOfPrefix.find(([prefix]) => route.url.startsWith(prefix))?.[1];
    const order = preferred ? [preferred, ...accounts.filter((a) => a !== preferred)] : accounts;
    const url = route.url.replace(/:[A-Za-z]+/g, 'x');
    const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}';
    const headers = payload === undefined ? undefined : { 'content-type': 'application/json' };
    for (const account of order) {
      const res = await this.inject(route, { url, payload, headers }, account);
      if (res.statusCode !== 401 && res.statusCode !== 403) {
        return account;
      }
    }
    return order[0] ?? 'admin';
  }
}

function key(route: RouteEntry): string {
  return `${route.method} ${route.url}`;
}

const han = /\p{Script=Han}/u;

/**
 * Asserts the documented error body (src/contract/common.ts): a known code whose status is the
 * one answered, the sentence in Chinese then English, and for a refused field its name and
 * both sentences.
 */
export function expectErrorShape(res: LightMyRequestResponse, where: string): void {
  const parsed = errorBodySchema.safeParse(JSON.parse(res.body));
  expect(parsed.success, `${where}: ${res.body.slice(0, 300)}`).toBe(true);
  if (!parsed.success) {
    return;
  }
  const body = parsed.data;
  expect(httpStatusOf[body.error], where).toBe(res.statusCode);
  expect(body.message, where).toBe(messageOf[body.error].join(' / '));
  expect(body.requestId, where).not.toBe('');
  if (body.error === 'validation_failed') {
    expect(body.details?.length, where).toBeGreaterThan(0);
  }
  for (const issue of body.details ?? []) {
    expect(issue.field, where).not.toBe('');
    expect(issue.message, `${where}: ${issue.message}`).toMatch(han);
    expect(issue.messageEn, where).toMatch(/[a-z]/);
  }
}

/** Open311 answers errors in the GeoReport v2 shape: a list of `{ code, description }`. */
export function expectOpen311ErrorShape(res: LightMyRequestResponse, where: string): void {
  if (String(res.headers['content-type']).includes('xml')) {
    expect(res.body, where).toContain('<errors>');
    return;
  }
  const body = JSON.parse(res.body) as { code: unknown; description: unknown }[];
  expect(body.length, where).toBeGreaterThan(0);
  for (const e of body) {
    expect(typeof e.code === 'number' || typeof e.code === 'string', where).toBe(true);
    expect(e.description, where).toEqual(expect.any(String));
  }
}

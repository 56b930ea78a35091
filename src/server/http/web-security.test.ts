// The web defences that are not CSRF (docs/security.md): the security headers with a strict CSP
// on every answer, and public codes and ids that cannot be guessed or enumerated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../../test/app.js';
import { newReceiptCode as creditReceipt } from '../credit/apply.js';
import { newId, newPlacardToken } from '../ids.js';
import { newReceiptCode as suggestionReceipt } from '../suggestions/submission.js';
import { newTrackingCode } from '../tickets/intake.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

/** The CSP directives of a response, by name. */
function directives(header: unknown): Record<string, string> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]): [string, string] => [name ?? '', values.join(' ')]),
  );
}

describe('security headers', () => {
  it('sends a strict CSP and the hardening headers on API answers and errors', async () => {
    for (const url of ['/healthz', '/api/auth/me', '/api/no-such-thing']) {
      const res = await t.app.inject({ url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['default-src'], url).toBe("'self'");
      expect(csp['script-src'], url).toBe("'self'");
      expect(csp['object-src'], url).toBe("'none'");
      expect(csp['frame-ancestors'], url).toBe("'none'");
      expect(csp['base-uri'], url).toBe("'self'");
      expect(csp['form-action'], url).toBe("'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d{7,}/);
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('keeps the session cookie away from scripts and other sites', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yinhang.1', password: 'linli-demo' },
    });
    const session = res.cookies.find((c) => c.name === 'linli_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value.length).toBeGreaterThanOrEqual(43);
  });
});

describe('public codes and ids', () => {
  /** Bits of randomness in a code: base32 characters carry 5 bits each. */
  const bitsOf = (code: string, prefix: RegExp) =>
    code.replace(prefix, '').replaceAll('-', '').length * 5;

  it('gives receipt codes of 50 random bits, none repeated in 5000 draws', () => {
    for (const [make, prefix] of [
      [newTrackingCode, /^LL-/],
      [creditReceipt, /^XF-/],
      [suggestionReceipt, /^JY-/],
    ] as const) {
      const codes = Array.from({ length: 5000 }, make);
      expect(new Set(codes).size).toBe(5000);
      for (const code of codes.slice(0, 20)) {
        expect(code).toMatch(/^[A-Z]{2}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(bitsOf(code, prefix)).toBeGreaterThanOrEqual(40);
      }
    }
  });

  it('gives ids of 100 bits and placard tokens of 80 bits, not sequential', () => {
    const ids = Array.from({ length: 1000 }, newId);
    expect(new Set(ids).size).toBe(1000);
    expect(ids.every((id) => /^[0-9a-hjkmnp-tv-z]{20}$/.test(id))).toBe(true);
    expect(ids.toSorted()).not.toEqual(ids);
    expect(/^[0-9a-hjkmnp-tv-z]{16}$/.test(newPlacardToken())).toBe(true);
  });

  it('throttles new tickets per client address, and leaves other addresses alone', async () => {
    t.ctx.identity = { ...t.ctx.identity, ticketsPerAddressHour: 3 };
    const submit = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: {
          placardToken: t.demo.samplePlacard.token,
          kind: 'help',
          description: '灯坏了。',
        },
        remoteAddress,
      });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await submit('198.51.100.7')).statusCode).toBe(201);
      }
      const before = await t.handle.db.selectFrom('tickets').select('id').execute();
      const refused = await submit('198.51.100.7');
      expect(refused.statusCode).toBe(429);
      expect(json(refused).error).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
      expect(await t.handle.db.selectFrom('tickets').select('id').execute()).toHaveLength(
        before.length,
      );
      expect((await submit('198.51.100.8')).statusCode).toBe(201);
    } finally {
      t.ctx.identity = { ...t.ctx.identity, ticketsPerAddressHour: 100_000 };
    }
  });

  it('answers a resident ticket only by its private token, never by its id or code', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'help',
        description: '路灯坏了。',
      },
    });
    expect(res.statusCode).toBe(201);
    const receipt = json<{ trackingCode: string; accessPath?: string }>(res);
    const row = await t.handle.db
      .selectFrom('tickets')
      .select('id')
      .where('tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    for (const guess of [row.id, receipt.trackingCode]) {
      expect((await t.app.inject({ url: `/api/public/tickets/${guess}` })).statusCode).toBe(404);
    }
  });
});

// Fault class 22 of RELIABILITY §4 (Decidim CVE-2023-48220: the password-reset flow skipped the
// invitation-token expiry). Linli has several ways to a session: a password alone (liaisons), a
// password then an authenticator code (admin roles), the first sign-in that sets the
// authenticator up, and a resident's SMS code. Each must end at the same limits: 30 minutes
// idle and 12 hours absolute for staff, 10 minutes for any unfinished step, 30 minutes for a
// resident. A password change in between must not push the end back.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResult } from '../../src/contract/auth.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';
import { authenticatorCode } from '../second-factor.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-06T08:00:00+08:00'));
  await loginAs(t.app, 'admin');
});

afterAll(async () => {
  await t.close();
});

function later(minutes: number): void {
  t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
}

function me(cookie: string) {
  return t.app.inject({ url: '/api/auth/me', headers: { cookie } });
}

function sessionCookieOf(res: LightMyRequestResponse, name: string): string {
  return `${name}=${res.cookies.find((c) => c.name === name)?.value ?? ''}`;
}

/** Keeps a session busy (a request every 25 minutes) and says how long it lasted. */
async function minutesUntilRefused(cookie: string, step = 25, limit = 24 * 60): Promise<number> {
  for (let minutes = 0; minutes <= limit; minutes += step) {
    if ((await me(cookie)).statusCode !== 200) {
      return minutes;
    }
    later(step);
  }
  return Infinity;
}

// A liaison signs in with a password alone; the bureau admin owes the authenticator code (its
// first sign-in, in beforeAll, set it up); the security admin signs in for the first time in the
// test and sets the authenticator up on the way.
const paths = [
  ['a password alone', 'dinghai.1'],
  ['a password and an authenticator code', 'admin'],
  ['a first sign-in that sets the authenticator up', 'secadmin'],
] as const;

describe('alternative auth path without the same expiry (fault class 22)', () => {
  it.each(paths)('ends a busy session from %s after 12 hours', async (_, username) => {
    const cookie = await loginAs(t.app, username);

    const lasted = await minutesUntilRefused(cookie);

    // Requests at 0, 25 … 700 min pass; the one at 725 min (12 h 5 min) is refused.
    expect(lasted).toBe(725);
    const refused = await me(cookie);
    expect(refused.statusCode).toBe(401);
    expect(json(refused).error).toBe('not_authenticated');
  });

  it.each(paths)('ends an idle session from %s after 30 minutes', async (_, username) => {
    const cookie = await loginAs(t.app, username);
    later(29);
    expect((await me(cookie)).statusCode).toBe(200);

    later(31);

    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('keeps the 12-hour end of a session in which the password was changed', async () => {
    const cookie = await loginAs(t.app, 'dinghai.2');
    const signedInAt = t.clock.now.getTime();
    expect(await minutesUntilRefused(cookie, 25, 6 * 60 - 25)).toBe(Infinity);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'linli-demo', newPassword: 'Yangpu-2025-new' },
    });
    expect(changed.statusCode).toBeLessThan(300);

    await minutesUntilRefused(cookie, 25, 12 * 60);

    // Requests at 0, 25 … 700 min pass, as without the change; the one at 725 min is refused.
    expect((t.clock.now.getTime() - signedInAt) / 60_000).toBe(725);
  });

  it('refuses an authenticator code sent 10 minutes after the password step', async () => {
    await loginAs(t.app, 'sysadmin');
    const step = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sysadmin', password: 'linli-demo' },
    });
    expect(json<LoginResult>(step).step).toBe('totp');
    const cookie = sessionCookieOf(step, 'linli_session');
    const headers = { cookie, 'x-csrf-token': json<LoginResult>(step).csrfToken };
    expect((await me(cookie)).statusCode).toBe(401);
    later(10);
    t.clock.now = new Date(t.clock.now.getTime() + 1000);

    const code = await authenticatorCode(t.app, 'sysadmin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      payload: { code },
      headers,
    });

    expect(res.statusCode).toBe(401);
    expect(json(res).error).toBe('not_authenticated');
    expect(res.cookies.find((c) => c.name === 'linli_session' && c.value !== '')).toBeUndefined();
  });
});

describe('alternative auth path without the same expiry (fault class 22): residents', () => {
  const phone = '13700009901';

  async function askAndReadCode(): Promise<string> {
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/public/mine/code',
      payload: { phone },
      remoteAddress: '198.51.100.201',
    });
    expect(asked.statusCode).toBe(202);
    const rows = await t.handle.db
      .selectFrom('outbox')
      .select(['payload', 'recipient_enc'])
      .where('event', '=', 'verification_code')
      .orderBy('created_at', 'desc')
      .execute();
    const row = rows.find((r) => t.ctx.cipher.decrypt(r.recipient_enc ?? '') === phone);
    return t.ctx.cipher.decrypt((JSON.parse(row?.payload ?? '{}') as { codeEnc: string }).codeEnc);
  }

  function verify(code: string) {
    return t.app.inject({
      method: 'POST',
      url: '/api/public/mine/verify',
      payload: { phone, code },
    });
  }

  it('refuses an SMS code 10 minutes after it was sent', async () => {
    const code = await askAndReadCode();
    later(10);
    t.clock.now = new Date(t.clock.now.getTime() + 1000);

    const res = await verify(code);

    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'linli_mine')).toBeUndefined();
  });

  it('ends the resident session 30 minutes after the code, however busy', async () => {
    later(2);
    const verified = await verify(await askAndReadCode());
    expect(verified.statusCode).toBe(204);
    const cookie = sessionCookieOf(verified, 'linli_mine');
    const list = () => t.app.inject({ url: '/api/public/mine', headers: { cookie } });

    const answers: number[] = [];
    for (let minute = 0; minute <= 35; minute += 5) {
      answers.push((await list()).statusCode);
      later(5);
    }

    // At 0, 5 … 30 min: 200 until the end at 30 min, which is past the session.
    expect(answers).toEqual([200, 200, 200, 200, 200, 200, 401, 401]);
  });
});

// The TOTP second factor of admin roles: enrolment at the first sign-in, a code at every sign-in,
// no replay, recovery codes used once, the secret encrypted at rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResult, TotpEnrolment } from '../../contract/auth.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { totpCodeAt } from './totp.js';

let t: TestApp;

function post(url: string, cookie: string, payload?: object) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}

function cookieOf(res: { cookies: { name: string; value: string }[] }): string {
  return `linli_session=${res.cookies.find((c) => c.name === 'linli_session')?.value ?? ''}`;
}

async function passwordStep(username: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'linli-demo' },
  });
  expect(res.statusCode).toBe(200);
  return { result: json<LoginResult>(res), cookie: cookieOf(res) };
}

const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

describe('the second factor of admin roles', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('opens no session for the bureau admin before an authenticator is set up', async () => {
    const { result, cookie } = await passwordStep('admin');
    expect(result).toMatchObject({ step: 'enrol', me: null });
    expect((await me(cookie)).statusCode).toBe(401);
    const enrol = await post('/api/auth/totp/enrol', cookie);
    expect(enrol.statusCode).toBe(200);
    const body = json<TotpEnrolment>(enrol);
    expect(body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    secret = body.secret;
    const row = await t.handle.db
      .selectFrom('staff')
      .select('totp_secret_enc')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).not.toContain(secret);
    expect(t.ctx.cipher.decrypt(row.totp_secret_enc ?? '')).toBe(secret);

    const wrong = await post('/api/auth/totp/confirm', cookie, { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).error).toBe('second_factor_failed');
    const ok = await post('/api/auth/totp/confirm', cookie, {
      code: totpCodeAt(secret, t.clock.now),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    recoveryCodes = json<{ recoveryCodes: string[] }>(ok).recoveryCodes;
    expect(recoveryCodes).toHaveLength(8);
    const full = cookieOf(ok);
    expect(full).not.toBe(cookie);
    expect((await me(full)).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('asks for the code at the next sign-in and refuses the same code twice', async () => {
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const code = totpCodeAt(secret, t.clock.now);
    const first = await passwordStep('admin');
    expect(first.result).toMatchObject({ step: 'totp', me: null });
    const ok = await post('/api/auth/totp/verify', first.cookie, { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<LoginResult>(ok).me?.username).toBe('admin');

    const second = await passwordStep('admin');
    const replay = await post('/api/auth/totp/verify', second.cookie, { code });
    expect(replay.statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(401);
  });

  it('takes a recovery code once only', async () => {
    const [code] = recoveryCodes;
    const first = await passwordStep('admin');
    expect((await post('/api/auth/totp/verify', first.cookie, { code })).statusCode).toBe(200);
    const again = await passwordStep('admin');
    expect((await post('/api/auth/totp/verify', again.cookie, { code })).statusCode).toBe(401);
  });

  it('is owed by the system and security admins and the auditor, not liaisons', async () => {
    for (const username of ['sysadmin', 'secadmin', 'auditor']) {
      expect((await passwordStep(username)).result.step).toBe('enrol');
    }
    expect((await passwordStep('yinhang.1')).result.step).toBe('done');
  });

  it('lets the security administrator reset a lost authenticator', async () => {
    const admin = await t.handle.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const adminCookie = await loginAs(t.app, 'admin');
    const security = await loginAs(t.app, 'secadmin');
    const res = await post(`/api/security/staff/${admin.id}/totp-reset`, security);
    expect(res.statusCode, res.body).toBe(204);
    expect((await me(adminCookie)).statusCode).toBe(401);
    expect((await passwordStep('admin')).result.step).toBe('enrol');
  });
});

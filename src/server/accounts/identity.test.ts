// Staff identity (docs/security.md): the password policy, the lockout after repeated failures,
// the per-address throttle, a new session id at every sign-in, and sessions that end at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { defaultIdentitySettings } from '../config.js';
import { passwordProblem } from './password-policy.js';

let t: TestApp;

function attempt(username: string, password: string, remoteAddress = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
}

const me = (cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

describe('the password policy', () => {
  const policy = defaultIdentitySettings;
  it('asks for 10 characters from three of the four classes, in both languages', () => {
    expect(passwordProblem(policy, 'Ab1-xyz', 'wang')).toEqual([
      '密码至少需要10个字符',
      'must have at least 10 characters',
    ]);
    expect(passwordProblem(policy, 'alllowercase-only', 'wang')?.[1]).toBe(
      'must mix at least three of: lower case, upper case, digits, symbols',
    );
    expect(passwordProblem(policy, 'Harbour-Lights', 'wang')).toBeNull();
    expect(passwordProblem(policy, 'harbour-lights-9', 'wang')).toBeNull();
  });

  it('refuses a password that contains the user name, whatever its case', () => {
    expect(passwordProblem(policy, 'Yinhang.1-2026', 'yinhang.1')).toEqual([
      '密码不能包含用户名',
      'must not contain the user name',
    ]);
  });

  it('refuses a weak new password naming the field, and keeps the old one', async () => {
    const cookie = await loginAs(t.app, 'yinhang.3');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'linli-demo', newPassword: 'onlylowercaseletters' },
      headers: { cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details).toEqual([
      {
        field: 'newPassword',
        message: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
        messageEn: 'must mix at least three of: lower case, upper case, digits, symbols',
      },
    ]);
    expect((await attempt('yinhang.3', 'linli-demo')).statusCode).toBe(200);
  });
});

describe('the lockout', () => {
  it('locks an account for 30 minutes after 5 wrong passwords, with the usual answer', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await attempt('yinhang.4', `Wrong-guess-${i}`)).statusCode).toBe(401);
    }
    const locked = await attempt('yinhang.4', 'linli-demo');
    expect(locked.statusCode).toBe(401);
    const unknown = await attempt('nobody.here', 'linli-demo');
    // The same code and sentence as for a user name that does not exist.
    expect(json<ErrorBody>(locked).error).toBe('login_failed');
    expect(json<ErrorBody>(locked).message).toBe(json<ErrorBody>(unknown).message);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('action', 'in', ['auth.locked', 'auth.login_failed'])
      .where('detail', 'like', '%yinhang.4%')
      .execute();
    expect(audit.at(-1)?.detail).toContain('"reason":"locked"');

    t.clock.now = new Date(t.clock.now.getTime() + 29 * 60_000);
    expect((await attempt('yinhang.4', 'linli-demo')).statusCode).toBe(401);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    expect((await attempt('yinhang.4', 'linli-demo')).statusCode).toBe(200);
  });

  it('counts failures in a row only: a success starts the count again', async () => {
    for (let i = 0; i < 4; i++) {
      await attempt('yinhang.5', `Wrong-guess-${i}`);
    }
    expect((await attempt('yinhang.5', 'linli-demo')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      await attempt('yinhang.5', `Wrong-guess-${i}`);
    }
    expect((await attempt('yinhang.5', 'linli-demo')).statusCode).toBe(200);
  });

  it('throttles an address after 30 failed sign-ins in 10 minutes, any names', async () => {
    const address = '203.0.113.9';
    for (let i = 0; i < 30; i++) {
      expect((await attempt(`guess.${i}`, 'Wrong-guess-1', address)).statusCode).toBe(401);
    }
    const refused = await attempt('yinhang.6', 'linli-demo', address);
    expect(refused.statusCode).toBe(429);
    expect(json<ErrorBody>(refused).details?.[0]?.field).toBe('username');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await attempt('yinhang.6', 'linli-demo', '203.0.113.10')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('gives a new session id at sign-in and ends the one the browser brought', async () => {
    const before = await loginAs(t.app, 'dinghai.1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dinghai.1', password: 'linli-demo' },
      headers: { cookie: before },
    });
    const after = `linli_session=${res.cookies.find((c) => c.name === 'linli_session')?.value}`;
    expect(after).not.toBe(before);
    expect((await me(before)).statusCode).toBe(401);
    expect((await me(after)).statusCode).toBe(200);
  });

  it('ends the session at logout: the old cookie is worth nothing', async () => {
    const cookie = await loginAs(t.app, 'dinghai.2');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends every session of an account the system administrator disables', async () => {
    const one = await loginAs(t.app, 'siping.1');
    const two = await loginAs(t.app, 'siping.1');
    const staff = await t.handle.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'siping.1')
      .executeTakeFirstOrThrow();
    const sysadmin = await loginAs(t.app, 'sysadmin');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/staff/${staff.id}/disable`,
      headers: { cookie: sysadmin },
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await me(one)).statusCode).toBe(401);
    expect((await me(two)).statusCode).toBe(401);
    const left = await t.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('staff_id', '=', staff.id)
      .execute();
    expect(left).toEqual([]);
    expect((await attempt('siping.1', 'linli-demo')).statusCode).toBe(401);
  });
});

// Fault class 7 of RELIABILITY §4 (FixMyStreet v2.4: the sign-in flow leaked an account's phone
// number): the staff sign-in and the resident's code request answer an unknown name or phone
// exactly as a known one, and no answer of either carries a phone, a name or a badge.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import { json, startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let address = 0;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

/** A sign-in from its own address, so the per-address throttle of one never meets another. */
function signIn(username: string, password: string) {
  address += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: `198.51.100.${address}`,
  });
}

function askCode(phone: string) {
  address += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/public/mine/code',
    payload: { phone },
    remoteAddress: `198.51.100.${address}`,
  });
}

/** The answer as a caller compares it: status, header names, and the body without its id. */
function seen(res: LightMyRequestResponse) {
  const body = JSON.parse(res.body) as Partial<ErrorBody>;
  delete body.requestId;
  const headers = Object.keys(res.headers).filter((h) => h !== 'x-request-id');
  return { status: res.statusCode, headers: headers.sort(), body };
}

describe('Sign-in leaks personal data or account existence (fault class 7)', () => {
  it('answers a wrong password of a real account as it answers a name nobody has', async () => {
    const known = await signIn('dinghai.1', 'not-the-password');
    const unknown = await signIn('no-such-officer', 'not-the-password');
    expect(known.statusCode).toBe(401);
    expect(json<ErrorBody>(known).error).toBe('login_failed');
    expect(seen(unknown)).toEqual(seen(known));
    expect(known.cookies.filter((c) => c.name === 'linli_session' && c.value !== '')).toEqual([]);
  });

  it('answers the right password of a locked account as a wrong one, naming nothing', async () => {
    expect((await signIn('dinghai.2', 'linli-demo')).statusCode).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      await signIn('dinghai.2', 'wrong-again');
    }
    const locked = await signIn('dinghai.2', 'linli-demo');
    const wrong = await signIn('dinghai.1', 'not-the-password');
    expect(seen(locked)).toEqual(seen(wrong));
    expect(locked.body).not.toMatch(/1[3-9]\d{9}|dinghai|定海/);
  });

  it('answers the code request of a phone that filed a ticket as one that never did', async () => {
    const filer = '13700008888';
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'report',
        description: '楼道灯坏了。',
        phone: filer,
      },
    });
    expect(filed.statusCode).toBe(201);
    const known = await askCode(filer);
    const unknown = await askCode('13700007777');
    expect(known.statusCode).toBe(202);
    expect(seen(unknown)).toEqual(seen(known));
    expect(known.body).not.toContain('8888');
  });
});

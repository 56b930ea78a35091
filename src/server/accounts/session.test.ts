// The session lookup every staff request makes: the session and its account in one read, with no
// memory between requests, so a disabled account or a deleted session is refused on the very
// next request (as it would be on another instance).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contract/auth.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

function me(cookie: string) {
  return t.app.inject({ url: '/api/auth/me', headers: { cookie } });
}

function setActive(username: string, active: number) {
  return t.handle.db
    .updateTable('staff')
    .set({ active })
    .where('username', '=', username)
    .execute();
}

describe('the staff session', () => {
  it('gives the handler the role and street of the signed-in account', async () => {
    const cookie = await loginAs(t.app, 'yinhang.admin');

    const res = await me(cookie);

    expect(res.statusCode).toBe(200);
    const body = json<Me>(res);
    expect(body.role).toBe('street_admin');
    expect(body.street?.name).toBe('殷行街道');
  });

  it('is refused on the next request once its account is disabled, and stays ended', async () => {
    const cookie = await loginAs(t.app, 'yinhang.1');
    expect((await me(cookie)).statusCode).toBe(200);

    await setActive('yinhang.1', 0);
    const refused = await me(cookie);
    await setActive('yinhang.1', 1);

    expect(refused.statusCode).toBe(401);
    expect(json(refused).error).toBe('not_authenticated');
    // The refused session was deleted: enabling the account again does not revive it.
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('is refused on the next request once its row is deleted (a sign-out elsewhere)', async () => {
    const cookie = await loginAs(t.app, 'yinhang.2');
    expect((await me(cookie)).statusCode).toBe(200);

    await t.handle.db.deleteFrom('sessions').execute();

    expect((await me(cookie)).statusCode).toBe(401);
  });
});

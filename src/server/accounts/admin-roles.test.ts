// The three separate administrators (等保 三权分立, docs/security.md): each role reaches only its
// own functions, and none of them reaches another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminRoles,
  staffRoles,
  type StaffAccount,
  type StaffAdminList,
} from '../../contract/auth.js';
import type { ErrorBody } from '../../contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let liaisonId = '';

const newAccount = {
  username: 'new.liaison',
  name: '新队员',
  role: 'liaison',
  password: 'Harbour-Lights-7',
};

function call(who: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: { cookie: cookies[who] ?? '' } });
}

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  for (const who of ['sysadmin', 'secadmin', 'auditor', 'admin', 'yinhang.1']) {
    cookies[who] = await loginAs(t.app, who);
  }
  const row = await t.handle.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', 'yinhang.2')
    .executeTakeFirstOrThrow();
  liaisonId = row.id;
});

afterAll(async () => {
  await t.close();
});

describe('the three administrator roles', () => {
  it('are three distinct roles, and each account holds exactly one role', async () => {
    expect(adminRoles).toEqual(['system_admin', 'security_admin', 'auditor']);
    expect(adminRoles.every((r) => (staffRoles as readonly string[]).includes(r))).toBe(true);
    const rows = await t.handle.db
      .selectFrom('staff')
      .select(['username', 'role'])
      .where('role', 'in', [...adminRoles])
      .orderBy('username')
      .execute();
    expect(rows).toEqual([
      { username: 'auditor', role: 'auditor' },
      { username: 'secadmin', role: 'security_admin' },
      { username: 'sysadmin', role: 'system_admin' },
    ]);
  });

  it('let only the system administrator manage accounts', async () => {
    const streets = await t.handle.db.selectFrom('streets').select('id').execute();
    const body = { ...newAccount, streetId: streets[0]?.id ?? null };
    for (const who of ['secadmin', 'auditor', 'admin', 'yinhang.1']) {
      expect((await call(who, 'GET', '/api/admin/staff')).statusCode, who).toBe(403);
      expect((await call(who, 'POST', '/api/admin/staff', body)).statusCode, who).toBe(403);
      const disable = await call(who, 'POST', `/api/admin/staff/${liaisonId}/disable`);
      expect(disable.statusCode, who).toBe(403);
    }
    const created = await call('sysadmin', 'POST', '/api/admin/staff', body);
    expect(created.statusCode, created.body).toBe(201);
    expect((await loginAs(t.app, 'new.liaison', 'Harbour-Lights-7')).length).toBeGreaterThan(20);
  });

  it('refuses a weak first password, naming the field, and creates nothing', async () => {
    const streets = await t.handle.db.selectFrom('streets').select('id').execute();
    const res = await call('sysadmin', 'POST', '/api/admin/staff', {
      ...newAccount,
      username: 'weak.one',
      password: 'weak.one-Pass1',
      streetId: streets[0]?.id ?? null,
    });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details).toEqual([
      {
        field: 'password',
        message: '密码不能包含用户名',
        messageEn: 'must not contain the user name',
      },
    ]);
    const row = await t.handle.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'weak.one')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('do not let the system administrator touch an administrator account', async () => {
    const sec = await t.handle.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'secadmin')
      .executeTakeFirstOrThrow();
    const res = await call('sysadmin', 'POST', `/api/admin/staff/${sec.id}/disable`);
    expect(res.statusCode).toBe(403);
    const admin = await call('sysadmin', 'POST', '/api/admin/staff', {
      ...newAccount,
      username: 'second.secadmin',
      role: 'security_admin',
      streetId: null,
    });
    expect(admin.statusCode).toBe(400);
  });

  it('let only the security administrator see lockouts and lift them', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'yinhang.2', password: `Wrong-guess-${i}` },
      });
    }
    for (const who of ['sysadmin', 'auditor', 'admin']) {
      expect((await call(who, 'GET', '/api/security/lockouts')).statusCode, who).toBe(403);
      const unlock = await call(who, 'POST', `/api/security/staff/${liaisonId}/unlock`);
      expect(unlock.statusCode, who).toBe(403);
    }
    const list = await call('secadmin', 'GET', '/api/security/lockouts');
    const items = json<{ items: StaffAccount[] }>(list).items;
    expect(items.map((i) => i.username)).toEqual(['yinhang.2']);
    expect(items[0]?.lockedUntil).toBe(new Date('2026-03-02T09:30:00+08:00').toISOString());
    const unlock = await call('secadmin', 'POST', `/api/security/staff/${liaisonId}/unlock`);
    expect(unlock.statusCode).toBe(204);
    expect((await loginAs(t.app, 'yinhang.2')).length).toBeGreaterThan(20);
  });

  it('give each account list what its page shows: unit, streets, password length', async () => {
    const adminList = json<StaffAdminList>(await call('sysadmin', 'GET', '/api/admin/staff'));
    expect(adminList.passwordMinLength).toBe(10);
    expect(adminList.streets.map((s) => s.name)).toContain('定海路街道');
    const liaison = adminList.items.find((a) => a.username === 'yinhang.2');
    expect(liaison?.unit).toMatch(/街道$/);
    expect(adminList.items.find((a) => a.username === 'admin')?.unit).toBeNull();
    for (const who of ['sysadmin', 'auditor', 'admin']) {
      expect((await call(who, 'GET', '/api/security/staff')).statusCode, who).toBe(403);
    }
    const security = await call('secadmin', 'GET', '/api/security/staff');
    const names = json<{ items: StaffAccount[] }>(security).items.map((a) => a.username);
    expect(names).toEqual(adminList.items.map((a) => a.username));
  });

  it('let only the auditor and the bureau admin read the trail', async () => {
    for (const who of ['sysadmin', 'secadmin', 'yinhang.1']) {
      expect((await call(who, 'GET', '/api/staff/audit')).statusCode, who).toBe(403);
    }
    expect((await call('auditor', 'GET', '/api/staff/audit')).statusCode).toBe(200);
  });
});

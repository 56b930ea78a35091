import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditActor, AuditEntry, AuditPage } from '../../contract/audit.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { createStaff, factoryPassword } from '../../../test/factories.js';
import type { StaffTable } from '../db/schema.js';
import { verifyAuditChain } from './service.js';

let t: TestApp;
let auditor: StaffTable;
let auditorCookie: string;
let adminId: string;

async function trail(query: Record<string, string> = {}, cookie = auditorCookie) {
  const qs = new URLSearchParams(query).toString();
  return t.app.inject({ url: `/api/staff/audit?${qs}`, headers: { cookie } });
}

const actionsOf = (page: AuditPage) => page.items.map((e) => e.action);

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  await loginAs(t.app, 'admin');
  t.clock.now = new Date('2026-03-02T10:00:00+08:00');
  auditor = await createStaff(t.handle.db, {
    role: 'auditor',
    name: '审计员甲',
    badge_no: 'SJ-01',
  });
  auditorCookie = await loginAs(t.app, auditor.username, factoryPassword);
  const admin = await t.handle.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  adminId = admin.id;
});

afterAll(async () => {
  await t.close();
});

describe('signing in', () => {
  it('records a successful sign-in with the staff member as actor and record', async () => {
    const res = await trail({ actorId: adminId });
    const login = json<AuditPage>(res).items.find((e) => e.action === 'auth.login');
    expect(login).toMatchObject({
      actor: { kind: 'staff', id: adminId },
      recordType: 'staff',
      recordId: adminId,
      at: new Date('2026-03-02T09:00:00+08:00').toISOString(),
    });
    expect(login?.requestId).toEqual(expect.any(String));
  });

  it('records a failed sign-in with the user name tried and never the password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Secret-Tried-42' },
    });
    expect(res.statusCode).toBe(401);
    const page = json<AuditPage>(await trail({ recordType: 'staff', recordId: adminId }));
    const failed = page.items.find((e) => e.action === 'auth.login_failed');
    expect(failed?.detail).toEqual({ username: 'admin', reason: 'wrong_password' });
    expect(failed?.actor.id).toBeNull();
    const stored = await t.handle.db.selectFrom('audit_entries').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('Secret-Tried-42');
  });

  it('records a sign-in under an unknown user name without a record', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody.here', password: 'x' },
    });
    const page = json<AuditPage>(await trail({ recordType: 'staff' }));
    const failed = page.items.find((e) => e.detail.username === 'nobody.here');
    expect(failed).toMatchObject({ recordId: null, detail: { reason: 'unknown_user' } });
  });
});

describe('reading the trail', () => {
  it('shows the auditor the entries newest first, with the actor name and badge', async () => {
    const res = await trail();
    expect(res.statusCode).toBe(200);
    const page = json<AuditPage>(res);
    const seqs = page.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const own = page.items.find((e) => e.action === 'auth.login' && e.actor.id === auditor.id);
    expect(own?.actor).toEqual({
      kind: 'staff',
      id: auditor.id,
      name: '审计员甲',
      badgeNo: 'SJ-01',
    });
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
  });

  it('filters by person', async () => {
    const page = json<AuditPage>(await trail({ actorId: adminId }));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.actor.id === adminId)).toBe(true);
  });

  it('filters by record', async () => {
    const page = json<AuditPage>(await trail({ recordType: 'staff', recordId: auditor.id }));
    // Newest first: the password, the authenticator set up, then the completed sign-in.
    expect(actionsOf(page)).toEqual(['auth.login', 'auth.totp_enrolled', 'auth.password_accepted']);
  });

  it('filters by time, both ends included', async () => {
    const at = new Date('2026-03-02T10:00:00+08:00').toISOString();
    const page = json<AuditPage>(await trail({ actorId: auditor.id, from: at, to: at }));
    expect(actionsOf(page)).toContain('auth.login');
    const before = json<AuditPage>(await trail({ to: '2026-03-02T09:30:00+08:00' }));
    expect(before.items.map((e: AuditEntry) => [e.action, e.actor.id])).toEqual([
      ['auth.login', adminId],
      ['auth.totp_enrolled', adminId],
      ['auth.password_accepted', adminId],
    ]);
    const after = json<AuditPage>(await trail({ from: '2026-03-02T09:30:00+08:00' }));
    expect(after.items.every((e: AuditEntry) => e.at >= at)).toBe(true);
  });

  it('records each search of the trail with the filter names, not their values', async () => {
    await trail({ recordType: 'staff', recordId: adminId });
    const page = json<AuditPage>(await trail({ recordType: 'audit_trail' }));
    const reads = page.items.filter((e) => e.action === 'audit.read');
    expect(reads[1]?.detail).toEqual({ filters: ['recordType', 'recordId'] });
    expect(reads[1]?.actor.id).toBe(auditor.id);
  });

  it('pages the trail', async () => {
    const page = json<AuditPage>(await trail({ page: '2', pageSize: '2' }));
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('refuses a time range that ends before it starts', async () => {
    const res = await trail({ from: '2026-03-02T10:00:00Z', to: '2026-03-01T10:00:00Z' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toBe('validation_failed');
  });

  it('lets the bureau admin read it too', async () => {
    expect((await trail({}, await loginAs(t.app, 'admin'))).statusCode).toBe(200);
  });

  it('refuses a liaison and a street admin with 403, an anonymous caller with 401', async () => {
    expect((await trail({}, await loginAs(t.app, 'yinhang.1'))).statusCode).toBe(403);
    expect((await trail({}, await loginAs(t.app, 'yinhang.admin'))).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff/audit' })).statusCode).toBe(401);
  });

  it('lists the people who appear in the trail for the person filter', async () => {
    const res = await t.app.inject({
      url: '/api/staff/audit/actors',
      headers: { cookie: auditorCookie },
    });
    const { items } = json<{ items: AuditActor[] }>(res);
    expect(items.map((a) => a.id)).toEqual(expect.arrayContaining([auditor.id, adminId]));
  });

  it('leaves the chain intact after all of this', async () => {
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });
});

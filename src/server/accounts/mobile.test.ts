// An officer's own mobile: registered by the officer, encrypted, shown masked, audited, and the
// number their notifications go to instead of the work landline printed on placards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../contract/auth.js';
import type { ErrorBody } from '../../contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { resolveMessage } from '../notifications/recipient.js';

let t: TestApp;
/** A ticket the officer messages are about. */
let ticketId: string;

function setMobile(cookie: string, mobile: unknown) {
  return t.app.inject({
    method: 'PUT',
    url: '/api/auth/mobile',
    payload: { mobile },
    headers: { cookie },
  });
}

async function staffRow(username: string) {
  return t.handle.db
    .selectFrom('staff')
    .select(['id', 'mobile_enc', 'mobile_masked', 'work_phone'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '楼道灯坏了。',
    },
  });
  expect(res.statusCode).toBe(201);
  ticketId = (await t.handle.db.selectFrom('tickets').select('id').executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await t.close();
});

describe('PUT /api/auth/mobile', () => {
  it('stores the number as typed, normalised and encrypted, and answers it masked', async () => {
    const cookie = await loginAs(t.app, 'yinhang.2');
    const res = await setMobile(cookie, '+86 139 １２３４ ５６７８');
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toEqual({ mobileMasked: '139****5678' });
    const row = await staffRow('yinhang.2');
    expect(row.mobile_masked).toBe('139****5678');
    expect(t.ctx.cipher.decrypt(row.mobile_enc ?? '')).toBe('13912345678');
    const me = json<Me>(await t.app.inject({ url: '/api/auth/me', headers: { cookie } }));
    expect(me.mobileMasked).toBe('139****5678');

    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'record_id', 'detail'])
      .where('action', '=', 'auth.mobile_changed')
      .execute();
    expect(audit).toEqual([
      { action: 'auth.mobile_changed', record_id: row.id, detail: '{"mobile":"set"}' },
    ]);
    expect(audit[0]?.detail).not.toContain('5678');
  });

  it('sends the officer notifications to that mobile, not to the work landline', async () => {
    const row = await staffRow('yinhang.2');
    const resolution = await resolveMessage(t.ctx, {
      audience: 'staff',
      staff_id: row.id,
      ticket_id: ticketId,
      event: 'assigned',
      payload: JSON.stringify({ at: '2025-09-30T07:20:00.000Z' }),
    });
    expect(resolution).toMatchObject({ kind: 'send', to: '13912345678', masked: '139****5678' });
    expect(row.work_phone).toMatch(/^021-/);
  });

  it('removes the number with null, after which officer messages are skipped', async () => {
    const cookie = await loginAs(t.app, 'yinhang.2');
    const res = await setMobile(cookie, null);
    expect(json(res)).toEqual({ mobileMasked: null });
    const row = await staffRow('yinhang.2');
    expect(row).toMatchObject({ mobile_enc: null, mobile_masked: null });
    const resolution = await resolveMessage(t.ctx, {
      audience: 'staff',
      staff_id: row.id,
      ticket_id: ticketId,
      event: 'assigned',
      payload: JSON.stringify({ at: '2025-09-30T07:20:00.000Z' }),
    });
    expect(resolution).toEqual({ kind: 'skip', reason: 'no_staff_phone' });
  });

  it('refuses a landline, naming mobile, and changes nothing', async () => {
    const cookie = await loginAs(t.app, 'yinhang.1');
    const before = await staffRow('yinhang.1');
    const res = await setMobile(cookie, '021-65431234');
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details?.map((d) => d.field)).toEqual(['mobile']);
    expect(await staffRow('yinhang.1')).toEqual(before);
  });

  it('is refused to department accounts, whose /me carries no mobile field', async () => {
    const cookie = await loginAs(t.app, 'fangguan.dept');
    expect((await setMobile(cookie, '13912345678')).statusCode).toBe(403);
    const me = json<Me>(await t.app.inject({ url: '/api/auth/me', headers: { cookie } }));
    expect('mobileMasked' in me).toBe(false);
  });

  it('gives every demo liaison and street admin an invented 1380000xxxx mobile', async () => {
    const rows = await t.handle.db
      .selectFrom('staff')
      .select(['role', 'mobile_masked'])
      .where('role', 'in', ['liaison', 'street_admin'])
      .where('username', '!=', 'yinhang.2')
      .execute();
    expect(rows.length).toBeGreaterThan(90);
    expect(rows.filter((r) => !/^138\*{4}\d{4}$/.test(r.mobile_masked ?? ''))).toEqual([]);
  });
});

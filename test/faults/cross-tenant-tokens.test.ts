// Fault class 13 of RELIABILITY §4 (Decidim CVE-2026-45414: a token issued for organisation 1
// was accepted by organisation 2). Linli has no JWTs; its tenants are the partner departments
// and the streets. A department's session opens only its own referrals, and a referral of
// another department is answered 404 on every route, read or write, as if it did not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import type { StaffReferral } from '../../src/contract/referrals.js';
import type { Receipt, TicketList } from '../../src/contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let fangguanRef: string;
let lvhuaRef: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:00:00+08:00'));
  const token = t.demo.samplePlacard.token;
  const liaisonUser = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  const liaison = await loginAs(t.app, liaisonUser.username);
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: token,
      kind: 'complaint',
      description: '屋顶加盖彩钢板房，疑似违建。',
    },
  });
  const receipt = json<Receipt>(filed);
  const inbox = json<TicketList>(
    await t.app.inject({ url: '/api/staff/tickets?pageSize=100', headers: { cookie: liaison } }),
  );
  const ticketId = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${ticketId}/referrals`,
    headers: { cookie: liaison },
    payload: {
      departments: ['fangguan', 'lvhua'],
      kind: 'determination',
      determinationType: 'illegal_building',
      requestText: '请协助认定该彩钢板房是否属于违法建筑。',
    },
  });
  expect(res.statusCode).toBe(201);
  const items = json<{ items: StaffReferral[] }>(res).items;
  fangguanRef = items.find((r) => r.department.code === 'fangguan')?.id ?? '';
  lvhuaRef = items.find((r) => r.department.code === 'lvhua')?.id ?? '';
  expect([fangguanRef, lvhuaRef]).toEqual([expect.any(String), expect.any(String)]);
});

afterAll(async () => {
  await t.close();
});

describe('cross-tenant tokens (fault class 13)', () => {
  it('lists only the own department’s referral', async () => {
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const list = json<{ items: { id: string }[] }>(
      await t.app.inject({ url: '/api/dept/referrals', headers: { cookie: fangguan } }),
    );
    expect(list.items.map((r) => r.id)).toEqual([fangguanRef]);
  });

  it('answers 404 to another department’s session on every route of a referral', async () => {
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/dept/referrals/:id') && r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const wrong: string[] = [];
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: r.url.replace(':id', lvhuaRef).replace(/:[A-Za-z]+/g, 'x'),
        headers: { cookie: fangguan },
        ...(r.method === 'GET' ? {} : { payload: { reason: '不属于本部门职责', text: '已认定' } }),
      });
      const body = json<ErrorBody>(res);
      if (
        res.statusCode !== 404 &&
        !(res.statusCode === 400 && body.error === 'validation_failed')
      ) {
        wrong.push(`${r.method} ${r.url}: ${res.statusCode} ${body.error}`);
      }
    }
    expect(wrong).toEqual([]);
    const own = await t.app.inject({
      url: `/api/dept/referrals/${fangguanRef}`,
      headers: { cookie: fangguan },
    });
    expect(own.statusCode).toBe(200);
  });

  it('leaves the other department’s referral untouched', async () => {
    const lvhua = await loginAs(t.app, 'lvhua.dept');
    const detail = json<{ status: string }>(
      await t.app.inject({ url: `/api/dept/referrals/${lvhuaRef}`, headers: { cookie: lvhua } }),
    );
    expect(detail.status).toBe('sent');
  });
});

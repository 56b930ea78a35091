// Clues (线索): a department's lead becomes a ticket for the liaison of the building's room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClueReceipt } from '../../contract/referrals.js';
import type { StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { samplePlacardBuildingCode } from '../org/demo-org.js';

let t: TestApp;
let token: string;
let liaisonUser: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-16T10:00:00+08:00'));
  token = t.demo.samplePlacard.token;
  const row = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  liaisonUser = row.username;
});

afterAll(async () => {
  await t.close();
});

function get(url: string, cookie: string) {
  return t.app.inject({ url, headers: { cookie } });
}

function post(url: string, cookie: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: { cookie, ...headers },
  });
}

describe('a clue from a department', () => {
  it("becomes a ticket with channel dept:fangguan in the room liaison's inbox", async () => {
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const found = json<{ items: { code: string }[] }>(
      await get(
        `/api/dept/buildings?q=${encodeURIComponent(t.demo.samplePlacard.building)}`,
        fangguan,
      ),
    );
    expect(found.items.map((b) => b.code)).toContain(samplePlacardBuildingCode);
    const res = await post(
      '/api/dept/clues',
      fangguan,
      {
        buildingCode: samplePlacardBuildingCode,
        kind: 'report',
        matterCode: 'WFDJ',
        description: '巡查发现该楼栋一楼住户在天井内搭建砖混结构房屋。',
      },
      { 'idempotency-key': 'clue-0001-fangguan' },
    );
    expect(res.statusCode).toBe(201);
    const receipt = json<ClueReceipt>(res);
    expect(receipt.trackingCode).toMatch(/^LL-/);
    // 5 working days after Thursday 16 October 2025: 17, 20, 21, 22, 23 October.
    expect(receipt.resolveDueAt).toBe(new Date('2025-10-23T23:59:59.999+08:00').toISOString());

    const row = await t.handle.db
      .selectFrom('tickets')
      .select(['channel', 'tier', 'status'])
      .where('tracking_code', '=', receipt.trackingCode)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'dept:fangguan', tier: 'community', status: 'submitted' });
    const audited = await t.handle.db
      .selectFrom('audit_entries')
      .innerJoin('tickets', 'tickets.id', 'audit_entries.record_id')
      .select(['audit_entries.action', 'audit_entries.actor_kind'])
      .where('tickets.tracking_code', '=', receipt.trackingCode)
      .execute();
    expect(audited).toEqual([{ action: 'ticket.submit', actor_kind: 'department' }]);

    const liaison = await loginAs(t.app, liaisonUser);
    const inbox = json<TicketList>(await get('/api/staff/tickets?pageSize=100', liaison));
    const item = inbox.items.find((i) => i.trackingCode === receipt.trackingCode);
    expect(item?.matter?.code).toBe('WFDJ');
    const detail = json<StaffTicket>(await get(`/api/staff/tickets/${item?.id ?? ''}`, liaison));
    expect(detail.reporterPhoneMasked).toBeNull();
    expect(detail.timeline[0]?.actor.kind).toBe('staff');
  });

  it('answers the same idempotency key with the same ticket', async () => {
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const res = await post(
      '/api/dept/clues',
      fangguan,
      {
        buildingCode: samplePlacardBuildingCode,
        kind: 'report',
        matterCode: 'WFDJ',
        description: '巡查发现该楼栋一楼住户在天井内搭建砖混结构房屋。',
      },
      { 'idempotency-key': 'clue-0001-fangguan' },
    );
    expect(res.statusCode).toBe(200);
    const count = await t.handle.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('channel', '=', 'dept:fangguan')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('takes a placard token too, and names the wrong field for an unknown building', async () => {
    const lvhua = await loginAs(t.app, 'lvhua.dept');
    const byToken = await post('/api/dept/clues', lvhua, {
      placardToken: token,
      kind: 'report',
      description: '楼前绿地被占用堆放建筑垃圾。',
    });
    expect(byToken.statusCode).toBe(201);
    const unknown = await post('/api/dept/clues', lvhua, {
      buildingCode: 'no-such-building',
      kind: 'report',
      description: '楼前绿地被占用。',
    });
    expect(unknown.statusCode).toBe(404);
    expect(json<{ details: { field: string }[] }>(unknown).details[0]?.field).toBe('buildingCode');
    const neither = await post('/api/dept/clues', lvhua, { kind: 'report', description: '占绿' });
    expect(neither.statusCode).toBe(400);
  });
});

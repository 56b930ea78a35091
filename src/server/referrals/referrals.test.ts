import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DepartmentReferral,
  DepartmentReferralList,
  StaffReferral,
} from '../../contract/referrals.js';
import type { Receipt, TicketList } from '../../contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app.js';

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');
const phone = '13800138000';

let t: TestApp;
let token: string;
let liaisonUser: string;

/** Shanghai wall-clock time as an instant. */
function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

/** Moves the test clock; sessions idle for 30 minutes, so everyone signs in again after. */
function setClock(text: string): void {
  t.clock.now = local(text);
}

beforeAll(async () => {
  t = await startTestApp(local('2025-09-30T15:00:00'));
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

/** A resident files a complaint at the sample placard; returns the ticket id the liaison sees. */
async function fileComplaint(description: string, liaison: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: { placardToken: token, kind: 'complaint', description, phone },
  });
  expect(res.statusCode).toBe(201);
  const receipt = json<Receipt>(res);
  const inbox = json<TicketList>(await get('/api/staff/tickets?pageSize=100', liaison));
  const id = inbox.items.find((i) => i.trackingCode === receipt.trackingCode)?.id;
  expect(id).toBeDefined();
  return id ?? '';
}

async function upload(url: string, cookie?: string): Promise<string> {
  const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
  const { payload, headers } = multipartPhoto(bytes, 'IMG_0001.jpg');
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });
  expect(res.statusCode).toBe(201);
  return json<{ id: string }>(res).id;
}

function refer(liaison: string, ticketId: string, body: Record<string, unknown>) {
  return post(`/api/staff/tickets/${ticketId}/referrals`, liaison, body);
}

function byDepartment(items: StaffReferral[], code: string): StaffReferral {
  const found = items.find((r) => r.department.code === code);
  expect(found, code).toBeDefined();
  return found as StaffReferral;
}

async function staffReferrals(liaison: string, ticketId: string): Promise<StaffReferral[]> {
  return json<{ items: StaffReferral[] }>(
    await get(`/api/staff/tickets/${ticketId}/referrals`, liaison),
  ).items;
}

describe('a ticket referred to two departments', () => {
  let liaison: string;
  let ticketId: string;
  let fangguanId: string;
  let lvhuaId: string;

  it('gives each department its own referral, due end of 10 October 2025 (Art 29)', async () => {
    liaison = await loginAs(t.app, liaisonUser);
    ticketId = await fileComplaint('12号楼顶加盖了一层彩钢板房，疑似违法搭建。', liaison);
    const res = await refer(liaison, ticketId, {
      departments: ['fangguan', 'lvhua'],
      kind: 'determination',
      determinationType: 'illegal_building',
      requestText: '请协助认定该彩钢板房是否属于违法建筑。',
    });
    expect(res.statusCode).toBe(201);
    const items = json<{ items: StaffReferral[] }>(res).items;
    expect(items).toHaveLength(2);
    const fangguan = byDepartment(items, 'fangguan');
    const lvhua = byDepartment(items, 'lvhua');
    for (const r of [fangguan, lvhua]) {
      expect(r.status).toBe('sent');
      expect(r.overdue).toBe(false);
      expect(r.kind).toBe('determination');
      expect(r.determinationType).toBe('illegal_building');
      expect(r.sentAt).toBe(local('2025-09-30T15:00:00').toISOString());
      expect(r.replyDueAt).toBe(new Date('2025-10-10T23:59:59.999+08:00').toISOString());
      expect(r.delivery).toEqual({ state: 'delivered', attempts: 1, lastError: null });
      expect(r.transfer).toBeNull();
    }
    expect(fangguan.department.name).toBe('区住房保障房屋管理局');
    expect(fangguan.id).not.toBe(lvhua.id);
    fangguanId = fangguan.id;
    lvhuaId = lvhua.id;
  });

  it('refuses a determination that names no subject, and unknown departments', async () => {
    const missing = await refer(liaison, ticketId, {
      departments: ['fangguan'],
      kind: 'determination',
      requestText: '请认定',
    });
    expect(missing.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(missing).details[0]?.field).toBe(
      'determinationType',
    );
    const unknown = await refer(liaison, ticketId, {
      departments: ['fangguan', 'nosuch'],
      kind: 'information',
      requestText: '请提供信息',
    });
    expect(unknown.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(unknown).details[0]?.field).toBe('departments.1');
    expect(await staffReferrals(liaison, ticketId)).toHaveLength(2);
  });

  it('lets a liaison of another street neither see nor refer the ticket', async () => {
    const other = await loginAs(t.app, 'dinghai.1');
    expect((await get(`/api/staff/tickets/${ticketId}/referrals`, other)).statusCode).toBe(404);
    const res = await refer(other, ticketId, {
      departments: ['fangguan'],
      kind: 'information',
      requestText: '请提供信息',
    });
    expect(res.statusCode).toBe(404);
  });

  it("shows each department only its own referral; the other's id is not found", async () => {
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const list = json<DepartmentReferralList>(await get('/api/dept/referrals', fangguan));
    expect(list.items.map((i) => i.id)).toEqual([fangguanId]);
    expect(list.items[0]?.replyDueAt).toBe(new Date('2025-10-10T23:59:59.999+08:00').toISOString());
    expect((await get(`/api/dept/referrals/${lvhuaId}`, fangguan)).statusCode).toBe(404);
    const answer = await post(`/api/dept/referrals/${lvhuaId}/answer`, fangguan, { text: '不是' });
    expect(answer.statusCode).toBe(404);
    const lvhua = await loginAs(t.app, 'lvhua.dept');
    const theirs = json<DepartmentReferralList>(await get('/api/dept/referrals', lvhua));
    expect(theirs.items.map((i) => i.id)).toEqual([lvhuaId]);
  });

  it('shows the department the facts it needs; no one else may use its routes', async () => {
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const detail = json<DepartmentReferral>(
      await get(`/api/dept/referrals/${fangguanId}`, fangguan),
    );
    expect(detail.ticket.description).toBe('12号楼顶加盖了一层彩钢板房，疑似违法搭建。');
    expect(detail.ticket.building.name).toBe(t.demo.samplePlacard.building);
    expect(detail.ticket.community).toBe('殷行一村居委会');
    expect(detail.ticket.trackingCode).toMatch(/^LL-/);
    expect(detail.steps).toEqual(['accept', 'decline', 'answer']);
    expect((await get('/api/dept/referrals', liaison)).statusCode).toBe(403);
  });

  it('keeps states apart: one department answers, the other has not replied', async () => {
    setClock('2025-10-09T10:00:00');
    const fangguan = await loginAs(t.app, 'fangguan.dept');
    const accepted = json<DepartmentReferral>(
      await post(`/api/dept/referrals/${fangguanId}/accept`, fangguan, {}),
    );
    expect(accepted.status).toBe('accepted');
    expect(accepted.steps).toEqual(['decline', 'answer']);
    const again = await post(`/api/dept/referrals/${fangguanId}/accept`, fangguan, {});
    expect(again.statusCode).toBe(422);
    expect(json(again).error).toBe('transition_refused');
    const photoId = await upload('/api/dept/photos', fangguan);
    const answered = json<DepartmentReferral>(
      await post(`/api/dept/referrals/${fangguanId}/answer`, fangguan, {
        text: '经现场核查，该彩钢板房未取得规划许可，属于违法建筑。',
        photoIds: [photoId],
      }),
    );
    expect(answered.status).toBe('answered');
    expect(answered.steps).toEqual([]);
    expect(answered.replyPhotos.map((p) => p.id)).toEqual([photoId]);

    liaison = await loginAs(t.app, liaisonUser);
    const items = await staffReferrals(liaison, ticketId);
    const mine = byDepartment(items, 'fangguan');
    expect(mine.status).toBe('answered');
    expect(mine.replyText).toBe('经现场核查，该彩钢板房未取得规划许可，属于违法建筑。');
    expect(mine.repliedAt).toBe(local('2025-10-09T10:00:00').toISOString());
    expect(mine.repliedLate).toBe(false);
    expect(byDepartment(items, 'lvhua').status).toBe('sent');
    const photo = await get(`/api/staff/referrals/${fangguanId}/photos/${photoId}`, liaison);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
  });

  it('marks the unanswered referral overdue only after 24:00 on 10 October', async () => {
    setClock('2025-10-10T23:59:59');
    liaison = await loginAs(t.app, liaisonUser);
    expect(byDepartment(await staffReferrals(liaison, ticketId), 'lvhua').overdue).toBe(false);

    setClock('2025-10-11T00:00:01');
    liaison = await loginAs(t.app, liaisonUser);
    const items = await staffReferrals(liaison, ticketId);
    expect(byDepartment(items, 'lvhua').overdue).toBe(true);
    expect(byDepartment(items, 'fangguan').overdue).toBe(false);
    const lvhua = await loginAs(t.app, 'lvhua.dept');
    const overdue = json<DepartmentReferralList>(
      await get('/api/dept/referrals?status=overdue', lvhua),
    );
    expect(overdue.items.map((i) => [i.id, i.overdue])).toEqual([[lvhuaId, true]]);
  });

  it('marks an answer of 11 October late, for the department and officers alike', async () => {
    setClock('2025-10-11T09:30:00');
    const lvhua = await loginAs(t.app, 'lvhua.dept');
    const answered = json<DepartmentReferral>(
      await post(`/api/dept/referrals/${lvhuaId}/answer`, lvhua, { text: '经核查，绿化未受损。' }),
    );
    expect([answered.status, answered.repliedLate, answered.overdue]).toEqual([
      'answered',
      true,
      false,
    ]);
    const rows = json<DepartmentReferralList>(
      await get('/api/dept/referrals?status=answered', lvhua),
    );
    expect(rows.items.map((i) => [i.id, i.repliedLate])).toEqual([[lvhuaId, true]]);
    liaison = await loginAs(t.app, liaisonUser);
    const items = await staffReferrals(liaison, ticketId);
    expect(byDepartment(items, 'lvhua').repliedLate).toBe(true);
    expect(byDepartment(items, 'fangguan').repliedLate).toBe(false);
  });
});

describe('transferring a matter outside the bureau (城管条例 Art 26)', () => {
  let ticketId: string;

  beforeAll(async () => {
    setClock('2025-09-30T15:00:00');
    ticketId = await fileComplaint('小区绿地里的树被人砍了。', await loginAs(t.app, liaisonUser));
  });

  it('is in time when sent on 10 October for a ticket received on 30 September', async () => {
    setClock('2025-10-10T10:00:00');
    const liaison = await loginAs(t.app, liaisonUser);
    const res = await refer(liaison, ticketId, {
      departments: ['lvhua'],
      kind: 'transfer',
      requestText: '砍伐树木属绿化部门职责，移送处理。',
    });
    expect(res.statusCode).toBe(201);
    const transfer = byDepartment(json<{ items: StaffReferral[] }>(res).items, 'lvhua');
    expect(transfer.transfer).toEqual({
      dueAt: new Date('2025-10-11T23:59:59.999+08:00').toISOString(),
      late: false,
    });
  });

  it('is late when sent on 13 October', async () => {
    setClock('2025-10-13T09:00:00');
    const liaison = await loginAs(t.app, liaisonUser);
    const res = await refer(liaison, ticketId, {
      departments: ['guihua'],
      kind: 'transfer',
      requestText: '移送处理。',
    });
    const transfer = byDepartment(json<{ items: StaffReferral[] }>(res).items, 'guihua');
    expect(transfer.transfer?.late).toBe(true);
  });
});

describe('a delivery that fails for one destination', () => {
  let liaison: string;
  let ticketId: string;

  /** An administrator disables or re-enables the department's only account. */
  async function setAccountActive(username: string, active: boolean): Promise<void> {
    await t.handle.db
      .updateTable('staff')
      .set({ active: active ? 1 : 0 })
      .where('username', '=', username)
      .execute();
  }

  it('is marked failed for that department alone, which does not see it yet', async () => {
    setClock('2025-10-14T09:00:00');
    liaison = await loginAs(t.app, liaisonUser);
    ticketId = await fileComplaint('物业把小区道路划成了停车位收费。', liaison);
    await setAccountActive('shuju.dept', false);
    const res = await refer(liaison, ticketId, {
      departments: ['chengyun', 'shuju'],
      kind: 'evidence',
      requestText: '请调取小区入口监控视频。',
    });
    const items = json<{ items: StaffReferral[] }>(res).items;
    expect(byDepartment(items, 'chengyun').delivery).toEqual({
      state: 'delivered',
      attempts: 1,
      lastError: null,
    });
    const failed = byDepartment(items, 'shuju');
    expect(failed.delivery).toEqual({
      state: 'failed',
      attempts: 1,
      lastError: 'no_active_account',
    });
    expect(failed.sentAt).toBeNull();
    expect(failed.replyDueAt).toBeNull();
    await setAccountActive('shuju.dept', true);
    const shuju = await loginAs(t.app, 'shuju.dept');
    expect(json<DepartmentReferralList>(await get('/api/dept/referrals', shuju)).items).toEqual([]);
  });

  it('is delivered again by a retry that touches only the failed destination', async () => {
    setClock('2025-10-15T09:00:00');
    liaison = await loginAs(t.app, liaisonUser);
    const before = await staffReferrals(liaison, ticketId);
    const delivered = byDepartment(before, 'chengyun');
    const failed = byDepartment(before, 'shuju');
    const res = await post(`/api/staff/referrals/${failed.id}/retry`, liaison, {});
    expect(res.statusCode).toBe(200);
    const retried = json<StaffReferral>(res);
    expect(retried.delivery).toEqual({ state: 'delivered', attempts: 2, lastError: null });
    // The 10 days run from the day the department received the notice.
    expect(retried.sentAt).toBe(local('2025-10-15T09:00:00').toISOString());
    expect(retried.replyDueAt).toBe(new Date('2025-10-25T23:59:59.999+08:00').toISOString());
    expect(byDepartment(await staffReferrals(liaison, ticketId), 'chengyun')).toEqual(delivered);
    const twice = await post(`/api/staff/referrals/${delivered.id}/retry`, liaison, {});
    expect(twice.statusCode).toBe(422);
    const shuju = await loginAs(t.app, 'shuju.dept');
    const list = json<DepartmentReferralList>(await get('/api/dept/referrals', shuju));
    expect(list.items.map((i) => i.id)).toEqual([failed.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type { PublicQa, PublicQaList, QaDraft, StaffQa } from '../../contract/qa.js';
import type { Receipt, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let token: string;
let liaison: string;
let building: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T02:00:00.000Z'));
  token = t.demo.samplePlacard.token;
  building = t.demo.samplePlacard.building;
  const row = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  liaison = row.username;
});

afterAll(async () => {
  await t.close();
});

async function as(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const cookie = await loginAs(t.app, user);
  return t.app.inject({ method, url, payload, headers: { cookie } });
}

/** A consultation from the placard, answered by the room's liaison; returns its staff view. */
async function answeredConsultation(description: string, reply: string) {
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: token,
        kind: 'consultation',
        matterCode: 'FXCD',
        description,
        phone: '13900139000',
        reporterName: '王小明',
      },
    }),
  );
  const list = json<TicketList>(
    await as('admin', 'GET', '/api/staff/tickets?status=all&pageSize=100'),
  );
  const id = list.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  await as(liaison, 'POST', `/api/staff/tickets/${id}/actions/accept`, {});
  await as(liaison, 'POST', `/api/staff/tickets/${id}/actions/contact`, { method: 'phone' });
  const done = await as(liaison, 'POST', `/api/staff/tickets/${id}/actions/resolve`, {
    outcome: 'answered',
    reply,
  });
  expect(done.statusCode).toBe(200);
  return json<StaffTicket>(done);
}

async function auditActions(recordId: string) {
  const rows = await t.handle.db
    .selectFrom('audit_entries')
    .select(['action', 'actor_id'])
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('publishing a consultation', () => {
  it('pre-fills a draft without phone, house number, name or ticket code', async () => {
    const ticket = await answeredConsultation(
      `我是王小明，住${building}302室，电话13900139000。楼下飞线充电归谁管？`,
      '归城管执法部门管，可以扫码反映。如有疑问请回电 13800138000。',
    );
    const draft = json<QaDraft>(
      await as(liaison, 'GET', `/api/staff/tickets/${ticket.id}/qa-draft`),
    );
    expect(draft.canPublish).toBe(true);
    expect(draft.question).toBe(
      '我是[姓名已隐去]，住[楼栋已隐去][门牌已隐去]，电话[电话已隐去]。楼下飞线充电归谁管？',
    );
    expect(draft.answer).toBe('归城管执法部门管，可以扫码反映。如有疑问请回电 [电话已隐去]。');
    expect(draft.removed).toEqual(
      expect.arrayContaining(['phone', 'name', 'building', 'house_number']),
    );
    expect(draft.matterCode).toBe('FXCD');
    expect(draft.existing).toBeNull();
  });

  it('refuses text that still holds a phone, naming the field, and writes nothing', async () => {
    const ticket = await answeredConsultation('飞线充电归谁管？', '归城管管。');
    const res = await as(liaison, 'POST', '/api/staff/qa', {
      ticketId: ticket.id,
      question: '飞线充电归谁管？',
      answer: '请联系 139-0013-9000 或 wang@example.com',
      matterCode: 'FXCD',
    });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.details?.map((d) => [d.field, d.message])).toEqual([
      ['answer', '回答中仍含有电子邮箱，请删除后再发布'],
      ['answer', '回答中仍含有电话号码，请删除后再发布'],
    ]);
    const count = await t.handle.db
      .selectFrom('qa_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('source_ticket_id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses the reporter name and the tracking code left in the question', async () => {
    const ticket = await answeredConsultation('飞线充电归谁管？', '归城管管。');
    const res = await as(liaison, 'POST', '/api/staff/qa', {
      ticketId: ticket.id,
      question: `王小明问（${ticket.trackingCode}）：飞线充电归谁管？`,
      answer: '归城管管。',
      matterCode: null,
    });
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).details?.map((d) => d.messageEn)).toEqual([
      'the question still contains the ticket code; remove it before publishing',
      "the question still contains the reporter's name; remove it before publishing",
    ]);
  });

  it('refuses a consultation that is not answered yet, and any other kind', async () => {
    const receipt = json<Receipt>(
      await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: { placardToken: token, kind: 'consultation', description: '还没回复的咨询' },
      }),
    );
    const list = json<TicketList>(
      await as('admin', 'GET', '/api/staff/tickets?status=all&pageSize=100'),
    );
    const id = list.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
    const draft = json<QaDraft>(await as('admin', 'GET', `/api/staff/tickets/${id}/qa-draft`));
    expect(draft.canPublish).toBe(false);
    const res = await as('admin', 'POST', '/api/staff/qa', {
      ticketId: id,
      question: '问题',
      answer: '回答',
      matterCode: null,
    });
    expect(res.statusCode).toBe(422);
    expect(json<ErrorBody>(res).details?.[0]?.field).toBe('ticketId');
  });

  it('publishes, shows in /qa without ticket, code or building, unpublishes; audited', async () => {
    const ticket = await answeredConsultation('飞线充电归谁管？我家在楼上', '归城管执法部门管。');
    const res = await as(liaison, 'POST', '/api/staff/qa', {
      ticketId: ticket.id,
      question: '楼下飞线充电归谁管？',
      answer: '归城管执法部门管，请扫楼栋联络牌反映。',
      matterCode: 'FXCD',
    });
    expect(res.statusCode).toBe(200);
    const entry = json<StaffQa>(res);
    expect(entry.status).toBe('published');
    expect(entry.ticket).toEqual({ id: ticket.id, trackingCode: ticket.trackingCode });

    const list = await t.app.inject({ url: '/api/public/qa?q=%E9%A3%9E%E7%BA%BF&matterCode=FXCD' });
    const publicList = json<PublicQaList>(list);
    expect(publicList.items.map((i) => i.question)).toContain('楼下飞线充电归谁管？');
    expect(publicList.matters).toEqual([
      expect.objectContaining({ code: 'FXCD', count: publicList.total }),
    ]);
    const detail = await t.app.inject({ url: `/api/public/qa/${entry.id}` });
    expect(Object.keys(json<PublicQa>(detail)).sort()).toEqual([
      'answer',
      'id',
      'matter',
      'publishedAt',
      'question',
    ]);
    for (const secret of [ticket.id, ticket.trackingCode, building, '13900139000', '王']) {
      expect(list.body).not.toContain(secret);
      expect(detail.body).not.toContain(secret);
    }

    const off = await as(liaison, 'POST', `/api/staff/qa/${entry.id}/unpublish`);
    expect(json<StaffQa>(off).status).toBe('unpublished');
    expect((await t.app.inject({ url: `/api/public/qa/${entry.id}` })).statusCode).toBe(404);
    expect(await auditActions(entry.id)).toEqual(['qa.publish', 'qa.unpublish']);
  });

  it('lets only the publisher, the street admin and the bureau admin manage an entry', async () => {
    const ticket = await answeredConsultation(
      '装修噪声几点以后不允许？',
      '18时至次日8时不得施工。',
    );
    const entry = json<StaffQa>(
      await as(liaison, 'POST', '/api/staff/qa', {
        ticketId: ticket.id,
        question: '装修噪声几点以后不允许？',
        answer: '18时至次日8时不得施工。',
        matterCode: 'ZXZS',
      }),
    );
    const otherStreet = t.demo.accounts.find(
      (a) => a.role === 'street_admin' && a.street !== t.demo.samplePlacard.street,
    );
    const refused = await as(
      otherStreet?.username ?? '',
      'POST',
      `/api/staff/qa/${entry.id}/unpublish`,
    );
    expect(refused.statusCode).toBe(403);
    const edited = await as('yinhang.admin', 'PATCH', `/api/staff/qa/${entry.id}`, {
      answer: '每日18时至次日8时及法定节假日不得进行产生噪声的装修作业。',
    });
    expect(json<StaffQa>(edited).answer).toBe(
      '每日18时至次日8时及法定节假日不得进行产生噪声的装修作业。',
    );
    const bad = await as('yinhang.admin', 'PATCH', `/api/staff/qa/${entry.id}`, {
      question: '请打13800138000',
    });
    expect(json<ErrorBody>(bad).details?.[0]?.field).toBe('question');
    const room = await as('yinhang.admin', 'PATCH', `/api/staff/qa/${entry.id}`, {
      question: '我住殷行一村12号402室，车牌沪A12345，楼下装修太吵',
    });
    expect(room.statusCode).toBe(400);
    expect(json<ErrorBody>(room).details?.map((d) => d.message)).toEqual([
      '问题中仍含有门牌号或房号，请删除后再发布',
      '问题中仍含有车牌号，请删除后再发布',
    ]);
    expect(await auditActions(entry.id)).toEqual(['qa.publish', 'qa.edit']);
  });
});

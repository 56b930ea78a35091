import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseList, MaskedParty, StaffCase } from '../../contract/case-views.js';
import type { Receipt, TicketList } from '../../contract/tickets.js';
import {
  caseOf,
  get,
  openCaseScene,
  post,
  registration,
  step,
  ticketOf,
  type CaseScene,
} from '../../../test/case-scene.js';

let s: CaseScene;
let liaison: string;
let c: StaffCase;
let ticketId: string;

beforeAll(async () => {
  s = await openCaseScene('2026-03-02T10:00:00');
  liaison = s.users.liaison;
  ticketId = await s.acceptedTicket('楼下有人在门厅给电瓶车充电。');
  c = caseOf(
    await post(s.t, await s.as(liaison), '/api/staff/cases', registration({ ticketId })),
    201,
  );
});

afterAll(async () => {
  await s.close();
});

describe('who sees and works a case', () => {
  it('shows it to the liaisons and the admin of its street and to the bureau admin', async () => {
    for (const user of [liaison, s.users.colleague, 'yinhang.admin', 'admin']) {
      const res = await get(s.t, await s.as(user), `/api/staff/cases/${c.id}`);
      expect(res.statusCode, user).toBe(200);
    }
  });

  it('hides it from a liaison of another street', async () => {
    const res = await get(s.t, await s.as(s.users.stranger), `/api/staff/cases/${c.id}`);
    expect(res.statusCode).toBe(404);
    const list = await get(s.t, await s.as(s.users.stranger), '/api/staff/cases');
    expect(list.json<CaseList>().total).toBe(0);
  });

  it('refuses departments and auditors every case route', async () => {
    for (const user of ['auditor', 'fangguan.dept']) {
      const cookie = await s.as(user);
      expect((await get(s.t, cookie, '/api/staff/cases')).statusCode, user).toBe(403);
      expect((await get(s.t, cookie, `/api/staff/cases/${c.id}`)).statusCode, user).toBe(403);
      const res = await post(s.t, cookie, '/api/staff/cases', registration());
      expect(res.statusCode, user).toBe(403);
    }
  });

  it('refuses to close a ticket case by someone who may not answer the ticket', async () => {
    const colleague = s.users.colleague;
    caseOf(await step(s, colleague, c.id, 'investigate', {}));
    const res = await step(s, colleague, c.id, 'cancel', { reason: '重复立案' });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ details: { field: string }[] }>().details[0]?.field).toBe('ticket');
    const same = caseOf(await get(s.t, await s.as(liaison), `/api/staff/cases/${c.id}`));
    expect(same.status).toBe('investigating');
    expect((await ticketOf(s, liaison, ticketId)).status).toBe('in_case');
  });

  it('lets the street admin cancel it, answering the ticket as not substantiated', async () => {
    const cancelled = caseOf(
      await step(s, 'yinhang.admin', c.id, 'cancel', { reason: '经核查，车辆已移走' }),
    );
    expect(cancelled.status).toBe('cancelled');
    const ticket = await ticketOf(s, liaison, ticketId);
    expect(ticket.status).toBe('resolved');
    expect(ticket.outcome).toBe('not_substantiated');
    expect(ticket.reply).toBe('经调查核实，不符合立案查处条件，已撤销立案。');
  });
});

describe('registering from a ticket the machine does not allow', () => {
  it('answers 422 naming the ticket and changes nothing', async () => {
    const filed = await s.t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: s.t.demo.samplePlacard.token,
        kind: 'report',
        description: '楼道里有人堆放杂物。',
      },
    });
    const code = filed.json<Receipt>().trackingCode;
    const inbox = await get(s.t, await s.as(liaison), '/api/staff/tickets?pageSize=100');
    const id = inbox.json<TicketList>().items.find((i) => i.trackingCode === code)?.id ?? '';
    const before = await get(s.t, await s.as('yinhang.admin'), '/api/staff/cases?status=all');
    const res = await post(
      s.t,
      await s.as(liaison),
      '/api/staff/cases',
      registration({ ticketId: id }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: string; details: { field: string }[] }>()).toMatchObject({
      error: 'transition_refused',
      details: [{ field: 'ticketId' }],
    });
    const byAdmin = await post(
      s.t,
      await s.as('yinhang.admin'),
      '/api/staff/cases',
      registration({ ticketId: id }),
    );
    expect(byAdmin.statusCode).toBe(422);
    expect(byAdmin.json<{ details: { message: string }[] }>().details[0]?.message).toBe(
      '该诉求当前不能转为案件（须已受理且尚未办结）',
    );
    const after = await get(s.t, await s.as('yinhang.admin'), '/api/staff/cases?status=all');
    expect(after.json<CaseList>().total).toBe(before.json<CaseList>().total);
    expect((await ticketOf(s, liaison, id)).status).toBe('submitted');
  });

  it('answers 404 for a ticket of another street', async () => {
    const res = await post(
      s.t,
      await s.as(s.users.stranger),
      '/api/staff/cases',
      registration({ ticketId }),
    );
    expect(res.statusCode).toBe(404);
  });
});

describe("the party's details", () => {
  it('reveals them in full to an officer of the case, audited without values', async () => {
    const res = await post(
      s.t,
      await s.as('yinhang.admin'),
      `/api/staff/cases/${c.id}/party/reveal`,
      {},
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<MaskedParty>()).toEqual({
      kind: 'person',
      name: '张三丰',
      idNumber: '310110198001011236',
      address: '殷行路100弄3号101室',
      phone: '13912345678',
    });
    const entry = await s.t.handle.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'case.party_reveal')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail)).toEqual({ fields: ['name', 'idNumber', 'address', 'phone'] });
  });
});

describe('the list', () => {
  it('marks a case whose decision is overdue and finds it with the overdue filter', async () => {
    const open = caseOf(
      await post(
        s.t,
        await s.as(liaison),
        '/api/staff/cases',
        registration({ matterCode: 'FXCD' }),
      ),
      201,
    );
    s.at('2026-06-01T09:00:00');
    const overdue = await get(s.t, await s.as('yinhang.admin'), '/api/staff/cases?due=overdue');
    const rows = overdue.json<CaseList>().items;
    expect(rows.map((r) => r.id)).toEqual([open.id]);
    expect(rows[0]?.nextDue).toEqual({ key: 'decision', lastDay: '2026-05-31', overdue: true });
    expect(rows[0]?.party).toBe('张*');
  });
});

// The name a reporter may leave: optional, stored encrypted apart from the ticket, shown to staff
// masked (张*), in full only through the audited reveal, and refused when it is not a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../contract/common.js';
import type { RevealedReporter } from '../../contract/reporter.js';
import type { Receipt, StaffTicket } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let assigneeCookie: string;

function submit(payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '楼道灯坏了，晚上看不见台阶。',
      ...payload,
    },
  });
}

async function ticketIdOf(receipt: Receipt): Promise<string> {
  const row = await t.handle.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function stored(ticketId: string) {
  return t.handle.db
    .selectFrom('ticket_reporters')
    .select(['name_enc', 'name_masked', 'phone_masked'])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
}

const countTickets = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  const first = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.username')
    .where('buildings.placard_token', '=', t.demo.samplePlacard.token)
    .orderBy('room_liaisons.sort')
    .executeTakeFirstOrThrow();
  assigneeCookie = await loginAs(t.app, first.username);
});

afterAll(async () => {
  await t.close();
});

describe('the reporter name', () => {
  it('is stored encrypted and normalised, shown as 张* and in full only on reveal', async () => {
    const res = await submit({ reporterName: '  张三 ', phone: '13800138000' });
    expect(res.statusCode).toBe(201);
    const id = await ticketIdOf(json<Receipt>(res));
    const row = await stored(id);
    expect(row.name_masked).toBe('张*');
    expect(row.name_enc).not.toContain('张三');
    expect(t.ctx.cipher.decrypt(row.name_enc ?? '')).toBe('张三');

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/actions/accept`,
      payload: {},
      headers: { cookie: assigneeCookie },
    });
    expect(accepted.statusCode).toBe(200);
    const view = await t.app.inject({
      url: `/api/staff/tickets/${id}`,
      headers: { cookie: assigneeCookie },
    });
    expect(json<StaffTicket>(view).reporterNameMasked).toBe('张*');
    expect(json<StaffTicket>(view).reporterPhoneMasked).toBe('138****8000');
    expect(view.body).not.toContain('张三');

    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/reporter/reveal`,
      payload: { reason: '电话回访，需称呼诉求人' },
      headers: { cookie: assigneeCookie },
    });
    expect(reveal.statusCode).toBe(200);
    expect(json<RevealedReporter>(reveal)).toMatchObject({ name: '张三', phone: '13800138000' });
  });

  it('takes a name with the middle dot and masks it to its first character', async () => {
    const res = await submit({ reporterName: '阿依古丽·买买提' });
    expect(res.statusCode).toBe(201);
    const row = await stored(await ticketIdOf(json<Receipt>(res)));
    expect(row.name_masked).toBe('阿*');
    expect(row.phone_masked).toBeNull();
  });

  it('treats an empty name as none', async () => {
    const res = await submit({ reporterName: '   ' });
    expect(res.statusCode).toBe(201);
    const row = await stored(await ticketIdOf(json<Receipt>(res)));
    expect(row).toEqual({ name_enc: null, name_masked: null, phone_masked: null });
  });

  it.each([
    ['digits, such as a phone number', '张三13800138000'],
    ['more than 30 characters', '张'.repeat(31)],
    ['markup', '<b>张三</b>'],
  ])('refuses %s, naming reporterName, and files nothing', async (_what, reporterName) => {
    const before = await countTickets();
    const res = await submit({ reporterName });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error).toBe('validation_failed');
    expect(body.details?.map((d) => d.field)).toEqual(['reporterName']);
    expect(await countTickets()).toBe(before);
  });
});

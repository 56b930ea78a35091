// A supervised (督办) ticket is due by its own 3-working-day limit: past it, the ticket is
// overdue in the lists and on its page even while the resolve deadline is still ahead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let id: string;

async function staff(url: string, username: string, payload?: object) {
  return t.app.inject({
    method: payload ? 'POST' : 'GET',
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: await loginAs(t.app, username) },
  });
}

const listed = async (due: string) =>
  json<TicketList>(await staff(`/api/staff/tickets?due=${due}&pageSize=100`, 'admin')).items.map(
    (i) => i.id,
  );

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: {
        placardToken: t.demo.samplePlacard.token,
        kind: 'complaint',
        description: '楼道堆物',
      },
    }),
  );
  const all = json<TicketList>(await staff('/api/staff/tickets?status=all', 'admin'));
  id = all.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  t.clock.now = new Date('2025-10-09T10:00:00+08:00');
  const flagged = await staff(`/api/staff/tickets/${id}/actions/supervise`, 'admin', {
    reason: '群众反映强烈',
  });
  expect(flagged.statusCode).toBe(200);
});

afterAll(async () => {
  await t.close();
});

describe('the supervision deadline', () => {
  it('is soon due within its last day, while the resolve deadline is further away', async () => {
    t.clock.now = new Date('2025-10-13T09:00:00+08:00');
    const ticket = json<StaffTicket>(await staff(`/api/staff/tickets/${id}`, 'admin'));
    expect(ticket.deadlines).toMatchObject({
      supervisionDueAt: new Date('2025-10-13T23:59:59.999+08:00').toISOString(),
      resolveDueAt: new Date('2025-10-14T23:59:59.999+08:00').toISOString(),
      supervisionOverdue: false,
      resolveOverdue: false,
    });
    expect(await listed('soon')).toContain(id);
    expect(await listed('overdue')).not.toContain(id);
  });

  it('makes the ticket overdue once it has passed, before the resolve deadline', async () => {
    t.clock.now = new Date('2025-10-14T09:00:00+08:00');
    const ticket = json<StaffTicket>(await staff(`/api/staff/tickets/${id}`, 'admin'));
    expect(ticket.deadlines.supervisionOverdue).toBe(true);
    expect(ticket.deadlines.resolveOverdue).toBe(false);
    expect(await listed('overdue')).toContain(id);
  });
});

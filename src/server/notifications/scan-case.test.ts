// A ticket that moved into an enforcement case has left the ticket clock: the deadline scan
// queues no soon-due or overdue reminder for it, and one queued before is skipped at send time.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { registration } from '../../../test/case-scene.js';
import { deliverDue } from './delivery.js';
import { scanDeadlines } from './scan.js';

let t: TestApp;
let id: string;
let dueAt: Date;

async function as(username: string, url: string, payload?: object) {
  return t.app.inject({
    method: payload ? 'POST' : 'GET',
    url,
    ...(payload ? { payload } : {}),
    headers: { cookie: await loginAs(t.app, username) },
  });
}

const reminders = () =>
  t.handle.db
    .selectFrom('outbox')
    .select(['event', 'status'])
    .where('ticket_id', '=', id)
    .where('event', 'in', ['soon_due', 'overdue'])
    .execute();

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: t.demo.samplePlacard.token, kind: 'complaint', description: '充电' },
    }),
  );
  dueAt = new Date(receipt.resolveDueAt);
  const all = json<TicketList>(await as('yinhang.1', '/api/staff/tickets?status=all'));
  id = all.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  expect((await as('yinhang.1', `/api/staff/tickets/${id}/actions/accept`, {})).statusCode).toBe(
    200,
  );
});

afterAll(async () => {
  await t.close();
});

describe('reminders for a ticket in an enforcement case', () => {
  it('queues a soon-due reminder on the clock, none once the case is registered', async () => {
    const soon = new Date(dueAt.getTime() - 3 * 3600_000);
    expect(await scanDeadlines(t.ctx, soon)).toEqual({ soonDue: 1, overdue: 0 });
    const registered = await as('yinhang.1', '/api/staff/cases', registration({ ticketId: id }));
    expect(registered.statusCode, registered.body).toBe(201);
    await deliverDue(t.ctx, soon, { logger: pino({ level: 'silent' }) });
    expect(await reminders()).toEqual([{ event: 'soon_due', status: 'skipped' }]);
  });

  it('queues no overdue reminder after the deadline has passed', async () => {
    const late = new Date(dueAt.getTime() + 3600_000);
    expect(await scanDeadlines(t.ctx, late)).toEqual({ soonDue: 0, overdue: 0 });
    expect(await reminders()).toEqual([{ event: 'soon_due', status: 'skipped' }]);
  });
});

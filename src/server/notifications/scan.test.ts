import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { submitTicket } from '../tickets/submission.js';
import { deliverDue } from './delivery.js';
import { scanDeadlines } from './scan.js';

let t: TestApp;
let ticketId: string;
let trackingCode: string;
let dueAt: Date;

const hours = (h: number) => new Date(dueAt.getTime() + h * 3600_000);

function remindersOf(id: string) {
  return t.ctx.db
    .selectFrom('outbox')
    .select(['id', 'event', 'audience', 'staff_id', 'status'])
    .where('ticket_id', '=', id)
    .where('event', 'in', ['soon_due', 'overdue'])
    .orderBy('created_at')
    .execute();
}

/** Files a complaint from the demo placard through the real submission service. */
async function fileComplaint(): Promise<{ id: string; trackingCode: string; dueAt: Date }> {
  const { receipt } = await submitTicket(
    t.ctx,
    {
      placardToken: t.demo.samplePlacard.token,
      kind: 'complaint',
      description: '小区门口夜间施工噪声扰民。',
      photoIds: [],
    },
    null,
  );
  const row = await t.ctx.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return { id: row.id, trackingCode: receipt.trackingCode, dueAt: new Date(receipt.resolveDueAt) };
}

/** One step by the room's first liaison through the HTTP API. */
async function staffStep(id: string, action: string, payload: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/actions/${action}`,
    payload,
    headers: { cookie: await loginAs(t.app, 'yinhang.1') },
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  ({ id: ticketId, trackingCode, dueAt } = await fileComplaint());
  await staffStep(ticketId, 'accept', {});
});

afterAll(async () => {
  await t.close();
});

describe('the deadline scan', () => {
  it('queues nothing while the deadline is more than a day away', async () => {
    expect(await scanDeadlines(t.ctx, hours(-25))).toEqual({ soonDue: 0, overdue: 0 });
    expect(await remindersOf(ticketId)).toHaveLength(0);
  });

  it('queues one soon-due reminder to the assignee within the last day, not two', async () => {
    expect(await scanDeadlines(t.ctx, hours(-20))).toEqual({ soonDue: 1, overdue: 0 });
    expect(await scanDeadlines(t.ctx, hours(-2))).toEqual({ soonDue: 0, overdue: 0 });
    const assignee = await t.ctx.db
      .selectFrom('tickets')
      .select('assignee_id')
      .where('id', '=', ticketId)
      .executeTakeFirstOrThrow();
    const reminders = await remindersOf(ticketId);
    expect(reminders.map((r) => [r.event, r.audience, r.staff_id])).toEqual([
      ['soon_due', 'staff', assignee.assignee_id],
    ]);
  });

  it('queues one overdue message per ticket, not two on a second scan', async () => {
    expect(await scanDeadlines(t.ctx, hours(1))).toEqual({ soonDue: 0, overdue: 1 });
    expect(await scanDeadlines(t.ctx, hours(30))).toEqual({ soonDue: 0, overdue: 0 });
    const overdue = (await remindersOf(ticketId)).filter((r) => r.event === 'overdue');
    expect(overdue).toHaveLength(1);
  });

  it('tells the liaison in words that the ticket is overdue, on their own mobile', async () => {
    const assignee = await t.ctx.db
      .selectFrom('tickets')
      .innerJoin('staff', 'staff.id', 'tickets.assignee_id')
      .select(['staff.mobile_enc', 'staff.mobile_masked', 'staff.work_phone'])
      .where('tickets.id', '=', ticketId)
      .executeTakeFirstOrThrow();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    await deliverDue(t.ctx, hours(31), { logger });

    const overdue = (await remindersOf(ticketId)).find((r) => r.event === 'overdue');
    expect(overdue?.status).toBe('sent');
    const line = lines.find((l) => overdue && l.includes(overdue.id)) ?? '';
    const logged = JSON.parse(line) as { to: string; text: string };
    // The demo seed gives yinhang.1 an invented mobile; the landline on the placard is not used.
    expect(assignee.mobile_masked).toMatch(/^138\*{4}\d{4}$/);
    expect(logged.to).toBe(assignee.mobile_masked);
    expect(t.ctx.cipher.decrypt(assignee.mobile_enc ?? '')).toMatch(/^1380000\d{4}$/);
    expect(assignee.work_phone).toMatch(/^021-/);
    expect(logged.text).toBe(
      `【邻里】已超期：${trackingCode} 殷行一村1号楼，办结期限 2025年10月14日 已过，请立即办理。`,
    );
  });

  it('skips a reminder when the ticket was resolved before it went out', async () => {
    const { id: other } = await fileComplaint();
    await staffStep(other, 'accept', {});
    expect((await scanDeadlines(t.ctx, hours(-3))).soonDue).toBe(1);
    await staffStep(other, 'contact', { method: 'phone' });
    await staffStep(other, 'resolve', { outcome: 'corrected', reply: '已责令施工方夜间停工。' });

    // The reminder, and the resident's 'accepted' and 'replied' messages: no phone was left.
    expect(
      (await deliverDue(t.ctx, hours(-2), { logger: pino({ level: 'silent' }) })).skipped,
    ).toBe(3);
    const [reminder] = await remindersOf(other);
    expect(reminder?.status).toBe('skipped');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt, ResidentTicket, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { registration } from '../../../test/case-scene.js';
import type { ErrorBody } from '../../contract/common.js';
import { verifyAuditChain } from '../audit/service.js';
import { closeUnratedTickets } from './resident-steps.js';

let t: TestApp;
let token: string;
let liaisonUser: string;

const filedAt = new Date('2025-09-30T15:20:00+08:00');

/** The instant a person reads as the end of that Shanghai day. */
function endOf(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

beforeAll(async () => {
  t = await startTestApp(filedAt);
  token = t.demo.samplePlacard.token;
  const rows = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username'])
    .where('buildings.placard_token', '=', token)
    .orderBy('room_liaisons.sort')
    .execute();
  liaisonUser = rows[0]?.username ?? '';
});

afterAll(async () => {
  await t.close();
});

/** Files a complaint at `at` and returns its receipt and staff id. */
async function fileComplaint(at = filedAt, description = '楼道堆物') {
  t.clock.now = at;
  const receipt = json<Receipt>(
    await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: token, kind: 'complaint', description },
    }),
  );
  const admin = await loginAs(t.app, 'admin');
  const list = json<TicketList>(
    await t.app.inject({
      url: '/api/staff/tickets?status=all&pageSize=100',
      headers: { cookie: admin },
    }),
  );
  const id = list.items.find((i) => i.trackingCode === receipt.trackingCode)?.id ?? '';
  return { receipt, id };
}

async function step(user: string, id: string, action: string, payload: object = {}) {
  const cookie = await loginAs(t.app, user);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/actions/${action}`,
    payload,
    headers: { cookie },
  });
  if (res.statusCode !== 200) {
    throw new Error(`${action} by ${user}: ${res.statusCode} ${res.body}`);
  }
  return json<StaffTicket>(res);
}

async function view(user: string, id: string) {
  const cookie = await loginAs(t.app, user);
  return t.app.inject({ url: `/api/staff/tickets/${id}`, headers: { cookie } });
}

describe('tiers', () => {
  it('escalates to the street, where the street admin solves it; the tier is kept', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'accept');
    const up = await step(liaisonUser, id, 'escalate', { reason: '涉及多个小区，需街道协调' });
    expect(up.tier).toBe('street');
    expect(up.status).toBe('submitted');
    expect(up.assignee).toBeNull();
    expect(json<StaffTicket>(await view(liaisonUser, id)).actions).toEqual([]);

    await step('yinhang.admin', id, 'accept');
    await step('yinhang.admin', id, 'contact', { method: 'visit' });
    const done = await step('yinhang.admin', id, 'resolve', {
      outcome: 'mediated',
      reply: '街道已协调物业与业主达成一致。',
      assessment: 'solved',
    });
    expect(done.resolvedTier).toBe('street');
    expect(done.handlerAssessment).toBe('solved');
    expect(done.timeline.map((e) => e.type)).toContain('escalated');
  });

  it('goes up to the district and back down to the street', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'escalate', { reason: '需街道处理' });
    const district = await step('yinhang.admin', id, 'escalate', { reason: '需区局协调多部门' });
    expect(district.tier).toBe('district');
    const street = await step('admin', id, 'return_down', { reason: '请街道先行处置' });
    expect(street.tier).toBe('street');
    // Each move names the tier it went to, so the timeline reads 上报 → 街道 → 区 → 街道.
    const moves = street.timeline.filter(
      (e) => e.type === 'escalated' || e.type === 'returned_down',
    );
    expect(moves.map((e) => [e.type, e.tier])).toEqual([
      ['escalated', 'street'],
      ['escalated', 'district'],
      ['returned_down', 'street'],
    ]);
    expect(street.timeline.find((e) => e.type === 'submitted')).not.toHaveProperty('tier');
    const inbox = json<TicketList>(
      await t.app.inject({
        url: '/api/staff/tickets?tier=street',
        headers: { cookie: await loginAs(t.app, 'yinhang.admin') },
      }),
    );
    expect(inbox.items.map((i) => i.id)).toContain(id);
    expect(inbox.items.every((i) => i.tier === 'street')).toBe(true);
  });
});

describe('extensions and supervision', () => {
  it('moves the deadline by the approved working days, counted from the old deadline', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'accept');
    const asked = await step(liaisonUser, id, 'request_extension', {
      days: 3,
      reason: '需等待鉴定结果',
    });
    expect(asked.extension).toMatchObject({ days: 3, reason: '需等待鉴定结果' });
    expect(asked.deadlines.resolveDueAt).toBe(endOf('2025-10-14'));
    const approved = await step('yinhang.admin', id, 'approve_extension');
    // After 14 October 2025: 15, 16, 17 October.
    expect(approved.deadlines.resolveDueAt).toBe(endOf('2025-10-17'));
    expect(approved.extension).toBeNull();
    const resident = json<ResidentTicket>(
      await t.app.inject({
        url: `/api/public/tickets/${(await fileComplaint()).receipt.accessToken}`,
      }),
    );
    expect(resident.deadlines.resolveDueAt).toBe(endOf('2025-10-14'));
  });

  it('keeps the deadline when the extension is refused', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'accept');
    await step(liaisonUser, id, 'request_extension', { days: 5, reason: '人手不足' });
    const refused = await step('yinhang.admin', id, 'refuse_extension', { reason: '理由不充分' });
    expect(refused.deadlines.resolveDueAt).toBe(endOf('2025-10-14'));
    expect(refused.extension).toBeNull();
  });

  it('gives a supervised ticket its own limit of 3 working days', async () => {
    const { id } = await fileComplaint();
    t.clock.now = new Date('2025-10-09T10:00:00+08:00');
    const flagged = await step('admin', id, 'supervise', { reason: '群众反映强烈' });
    // After 9 October 2025: 10, 11 (a swapped Saturday), 13 October.
    expect(flagged.deadlines.supervisionDueAt).toBe(endOf('2025-10-13'));
    expect(flagged.supervision?.reason).toBe('群众反映强烈');
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/actions/supervise`,
      payload: { reason: 'x' },
      headers: { cookie: await loginAs(t.app, 'yinhang.admin') },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('returns and reroutes', () => {
  it('sends a wrongly routed ticket back to the street, which reroutes it', async () => {
    const { id, receipt } = await fileComplaint();
    const back = await step(liaisonUser, id, 'send_back', { reason: '该楼栋不在本居委辖区' });
    expect(back.status).toBe('returned');
    const rooms = json<{ items: { id: string; name: string }[] }>(
      await t.app.inject({
        url: `/api/staff/rooms?ticketId=${id}`,
        headers: { cookie: await loginAs(t.app, 'yinhang.admin') },
      }),
    );
    const other = rooms.items.find((r) => r.name !== back.room.name);
    const moved = await step('yinhang.admin', id, 'reroute', { roomId: other?.id ?? '' });
    expect(moved.status).toBe('submitted');
    expect(moved.room.name).toBe(other?.name);
    expect(moved.deadlines.resolveDueAt).toBe(receipt.resolveDueAt);
    expect((await view(liaisonUser, id)).statusCode).toBe(404);
  });
});

describe('re-handling and closing', () => {
  async function resolved() {
    const filed = await fileComplaint();
    await step(liaisonUser, filed.id, 'accept');
    await step(liaisonUser, filed.id, 'contact', { method: 'phone' });
    await step(liaisonUser, filed.id, 'resolve', { outcome: 'answered', reply: '已答复' });
    return filed;
  }

  it('reopens on an unsatisfied rating with a fresh deadline, closes after the 2nd', async () => {
    const { id, receipt } = await resolved();
    t.clock.now = new Date('2025-10-10T09:00:00+08:00');
    const url = `/api/public/tickets/${receipt.accessToken}`;
    const reopened = json<ResidentTicket>(
      await t.app.inject({
        method: 'POST',
        url: `${url}/rating`,
        payload: { rating: 'unsatisfied', solved: false },
      }),
    );
    expect(reopened.status).toBe('accepted');
    expect(reopened.reopenCount).toBe(1);
    // Five working days after 10 October 2025: 11 (Saturday, swapped), 13, 14, 15, 16 October.
    expect(reopened.deadlines.resolveDueAt).toBe(endOf('2025-10-16'));
    expect(reopened.timeline.at(-1)?.type).toBe('reopened');
    await step(liaisonUser, id, 'contact', { method: 'visit' });
    await step(liaisonUser, id, 'resolve', { outcome: 'corrected', reply: '已现场整改' });
    const closed = json<ResidentTicket>(
      await t.app.inject({
        method: 'POST',
        url: `${url}/rating`,
        payload: { rating: 'unsatisfied' },
      }),
    );
    expect(closed.status).toBe('closed');
    expect(closed.canReopen).toBe(false);
    const staff = json<StaffTicket>(await view(liaisonUser, id));
    expect(staff.citizenSolved).toBe(false);
  });

  it('lets the resident say the problem is not solved', async () => {
    const { receipt } = await resolved();
    const url = `/api/public/tickets/${receipt.accessToken}`;
    expect(json<ResidentTicket>(await t.app.inject({ url })).canReopen).toBe(true);
    const res = await t.app.inject({
      method: 'POST',
      url: `${url}/reopen`,
      payload: { reason: '杂物又堆回来了' },
    });
    expect(json<ResidentTicket>(res).status).toBe('accepted');
    expect(json<ResidentTicket>(res).timeline.at(-1)?.note).toBe('杂物又堆回来了');
  });

  it('closes a replied ticket nobody rated after 7 days', async () => {
    const { receipt } = await resolved();
    expect(await closeUnratedTickets(t.ctx, new Date(t.clock.now.getTime() + 6 * 86_400_000))).toBe(
      0,
    );
    const closedCount = await closeUnratedTickets(
      t.ctx,
      new Date(t.clock.now.getTime() + 8 * 86_400_000),
    );
    expect(closedCount).toBeGreaterThanOrEqual(1);
    const view2 = json<ResidentTicket>(
      await t.app.inject({ url: `/api/public/tickets/${receipt.accessToken}` }),
    );
    expect(view2.status).toBe('closed');
    expect(view2.timeline.at(-1)?.type).toBe('closed_unrated');
  });
});

describe('deadlines in lists and cases', () => {
  it('lists a ticket as due soon on its last day and as overdue after it', async () => {
    const { id } = await fileComplaint();
    const admin = async () => loginAs(t.app, 'yinhang.admin');
    t.clock.now = new Date('2025-10-14T10:00:00+08:00');
    const soon = json<TicketList>(
      await t.app.inject({
        url: '/api/staff/tickets?due=soon&pageSize=100',
        headers: { cookie: await admin() },
      }),
    );
    expect(soon.items.map((i) => i.id)).toContain(id);
    t.clock.now = new Date('2025-10-15T08:00:00+08:00');
    const late = json<TicketList>(
      await t.app.inject({
        url: '/api/staff/tickets?due=overdue&pageSize=100',
        headers: { cookie: await admin() },
      }),
    );
    const row = late.items.find((i) => i.id === id);
    expect(row?.deadlines.resolveOverdue).toBe(true);
  });

  it('stops the ticket clock once the matter becomes an enforcement case', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'accept');
    // The bare step is refused: a ticket enters a case only when the case is registered.
    const bare = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/actions/to_case`,
      payload: { note: '涉嫌违法搭建，转立案' },
      headers: { cookie: await loginAs(t.app, liaisonUser) },
    });
    expect(bare.statusCode).toBe(422);
    expect(json<ErrorBody>(bare).details?.map((d) => d.field)).toEqual(['action']);
    expect(json<StaffTicket>(await view(liaisonUser, id)).status).toBe('accepted');
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      payload: registration({ ticketId: id }),
      headers: { cookie: await loginAs(t.app, liaisonUser) },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const cased = json<StaffTicket>(await view(liaisonUser, id));
    expect(cased.status).toBe('in_case');
    t.clock.now = new Date('2025-11-01T10:00:00+08:00');
    const later = json<StaffTicket>(await view(liaisonUser, id));
    expect(later.deadlines.clockStopped).toBe(true);
    expect(later.deadlines.resolveOverdue).toBe(false);
  });
});

describe('deadline policies', () => {
  it('applies a new policy to new tickets only, and keeps the history', async () => {
    const before = await fileComplaint();
    t.clock.now = new Date('2025-09-30T16:00:00+08:00');
    const admin = await loginAs(t.app, 'admin');
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/staff/deadline-policies',
      payload: { kind: 'complaint', firstContactDays: 1, resolveDays: 3 },
      headers: { cookie: admin },
    });
    expect(set.statusCode).toBe(200);
    const after = await fileComplaint(new Date('2025-09-30T16:30:00+08:00'));
    // Three working days after 30 September 2025: 9, 10, 11 October.
    expect(after.receipt.resolveDueAt).toBe(endOf('2025-10-11'));
    const old = json<StaffTicket>(await view('admin', before.id));
    const again = await loginAs(t.app, 'admin');
    expect(old.deadlines.resolveDueAt).toBe(endOf('2025-10-14'));
    const policies = json<{
      current: { kind: string; resolveDays: number; source: string }[];
      history: unknown[];
    }>(await t.app.inject({ url: '/api/staff/deadline-policies', headers: { cookie: again } }));
    expect(policies.current.find((p) => p.kind === 'complaint')).toMatchObject({
      resolveDays: 3,
      source: 'bureau',
    });
    expect(policies.history).toHaveLength(1);
    const audited = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'policy.set')
      .execute();
    expect(audited).toHaveLength(1);
    const street = await t.app.inject({
      method: 'POST',
      url: '/api/staff/deadline-policies',
      payload: { kind: 'help', firstContactDays: 1, resolveDays: 2 },
      headers: { cookie: await loginAs(t.app, 'yinhang.admin') },
    });
    expect(street.statusCode).toBe(403);
  });

  it('refuses first contact longer than resolution, and changes nothing', async () => {
    const admin = await loginAs(t.app, 'admin');
    const list = async () =>
      json<{ current: { kind: string; firstContactDays: number; resolveDays: number }[] }>(
        await t.app.inject({ url: '/api/staff/deadline-policies', headers: { cookie: admin } }),
      );
    const before = await list();
    const auditedBefore = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'policy.set')
      .execute();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/staff/deadline-policies',
      payload: { kind: 'help', firstContactDays: 5, resolveDays: 4 },
      headers: { cookie: admin },
    });
    expect(refused.statusCode).toBe(400);
    const body = json<ErrorBody>(refused);
    expect(body.details).toEqual([
      {
        field: 'firstContactDays',
        message: '首次联系时限不能长于办结时限',
        messageEn: 'The first-contact limit cannot be longer than the resolution limit',
      },
    ]);
    expect(await list()).toEqual(before);
    const auditedAfter = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'policy.set')
      .execute();
    expect(auditedAfter).toHaveLength(auditedBefore.length);
    // Equal limits are allowed: the first contact may take the whole time.
    const equal = await t.app.inject({
      method: 'POST',
      url: '/api/staff/deadline-policies',
      payload: { kind: 'help', firstContactDays: 4, resolveDays: 4 },
      headers: { cookie: admin },
    });
    expect(equal.statusCode).toBe(200);
  });
});

describe('notifications queued with each step', () => {
  async function outboxOf(ticketId: string) {
    return t.handle.db
      .selectFrom('outbox')
      .select(['audience', 'event', 'staff_id'])
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at')
      .execute();
  }

  it('tells the resident of acceptance and reply, and a liaison of a reassignment', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'accept');
    await step(liaisonUser, id, 'contact', { method: 'phone' });
    const liaisons = json<{ items: { id: string }[] }>(
      await t.app.inject({
        url: `/api/staff/liaisons?ticketId=${id}`,
        headers: { cookie: await loginAs(t.app, 'yinhang.admin') },
      }),
    );
    const other = liaisons.items[liaisons.items.length - 1]?.id ?? '';
    await step('yinhang.admin', id, 'reassign', { assigneeId: other });
    await step('yinhang.admin', id, 'resolve', { outcome: 'answered', reply: '已答复' });
    const queued = await outboxOf(id);
    expect(queued.map((q) => `${q.audience}:${q.event}`)).toEqual([
      'reporter:accepted',
      'staff:assigned',
      'reporter:replied',
    ]);
    expect(queued[1]?.staff_id).toBe(other);
  });

  it('queues nothing for a step that was refused', async () => {
    const { id } = await fileComplaint();
    const cookie = await loginAs(t.app, liaisonUser);
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/actions/resolve`,
      payload: { outcome: 'answered', reply: 'x' },
      headers: { cookie },
    });
    expect(await outboxOf(id)).toEqual([]);
  });
});

describe('the audit trail of a ticket', () => {
  it('records every step with who did it, and the chain stays intact', async () => {
    const { id } = await fileComplaint();
    await step(liaisonUser, id, 'accept');
    await step(liaisonUser, id, 'escalate', { reason: '需街道协调' });
    const rows = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_kind', 'detail'])
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => `${r.actor_kind}:${r.action}`)).toEqual([
      'resident:ticket.submit',
      'staff:ticket.accept',
      'staff:ticket.escalate',
    ]);
    expect(rows.map((r) => r.detail).join(' ')).not.toContain('需街道协调');
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });
});

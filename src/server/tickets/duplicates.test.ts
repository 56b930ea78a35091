import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Placard } from '../../contract/org.js';
import type { Receipt, ResidentTicket, StaffTicket, TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { verifyAuditChain } from '../audit/service.js';
import { loadConfig } from '../config.js';
import { resolveMessage } from '../notifications/recipient.js';
import { renderText } from '../notifications/render.js';

let t: TestApp;
let token: string;
let matters: string[];
/** The two liaisons of the demo placard's room: the first takes tickets, the second does not. */
let liaison: string;
let colleague: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-01T10:00:00+08:00'));
  token = t.demo.samplePlacard.token;
  const placard = json<Placard>(await t.app.inject({ url: `/api/public/placards/${token}` }));
  matters = placard.matters.map((m) => m.code);
  const rows = await t.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username'])
    .where('buildings.placard_token', '=', token)
    .orderBy('room_liaisons.sort')
    .execute();
  liaison = rows[0]?.username ?? '';
  colleague = rows[1]?.username ?? '';
});

afterAll(async () => {
  await t.close();
});

interface Filed {
  id: string;
  receipt: Receipt;
}

/** Files a report at `at` from the demo placard and finds its id through the bureau's inbox. */
async function file(
  at: string,
  body: { matter?: string | null; description: string; phone?: string },
): Promise<Filed> {
  t.clock.now = new Date(at);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: token,
      kind: 'report',
      description: body.description,
      ...(body.matter ? { matterCode: body.matter } : {}),
      ...(body.phone ? { phone: body.phone } : {}),
    },
  });
  expect(res.statusCode).toBe(201);
  const receipt = json<Receipt>(res);
  const row = await t.handle.db
    .selectFrom('tickets')
    .select('id')
    .where('tracking_code', '=', receipt.trackingCode)
    .executeTakeFirstOrThrow();
  return { id: row.id, receipt };
}

function act(user: string, id: string, action: string, payload: object = {}) {
  return loginAs(t.app, user).then((cookie) =>
    t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${id}/actions/${action}`,
      payload,
      headers: { cookie },
    }),
  );
}

async function step(user: string, id: string, action: string, payload: object = {}) {
  const res = await act(user, id, action, payload);
  if (res.statusCode !== 200) {
    throw new Error(`${action} by ${user}: ${res.statusCode} ${res.body}`);
  }
  return json<StaffTicket>(res);
}

async function view(user: string, id: string): Promise<StaffTicket> {
  const cookie = await loginAs(t.app, user);
  const res = await t.app.inject({ url: `/api/staff/tickets/${id}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return json<StaffTicket>(res);
}

async function follow(filed: Filed) {
  const res = await t.app.inject({ url: `/api/public/tickets/${filed.receipt.accessToken}` });
  expect(res.statusCode).toBe(200);
  return { body: res.body, ticket: json<ResidentTicket>(res) };
}

function outboxOf(ticketId: string) {
  return t.handle.db
    .selectFrom('outbox')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The text the `index`-th queued message would be sent with now. */
async function textOf(rows: Awaited<ReturnType<typeof outboxOf>>, index: number): Promise<string> {
  const row = rows[index];
  if (!row) {
    throw new Error(`no message #${index}`);
  }
  const resolution = await resolveMessage(t.ctx, row);
  if (resolution.kind !== 'send') {
    throw new Error(`message skipped: ${resolution.reason}`);
  }
  return resolution.text;
}

const dupIds = (s: StaffTicket) => s.possibleDuplicates.map((d) => d.id);

describe('the duplicate window setting', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-dup-config-'));

  it('defaults to 14 days and takes DUPLICATE_WINDOW_DAYS', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).handlingRules.duplicateWindowDays).toBe(14);
    const set = loadConfig({ DATA_DIR: dataDir, DUPLICATE_WINDOW_DAYS: '30' });
    expect(set.handlingRules.duplicateWindowDays).toBe(30);
    expect(() => loadConfig({ DATA_DIR: dataDir, DUPLICATE_WINDOW_DAYS: '0' })).toThrow(
      /DUPLICATE_WINDOW_DAYS/,
    );
  });
});

describe('possible duplicates', () => {
  let a: Filed;
  let b: Filed;
  let otherMatter: Filed;
  let later: Filed;

  beforeAll(async () => {
    a = await file('2025-09-01T10:00:00+08:00', {
      matter: matters[0],
      description: '3号楼楼道堆满纸箱，堵住消防通道。',
    });
    b = await file('2025-09-11T09:00:00+08:00', {
      matter: matters[0],
      description: '楼道里纸箱堆到天花板了。',
    });
    otherMatter = await file('2025-09-11T09:30:00+08:00', {
      matter: matters[1],
      description: '楼下有人占道经营。',
    });
    // 15 days after the first: outside its window (but within 5 days of the second).
    later = await file('2025-09-16T10:00:00+08:00', {
      matter: matters[0],
      description: '楼道纸箱仍未清理。',
    });
  });

  it('shows two tickets of one building and matter within 14 days to each other', async () => {
    const first = await view(liaison, a.id);
    expect(dupIds(first)).toEqual([b.id]);
    expect(first.possibleDuplicates[0]).toEqual({
      id: b.id,
      trackingCode: b.receipt.trackingCode,
      status: 'submitted',
      createdAt: b.receipt.createdAt,
      summary: '楼道里纸箱堆到天花板了。',
    });
    const second = await view('yinhang.admin', b.id);
    expect(dupIds(second)).toEqual([a.id, later.id]);
  });

  it('leaves out a ticket of another matter and one filed 15 days later', async () => {
    expect(dupIds(await view(liaison, otherMatter.id))).toEqual([]);
    expect(dupIds(await view(liaison, later.id))).toEqual([b.id]);
    expect(dupIds(await view('admin', a.id))).not.toContain(later.id);
  });

  it('does not take two tickets without a matter for duplicates', async () => {
    const x = await file('2025-09-20T10:00:00+08:00', { description: '电梯里有人抽烟。' });
    const y = await file('2025-09-20T11:00:00+08:00', { description: '电梯里有人抽烟。' });
    expect(dupIds(await view(liaison, x.id))).toEqual([]);
    expect(dupIds(await view(liaison, y.id))).toEqual([]);
  });

  it('offers merging only to a handler, and only when there is a duplicate', async () => {
    expect((await view(liaison, a.id)).actions).toEqual([
      'accept',
      'decline',
      'escalate',
      'send_back',
    ]);
    expect((await view('yinhang.admin', a.id)).actions).toContain('merge');
    expect((await view('yinhang.admin', otherMatter.id)).actions).not.toContain('merge');
    const accepted = await step(liaison, a.id, 'accept');
    expect(accepted.actions).toEqual([
      'contact',
      'to_case',
      'request_extension',
      'escalate',
      'send_back',
      'merge',
    ]);
    expect((await view(colleague, a.id)).actions).toEqual([]);
  });
});

describe('merging a duplicate into the ticket that stays', () => {
  const surviving = '5号楼门口烧烤摊每晚营业到凌晨，油烟和噪音扰民。';
  const survivorPhone = '13800138000';
  let survivor: Filed;
  let duplicate: Filed;
  let unrelated: Filed;

  beforeAll(async () => {
    survivor = await file('2025-11-03T20:00:00+08:00', {
      matter: matters[0],
      description: surviving,
      phone: survivorPhone,
    });
    duplicate = await file('2025-11-05T21:00:00+08:00', {
      matter: matters[0],
      description: '楼下烧烤摊油烟太大，窗户都不能开。',
      phone: '13900139000',
    });
    unrelated = await file('2025-11-05T21:30:00+08:00', {
      matter: matters[1],
      description: '小区门口共享单车乱停。',
    });
    await step(liaison, duplicate.id, 'accept');
  });

  it('refuses a colleague who has not taken it, and another street’s liaison', async () => {
    expect((await act(colleague, duplicate.id, 'merge', { intoId: survivor.id })).statusCode).toBe(
      403,
    );
    expect(
      (await act('dinghai.1', duplicate.id, 'merge', { intoId: survivor.id })).statusCode,
    ).toBe(404);
  });

  it('refuses to merge into a ticket that is not a possible duplicate', async () => {
    const res = await act(liaison, duplicate.id, 'merge', { intoId: unrelated.id });
    expect(res.statusCode).toBe(422);
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('intoId');
    expect((await act(liaison, duplicate.id, 'merge', { intoId: 'no-such-id' })).statusCode).toBe(
      422,
    );
    expect((await act(liaison, duplicate.id, 'merge', { intoId: duplicate.id })).statusCode).toBe(
      422,
    );
    expect((await view(liaison, duplicate.id)).status).toBe('accepted');
  });

  it('finishes the duplicate as merged and links both tickets', async () => {
    t.clock.now = new Date('2025-11-06T09:00:00+08:00');
    const merged = await step(liaison, duplicate.id, 'merge', {
      intoId: survivor.id,
      reason: '同一烧烤摊',
    });
    expect(merged.status).toBe('merged');
    expect(merged.actions).toEqual([]);
    expect(merged.possibleDuplicates).toEqual([]);
    expect(merged.mergedInto).toEqual({
      id: survivor.id,
      trackingCode: survivor.receipt.trackingCode,
      status: 'submitted',
    });
    expect(merged.timeline.at(-1)).toMatchObject({ type: 'merged_into', note: '同一烧烤摊' });

    const stays = await view(liaison, survivor.id);
    expect(stays.status).toBe('submitted');
    expect(stays.timeline.at(-1)?.type).toBe('merged_from');
    expect(stays.mergedFrom.map((m) => m.id)).toEqual([duplicate.id]);
    expect(dupIds(stays)).not.toContain(duplicate.id);

    const inbox = json<TicketList>(
      await t.app.inject({
        url: '/api/staff/tickets?status=merged',
        headers: { cookie: await loginAs(t.app, liaison) },
      }),
    );
    expect(inbox.items.map((i) => i.id)).toContain(duplicate.id);
  });

  it('shows the merged ticket’s resident where it went, not the other resident', async () => {
    const { body, ticket } = await follow(duplicate);
    expect(ticket.status).toBe('merged');
    expect(ticket.canRate).toBe(false);
    expect(ticket.canReopen).toBe(false);
    expect(ticket.mergedInto).toEqual({
      trackingCode: survivor.receipt.trackingCode,
      status: 'submitted',
      reply: null,
      outcome: null,
    });
    expect(ticket.timeline.at(-1)).toMatchObject({ type: 'merged_into', note: null });
    expect(body).not.toContain(surviving);
    expect(body).not.toContain(survivorPhone);
    expect(body).not.toContain('138****8000');
    expect(body).not.toContain(survivor.id);
    // The survivor's resident is not told of the other request.
    expect((await follow(survivor)).ticket.mergedInto).toBeNull();
  });

  it('queues a message telling the merged ticket’s resident where it went', async () => {
    const queued = await outboxOf(duplicate.id);
    expect(queued.map((q) => `${q.audience}:${q.event}`)).toEqual([
      'reporter:accepted',
      'reporter:merged',
    ]);
    expect(await textOf(queued, 1)).toBe(
      `【邻里】您的诉求（${duplicate.receipt.trackingCode}）已与同一问题的诉求` +
        `（${survivor.receipt.trackingCode}）合并办理，处理结果将同步告知。`,
    );
  });

  it('gives the merged ticket’s resident the reply once the survivor is resolved', async () => {
    await step(liaison, survivor.id, 'accept');
    await step(liaison, survivor.id, 'contact', { method: 'visit' });
    t.clock.now = new Date('2025-11-10T15:00:00+08:00');
    await step(liaison, survivor.id, 'resolve', {
      outcome: 'corrected',
      reply: '中队已依法取缔该烧烤摊，并将持续巡查。',
    });

    const { body, ticket } = await follow(duplicate);
    expect(ticket.mergedInto).toEqual({
      trackingCode: survivor.receipt.trackingCode,
      status: 'resolved',
      reply: '中队已依法取缔该烧烤摊，并将持续巡查。',
      outcome: 'corrected',
    });
    expect(body).not.toContain(surviving);
    expect(body).not.toContain(survivorPhone);

    const queued = await outboxOf(duplicate.id);
    expect(queued.map((q) => `${q.audience}:${q.event}`)).toEqual([
      'reporter:accepted',
      'reporter:merged',
      'reporter:replied',
    ]);
    expect(await textOf(queued, 2)).toBe(
      `【邻里】与您的诉求（${duplicate.receipt.trackingCode}）合并办理的诉求` +
        `（${survivor.receipt.trackingCode}）已办结并回复，请通过您的私密链接查看。`,
    );
    const own = await outboxOf(survivor.id);
    expect(own.map((q) => `${q.audience}:${q.event}`)).toEqual([
      'reporter:accepted',
      'reporter:replied',
    ]);
    expect(await textOf(own, 1)).toContain('请通过您的私密链接查看并评价');
  });

  it('never shows the merged ticket overdue, and audits the merge with its target', async () => {
    t.clock.now = new Date('2026-01-20T10:00:00+08:00');
    const { ticket } = await follow(duplicate);
    expect(ticket.deadlines.resolveOverdue).toBe(false);
    expect(ticket.deadlines.firstContactOverdue).toBe(false);

    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'detail'])
      .where('record_id', '=', duplicate.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'ticket.submit',
      'ticket.accept',
      'ticket.merge',
    ]);
    expect(JSON.parse(String(entries[2]?.detail))).toEqual({
      from: 'accepted',
      to: 'merged',
      intoId: survivor.id,
    });
    expect(await verifyAuditChain(t.handle.db, t.ctx)).toMatchObject({ ok: true });
  });
});

describe('merging a ticket that others were merged into', () => {
  it('moves earlier duplicates along to the survivor, and tells their residents', async () => {
    const first = await file('2026-03-02T09:00:00+08:00', {
      matter: matters[2],
      description: '小区北门围墙上被乱贴小广告。',
      phone: '13700137000',
    });
    const second = await file('2026-03-03T09:00:00+08:00', {
      matter: matters[2],
      description: '北门墙上小广告。',
    });
    const last = await file('2026-03-04T09:00:00+08:00', {
      matter: matters[2],
      description: '北门围墙小广告贴满了。',
    });
    await step('yinhang.admin', first.id, 'merge', { intoId: second.id });
    t.clock.now = new Date('2026-03-04T10:00:00+08:00');
    await step('admin', second.id, 'merge', { intoId: last.id });

    const moved = await view('admin', first.id);
    expect(moved.mergedInto?.id).toBe(last.id);
    expect(moved.timeline.filter((e) => e.type === 'merged_into')).toHaveLength(2);
    const stays = await view('admin', last.id);
    expect(stays.mergedFrom.map((m) => m.id)).toEqual([first.id, second.id]);
    expect((await follow(first)).ticket.mergedInto?.trackingCode).toBe(last.receipt.trackingCode);
    const queued = await outboxOf(first.id);
    expect(queued.map((q) => q.event)).toEqual(['merged', 'merged']);
    expect(await textOf(queued, 1)).toContain(`（${last.receipt.trackingCode}）合并办理`);

    t.clock.now = new Date('2026-03-05T09:00:00+08:00');
    await step('admin', last.id, 'accept');
    await step('admin', last.id, 'contact', { method: 'on_site' });
    await step('admin', last.id, 'resolve', { outcome: 'corrected', reply: '小广告已清除。' });
    for (const merged of [first, second]) {
      expect((await outboxOf(merged.id)).map((q) => q.event).at(-1)).toBe('replied');
      expect((await follow(merged)).ticket.mergedInto?.reply).toBe('小广告已清除。');
    }
  });
});

describe('duplicates the viewer may not see', () => {
  it('are neither listed nor merged into', async () => {
    const here = await file('2026-05-11T09:00:00+08:00', {
      matter: matters[0],
      description: '楼道里有人堆放电瓶车。',
    });
    const moved = await file('2026-05-11T10:00:00+08:00', {
      matter: matters[0],
      description: '楼道电瓶车充电。',
    });
    await step(liaison, moved.id, 'send_back', { reason: '请改派' });
    const rooms = json<{ items: { id: string; name: string }[] }>(
      await t.app.inject({
        url: `/api/staff/rooms?ticketId=${moved.id}`,
        headers: { cookie: await loginAs(t.app, 'yinhang.admin') },
      }),
    );
    const own = (await view(liaison, here.id)).room.name;
    const other = rooms.items.find((r) => r.name !== own);
    await step('yinhang.admin', moved.id, 'reroute', { roomId: other?.id ?? '' });

    expect(dupIds(await view('yinhang.admin', here.id))).toContain(moved.id);
    await step(liaison, here.id, 'accept');
    const mine = await view(liaison, here.id);
    expect(dupIds(mine)).not.toContain(moved.id);
    expect(mine.actions).not.toContain('merge');
    expect((await act(liaison, here.id, 'merge', { intoId: moved.id })).statusCode).toBe(422);
  });
});

describe('the message texts', () => {
  it('name both tracking codes of a merge', () => {
    const facts = {
      trackingCode: 'LL-AAAAA-AAAAA',
      kind: 'complaint',
      resolveDueAt: '2025-10-14T15:59:59.999Z',
      place: '殷行一村1号楼',
      mergedInto: 'LL-BBBBB-BBBBB',
    };
    expect(renderText('merged', facts)).toBe(
      '【邻里】您的诉求（LL-AAAAA-AAAAA）已与同一问题的诉求（LL-BBBBB-BBBBB）合并办理，处理结果将同步告知。',
    );
    expect(renderText('replied', { ...facts, mergedInto: null })).toContain('并评价');
  });
});

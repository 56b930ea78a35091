import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Placard } from '../../contract/org.js';
import type {
  Receipt,
  ResidentTicket,
  StaffTicket,
  TicketList as TicketListSchema,
} from '../../contract/tickets.js';
import { json, loginAs, multipartPhoto, startTestApp, type TestApp } from '../../../test/app.js';

const uploads = path.resolve(import.meta.dirname, '../../../test/cases/uploads');

let t: TestApp;
let placard: Placard;
let token: string;
let liaisonUsers: string[];

/** Usernames of the liaisons of the room behind the demo placard. */
async function roomLiaisonUsernames(app: TestApp, placardToken: string): Promise<string[]> {
  const rows = await app.handle.db
    .selectFrom('buildings')
    .innerJoin('rooms', 'rooms.community_id', 'buildings.community_id')
    .innerJoin('room_liaisons', 'room_liaisons.room_id', 'rooms.id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select(['staff.username'])
    .where('buildings.placard_token', '=', placardToken)
    .orderBy('room_liaisons.sort')
    .execute();
  return rows.map((r) => r.username);
}

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  token = t.demo.samplePlacard.token;
  placard = json<Placard>(await t.app.inject({ url: `/api/public/placards/${token}` }));
  liaisonUsers = await roomLiaisonUsernames(t, token);
});

afterAll(async () => {
  await t.close();
});

function submit(body: Record<string, unknown>, key?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: body,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function uploadSamplePhoto(): Promise<string> {
  const bytes = readFileSync(path.join(uploads, 'photo-exif-gps.jpg'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/photos',
    ...multipartPhoto(bytes, 'IMG_0001.jpg'),
  });
  expect(res.statusCode).toBe(201);
  const photo = json<{ id: string; width: number; height: number }>(res);
  expect([photo.width, photo.height]).toEqual([48, 64]);
  return photo.id;
}

function act(cookie: string, id: string, action: string, payload: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/staff/tickets/${id}/actions/${action}`,
    payload,
    headers: { cookie },
  });
}

describe('a resident request from the placard to a rated answer', () => {
  let receipt: Receipt;
  let liaison: string;
  let ticketId: string;

  it('shows the building, its room and its two liaisons on the placard page', () => {
    expect(placard.street.name).toBe('殷行街道');
    expect(placard.room.kind).toBe('workroom');
    expect(placard.liaisons).toHaveLength(2);
    for (const l of placard.liaisons) {
      expect(l.badgeNo).not.toBe('');
      expect(l.workPhone).toMatch(/^021-/);
    }
    expect(placard.matters.length).toBeGreaterThanOrEqual(3);
    expect(liaisonUsers).toHaveLength(2);
  });

  it('files a complaint with a photo; its receipt is due at the end of 14 Oct 2025', async () => {
    const photoId = await uploadSamplePhoto();
    const res = await submit(
      {
        placardToken: token,
        kind: 'complaint',
        matterCode: placard.matters[0]?.code,
        description: '楼道里堆满杂物，消防通道被堵，已经三个月了。',
        photoIds: [photoId],
        phone: '１３８００１３８０００',
      },
      'key-0001-complaint',
    );
    expect(res.statusCode).toBe(201);
    receipt = json<Receipt>(res);
    expect(receipt.trackingCode).toMatch(/^LL-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(receipt.followPath).toBe(`/t/${receipt.accessToken}`);
    expect(receipt.resolveDueAt).toBe(new Date('2025-10-14T23:59:59.999+08:00').toISOString());
  });

  it('returns the same ticket for the same idempotency key', async () => {
    const again = await submit(
      {
        placardToken: token,
        kind: 'complaint',
        matterCode: placard.matters[0]?.code,
        description: '楼道里堆满杂物，消防通道被堵，已经三个月了。',
        photoIds: json<ResidentTicket>(
          await t.app.inject({ url: `/api/public/tickets/${receipt.accessToken}` }),
        ).photos.map((p) => p.id),
        phone: '13800138000',
      },
      'key-0001-complaint',
    );
    expect(again.statusCode).toBe(200);
    expect(json<Receipt>(again).trackingCode).toBe(receipt.trackingCode);
  });

  it('refuses the same key with a different request', async () => {
    const other = await submit(
      { placardToken: token, kind: 'help', description: '别的' },
      'key-0001-complaint',
    );
    expect(other.statusCode).toBe(409);
    expect(json(other).error).toBe('idempotency_conflict');
  });

  it('shows the resident the submitted ticket through the private link', async () => {
    const view = json<ResidentTicket>(
      await t.app.inject({ url: `/api/public/tickets/${receipt.accessToken}` }),
    );
    expect(view.status).toBe('submitted');
    expect(view.timeline.map((e) => e.type)).toEqual(['submitted']);
    expect(view.photos).toHaveLength(1);
    expect(view.canRate).toBe(false);
    expect(JSON.stringify(view)).not.toContain('13800138000');
    expect(JSON.stringify(view)).not.toContain('138****8000');
  });

  it("puts the ticket in the room liaison's inbox with its deadlines", async () => {
    liaison = await loginAs(t.app, liaisonUsers[0] ?? '');
    const list = json<TicketListSchema>(
      await t.app.inject({ url: '/api/staff/tickets', headers: { cookie: liaison } }),
    );
    const row = list.items.find((i) => i.trackingCode === receipt.trackingCode);
    expect(row?.status).toBe('submitted');
    expect(row?.deadlines.resolveDueAt).toBe(receipt.resolveDueAt);
    expect(row?.deadlines.firstContactDueAt).toBe(
      new Date('2025-10-09T23:59:59.999+08:00').toISOString(),
    );
    expect(row?.deadlines.resolveOverdue).toBe(false);
    ticketId = row?.id ?? '';
  });

  it('shows staff the phone only masked, and offers accept and decline', async () => {
    const detail = json<StaffTicket>(
      await t.app.inject({ url: `/api/staff/tickets/${ticketId}`, headers: { cookie: liaison } }),
    );
    expect(detail.reporterPhoneMasked).toBe('138****8000');
    expect(detail.channel).toBe('placard');
    expect(JSON.stringify(detail)).not.toContain('13800138000');
    expect(detail.actions).toEqual(['accept', 'decline', 'escalate', 'send_back']);
  });

  it('hides the ticket from a liaison of another street', async () => {
    const other = await loginAs(t.app, 'dinghai.1');
    const res = await t.app.inject({
      url: `/api/staff/tickets/${ticketId}`,
      headers: { cookie: other },
    });
    expect(res.statusCode).toBe(404);
    const list = json<TicketListSchema>(
      await t.app.inject({ url: '/api/staff/tickets', headers: { cookie: other } }),
    );
    expect(list.items.map((i) => i.id)).not.toContain(ticketId);
  });

  it('is accepted, contacted and resolved with a reply', async () => {
    const accepted = json<StaffTicket>(await act(liaison, ticketId, 'accept'));
    expect(accepted.status).toBe('accepted');
    expect(accepted.actions).toEqual([
      'contact',
      'to_case',
      'request_extension',
      'escalate',
      'send_back',
    ]);
    // Days pass between the steps; the officer signs in again each day.
    t.clock.now = new Date('2025-10-09T10:00:00+08:00');
    liaison = await loginAs(t.app, liaisonUsers[0] ?? '');
    const contacted = json<StaffTicket>(
      await act(liaison, ticketId, 'contact', { method: 'phone', note: '已电话联系' }),
    );
    expect(contacted.status).toBe('contacted');
    expect(contacted.deadlines.firstContactOverdue).toBe(false);
    expect(contacted.actions).toEqual(['resolve', 'to_case', 'request_extension', 'escalate']);
    t.clock.now = new Date('2025-10-13T16:00:00+08:00');
    liaison = await loginAs(t.app, liaisonUsers[0] ?? '');
    const resolved = json<StaffTicket>(
      await act(liaison, ticketId, 'resolve', {
        outcome: 'corrected',
        reply: '已督促物业清理楼道，消防通道已畅通。',
      }),
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.actions).toEqual([]);
    expect(resolved.deadlines.resolveOverdue).toBe(false);
    expect(resolved.timeline.map((e) => e.type)).toEqual([
      'submitted',
      'accepted',
      'contacted',
      'resolved',
    ]);
  });

  it('lets the resident read the reply and rate it, which closes the ticket', async () => {
    const url = `/api/public/tickets/${receipt.accessToken}`;
    const view = json<ResidentTicket>(await t.app.inject({ url }));
    expect(view.reply).toBe('已督促物业清理楼道，消防通道已畅通。');
    expect(view.outcome).toBe('corrected');
    expect(view.canRate).toBe(true);
    const rated = await t.app.inject({
      method: 'POST',
      url: `${url}/rating`,
      payload: { rating: 'satisfied', comment: '谢谢' },
    });
    expect(rated.statusCode).toBe(200);
    const closed = json<ResidentTicket>(rated);
    expect(closed.status).toBe('closed');
    expect(closed.rating).toBe('satisfied');
    expect(closed.timeline.map((e) => e.type)).toEqual([
      'submitted',
      'accepted',
      'contacted',
      'resolved',
      'rated',
    ]);
  });

  it('refuses a second rating', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/tickets/${receipt.accessToken}/rating`,
      payload: { rating: 'unsatisfied' },
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toBe('transition_refused');
  });

  it('serves the ticket photo re-encoded, to the resident and to staff', async () => {
    const view = json<ResidentTicket>(
      await t.app.inject({ url: `/api/public/tickets/${receipt.accessToken}` }),
    );
    const photoId = view.photos[0]?.id ?? '';
    const mine = await t.app.inject({
      url: `/api/public/tickets/${receipt.accessToken}/photos/${photoId}`,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('image/jpeg');
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(mine.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    const staff = await t.app.inject({
      url: `/api/staff/tickets/${ticketId}/photos/${photoId}`,
      headers: { cookie: liaison },
    });
    expect(staff.statusCode).toBe(200);
  });
});

describe('declining and reassigning', () => {
  it('shows the decline reason to the resident', async () => {
    const r = json<Receipt>(
      await submit({
        placardToken: token,
        kind: 'consultation',
        description: '小区能装充电桩吗？',
      }),
    );
    const liaison = await loginAs(t.app, liaisonUsers[1] ?? '');
    const list = json<TicketListSchema>(
      await t.app.inject({ url: '/api/staff/tickets', headers: { cookie: liaison } }),
    );
    const id = list.items.find((i) => i.trackingCode === r.trackingCode)?.id ?? '';
    const declined = json<StaffTicket>(
      await act(liaison, id, 'decline', { reason: '属于供电公司职责，已告知联系方式' }),
    );
    expect(declined.status).toBe('declined');
    const view = json<ResidentTicket>(
      await t.app.inject({ url: `/api/public/tickets/${r.accessToken}` }),
    );
    expect(view.status).toBe('declined');
    expect(view.declineReason).toBe('属于供电公司职责，已告知联系方式');
    expect(view.timeline.at(-1)?.note).toBe('属于供电公司职责，已告知联系方式');
  });

  it('lets the street admin reassign to another liaison of the street; not a liaison', async () => {
    const r = json<Receipt>(
      await submit({ placardToken: token, kind: 'help', description: '楼下有人飞线充电' }),
    );
    const admin = await loginAs(t.app, 'yinhang.admin');
    const list = json<TicketListSchema>(
      await t.app.inject({ url: '/api/staff/tickets', headers: { cookie: admin } }),
    );
    const id = list.items.find((i) => i.trackingCode === r.trackingCode)?.id ?? '';
    const detail = json<StaffTicket>(
      await t.app.inject({ url: `/api/staff/tickets/${id}`, headers: { cookie: admin } }),
    );
    expect(detail.actions).toEqual(['accept', 'decline', 'escalate', 'reassign']);
    const liaisons = json<{ items: { id: string; rooms: string[] }[] }>(
      await t.app.inject({ url: `/api/staff/liaisons?ticketId=${id}`, headers: { cookie: admin } }),
    );
    const target = liaisons.items.find((l) => !l.rooms.includes(placard.room.name));
    expect(target).toBeDefined();
    const moved = json<StaffTicket>(
      await act(admin, id, 'reassign', { assigneeId: target?.id, reason: '该同志熟悉此类问题' }),
    );
    expect(moved.assignee?.id).toBe(target?.id);
    expect(moved.status).toBe('submitted');
    const targetUser = await t.handle.db
      .selectFrom('staff')
      .select('username')
      .where('id', '=', target?.id ?? '')
      .executeTakeFirstOrThrow();
    const theirs = json<TicketListSchema>(
      await t.app.inject({
        url: '/api/staff/tickets',
        headers: { cookie: await loginAs(t.app, targetUser.username) },
      }),
    );
    expect(theirs.items.map((i) => i.id)).toContain(id);

    const liaison = await loginAs(t.app, liaisonUsers[0] ?? '');
    const refused = await act(liaison, id, 'reassign', { assigneeId: target?.id });
    expect(refused.statusCode).toBe(403);
    // The room's liaison still sees the ticket handed away, but may no longer take it.
    const seen = json<StaffTicket>(
      await t.app.inject({ url: `/api/staff/tickets/${id}`, headers: { cookie: liaison } }),
    );
    expect(seen.actions).toEqual([]);
    expect((await act(liaison, id, 'accept')).statusCode).toBe(403);
    const foreign = await act(admin, id, 'reassign', { assigneeId: 'no-such-person' });
    expect(foreign.statusCode).toBe(422);
    expect(json(foreign).error).toBe('staff_not_found');
  });

  it('refuses a step the state does not allow', async () => {
    const r = json<Receipt>(
      await submit({ placardToken: token, kind: 'report', description: '有人在绿地里搭棚' }),
    );
    const liaison = await loginAs(t.app, liaisonUsers[0] ?? '');
    const list = json<TicketListSchema>(
      await t.app.inject({ url: '/api/staff/tickets', headers: { cookie: liaison } }),
    );
    const id = list.items.find((i) => i.trackingCode === r.trackingCode)?.id ?? '';
    expect((await act(liaison, id, 'accept')).statusCode).toBe(200);
    const res = await act(liaison, id, 'resolve', { outcome: 'answered', reply: '好的' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error).toBe('transition_refused');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildingList, Reinspection, ReinspectionList } from '../../contract/buildings.js';
import type { StaffTicket } from '../../contract/tickets.js';
import { json } from '../../../test/app.js';
import {
  closedCase,
  fileOf,
  openBuildingScene,
  type BuildingScene,
} from '../../../test/building-scene.js';
import { get, post, uploadPhoto } from '../../../test/case-scene.js';

let s: BuildingScene;
let liaison: string;
let recurring: Reinspection;
let quiet: Reinspection;

beforeAll(async () => {
  s = await openBuildingScene('2026-03-10T15:00:00');
  liaison = s.users.liaison;
  const first = await closedCase(s, liaison, 'WFDJ', '2026-03-10');
  const second = await closedCase(s, liaison, 'LDDW', '2026-03-10');
  s.at('2026-04-09T10:00:00');
  const list = json<ReinspectionList>(
    await get(s.t, await s.as(liaison), '/api/staff/reinspections'),
  );
  recurring = list.items.find((r) => r.case.id === first.caseId) as Reinspection;
  quiet = list.items.find((r) => r.case.id === second.caseId) as Reinspection;
});

afterAll(async () => {
  await s.close();
});

async function record(id: string, body: object, user = liaison) {
  return post(s.t, await s.as(user), `/api/staff/reinspections/${id}/result`, body);
}

function auditOf(recordId: string) {
  return s.t.handle.db
    .selectFrom('audit_entries')
    .select(['action', 'actor_kind', 'record_type', 'detail'])
    .where('record_id', '=', recordId)
    .orderBy('seq')
    .execute();
}

describe('recording a re-inspection', () => {
  it('refuses a day after today or before the closing, naming the field', async () => {
    for (const doneOn of ['2026-04-10', '2026-03-09', '2026-02-30']) {
      const res = await record(quiet.id, { doneOn, result: 'ok' });
      expect(res.statusCode, doneOn).toBe(400);
      expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('doneOn');
    }
    const noNote = await record(recurring.id, { doneOn: '2026-04-09', result: 'recurred' });
    expect(noNote.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(noNote).details[0]?.field).toBe('note');
    const rows = await s.t.handle.db
      .selectFrom('reinspections')
      .select('status')
      .where('id', 'in', [quiet.id, recurring.id])
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['due', 'due']);
  });

  it('records no recurrence without flagging the building', async () => {
    const res = await record(quiet.id, { doneOn: '2026-04-09', result: 'ok' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Reinspection>(res)).toMatchObject({
      state: 'done',
      doneOn: '2026-04-09',
      result: 'ok',
      recurrenceTicket: null,
      canRecord: false,
    });
    expect((await fileOf(s, liaison, s.building.id)).flag).toBeNull();
    const again = await record(quiet.id, { doneOn: '2026-04-09', result: 'ok' });
    expect(again.statusCode).toBe(422);
  });

  it('on a recurrence flags the building and files a patrol ticket in the same step', async () => {
    s.at('2026-04-09T11:00:00');
    const photoId = await uploadPhoto(s.t);
    const res = await record(recurring.id, {
      doneOn: '2026-04-09',
      result: 'recurred',
      note: '楼顶彩钢板房拆除后又重新搭建。',
      photoIds: [photoId],
      recurrenceTicket: { description: '回头看发现楼顶再次搭建彩钢板房。' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = json<Reinspection>(res);
    expect(done).toMatchObject({ state: 'done', result: 'recurred', photos: [{ id: photoId }] });
    const ticketId = done.recurrenceTicket?.id ?? '';
    const ticket = json<StaffTicket>(
      await get(s.t, await s.as(liaison), `/api/staff/tickets/${ticketId}`),
    );
    expect(ticket).toMatchObject({
      channel: 'patrol',
      kind: 'report',
      status: 'submitted',
      matter: { code: 'WFDJ' },
      buildingId: s.building.id,
      description: '回头看发现楼顶再次搭建彩钢板房。',
      reporterPhoneMasked: null,
    });
    const file = await fileOf(s, liaison, s.building.id);
    expect(file.flag).toEqual({
      reason: 'recurrence',
      since: '2026-04-09T03:00:00.000Z',
      matter: expect.objectContaining({ code: 'WFDJ' }) as unknown,
      reinspectionId: recurring.id,
    });
    expect(file.counts).toMatchObject({ recurrences: 1, reinspectionsOpen: 0 });
    expect(file.timeline.items.slice(0, 3).map((i) => i.kind)).toEqual([
      'building_flagged',
      'reinspection_done',
      'ticket_filed',
    ]);
    expect(file.timeline.items[2]).toMatchObject({ detail: 'patrol', link: { id: ticketId } });
  });

  it('audits the result, the flag and the ticket, with codes only', async () => {
    expect((await auditOf(recurring.id)).map((a) => [a.action, a.actor_kind])).toEqual([
      ['reinspection.schedule', 'system'],
      ['reinspection.record', 'staff'],
    ]);
    const building = await auditOf(s.building.id);
    expect(building.map((a) => a.action)).toEqual(['building.flag']);
    const [row] = await s.t.handle.db
      .selectFrom('reinspections')
      .select('recurrence_ticket_id')
      .where('id', '=', recurring.id)
      .execute();
    const ticketAudit = await auditOf(row?.recurrence_ticket_id ?? '');
    expect(ticketAudit.map((a) => [a.action, JSON.parse(a.detail) as unknown])).toEqual([
      ['ticket.submit', { channel: 'patrol', reinspectionId: recurring.id }],
    ]);
  });

  it('lists the flagged building, and serves the photo to the officers only', async () => {
    const flagged = json<BuildingList>(
      await get(s.t, await s.as('yinhang.admin'), '/api/staff/buildings?flagged=true'),
    );
    expect(flagged.items.map((b) => [b.id, b.flag?.reason])).toEqual([
      [s.building.id, 'recurrence'],
    ]);
    const done = json<ReinspectionList>(
      await get(s.t, await s.as(liaison), '/api/staff/reinspections?status=done'),
    );
    const photo = done.items.find((r) => r.id === recurring.id)?.photos[0]?.id ?? '';
    const url = `/api/staff/reinspections/${recurring.id}/photos/${photo}`;
    const ok = await get(s.t, await s.as(liaison), url);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect((await get(s.t, await s.as(s.users.stranger), url)).statusCode).toBe(404);
  });
});

describe('clearing the flag', () => {
  const clear = async (user: string, body: object) =>
    post(s.t, await s.as(user), `/api/staff/buildings/${s.building.id}/flag/clear`, body);

  it('is refused to a liaison (403) and without a reason (400)', async () => {
    expect((await clear(liaison, { reason: '已整改' })).statusCode).toBe(403);
    expect((await clear('yinhang.admin', { reason: '  ' })).statusCode).toBe(400);
  });

  it('lets the street admin clear it with a reason, audited, once', async () => {
    const res = await clear('yinhang.admin', { reason: '复查确认已彻底拆除。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ flag: unknown }>(res).flag).toBeNull();
    const stored = await s.t.handle.db
      .selectFrom('building_flags')
      .select(['clear_reason', 'cleared_at'])
      .where('building_id', '=', s.building.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      clear_reason: '复查确认已彻底拆除。',
      cleared_at: '2026-04-09T03:00:00.000Z',
    });
    const audit = await auditOf(s.building.id);
    expect(audit.map((a) => [a.action, JSON.parse(a.detail) as Record<string, unknown>])).toEqual([
      ['building.flag', expect.objectContaining({ reason: 'recurrence' }) as unknown],
      ['building.flag_clear', expect.objectContaining({ reason: 'given' }) as unknown],
    ]);
    expect(JSON.stringify(audit)).not.toContain('彻底拆除');
    expect((await clear('admin', { reason: '再次解除' })).statusCode).toBe(422);
    const flagged = json<BuildingList>(
      await get(s.t, await s.as('admin'), '/api/staff/buildings?flagged=true'),
    );
    expect(flagged.total).toBe(0);
  });
});

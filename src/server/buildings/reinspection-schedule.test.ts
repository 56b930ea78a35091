import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReinspectionList } from '../../contract/buildings.js';
import { json } from '../../../test/app.js';
import {
  closedCase,
  fileOf,
  openBuildingScene,
  reinspectionsOfCase,
  registerCase,
  type BuildingScene,
} from '../../../test/building-scene.js';
import { get, step } from '../../../test/case-scene.js';
import { resolveMessage } from '../notifications/recipient.js';
import { remindReinspections, scheduleReinspections } from './reinspection-scan.js';

let s: BuildingScene;
let liaison: string;
let wfdj = { ticketId: '', caseId: '' };
let liaisonIds: string[] = [];
let qzTicketId = '';

beforeAll(async () => {
  s = await openBuildingScene('2026-03-10T15:00:00');
  liaison = s.users.liaison;
  const rows = await s.t.handle.db
    .selectFrom('room_liaisons')
    .innerJoin('rooms', 'rooms.id', 'room_liaisons.room_id')
    .innerJoin('staff', 'staff.id', 'room_liaisons.staff_id')
    .select('staff.id')
    .where('rooms.community_id', '=', s.building.communityId)
    .where('staff.active', '=', 1)
    .execute();
  liaisonIds = rows.map((r) => r.id).sort();
});

afterAll(async () => {
  await s.close();
});

function remindersOf(ticketId: string) {
  return s.t.handle.db
    .selectFrom('outbox')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('event', 'in', ['reinspection_soon_due', 'reinspection_overdue'])
    .orderBy('created_at')
    .orderBy('staff_id')
    .execute();
}

describe('scheduling a re-inspection (回头看)', () => {
  it('schedules a 违法搭建 case closed 10 March 2026 for 9 April, on reading', async () => {
    wfdj = await closedCase(s, liaison, 'WFDJ', '2026-03-10');
    expect(await reinspectionsOfCase(s, wfdj.caseId)).toEqual([]);
    const list = json<ReinspectionList>(
      await get(s.t, await s.as(liaison), '/api/staff/reinspections'),
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      case: { id: wfdj.caseId, caseNo: '殷行街道〔2026〕0001号' },
      matter: { code: 'WFDJ' },
      building: { id: s.building.id, name: s.building.name },
      closedOn: '2026-03-10',
      days: 30,
      dueOn: '2026-04-09',
      state: 'due',
      result: null,
      canRecord: true,
    });
  });

  it('creates one row however often the scan runs', async () => {
    expect(await scheduleReinspections(s.t.ctx, s.t.clock.now)).toBe(0);
    expect(await scheduleReinspections(s.t.ctx, s.t.clock.now)).toBe(0);
    const rows = await reinspectionsOfCase(s, wfdj.caseId);
    expect(rows.map((r) => [r.due_on, r.status, r.ticket_id, r.building_id])).toEqual([
      ['2026-04-09', 'due', wfdj.ticketId, s.building.id],
    ]);
  });

  it('audits the scheduling with the system as actor', async () => {
    const [row] = await reinspectionsOfCase(s, wfdj.caseId);
    const audit = await s.t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'reinspection.schedule')
      .where('record_id', '=', row?.id ?? '')
      .execute();
    expect(audit.map((a) => [a.actor_kind, a.actor_id, a.record_type])).toEqual([
      ['system', null, 'reinspection'],
    ]);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({
      caseId: wfdj.caseId,
      buildingId: s.building.id,
      matterCode: 'WFDJ',
      dueOn: '2026-04-09',
      days: 30,
    });
  });

  it('gives none to another matter, an uncorrected or a cancelled case', async () => {
    const other = await closedCase(s, liaison, 'DCSN', '2026-03-10');
    const notCorrected = await closedCase(s, liaison, 'LDDW', '2026-03-10', 'not_corrected');
    const cancelledTicket = await s.acceptedTicket('3号楼楼道堆物。');
    const cancelled = await registerCase(s, liaison, cancelledTicket, 'QZ');
    const res = await step(s, liaison, cancelled, 'cancel', { reason: '经核实不属实' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await scheduleReinspections(s.t.ctx, s.t.clock.now)).toBe(0);
    for (const id of [other.caseId, notCorrected.caseId, cancelled]) {
      expect(await reinspectionsOfCase(s, id)).toEqual([]);
    }
  });
});

describe('the building file', () => {
  it('schedules a closed 群租 case’s re-inspection on reading, in the timeline', async () => {
    s.at('2026-03-10T16:00:00');
    const qz = await closedCase(s, liaison, 'QZ', '2026-03-10');
    const file = await fileOf(s, 'yinhang.admin', s.building.id);
    const scheduled = file.reinspections.find((r) => r.case.id === qz.caseId);
    expect(scheduled).toMatchObject({ dueOn: '2026-04-09', state: 'due', matter: { code: 'QZ' } });
    expect(file.timeline.items[0]).toMatchObject({
      kind: 'reinspection_scheduled',
      day: '2026-04-09',
      state: 'due',
      link: { type: 'reinspection', id: scheduled?.id },
    });
    expect(file.counts).toMatchObject({ reinspectionsOpen: 2, reinspectionsOverdue: 0 });
    qzTicketId = qz.ticketId;
  });
});

describe('reminding the liaisons of the building', () => {
  it('reminds nobody two days before the due day', async () => {
    s.at('2026-04-07T10:00:00');
    expect(await remindReinspections(s.t.ctx, s.t.clock.now)).toEqual({ soonDue: 0, overdue: 0 });
    expect(await remindersOf(wfdj.ticketId)).toEqual([]);
  });

  it('queues one reminder per liaison of the room the day before, once', async () => {
    s.at('2026-04-08T09:00:00');
    const first = await remindReinspections(s.t.ctx, s.t.clock.now);
    // Both re-inspections of the building are due on 9 April: 违法搭建 and 群租.
    expect(first).toEqual({ soonDue: 2 * liaisonIds.length, overdue: 0 });
    s.at('2026-04-08T17:00:00');
    expect(await remindReinspections(s.t.ctx, s.t.clock.now)).toEqual({ soonDue: 0, overdue: 0 });
    const rows = await remindersOf(wfdj.ticketId);
    expect(rows.map((r) => [r.event, r.staff_id, r.audience])).toEqual(
      liaisonIds.map((id) => ['reinspection_soon_due', id, 'staff']),
    );
  });

  it('says in words which building and by which day', async () => {
    const [row] = await remindersOf(wfdj.ticketId);
    const message = await resolveMessage(s.t.ctx, row ?? ({} as never));
    expect(message).toMatchObject({
      kind: 'send',
      text: `【邻里】回头看提醒：${s.building.name}应于2026年4月9日前完成回头看复查，请按时前往。`,
    });
  });

  it('queues the overdue reminder once from 10 April; the list shows it overdue', async () => {
    s.at('2026-04-10T08:00:00');
    expect(await remindReinspections(s.t.ctx, s.t.clock.now)).toEqual({
      soonDue: 0,
      overdue: 2 * liaisonIds.length,
    });
    expect(await remindReinspections(s.t.ctx, s.t.clock.now)).toEqual({ soonDue: 0, overdue: 0 });
    const overdue = (await remindersOf(wfdj.ticketId)).filter(
      (r) => r.event === 'reinspection_overdue',
    );
    expect(overdue).toHaveLength(liaisonIds.length);
    const message = await resolveMessage(s.t.ctx, overdue[0] ?? ({} as never));
    expect(message).toMatchObject({
      text: `【邻里】回头看已超期：${s.building.name}应于2026年4月9日前完成回头看复查，尚未记录结果，请尽快前往。`,
    });
    const cookie = await s.as(liaison);
    const late = json<ReinspectionList>(
      await get(s.t, cookie, '/api/staff/reinspections?status=overdue'),
    );
    expect(late.items.map((r) => [r.matter.code, r.state])).toEqual([
      ['WFDJ', 'overdue'],
      ['QZ', 'overdue'],
    ]);
    expect(await remindersOf(qzTicketId)).toHaveLength(2 * liaisonIds.length);
    const due = json<ReinspectionList>(
      await get(s.t, cookie, '/api/staff/reinspections?status=due'),
    );
    expect(due.total).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildingFile, BuildingList } from '../../contract/buildings.js';
import type { Receipt, TicketList } from '../../contract/tickets.js';
import { json } from '../../../test/app.js';
import {
  checkPlacard,
  fileOf,
  markPrinted,
  openBuildingScene,
  registerCase,
  visitWithIssue,
  type BuildingScene,
} from '../../../test/building-scene.js';
import { get, post } from '../../../test/case-scene.js';
import { openingBody, sampleLiaison } from '../../../test/mediation-scene.js';

let s: BuildingScene;
let liaison: string;
let ticketA = '';
let codeA = '';
let caseId = '';
let mediationId = '';
let visit = { visitId: '', ticketId: '' };
let pointId = '';

beforeAll(async () => {
  s = await openBuildingScene('2026-03-02T09:00:00');
  liaison = s.users.liaison;
});

afterAll(async () => {
  await s.close();
});

/** A resident's complaint at the sample placard, with phone and name, accepted by the liaison. */
async function residentTicket(): Promise<{ id: string; code: string }> {
  const filed = await s.t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    payload: {
      placardToken: s.t.demo.samplePlacard.token,
      kind: 'complaint',
      description: '楼顶有人在搭建彩钢板房，噪声很大。',
      phone: '13800138000',
      reporterName: '王小明',
    },
  });
  expect(filed.statusCode).toBe(201);
  const code = json<Receipt>(filed).trackingCode;
  const cookie = await s.as(liaison);
  const inbox = json<TicketList>(await get(s.t, cookie, '/api/staff/tickets?pageSize=100'));
  const id = inbox.items.find((i) => i.trackingCode === code)?.id ?? '';
  expect((await post(s.t, cookie, `/api/staff/tickets/${id}/actions/accept`, {})).statusCode).toBe(
    200,
  );
  return { id, code };
}

describe('a building file with a ticket, a case, a visit, a mediation and a placard', () => {
  it('records each of them, half an hour apart, through their own features', async () => {
    ({ id: ticketA, code: codeA } = await residentTicket());
    s.at('2026-03-02T09:30:00');
    const me = await sampleLiaison(s.t);
    const opened = await post(
      s.t,
      await s.as(liaison),
      '/api/staff/mediations',
      openingBody(ticketA, me.id),
    );
    expect(opened.statusCode, opened.body).toBe(201);
    mediationId = json<{ id: string }>(opened).id;
    s.at('2026-03-02T10:00:00');
    caseId = await registerCase(s, liaison, ticketA, 'WFDJ');
    s.at('2026-03-02T10:30:00');
    visit = await visitWithIssue(s, liaison, '2026-03-02');
    s.at('2026-03-02T11:00:00');
    pointId = await markPrinted(s, liaison);
    s.at('2026-03-02T11:30:00');
    await checkPlacard(s, liaison, pointId, 'damaged');
  });

  it('shows them in one timeline, newest first, with codes and states for the labels', async () => {
    const file = await fileOf(s, liaison, s.building.id);
    const items = file.timeline.items.map((i) => [i.kind, i.at, i.link.type, i.link.id]);
    expect(items).toEqual([
      ['placard_checked', '2026-03-02T03:30:00.000Z', 'placard', pointId],
      ['placard_printed', '2026-03-02T03:00:00.000Z', 'placard', pointId],
      ['placard_point_added', '2026-03-02T03:00:00.000Z', 'placard', pointId],
      ['ticket_filed', '2026-03-02T02:30:00.000Z', 'ticket', visit.ticketId],
      ['visit', '2026-03-02T02:30:00.000Z', 'visit', visit.visitId],
      ['case_registered', '2026-03-02T02:00:00.000Z', 'case', caseId],
      ['mediation_opened', '2026-03-02T01:30:00.000Z', 'mediation', mediationId],
      ['ticket_filed', '2026-03-02T01:00:00.000Z', 'ticket', ticketA],
    ]);
    expect(file.timeline.nextBefore).toBeNull();
    const byKind = (kind: string) => file.timeline.items.find((i) => i.kind === kind);
    expect(byKind('placard_checked')).toMatchObject({ state: 'damaged' });
    expect(byKind('case_registered')).toMatchObject({
      code: '殷行街道〔2026〕0001号',
      state: 'registered',
      matter: { code: 'WFDJ', name: '违法搭建建筑物、构筑物（物业管理区域内）' },
      ticket: { id: ticketA, trackingCode: codeA },
    });
    expect(byKind('mediation_opened')).toMatchObject({
      code: '2026-0001',
      state: 'open',
      ticket: { id: ticketA, trackingCode: codeA },
    });
    expect(byKind('visit')).toMatchObject({ day: '2026-03-02', ticket: { id: visit.ticketId } });
    expect(file.timeline.items.at(-1)).toMatchObject({
      code: codeA,
      state: 'in_case',
      detail: 'placard',
    });
  });

  it('counts what the building has and names its room and liaisons', async () => {
    const file = await fileOf(s, liaison, s.building.id);
    expect(file.counts).toEqual({
      tickets: 2,
      openTickets: 2,
      cases: 1,
      openCases: 1,
      visits: 1,
      meetings: 0,
      mediations: 1,
      placardPoints: 1,
      reinspectionsOpen: 0,
      reinspectionsOverdue: 0,
      recurrences: 0,
    });
    expect(file.building).toMatchObject({
      id: s.building.id,
      name: s.building.name,
      street: { name: '殷行街道' },
      retired: false,
    });
    expect(file.building.liaisons.length).toBeGreaterThan(0);
    expect(file.flag).toBeNull();
  });

  it('shows no phone number and no name of a reporter or party, not even masked', async () => {
    for (const user of [liaison, 'yinhang.admin', 'admin']) {
      const body = JSON.stringify(await fileOf(s, user, s.building.id));
      for (const secret of [
        '13800138000',
        '13912345678',
        '王小明',
        '张三丰',
        '李四',
        '张*',
        '王*',
      ]) {
        expect(body, `${user}: ${secret}`).not.toContain(secret);
      }
      expect(body).not.toMatch(/1[3-9]\d{9}|\d{3}\*{4}\d{4}|021-/);
    }
  });

  it('pages the timeline: three items, then the rest before the last instant', async () => {
    const first = await fileOf(s, liaison, s.building.id, '?limit=2');
    // The point was added and printed in one instant: both come on the page that reaches it.
    expect(first.timeline.items.map((i) => i.kind)).toEqual([
      'placard_checked',
      'placard_printed',
      'placard_point_added',
    ]);
    expect(first.timeline.nextBefore).toBe('2026-03-02T03:00:00.000Z');
    const before = encodeURIComponent(first.timeline.nextBefore ?? '');
    const next = await fileOf(s, liaison, s.building.id, `?limit=10&before=${before}`);
    expect(next.timeline.items.map((i) => i.kind)).toEqual([
      'ticket_filed',
      'visit',
      'case_registered',
      'mediation_opened',
      'ticket_filed',
    ]);
    expect(next.timeline.nextBefore).toBeNull();
  });
});

describe('the building search', () => {
  it('finds the building by part of its name, within what the viewer may see', async () => {
    const q = encodeURIComponent(s.building.name.slice(-3));
    const list = json<BuildingList>(
      await get(s.t, await s.as(liaison), `/api/staff/buildings?q=${q}&pageSize=100`),
    );
    expect(list.items.map((b) => b.id)).toContain(s.building.id);
    const stranger = json<BuildingList>(
      await get(s.t, await s.as(s.users.stranger), `/api/staff/buildings?q=${q}&pageSize=100`),
    );
    expect(stranger.items.map((b) => b.id)).not.toContain(s.building.id);
  });

  it('finds it by its address in Chinese, and treats % and _ as plain characters', async () => {
    const row = await s.t.handle.db
      .selectFrom('buildings')
      .select('address')
      .where('id', '=', s.building.id)
      .executeTakeFirstOrThrow();
    const q = encodeURIComponent(row.address.slice(0, 4));
    const list = json<BuildingList>(
      await get(s.t, await s.as('yinhang.admin'), `/api/staff/buildings?q=${q}&pageSize=100`),
    );
    expect(list.items.map((b) => b.id)).toContain(s.building.id);
    const wild = json<BuildingList>(
      await get(s.t, await s.as('admin'), `/api/staff/buildings?q=${encodeURIComponent('%_')}`),
    );
    expect(wild.total).toBe(0);
  });
});

describe('who may open a building file', () => {
  it('refuses department and auditor accounts with 403', async () => {
    for (const user of ['fangguan.dept', 'auditor']) {
      const cookie = await s.as(user);
      expect(
        (await get(s.t, cookie, `/api/staff/buildings/${s.building.id}/file`)).statusCode,
      ).toBe(403);
      expect((await get(s.t, cookie, '/api/staff/buildings')).statusCode).toBe(403);
      expect((await get(s.t, cookie, '/api/staff/reinspections')).statusCode).toBe(403);
    }
  });

  it('answers 404 to a liaison of another room or street and for an unknown building', async () => {
    for (const user of [s.users.colleague, s.users.stranger]) {
      const res = await get(s.t, await s.as(user), `/api/staff/buildings/${s.building.id}/file`);
      expect(res.statusCode, user).toBe(404);
    }
    const unknown = await get(s.t, await s.as('admin'), '/api/staff/buildings/nope/file');
    expect(unknown.statusCode).toBe(404);
  });

  it("lets another street's admin see nothing of it, and the bureau admin all of it", async () => {
    const other = await s.t.handle.db
      .selectFrom('staff')
      .select('username')
      .where('role', '=', 'street_admin')
      .where('username', '<>', 'yinhang.admin')
      .orderBy('username')
      .executeTakeFirstOrThrow();
    const res = await get(
      s.t,
      await s.as(other.username),
      `/api/staff/buildings/${s.building.id}/file`,
    );
    expect(res.statusCode).toBe(404);
    const file: BuildingFile = await fileOf(s, 'admin', s.building.id);
    expect(file.timeline.items).toHaveLength(8);
  });
});

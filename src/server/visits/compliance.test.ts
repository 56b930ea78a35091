import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compliance, VisitTarget } from '../../contract/visits.js';
import type { StaffTable } from '../db/schema.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  createBuilding,
  createCommunity,
  createLiaison,
  createRoom,
  createStaff,
  createStreet,
  factoryPassword,
} from '../../../test/factories.js';

let t: TestApp;
let communityId: string;
let liaisons: StaffTable[];
let streetAdmin: StaffTable;

/** Shanghai wall-clock time as an instant. */
function local(text: string): Date {
  return new Date(`${text}+08:00`);
}

function get(url: string, cookie: string) {
  return t.app.inject({ url, headers: { cookie } });
}

async function logVisits(liaison: StaffTable, dates: string[]): Promise<void> {
  const cookie = await loginAs(t.app, liaison.username, factoryPassword);
  for (const date of dates) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/visits',
      payload: { date, communityId, partners: ['residents_committee'] },
      headers: { cookie },
    });
    expect(res.statusCode).toBe(201);
  }
}

/** Each liaison's visits per week as the table shows them: name → [visits, met, in progress]. */
function table(c: Compliance) {
  return Object.fromEntries(
    c.rows.map((r) => [r.liaison.name, r.cells.map((x) => [x.visits, x.met, x.inProgress])]),
  );
}

beforeAll(async () => {
  // Monday 5 January 2026 in Shanghai: 2026-W02 has just begun.
  t = await startTestApp(local('2026-01-05T09:00:00'));
  const street = await createStreet(t.handle.db, { name: '测试街道' });
  const community = await createCommunity(t.handle.db, { street });
  const room = await createRoom(t.handle.db, { community });
  await createBuilding(t.handle.db, { community });
  communityId = community.id;
  liaisons = [];
  for (const name of ['甲', '乙', '丙']) {
    liaisons.push(await createLiaison(t.handle.db, { room, name: `联络员${name}` }));
  }
  streetAdmin = await createStaff(t.handle.db, { role: 'street_admin', street_id: street.id });
  const [a, b, c] = liaisons as [StaffTable, StaffTable, StaffTable];
  // 甲: Monday and Sunday of W01, and today; 乙: New Year's Day only; 丙: three visits today.
  await logVisits(a, ['2025-12-29', '2026-01-04', '2026-01-05']);
  await logVisits(b, ['2026-01-01']);
  await logVisits(c, ['2026-01-05', '2026-01-05', '2026-01-05']);
});

afterAll(async () => {
  await t.close();
});

describe('weekly visit compliance', () => {
  it('shows the street admin each liaison against 2 visits a week, this week ongoing', async () => {
    const admin = await loginAs(t.app, streetAdmin.username, factoryPassword);
    const res = await get('/api/staff/visit-compliance?weeks=2', admin);
    expect(res.statusCode).toBe(200);
    const c = json<Compliance>(res);
    expect([c.currentWeek, c.week]).toEqual(['2026-W02', '2026-W02']);
    expect(c.weeks).toEqual([
      { week: '2026-W01', monday: '2025-12-29', sunday: '2026-01-04', target: 2, metCount: 1 },
      { week: '2026-W02', monday: '2026-01-05', sunday: '2026-01-11', target: 2, metCount: 1 },
    ]);
    expect(table(c)).toEqual({
      联络员甲: [
        [2, true, false],
        [1, false, true],
      ],
      联络员乙: [
        [1, false, false],
        [0, false, true],
      ],
      联络员丙: [
        [0, false, false],
        [3, true, false],
      ],
    });
  });

  it('shows a chosen earlier week and the weeks before it', async () => {
    const admin = await loginAs(t.app, streetAdmin.username, factoryPassword);
    const c = json<Compliance>(
      await get('/api/staff/visit-compliance?week=2026-W01&weeks=3', admin),
    );
    expect(c.weeks.map((w) => w.week)).toEqual(['2025-W51', '2025-W52', '2026-W01']);
    expect(table(c)['联络员甲']).toEqual([
      [0, false, false],
      [0, false, false],
      [2, true, false],
    ]);
  });

  it('shows a liaison only their own row', async () => {
    const cookie = await loginAs(t.app, liaisons[1]?.username ?? '', factoryPassword);
    const c = json<Compliance>(await get('/api/staff/visit-compliance?weeks=1', cookie));
    expect(table(c)).toEqual({ 联络员乙: [[0, false, true]] });
  });

  it('refuses a future week and a week that does not exist', async () => {
    const admin = await loginAs(t.app, streetAdmin.username, factoryPassword);
    const future = await get('/api/staff/visit-compliance?week=2026-W03', admin);
    expect(json(future).details).toEqual([expect.objectContaining({ field: 'week' })]);
    const none = await get('/api/staff/visit-compliance?week=2025-W53', admin);
    expect(json(none).details).toEqual([
      { field: 'week', message: '没有这一周', messageEn: 'no such ISO week' },
    ]);
  });
});

describe('the weekly target', () => {
  it('is 2 by default and changed by the bureau from this week on, not before', async () => {
    const bureau = await loginAs(t.app, 'admin');
    const before = json<VisitTarget>(await get('/api/staff/visit-target', bureau));
    expect(before.current).toEqual({ weeklyTarget: 2, fromWeek: null, source: 'default' });

    const past = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/visit-target',
      payload: { weeklyTarget: 3, fromWeek: '2026-W01' },
      headers: { cookie: bureau },
    });
    expect(json(past).details).toEqual([expect.objectContaining({ field: 'fromWeek' })]);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/visit-target',
      payload: { weeklyTarget: 3 },
      headers: { cookie: bureau },
    });
    expect(set.statusCode).toBe(200);
    expect(json<VisitTarget>(set).current).toEqual({
      weeklyTarget: 3,
      fromWeek: '2026-W02',
      source: 'bureau',
    });

    const admin = await loginAs(t.app, streetAdmin.username, factoryPassword);
    const c = json<Compliance>(await get('/api/staff/visit-compliance?weeks=2', admin));
    expect(c.weeks.map((w) => [w.week, w.target, w.metCount])).toEqual([
      ['2026-W01', 2, 1],
      ['2026-W02', 3, 1],
    ]);
    expect(table(c)['联络员甲']?.[1]).toEqual([1, false, true]);
  });

  it('may be set by the bureau admin only', async () => {
    const admin = await loginAs(t.app, streetAdmin.username, factoryPassword);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/visit-target',
      payload: { weeklyTarget: 1 },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketRow, type TicketFacts, type TicketPlace } from '../../../bench/ticket-rows.js';
import type {
  ByCommunity,
  ByMatter,
  Overdue,
  Ratings,
  Records,
  Trend,
} from '../../contract/dashboard.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import {
  createBuilding,
  createCommunity,
  createRoom,
  createStaff,
  createStreet,
  factoryPassword,
} from '../../../test/factories.js';
import type { CommunityTable, StreetTable } from '../db/schema.js';
import { insertTicket } from '../tickets/store.js';

let t: TestApp;
let streetA: StreetTable;
let streetB: StreetTable;
const community: Record<'a1' | 'a2' | 'b1', CommunityTable> = {} as never;
let bureau: string;
let streetAdmin: string;

async function placeIn(c: CommunityTable): Promise<TicketPlace> {
  const room = await createRoom(t.handle.db, { community: c, matters: ['WFDJ', 'LDDW'] });
  const building = await createBuilding(t.handle.db, { community: c });
  return { buildingId: building.id, roomId: room.id, streetId: c.street_id };
}

// Shanghai is UTC+8: 2025-09-01T00:30 in Shanghai is 2025-08-31T16:30Z.
const fixture: [keyof typeof community, TicketFacts][] = [
  [
    'a1',
    {
      createdAt: '2025-08-31T16:30:00.000Z',
      matterCode: 'WFDJ',
      resolvedAt: '2025-09-03T02:00:00.000Z',
      resolveDueAt: '2025-09-10T15:59:59.999Z',
      rating: 'satisfied',
      outcome: 'corrected',
      handlerAssessment: 'solved',
      citizenSolved: 1,
    },
  ],
  [
    'a1',
    {
      createdAt: '2025-09-02T02:00:00.000Z',
      matterCode: 'WFDJ',
      resolvedAt: '2025-09-20T02:00:00.000Z',
      resolveDueAt: '2025-09-10T15:59:59.999Z',
      rating: 'unsatisfied',
      outcome: 'answered',
      handlerAssessment: 'explained',
      citizenSolved: 0,
    },
  ],
  [
    'a2',
    {
      createdAt: '2025-09-09T02:00:00.000Z',
      matterCode: 'LDDW',
      status: 'accepted',
      resolveDueAt: '2025-09-20T15:59:59.999Z',
    },
  ],
  [
    'a2',
    {
      createdAt: '2025-09-15T02:00:00.000Z',
      resolvedAt: '2025-09-16T02:00:00.000Z',
      resolveDueAt: '2025-09-25T15:59:59.999Z',
      rating: 'basically_satisfied',
      outcome: 'answered',
      handlerAssessment: 'solved',
    },
  ],
  [
    'b1',
    {
      createdAt: '2025-09-22T02:00:00.000Z',
      matterCode: 'WFDJ',
      resolveDueAt: '2025-10-10T15:59:59.999Z',
    },
  ],
  [
    'b1',
    {
      createdAt: '2025-09-29T02:00:00.000Z',
      matterCode: 'LDDW',
      status: 'contacted',
      resolveDueAt: '2025-09-29T10:00:00.000Z',
    },
  ],
  // 2025-08-31 23:30 in Shanghai: August, outside the range, but resolved inside it.
  [
    'a1',
    {
      createdAt: '2025-08-31T15:30:00.000Z',
      resolvedAt: '2025-09-02T02:00:00.000Z',
      resolveDueAt: '2025-09-10T15:59:59.999Z',
      outcome: 'answered',
    },
  ],
  // Received in August; its resolve deadline is ahead but the supervision (督办) one has passed.
  [
    'b1',
    {
      createdAt: '2025-08-20T02:00:00.000Z',
      status: 'accepted',
      resolveDueAt: '2025-10-20T15:59:59.999Z',
      supervisionDueAt: '2025-09-26T15:59:59.999Z',
    },
  ],
];
const ids: string[] = [];
const range = 'from=2025-09-01&to=2025-09-30';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.handle.db;
  streetA = await createStreet(db);
  streetB = await createStreet(db, { district_id: streetA.district_id });
  community.a1 = await createCommunity(db, { street: streetA, name: '甲一居委会' });
  community.a2 = await createCommunity(db, { street: streetA, name: '甲二居委会' });
  community.b1 = await createCommunity(db, { street: streetB, name: '乙一居委会' });
  const places = {
    a1: await placeIn(community.a1),
    a2: await placeIn(community.a2),
    b1: await placeIn(community.b1),
  };
  for (const [where, facts] of fixture) {
    const row = ticketRow(places[where], facts);
    ids.push(row.id);
    await insertTicket(db, row);
  }
  const admin = await createStaff(db, { role: 'street_admin', street_id: streetA.id });
  const boss = await createStaff(db, { role: 'bureau_admin' });
  streetAdmin = await loginAs(t.app, admin.username, factoryPassword);
  bureau = await loginAs(t.app, boss.username, factoryPassword);
});

afterAll(async () => {
  await t.close();
});

async function get<T>(url: string, cookie = bureau): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
}

describe('dashboard aggregates', () => {
  it('counts received and resolved tickets per Shanghai week', async () => {
    const trend = await get<Trend>(
      `/api/staff/dashboard/trend?${range}&granularity=week&streetId=${streetA.id}`,
    );
    expect(trend.buckets.map((b) => b.label)).toEqual([
      '2025-W36',
      '2025-W37',
      '2025-W38',
      '2025-W39',
      '2025-W40',
    ]);
    expect(trend.buckets.map((b) => b.received)).toEqual([2, 1, 1, 0, 0]);
    expect(trend.buckets.map((b) => b.resolved)).toEqual([2, 0, 2, 0, 0]);
    expect(trend.buckets[0]?.from).toBe('2025-08-31T16:00:00.000Z');
    expect(trend.buckets[4]?.to).toBe('2025-09-30T16:00:00.000Z');
  });

  it('counts a month as one bucket across both streets', async () => {
    const trend = await get<Trend>(`/api/staff/dashboard/trend?${range}&granularity=month`);
    expect(trend.buckets).toHaveLength(1);
    expect(trend.buckets[0]).toMatchObject({ label: '2025-09', received: 6, resolved: 4 });
  });

  it('breaks the tickets down by community with the on-time resolutions', async () => {
    const { items } = await get<ByCommunity>(`/api/staff/dashboard/by-community?${range}`);
    const of = (c: CommunityTable) => items.find((i) => i.communityId === c.id);
    expect(of(community.a1)).toMatchObject({ received: 2, resolved: 2, onTime: 1 });
    expect(of(community.a2)).toMatchObject({ received: 2, resolved: 1, onTime: 1 });
    expect(of(community.b1)).toMatchObject({ received: 2, resolved: 0, onTime: 0 });
    expect(of(community.b1)?.streetName).toBe(streetB.name);
  });

  it('breaks a street down by matter, the tickets without one apart', async () => {
    const { items } = await get<ByMatter>(
      `/api/staff/dashboard/by-matter?${range}&streetId=${streetA.id}`,
    );
    expect(items.map((i) => [i.matterCode, i.received, i.resolved, i.onTime])).toEqual([
      ['WFDJ', 2, 2, 1],
      [null, 1, 1, 1],
      ['LDDW', 1, 0, 0],
    ]);
  });

  it("keeps the resident's verdict apart from the handler's", async () => {
    const r = await get<Ratings>(`/api/staff/dashboard/ratings?${range}&streetId=${streetA.id}`);
    expect(r.resident.ratings).toEqual([
      { rating: 'satisfied', count: 1 },
      { rating: 'basically_satisfied', count: 1 },
      { rating: 'unsatisfied', count: 1 },
    ]);
    expect([r.resident.solvedYes, r.resident.solvedNo, r.resident.unrated]).toEqual([1, 1, 0]);
    const outcome = (o: string) => r.handler.outcomes.find((x) => x.outcome === o)?.count;
    expect([outcome('corrected'), outcome('answered'), outcome('referred')]).toEqual([1, 2, 0]);
    expect(r.handler.assessments).toEqual([
      { assessment: 'solved', count: 2 },
      { assessment: 'explained', count: 1 },
      { assessment: 'unsolvable', count: 0 },
    ]);
  });

  it('lists what is overdue now, longest first, counted by street', async () => {
    const o = await get<Overdue>('/api/staff/dashboard/overdue');
    const mine = o.items.filter((i) => [ids[2], ids[5], ids[7]].includes(i.id));
    expect(mine.map((i) => [i.id, i.dueAt])).toEqual([
      [ids[2], '2025-09-20T15:59:59.999Z'],
      [ids[7], '2025-09-26T15:59:59.999Z'],
      [ids[5], '2025-09-29T10:00:00.000Z'],
    ]);
    expect(o.byStreet.find((s) => s.streetId === streetA.id)?.count).toBe(1);
    expect(o.byStreet.find((s) => s.streetId === streetB.id)?.count).toBe(2);
  });

  it('lists the tickets behind a community bar', async () => {
    const r = await get<Records>(
      `/api/staff/dashboard/records?${range}&communityId=${community.a1.id}`,
    );
    expect(r.total).toBe(2);
    expect(r.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    const none = await get<Records>(
      `/api/staff/dashboard/records?${range}&matterCode=none&streetId=${streetA.id}`,
    );
    expect(none.items.map((i) => i.id)).toEqual([ids[3]]);
  });

  it("lists the tickets behind a bar of the resident's or the handler's verdict", async () => {
    const street = `${range}&streetId=${streetA.id}`;
    const unsatisfied = await get<Records>(
      `/api/staff/dashboard/records?${street}&rating=unsatisfied`,
    );
    expect(unsatisfied.items.map((i) => i.id)).toEqual([ids[1]]);
    const answered = await get<Records>(`/api/staff/dashboard/records?${street}&outcome=answered`);
    expect(answered.items.map((i) => i.id)).toEqual([ids[3], ids[1]]);
  });

  it('refuses a range that ends before it starts, naming the field', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/staff/dashboard/by-matter?from=2025-09-30&to=2025-09-01',
      headers: { cookie: bureau },
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ details: { field: string }[] }>(res).details[0]?.field).toBe('to');
  });
});

describe('dashboard scope', () => {
  it('shows a street admin only their own street, whatever street they ask for', async () => {
    const { items } = await get<ByCommunity>(
      `/api/staff/dashboard/by-community?${range}&streetId=${streetB.id}`,
      streetAdmin,
    );
    expect(items.map((i) => i.communityId).sort()).toEqual(
      [community.a1.id, community.a2.id].sort(),
    );
    const o = await get<Overdue>('/api/staff/dashboard/overdue', streetAdmin);
    expect([o.total, o.items.map((i) => i.id)]).toEqual([1, [ids[2]]]);
  });

  it("does not open another street's community to a street admin", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/staff/dashboard/records?${range}&communityId=${community.b1.id}`,
      headers: { cookie: streetAdmin },
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a liaison', async () => {
    const staff = await createStaff(t.handle.db, { role: 'liaison', street_id: streetA.id });
    const liaison = await loginAs(t.app, staff.username, factoryPassword);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/staff/dashboard/trend?${range}`,
      headers: { cookie: liaison },
    });
    expect(res.statusCode).toBe(403);
  });
});

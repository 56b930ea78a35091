// The dashboard's street picker and the overdue chart's way into the inbox: the bureau admin
// lists one street's overdue tickets, and the list holds exactly the chart's count; a street
// admin or a liaison naming another street is refused and sees nothing of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardStreets, Overdue } from '../../contract/dashboard.js';
import type { TicketList } from '../../contract/tickets.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';
import { seedAssessmentDemo } from '../assessment/demo.js';

let t: TestApp;
let bureau: string;
const streets: { id: string; admin: string; liaison: string }[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await seedAssessmentDemo(t.ctx);
  const rows = await t.handle.db
    .selectFrom('staff')
    .select(['username', 'role', 'street_id'])
    .where('role', 'in', ['street_admin', 'liaison'])
    .orderBy('username')
    .execute();
  for (const id of [...new Set(rows.map((r) => r.street_id))].slice(0, 2)) {
    const of = (role: string) => rows.find((r) => r.street_id === id && r.role === role)?.username;
    streets.push({ id: id ?? '', admin: of('street_admin') ?? '', liaison: of('liaison') ?? '' });
  }
  bureau = await loginAs(t.app, 'admin');
}, 120_000);

afterAll(async () => {
  await t.close();
});

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

const overdueList = (streetId: string) =>
  `/api/staff/tickets?status=open&due=overdue&pageSize=100&streetId=${streetId}`;

describe('the street filter of the ticket list', () => {
  it("gives the bureau admin one street's overdue tickets, as many as the chart", async () => {
    const chart = json<Overdue>(await get('/api/staff/dashboard/overdue', bureau));
    for (const street of streets) {
      const res = await get(overdueList(street.id), bureau);
      expect(res.statusCode).toBe(200);
      const list = json<TicketList>(res);
      const bar = chart.byStreet.find((s) => s.streetId === street.id);
      expect(bar?.count).toBeGreaterThan(0);
      expect(list.total).toBe(bar?.count);
      const ids = list.items.map((i) => i.id);
      const rows = await t.handle.db
        .selectFrom('tickets')
        .select('street_id')
        .where('id', 'in', ids)
        .execute();
      expect(new Set(rows.map((r) => r.street_id))).toEqual(new Set([street.id]));
    }
  });

  it("refuses a street admin another street's list, naming the field; own is fine", async () => {
    const [a, b] = streets;
    const admin = await loginAs(t.app, a?.admin ?? '');
    const refused = await get(overdueList(b?.id ?? ''), admin);
    expect(refused.statusCode).toBe(403);
    const body = json<{ error: string; details: { field: string; message: string }[] }>(refused);
    expect(body.error).toBe('forbidden');
    expect(body.details[0]?.field).toBe('streetId');
    expect(body.details[0]?.message).toContain('只能查看本街道的诉求');
    expect(refused.body).not.toContain('"items"');
    const own = await get(overdueList(a?.id ?? ''), admin);
    expect(own.statusCode).toBe(200);
    expect(json<TicketList>(own).total).toBeGreaterThan(0);
  });

  it("refuses a liaison another street's list", async () => {
    const [a, b] = streets;
    const liaison = await loginAs(t.app, a?.liaison ?? '');
    const refused = await get(overdueList(b?.id ?? ''), liaison);
    expect(refused.statusCode).toBe(403);
    expect(json<{ details: { field: string }[] }>(refused).details[0]?.field).toBe('streetId');
  });
});

describe('the street picker of the dashboard', () => {
  it('offers the bureau admin every street and a street admin only their own', async () => {
    const all = json<DashboardStreets>(await get('/api/staff/dashboard/streets', bureau));
    expect(all.items).toHaveLength(12);
    const admin = await loginAs(t.app, streets[0]?.admin ?? '');
    const own = json<DashboardStreets>(await get('/api/staff/dashboard/streets', admin));
    expect(own.items.map((s) => s.id)).toEqual([streets[0]?.id]);
  });
});

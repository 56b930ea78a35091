// The total of a ticket list rides on its page's rows (inbox-store.ts): every page, a page past
// the end and an empty list must still give the number of tickets the filter finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketList } from '../../contract/tickets.js';
import { openStatuses } from '../../domain/ticket-machine.js';
import { json, loginAs, startTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let admin: string;
let open: number;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-09-30T15:20:00+08:00'));
  for (const description of ['楼道堆物一', '楼道堆物二', '楼道堆物三']) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      payload: { placardToken: t.demo.samplePlacard.token, kind: 'complaint', description },
    });
    expect(res.statusCode).toBe(201);
  }
  admin = await loginAs(t.app, 'yinhang.admin');
  const street = await t.handle.db
    .selectFrom('streets')
    .select('id')
    .where('name', '=', '殷行街道')
    .executeTakeFirstOrThrow();
  const counted = await t.handle.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('street_id', '=', street.id)
    .where('status', 'in', [...openStatuses])
    .executeTakeFirstOrThrow();
  open = Number(counted.n);
});

afterAll(async () => {
  await t.close();
});

async function list(query: string): Promise<TicketList> {
  const res = await t.app.inject({
    url: `/api/staff/tickets?${query}`,
    headers: { cookie: admin },
  });
  expect(res.statusCode).toBe(200);
  return json<TicketList>(res);
}

describe("the total of a street admin's ticket list", () => {
  it('is the number of open tickets of the street on the first page and on the next', async () => {
    expect(open).toBeGreaterThanOrEqual(3);
    const first = await list('pageSize=2&page=1');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(open);
    const second = await list('pageSize=2&page=2');
    expect(second.total).toBe(open);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
  });

  it('stays the same on a page past the end, which has no rows', async () => {
    const past = await list('pageSize=2&page=9999');
    expect(past.items).toEqual([]);
    expect(past.total).toBe(open);
  });

  it('is 0 for a filter that finds nothing, and no row carries it', async () => {
    const none = await list('status=closed');
    expect(none).toMatchObject({ items: [], total: 0 });
    const some = await list('pageSize=1');
    expect(Object.keys(some.items[0] ?? {})).not.toContain('total');
  });
});

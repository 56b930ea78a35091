// Checklist items 7, 8 and 9 of shared/OPEN311.md §11: the filters of GET requests, paging and
// the caps, datetimes with an offset, the close time, and one consistent open/closed mapping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Open311Request } from '../../src/contract/open311.js';
import { json } from '../app.js';
import { assertValid } from './schemas.js';
import { file, startOpen311Scene, step, type Open311Scene } from './support.js';

let s: Open311Scene;
const DAY = 24 * 3600_000;
const start = new Date('2025-09-30T07:20:00.000Z');
const ids: Record<string, string> = {};

async function fileAt(name: string, at: Date, extra: Record<string, string> = {}) {
  s.t.clock.now = at;
  ids[name] = (await file(s, extra)).service_request_id ?? '';
}

async function list(query = ''): Promise<Open311Request[]> {
  const res = await s.t.app.inject({ url: `/open311/v2/requests.json${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = json<Open311Request[]>(res);
  assertValid('requests', body);
  return body;
}

const namesOf = (rows: Open311Request[]) =>
  rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.service_request_id)).sort();

beforeAll(async () => {
  s = await startOpen311Scene();
  await fileAt('old', new Date(start.getTime() - 100 * DAY));
  await fileAt('recent', new Date(start.getTime() - 10 * DAY), { service_code: 'help' });
  await fileAt('resolved', new Date(start.getTime() - 2 * DAY));
  await fileAt('declined', new Date(start.getTime() - DAY));
  s.t.clock.now = new Date(start.getTime() - DAY + 3600_000);
  await step(s, ids.declined ?? '', 'decline', { reason: '不属于城管职责' });
  s.t.clock.now = new Date(start.getTime() - 2 * DAY + 3600_000);
  await step(s, ids.resolved ?? '', 'accept');
  await step(s, ids.resolved ?? '', 'contact', { method: 'phone' });
  s.t.clock.now = new Date(start.getTime() - 2 * DAY + 7200_000);
  await step(s, ids.resolved ?? '', 'resolve', { outcome: 'answered', reply: '已电话答复' });
  await fileAt('today', start);
});
afterAll(async () => {
  await s.t.close();
});

describe('filters', () => {
  it('shows the last 90 days by default, newest first', async () => {
    const rows = await list();
    expect(rows.map((r) => r.service_request_id)).toEqual([
      ids.today,
      ids.declined,
      ids.resolved,
      ids.recent,
    ]);
  });

  it('lets service_request_id override every other filter, as a comma list', async () => {
    const rows = await list(
      `?service_request_id=${ids.old ?? ''},${ids.today ?? ''}&status=closed`,
    );
    expect(namesOf(rows)).toEqual(['old', 'today']);
  });

  it('filters by comma lists of codes and statuses', async () => {
    expect(namesOf(await list('?service_code=help'))).toEqual(['recent']);
    expect(namesOf(await list('?service_code=help,consultation&status=closed'))).toEqual([
      'declined',
      'resolved',
    ]);
    expect(namesOf(await list('?status=open,closed'))).toEqual(namesOf(await list()));
  });

  it('treats empty arguments as absent', async () => {
    const empty = await list('?service_code=&status=&start_date=&end_date=&page=&page_size=');
    expect(empty.map((r) => r.service_request_id)).toEqual(
      (await list()).map((r) => r.service_request_id),
    );
  });

  it('counts start_date in and end_date out, to the second', async () => {
    const resolvedAt = new Date(start.getTime() - 2 * DAY);
    const at = encodeURIComponent(resolvedAt.toISOString());
    expect(
      namesOf(await list(`?start_date=${at}&end_date=${encodeURIComponent(start.toISOString())}`)),
    ).toEqual(['declined', 'resolved']);
    expect(namesOf(await list(`?end_date=${at}`))).toEqual(['recent']);
    // The time of day counts (uReport #285 dropped it): 15:20 Shanghai is after 15:19.
    const shanghai = encodeURIComponent('2025-09-28T15:20:01+08:00');
    expect(namesOf(await list(`?start_date=${shanghai}&service_code=consultation`))).toEqual([
      'declined',
      'today',
    ]);
  });

  it('reaches 90 days from a start alone and refuses a wider range or a bare date', async () => {
    const from = encodeURIComponent(new Date(start.getTime() - 101 * DAY).toISOString());
    const now = start.toISOString();
    expect(namesOf(await list(`?start_date=${from}`))).toEqual(['old']);
    const wide = await s.t.app.inject({
      url: `/open311/v2/requests.json?start_date=${from}&end_date=${encodeURIComponent(now)}`,
    });
    expect(wide.statusCode).toBe(400);
    expect(wide.body).toContain('90');
    const bare = await s.t.app.inject({ url: '/open311/v2/requests.json?start_date=2025-09-01' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('start_date');
  });

  it('refuses a status other than open or closed and an unknown service code', async () => {
    const status = await s.t.app.inject({ url: '/open311/v2/requests.json?status=pending' });
    expect([status.statusCode, status.body.includes('status')]).toEqual([400, true]);
    const code = await s.t.app.inject({ url: '/open311/v2/requests.xml?service_code=parking' });
    expect(code.statusCode).toBe(400);
    expect(code.body).toContain('<errors>');
  });
});

describe('pages', () => {
  it('pages with page and page_size, page 0 counting as the first', async () => {
    const all = (await list()).map((r) => r.service_request_id);
    const first = await list('?page_size=3&page=0');
    const second = await list('?page_size=3&page=2');
    expect(first.map((r) => r.service_request_id)).toEqual(all.slice(0, 3));
    expect(second.map((r) => r.service_request_id)).toEqual(all.slice(3));
  });
});

describe('states and times', () => {
  it('maps every detailed state onto open or closed the same way in list and detail', async () => {
    const rows = await list('?extensions=true&service_code=consultation,help');
    const byName: Record<string, Open311Request | undefined> = Object.fromEntries(
      rows.map((r) => [namesOf([r])[0] ?? '', r]),
    );
    expect(byName.resolved?.status).toBe('closed');
    expect(byName.resolved?.extended_attributes?.detailed_status).toBe('resolved');
    expect(byName.declined?.status).toBe('closed');
    expect(byName.declined?.extended_attributes?.detailed_status).toBe('declined');
    expect(byName.today?.status).toBe('open');
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      const res = await s.t.app.inject({
        url: `/open311/v2/requests/${r.service_request_id}.json`,
      });
      const [one] = json<Open311Request[]>(res);
      expect(one?.status).toBe(r.status);
    }
  });

  it('writes every datetime with +08:00 and gives the close time as updated_datetime', async () => {
    const rows = await list('?service_code=consultation');
    for (const r of rows) {
      for (const t of [r.requested_datetime, r.updated_datetime, r.expected_datetime]) {
        if (t !== null) {
          expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
        }
      }
    }
    const resolved = rows.find((r) => r.service_request_id === ids.resolved);
    const resolvedAt = new Date(start.getTime() - 2 * DAY + 7200_000);
    expect(Date.parse(resolved?.updated_datetime ?? '')).toBe(resolvedAt.getTime());
    expect(resolved?.updated_datetime).toBe('2025-09-28T17:20:00+08:00');
    expect(resolved?.expected_datetime).toBeNull();
    const open = rows.find((r) => r.service_request_id === ids.today);
    const due = await s.t.ctx.db
      .selectFrom('tickets')
      .select('resolve_due_at')
      .where('tracking_code', '=', ids.today ?? '')
      .executeTakeFirstOrThrow();
    // The deadline of our working calendar, to the second, in Shanghai time.
    const dueSecond = Math.floor(Date.parse(due.resolve_due_at) / 1000) * 1000;
    expect(Date.parse(open?.expected_datetime ?? '')).toBe(dueSecond);
    expect(open?.expected_datetime).toBe('2025-10-09T23:59:59+08:00');
  });

  it('answers one request as a one-element list and an unknown id with 404', async () => {
    const res = await s.t.app.inject({ url: `/open311/v2/requests/${ids.today ?? ''}.json` });
    const body = json<Open311Request[]>(res);
    assertValid('oneRequest', body);
    expect(body[0]?.address_id).toBe(s.buildingCode);
    const missing = await s.t.app.inject({ url: '/open311/v2/requests/LL-00000-00000.json' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('caps', () => {
  it('never answers more than 1,000 requests, whatever page_size asks', async () => {
    const { prepareTicket, writeTicket } = await import('../../src/server/tickets/intake.js');
    const { getBuildingContext } = await import('../../src/server/org/service.js');
    const place = await getBuildingContext(s.t.ctx.db, s.buildingToken);
    const base = {
      kind: 'help' as const,
      matterCode: null,
      description: '批量',
      photoIds: [],
      channel: 'open311',
      place,
      idempotencyKey: null,
      requestHash: 'x',
      phone: null,
      submitter: { kind: 'resident' as const },
    };
    s.t.clock.now = new Date(start.getTime() - 3 * DAY);
    const prepared = await Promise.all(
      Array.from({ length: 1001 }, () => prepareTicket(s.t.ctx, base)),
    );
    await s.t.ctx.db.transaction().execute(async (trx) => {
      for (const p of prepared) {
        await writeTicket(trx, s.t.ctx, p);
      }
    });
    s.t.clock.now = start;
    expect((await list('?service_code=help&page_size=5000')).length).toBe(1000);
    expect((await list('?service_code=help')).length).toBe(1000);
    expect((await list('?service_code=help&page=2')).length).toBe(2);
  });
});

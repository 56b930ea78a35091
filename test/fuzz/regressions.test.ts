// The shrunk cases the bad-input tests found (RELIABILITY §3(c)1 keeps them as fixtures), each
// answered 5xx or carried out before it was fixed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  admin = await loginAs(t.app, 'admin');
});

afterAll(async () => {
  await t.close();
});

async function ticketCount(): Promise<number> {
  const row = await t.handle.db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('cases the fuzz found', () => {
  it('refuses the period 0000 naming the field, on every period route', async () => {
    for (const route of ['scores', 'export.xlsx', 'report.pdf']) {
      const res = await t.app.inject({
        url: `/api/staff/assessment/${route}?period=0000`,
        headers: { cookie: admin },
      });
      expect(res.statusCode, route).toBe(400);
      const body = json<ErrorBody>(res);
      expect(body.error).toBe('validation_failed');
      expect(body.details?.map((d) => d.field)).toEqual(['period']);
    }
  });

  it('refuses a ticket sent in GBK or with a key given twice, and files nothing', async () => {
    const before = await ticketCount();
    const token = t.demo.samplePlacard.token;
    const gbk = Buffer.concat([
      Buffer.from(`{"placardToken":"${token}","kind":"report","description":"`),
      Buffer.from('c2a5b5c0c2a9cbae', 'hex'), // 楼道漏水 in GBK
      Buffer.from('"}'),
    ]);
    const twice = `{"placardToken":"${token}","kind":"help","kind":"report","description":"漏水"}`;
    for (const [payload, type] of [
      [gbk, 'application/json; charset=gbk'],
      [gbk, 'application/json'],
      [twice, 'application/json'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload,
        headers: { 'content-type': type },
      });
      expect(res.statusCode, type).toBe(400);
      expect(json<ErrorBody>(res).error).toBe('malformed_json');
      expect(json<ErrorBody>(res).details?.[0]?.field).toBe('(body)');
    }
    expect(await ticketCount()).toBe(before);
  });

  it('still files the same ticket sent as UTF-8, declared or not', async () => {
    const body = { placardToken: t.demo.samplePlacard.token, kind: 'report', description: '漏水' };
    for (const type of ['application/json; charset=utf-8', 'application/json']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/public/tickets',
        payload: JSON.stringify(body),
        headers: { 'content-type': type },
      });
      expect(res.statusCode, type).toBe(201);
    }
  });
});

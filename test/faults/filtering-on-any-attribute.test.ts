// Fault class 14 of RELIABILITY §4 (Decidim CVE-2023-34090: Ransack let anyone filter on any
// attribute and read the user table out one guess at a time): the ticket, case and audit lists
// take only the filter keys their schema names. A key that names a column (password_hash,
// reporter_phone_enc), a Ransack-style predicate or a made-up word is refused with 400 naming
// the key, in Chinese and English, before any query runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/contract/common.js';
import { json, loginAs, startTestApp, type TestApp } from '../app.js';

let t: TestApp;
let admin: string;
let auditor: string;

beforeAll(async () => {
  t = await startTestApp(new Date('2026-03-02T09:00:00+08:00'));
  admin = await loginAs(t.app, 'admin');
  auditor = await loginAs(t.app, 'auditor');
});

afterAll(async () => {
  await t.close();
});

const lists = [
  { url: '/api/staff/tickets', known: 'status=all&pageSize=100', caller: () => admin },
  { url: '/api/staff/cases', known: 'status=all&due=any', caller: () => admin },
  { url: '/api/staff/audit', known: 'recordType=staff&page=1', caller: () => auditor },
];

const unknownKeys = [
  'password_hash',
  'reporter_phone_enc',
  'q[password_hash_start]',
  'staff.username',
  'sort',
  '筛选',
];

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

describe('Filtering on any attribute (fault class 14)', () => {
  for (const list of lists) {
    it(`refuses an unknown filter key on ${list.url} with 400 naming the key`, async () => {
      for (const key of unknownKeys) {
        const query = `${list.known}&${encodeURIComponent(key)}=a`;
        const res = await get(`${list.url}?${query}`, list.caller());
        const body = json<ErrorBody>(res);
        expect(res.statusCode, key).toBe(400);
        expect(body.error).toBe('validation_failed');
        expect(body.details).toEqual([
          {
            field: `querystring.${key}`,
            message: `不认识的字段：${key}`,
            messageEn: `unknown field: ${key}`,
          },
        ]);
      }
    });

    it(`still answers ${list.url} with the keys its page sends`, async () => {
      const res = await get(`${list.url}?${list.known}`, list.caller());
      expect(res.statusCode).toBe(200);
      expect(json<{ items: unknown[] }>(res).items).toEqual(expect.any(Array));
    });
  }
});

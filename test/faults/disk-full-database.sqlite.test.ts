// F2 of the fault plan, the database's part: SQLite cannot grow. Capping its page count (PRAGMA
// max_page_count) fails the next write exactly as a full disk does. The submission is answered
// 503 with Retry-After, nothing half-written is kept, and the same submission is filed once when
// there is room again. PostgreSQL's own disk-full (53100) is mapped to 503 alike
// (src/server/http/db-unavailable.ts) but cannot be provoked from a test, so this file belongs to
// the SQLite suite alone.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-14T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

function submit(key: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    headers: { 'idempotency-key': key },
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '消防栓箱门坏了，关不上。',
    },
  });
}

describe('disk full (F2): the database', () => {
  it('answers a submission 503 when SQLite cannot grow, and files it once afterwards', async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(t.handle.db);
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 0}`).execute(t.handle.db);
    let refusedKey = '';
    let refused;
    let reading;
    try {
      // The free pages fill up within a few tickets; the next one needs a page the cap refuses.
      for (let i = 0; i < 400 && !refused; i += 1) {
        const res = await submit(`disk-full-${i}`);
        if (res.statusCode !== 201) {
          [refused, refusedKey] = [res, `disk-full-${i}`];
        }
      }
      reading = await t.app.inject({ url: `/api/public/placards/${t.demo.samplePlacard.token}` });
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(t.handle.db);
    }

    expect(refused?.statusCode).toBe(503);
    expect(refused?.headers['retry-after']).toBe('5');
    expect(refused && json(refused).error).toBe('service_unavailable');
    expect(reading.statusCode).toBe(200);
    const retried = await submit(refusedKey);
    expect(retried.statusCode).toBe(201);
    const ofKey = await t.handle.db
      .selectFrom('tickets')
      .select('id')
      .where('idempotency_key', '=', refusedKey)
      .execute();
    expect(ofKey).toHaveLength(1);
  });
});

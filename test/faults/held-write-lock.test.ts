// F3 of the fault plan: another connection holds the write lock (a backup tool, a console left in
// a transaction, a migration). A submission must not hang: it is answered 503
// service_unavailable with Retry-After within a few seconds, reads go on, and after the lock is
// released the same request with its idempotency key files exactly one ticket.
// SQLite: a second connection in BEGIN IMMEDIATE; PostgreSQL: a transaction holding an
// EXCLUSIVE lock on the tickets table, which blocks writes but not reads.
import BetterSqlite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../app.js';
import { pgTestUrl } from '../pg.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp(new Date('2025-10-10T09:00:00+08:00'));
});

afterAll(async () => {
  await t.close();
});

/** Takes the write lock from outside the app's own connection; resolves to its release. */
async function holdWriteLock(): Promise<() => Promise<void>> {
  if (t.handle.kind === 'sqlite') {
    const { rows } = await sql<{ file: string }>`pragma database_list`.execute(t.handle.db);
    const other = new BetterSqlite(rows[0]?.file ?? '');
    other.exec('begin immediate');
    return () => {
      other.exec('rollback');
      other.close();
      return Promise.resolve();
    };
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    t.handle.db,
  );
  const client = new pg.Client({ connectionString: pgTestUrl() });
  await client.connect();
  await client.query('begin');
  await client.query(`lock table "${rows[0]?.schema ?? ''}".tickets in exclusive mode`);
  return async () => {
    await client.query('rollback');
    await client.end();
  };
}

function submit(key: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/tickets',
    headers: { 'idempotency-key': key },
    payload: {
      placardToken: t.demo.samplePlacard.token,
      kind: 'help',
      description: '楼道灯坏了，晚上看不见台阶。',
    },
  });
}

async function ticketsOfKey(key: string): Promise<number> {
  const rows = await t.handle.db
    .selectFrom('tickets')
    .select('id')
    .where('idempotency_key', '=', key)
    .execute();
  return rows.length;
}

describe('a held write lock (F3)', () => {
  it('answers 503 with Retry-After within 5 s, keeps reading, files once afterwards', async () => {
    const release = await holdWriteLock();
    let refused;
    let waitedMs;
    let health;
    try {
      const started = performance.now();
      refused = await submit('held-lock-0001');
      waitedMs = performance.now() - started;
      health = await t.app.inject({ url: `/api/public/placards/${t.demo.samplePlacard.token}` });
    } finally {
      await release();
    }

    expect(refused.statusCode).toBe(503);
    expect(json(refused)).toMatchObject({ error: 'service_unavailable' });
    expect(json(refused).requestId).toEqual(expect.any(String));
    expect(refused.headers['retry-after']).toBe('5');
    expect(waitedMs).toBeLessThan(5000);
    expect(health.statusCode).toBe(200);
    expect(await ticketsOfKey('held-lock-0001')).toBe(0);

    const retried = await submit('held-lock-0001');
    const again = await submit('held-lock-0001');

    expect([retried.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(json(again).trackingCode).toBe(json(retried).trackingCode);
    expect(await ticketsOfKey('held-lock-0001')).toBe(1);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import { pgTestUrl } from '../../../test/pg.js';
import { openPostgres, type DatabaseHandle } from './database.js';
import { onOneInstance, whileHolding, type LockTarget } from './instance-lock.js';

// Two instances: two connection pools on one PostgreSQL schema.
describe('advisory locks between two instances', () => {
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  let a: LockTarget;
  let b: LockTarget;

  beforeAll(async () => {
    first = await openTestDatabase();
    const schema = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      first.db,
    );
    second = openPostgres(pgTestUrl(), { searchPath: schema.rows[0]?.schema ?? 'public' });
    a = { db: first.db, databaseKind: 'postgres' };
    b = { db: second.db, databaseKind: 'postgres' };
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('skip a round on the second instance while the first runs it, and run it after', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rounds: string[] = [];
    const running = onOneInstance(a, 'ticket-housekeeping', async () => {
      rounds.push('a');
      await held;
    });
    await expect.poll(() => rounds).toEqual(['a']);

    const skipped = await onOneInstance(b, 'ticket-housekeeping', () => {
      rounds.push('b');
      return Promise.resolve();
    });
    const otherJob = await onOneInstance(b, 'deadline-scan', () => {
      rounds.push('b-scan');
      return Promise.resolve();
    });
    release();
    expect(await running).toBe(true);
    const after = await onOneInstance(b, 'ticket-housekeeping', () => {
      rounds.push('b');
      return Promise.resolve();
    });

    expect([skipped, otherJob, after]).toEqual([false, true, true]);
    expect(rounds).toEqual(['a', 'b-scan', 'b']);
  });

  it('let the second start wait for the first, one after the other', async () => {
    const order: string[] = [];
    const step = (name: string, ms: number) => async () => {
      order.push(`${name} begins`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name} ends`);
      return name;
    };
    const firstStart = whileHolding(a, 'start', step('A', 300), 20);
    await expect.poll(() => order).toEqual(['A begins']);
    const results = await Promise.all([firstStart, whileHolding(b, 'start', step('B', 10), 20)]);

    expect(results).toEqual(['A', 'B']);
    expect(order).toEqual(['A begins', 'A ends', 'B begins', 'B ends']);
  });

  it('release the lock when the round throws', async () => {
    await expect(
      onOneInstance(a, 'deadline-scan', () => Promise.reject(new Error('scan failed'))),
    ).rejects.toThrow('scan failed');
    expect(await onOneInstance(b, 'deadline-scan', () => Promise.resolve())).toBe(true);
  });
});

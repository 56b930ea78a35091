import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import type { DatabaseHandle } from './database.js';

let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await openTestDatabase();
});

afterEach(async () => {
  await handle.close();
});

describe('the tickets table on PostgreSQL', () => {
  it('is vacuumed after 0.5 % of its rows are new or changed (migration 0032)', async () => {
    const rows = await sql<{ reloptions: string[] | null }>`
      select reloptions from pg_class
      where oid = to_regclass(current_schema() || '.tickets')`.execute(handle.db);
    expect([...(rows.rows[0]?.reloptions ?? [])].sort()).toEqual([
      'autovacuum_analyze_scale_factor=0.01',
      'autovacuum_vacuum_insert_scale_factor=0.005',
      'autovacuum_vacuum_scale_factor=0.005',
    ]);
  });
});

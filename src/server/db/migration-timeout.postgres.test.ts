import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import type { DatabaseHandle, Db } from './database.js';
import { onMigrationConnection } from './migrate.js';

async function statementTimeout(db: Db): Promise<string> {
  const shown = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db);
  return shown.rows[0]?.statement_timeout ?? '';
}

// A request may run 15 s; an index built over a district's tickets during a start may not.
describe('the migrations connection on PostgreSQL', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
  });

  afterAll(async () => {
    await handle.close();
  });

  it('has no statement timeout while it migrates, and gives the pool back its 15 s', async () => {
    expect(await statementTimeout(handle.db)).toBe('15s');
    const during = await onMigrationConnection(handle.db, async (conn) => {
      await sql`select pg_sleep(0.01)`.execute(conn);
      return statementTimeout(conn);
    });
    expect(during).toBe('0');
    const after = await Promise.all([1, 2, 3].map(() => statementTimeout(handle.db)));
    expect(after).toEqual(['15s', '15s', '15s']);
  });
});

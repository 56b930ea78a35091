import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import type { Db, DatabaseHandle } from './database.js';
import { MAX_NAMED, statementName } from './pg-statements.js';

/** The statements this connection holds prepared. */
async function prepared(conn: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(conn);
  return rows.rows.map((r) => r.name);
}

describe('prepared statements kept per PostgreSQL connection', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
    await sql`create table kept_probe (a integer not null)`.execute(handle.db);
    await sql`insert into kept_probe values (1), (2), (3)`.execute(handle.db);
  });

  afterAll(async () => {
    await handle.close();
  });

  it('prepares a query with parameters once and answers as before', async () => {
    await handle.db.connection().execute(async (conn) => {
      const query = conn.selectFrom('streets').select('id').where('code', '=', 'none');
      const text = query.compile().sql;
      expect(await query.execute()).toEqual([]);
      expect(await query.execute()).toEqual([]);
      const names = await prepared(conn);
      expect(names.filter((n) => n === statementName(text))).toHaveLength(1);
      const probe = await sql<{ a: number }>`select a from kept_probe where a >= ${2} order by a`
        .execute(conn)
        .then((r) => r.rows);
      expect(probe).toEqual([{ a: 2 }, { a: 3 }]);
    });
  });

  it('leaves a query without parameters and a command unnamed', async () => {
    await handle.db.connection().execute(async (conn) => {
      const before = (await prepared(conn)).length;
      await sql`select count(*) from kept_probe`.execute(conn);
      await sql`set statement_timeout = 0`.execute(conn);
      await sql`reset statement_timeout`.execute(conn);
      expect(await prepared(conn)).toHaveLength(before);
    });
  });

  it('answers a prepared query again after a migration changed its table', async () => {
    await handle.db.connection().execute(async (conn) => {
      const read = () =>
        sql<Record<string, number | null>>`select * from kept_probe where a = ${1}`
          .execute(conn)
          .then((r) => r.rows);
      expect(await read()).toEqual([{ a: 1 }]);
      expect(await read()).toEqual([{ a: 1 }]);
      await sql`alter table kept_probe add column b integer`.execute(conn);
      // The server refuses the prepared plan (its result type changed); it is sent unnamed.
      expect(await read()).toEqual([{ a: 1, b: null }]);
      expect(await read()).toEqual([{ a: 1, b: null }]);
    });
  });

  it(`keeps at most ${MAX_NAMED} statements a connection, answering the rest unnamed`, async () => {
    await handle.db.connection().execute(async (conn) => {
      for (let i = 0; i <= MAX_NAMED + 5; i += 1) {
        const row = await sql<{ n: number }>`select ${sql.raw(String(i))}::int + ${1}::int as n`
          .execute(conn)
          .then((r) => r.rows[0]);
        expect(row?.n).toBe(i + 1);
      }
      expect((await prepared(conn)).length).toBeLessThanOrEqual(MAX_NAMED);
    });
  });
});

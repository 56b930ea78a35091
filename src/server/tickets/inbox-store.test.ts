import { CompiledQuery, sql, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStatuses } from '../../domain/ticket-machine.js';
import type { DatabaseHandle } from '../db/database.js';
import { openTestDatabase } from '../../../test/factories.js';
import { statusCondition } from './inbox-store.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

/**
 * The plan the database gives a query. On PostgreSQL sequential scans are turned off for it:
 * the test tables are tiny, and the question is whether the index can serve the query at all.
 */
async function planOf(query: Compilable): Promise<string> {
  const { sql: text, parameters } = query.compile();
  if (handle.kind === 'sqlite') {
    const plan = await handle.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
    );
    return plan.rows.map((r) => r.detail).join('\n');
  }
  return handle.db.connection().execute(async (db) => {
    await sql`set enable_seqscan = off`.execute(db);
    try {
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${text}`, [...parameters]),
      );
      return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`reset enable_seqscan`.execute(db);
    }
  });
}

describe('the open tickets are read through the partial indexes of migration 0029', () => {
  it("reads a street's open inbox in the order of its index", async () => {
    const page = handle.db
      .selectFrom('tickets')
      .select('tickets.id')
      .where('tickets.street_id', '=', 'street-1')
      .where((eb) => statusCondition(eb, openStatuses))
      .orderBy('tickets.created_at', 'desc')
      .orderBy('tickets.id')
      .limit(20);
    expect(await planOf(page)).toContain('tickets_open_street');
  });

  it("finds a ticket's possible duplicates among the open tickets only", async () => {
    const duplicates = handle.db
      .selectFrom('tickets')
      .select('tickets.id')
      .where('tickets.building_id', '=', 'building-1')
      .where('tickets.matter_code', '=', 'LDDW')
      .where((eb) => statusCondition(eb, openStatuses))
      .where('tickets.merged_into_id', 'is', null)
      .where('tickets.created_at', '>=', '2025-09-01T00:00:00.000Z');
    expect(await planOf(duplicates)).toContain('tickets_open_duplicates');
  });

  it('binds any other list of states as parameters', () => {
    const query = handle.db
      .selectFrom('tickets')
      .select('tickets.id')
      .where((eb) => statusCondition(eb, ['closed', 'declined']));
    const compiled = query.compile();
    expect(compiled.parameters).toEqual(['closed', 'declined']);
    expect(compiled.sql).not.toContain("'closed'");
  });
});

// Migration 0015 on both dialects: on a fresh database (then the seed), and on a database that
// already held the seed catalogue of migration 0001's shape, which it must fill in.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/factories.js';
import { pgTestUrl } from '../../../test/pg.js';
import { openPostgres, openSqlite, type DatabaseHandle } from '../db/database.js';
import * as migration0015 from '../db/migrations/0015-matter-catalogue.js';
import { randomBase32 } from '../ids.js';
import { mattersCatalogue } from '../org/matters-catalogue.js';
import { seedMatters } from '../org/service.js';
import { parseSnapshot, snapshotOf } from './revisions.js';
import { searchTextOf } from './search-text.js';
import { seedExtrasOf } from './seed-extras.js';

const migrationsDir = path.resolve(import.meta.dirname, '../db/migrations');
const opened: DatabaseHandle[] = [];

afterAll(async () => {
  for (const handle of opened) {
    await handle.close();
  }
});

/** An empty database of the dialect under test, not migrated, with its PostgreSQL schema. */
async function openEmpty(): Promise<DatabaseHandle & { schema?: string }> {
  if (process.env.LINLI_TEST_DB !== 'postgres') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-0015-'));
    const handle = openSqlite(path.join(dir, 'linli.sqlite'));
    return {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(dir, { recursive: true });
      },
    };
  }
  const schema = `t_${randomBase32(12).toLowerCase()}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: pgTestUrl() });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await run(`CREATE SCHEMA ${schema}`);
  const handle = openPostgres(pgTestUrl(), { searchPath: schema });
  return {
    ...handle,
    schema,
    close: () => handle.close().then(() => run(`DROP SCHEMA ${schema} CASCADE`)),
  };
}

/** Runs the migrations before 0015, read from their folder. */
async function migrateBefore0015(handle: DatabaseHandle & { schema?: string }): Promise<void> {
  const names = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.ts') && f < '0015')
    .map((f) => f.replace(/\.ts$/, ''));
  const migrations: Record<string, Migration> = {};
  for (const name of names) {
    migrations[name] = (await import(path.join(migrationsDir, `${name}.ts`))) as Migration;
  }
  const migrator = new Migrator({
    db: handle.db,
    // As migrate.ts does: Kysely must be told which PostgreSQL schema holds its own tables.
    migrationTableSchema: handle.schema,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateToLatest();
  expect(error).toBeUndefined();
}

describe('migration 0015 on a fresh database', () => {
  it('creates the columns and the history, and the seed then writes revision 1', async () => {
    const handle = await openTestDatabase();
    opened.push(handle);
    expect(await handle.db.selectFrom('matter_revisions').selectAll().execute()).toEqual([]);
    await seedMatters(handle.db);
    const rows = await handle.db.selectFrom('matters').selectAll().orderBy('sort').execute();
    expect(rows).toHaveLength(17);
    const czjg = rows.find((r) => r.code === 'CZJG');
    expect(czjg).toMatchObject({
      active: 1,
      handled_by_chengguan: 1,
      education_topic: 'load_bearing',
    });
    expect(czjg?.search_text).toContain('damaging the load-bearing structure');
    const revisions = await handle.db.selectFrom('matter_revisions').selectAll().execute();
    expect(revisions).toHaveLength(17);
    expect(revisions.every((r) => r.revision === 1 && r.action === 'seed')).toBe(true);
  });
});

describe('migration 0015 on a database seeded before it', () => {
  it('fills in the seed fields and the search column and backfills revision 1', async () => {
    const handle = await openEmpty();
    opened.push(handle);
    await migrateBefore0015(handle);
    const oldShape = mattersCatalogue.map((m) => ({
      code: m.code,
      name: m.name,
      name_en: m.name_en,
      prohibition_basis: m.prohibition_basis,
      penalty_basis: m.penalty_basis,
      penalty_range: m.penalty_range,
      sort: m.sort,
    }));
    const legacy = handle.db as unknown as import('kysely').Kysely<{
      matters: (typeof oldShape)[number];
    }>;
    await legacy.insertInto('matters').values(oldShape).execute();

    await migration0015.up(handle.db as unknown as import('kysely').Kysely<unknown>);

    const rows = await handle.db.selectFrom('matters').selectAll().orderBy('sort').execute();
    for (const row of rows) {
      const extras = seedExtrasOf(row.code);
      expect(row).toMatchObject({ ...extras, active: 1 });
      // The migration folds the search column the same way the service does.
      expect(row.search_text).toBe(searchTextOf(row));
    }
    const revisions = await handle.db
      .selectFrom('matter_revisions')
      .selectAll()
      .orderBy('matter_code')
      .execute();
    expect(revisions).toHaveLength(17);
    const qz = revisions.find((r) => r.matter_code === 'QZ');
    const qzRow = rows.find((r) => r.code === 'QZ');
    expect(qz).toMatchObject({ revision: 1, action: 'seed', staff_id: null });
    expect(qzRow && parseSnapshot(qz?.snapshot ?? '{}')).toEqual(qzRow && snapshotOf(qzRow));
    expect(parseSnapshot(qz?.snapshot ?? '{}').penaltyRange).toContain('（待核实）');
  });
});

// The SQL of the key rotation. It names tables and columns from encrypted-columns.ts, never
// from input, so the identifiers below are ours.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { EncryptedTable } from './encrypted-columns.js';

/** The executor: the database or a transaction of it. */
export type Executor = Db;

/** A row of an encrypted table: its key columns and its encrypted columns, as stored. */
export type StoredRow = Record<string, string | number | null>;

/** The columns read for a table: its key, its encrypted columns and its JSON column. */
function selectedColumns(spec: EncryptedTable): string[] {
  return [...spec.key, ...spec.columns, ...(spec.json ? [spec.json.column] : [])];
}

/** True for a row with any encrypted value not written under the current prefix. */
function staleCondition(spec: EncryptedTable, prefix: string): RawBuilder<unknown> {
  const plain = spec.columns.map(
    (c) => sql`(${sql.ref(c)} is not null and ${sql.ref(c)} not like ${`${prefix}%`})`,
  );
  const inJson = spec.json
    ? [
        sql`(${sql.ref(spec.json.column)} like ${`%"${spec.json.field}":"v%`} and ${sql.ref(
          spec.json.column,
        )} not like ${`%"${spec.json.field}":"${prefix}%`})`,
      ]
    : [];
  return sql`(${sql.join([...plain, ...inJson], sql` or `)})`;
}

/**
 * The next rows, in key order after `after`, that hold a value not under the current prefix.
 * Rows re-encrypted meanwhile no longer match, so a run that stopped resumes where it was.
 */
export async function findStaleRows(
  db: Executor,
  spec: EncryptedTable,
  prefix: string,
  after: readonly (string | number)[] | null,
  limit: number,
): Promise<StoredRow[]> {
  const key = sql.join(spec.key.map((k) => sql.ref(k)));
  const from = after ? sql`and (${key}) > (${sql.join(after.map((v) => sql`${v}`))})` : sql``;
  const result = await sql<StoredRow>`
    select ${sql.join(selectedColumns(spec).map((c) => sql.ref(c)))}
    from ${sql.table(spec.table)}
    where ${staleCondition(spec, prefix)} ${from}
    order by ${key}
    limit ${limit}`.execute(db);
  return result.rows;
}

/**
 * Writes a row's new values only if the old ones are still there: a value the application
 * changed meanwhile is already under the current key and is left. Returns whether it wrote.
 */
export async function rewriteRow(
  trx: Executor,
  spec: EncryptedTable,
  row: StoredRow,
  changes: ReadonlyMap<string, string>,
): Promise<boolean> {
  const assignments = [...changes].map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
  const unchanged = [...changes.keys()].map((c) => sql`${sql.ref(c)} = ${row[c] ?? null}`);
  const keyMatch = spec.key.map((k) => sql`${sql.ref(k)} = ${row[k] ?? null}`);
  const result = await sql`
    update ${sql.table(spec.table)}
    set ${sql.join(assignments)}
    where ${sql.join([...keyMatch, ...unchanged], sql` and `)}`.execute(trx);
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** The names of the columns ending in _enc that the database has, as `table.column`. */
export async function storedEncryptedColumns(
  db: Executor,
  kind: 'sqlite' | 'postgres',
): Promise<string[]> {
  if (kind === 'postgres') {
    const result = await sql<{ name: string }>`
      select table_name || '.' || column_name as name from information_schema.columns
      where table_schema = current_schema() and column_name like '%\\_enc' escape '\\'`.execute(db);
    return result.rows.map((r) => r.name).sort();
  }
  const result = await sql<{ name: string }>`
    select m.name || '.' || p.name as name
    from sqlite_master m join pragma_table_info(m.name) p
    where m.type = 'table' and p.name like '%\\_enc' escape '\\'`.execute(db);
  return result.rows.map((r) => r.name).sort();
}

import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Audit entries written but not yet chained (src/server/audit/pending.ts). On PostgreSQL a change
 * writes its entry here, in its own transaction and without a lock; one chainer at a time then
 * numbers the entries, computes their MACs and moves them into `audit_entries`. Before this table,
 * every transaction that audited held one lock from its entry until its commit, so the writes of
 * all connections committed one after another (docs/performance.md).
 *
 * SQLite has one writer and chains each entry in the transaction that writes it; the table is
 * there too, and stays empty, so both engines have the same schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_pending')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_pending').execute();
}

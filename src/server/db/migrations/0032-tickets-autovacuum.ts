import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL vacuums the tickets table after 0.5 % of its rows are new or changed, not after the
 * 20 % it would by default: some 5 000 tickets at a million instead of 200 000, days of a
 * district's instead of months. The inbox counts a street's open tickets from an index, which it
 * can do without reading the table only for pages a vacuum has marked all-visible; open tickets
 * are the newest and most changed, so with the defaults nearly all of them stayed unmarked and
 * the count read each one (docs/performance.md). A vacuum skips the pages already marked, so
 * running it more often costs little. SQLite has no vacuum of this kind; nothing to do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table tickets set (autovacuum_vacuum_insert_scale_factor = 0.005,
      autovacuum_vacuum_scale_factor = 0.005, autovacuum_analyze_scale_factor = 0.01)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table tickets reset (autovacuum_vacuum_insert_scale_factor,
      autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)`.execute(db);
  }
}

// Which database a query builder speaks to, for the few statements whose SQL differs between
// SQLite and PostgreSQL.
import { PostgresAdapter, type QueryExecutor } from 'kysely';

/** Whether `db` (a database, a transaction or a connection of one) is PostgreSQL. */
export function isPostgres(db: { getExecutor(): QueryExecutor }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

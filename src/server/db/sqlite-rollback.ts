// SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
// SQLITE_NOMEM). What the code sends next must not hide that: Kysely's own ROLLBACK would fail
// with "cannot rollback - no transaction is active" and replace the real error, and a savepoint
// statement would fail with "no such savepoint". A full disk was answered 500 instead of 503
// (docs/reliability.md, F2).
import type { Database as SqliteDb } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** A statement that does nothing, run in place of a ROLLBACK that has nothing left to undo. */
const NOTHING = 'select 1 where 0';

/** Thrown for a savepoint statement after SQLite rolled the whole transaction back. */
export class SqliteRolledBack extends Error {
  /** SQLite's own code for work undone by a rollback; answered 503 (http/db-unavailable.ts). */
  readonly code = 'SQLITE_ABORT';

  constructor() {
    super('SQLite rolled the transaction back after an earlier error');
    this.name = 'SqliteRolledBack';
  }
}

/**
 * The connection `inner`, once SQLite has rolled a transaction back: the final ROLLBACK is
 * skipped, and a savepoint's ROLLBACK TO or RELEASE throws SqliteRolledBack, so no later
 * statement of the transaction runs outside it (group-commit.ts ends the batch on it).
 */
export function withSafeRollback(sqlite: SqliteDb, inner: SqliteDatabase): SqliteDatabase {
  return {
    close: () => {
      inner.close();
    },
    prepare: (text: string) => {
      if (sqlite.inTransaction) {
        return inner.prepare(text);
      }
      if (/^\s*rollback\s*$/i.test(text)) {
        return inner.prepare(NOTHING);
      }
      if (/^\s*(rollback\s+to|release)\b/i.test(text)) {
        throw new SqliteRolledBack();
      }
      return inner.prepare(text);
    },
  };
}

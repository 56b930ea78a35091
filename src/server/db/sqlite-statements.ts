// Prepared statements kept for reuse on SQLite. Kysely's SQLite driver prepares every statement
// it runs, and SQLite plans a statement when it prepares it: on the workbench's reads that was a
// sixth of a request's time (docs/performance.md). The statements are kept by their SQL text, so
// a statement is planned once and then only bound and stepped.
import type { Database as SqliteDb, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The most statements kept. The texts come from the code's queries; lists of varying length
 * (`in (?, ?, …)`) make more of them, so the oldest is dropped past this bound.
 */
export const MAX_KEPT_STATEMENTS = 500;

/**
 * The connection as Kysely's SQLite dialect uses it, with each statement prepared once. A kept
 * statement still being iterated (a streamed query not yet finished) is busy: the same text then
 * gets a statement of its own for that run.
 */
export function withKeptStatements(sqlite: SqliteDb): SqliteDatabase {
  const kept = new Map<string, Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare: (text: string) => {
      const found = kept.get(text);
      if (found && !found.busy) {
        // Deleted and set again, so the map's order is the order of last use.
        kept.delete(text);
        kept.set(text, found);
        return found;
      }
      const statement = sqlite.prepare(text);
      if (!found) {
        kept.set(text, statement);
        if (kept.size > MAX_KEPT_STATEMENTS) {
          kept.delete(kept.keys().next().value as string);
        }
      }
      return statement;
    },
  };
}

// Prepared statements on PostgreSQL, kept per connection. Kysely's driver sends every query
// unnamed, so the server parses and plans it again each time: on the ticket detail's ten short
// statements that was most of the server's work (docs/performance.md). Here a query Kysely
// sends with parameters gets a name from its text, so each connection of the pool parses it once
// and then only binds and runs it, as src/server/db/sqlite-statements.ts does for SQLite.
//
// What is left unnamed: texts of more than one statement or that are not a query (a migration, a
// savepoint, `set`), and new texts once a connection holds MAX_NAMED of them. A named statement
// that the server refuses because a migration changed its table since it was prepared ("cached
// plan must not change result type") is sent again unnamed and its text stays unnamed on that
// connection. Outside a transaction that answers the request; inside one the transaction is
// already aborted, so during a rolling upgrade of several instances a write can fail once per
// connection and statement, with the database unchanged.
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** The most statements one connection keeps prepared. */
export const MAX_NAMED = 500;

const query = /^\s*(select|insert|update|delete|with)\s/i;

/** Whether a text may become a named statement: one query, with parameters. */
export function nameable(text: string, values: unknown): boolean {
  return Array.isArray(values) && values.length > 0 && query.test(text) && !text.includes(';');
}

/** The statement's name: the same text always gets the same name. */
export function statementName(text: string): string {
  return `k${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
}

/** PostgreSQL's refusal of a prepared statement whose table changed under it. */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '0A000';
}

/**
 * Makes the queries Kysely sends through `client` named statements. Called once for each new
 * connection of the pool (its `connect` event, src/server/db/database.ts).
 */
export function keepStatements(client: pg.Client): void {
  const named = new Set<string>();
  const stale = new Set<string>();
  const original = client.query.bind(client) as unknown as (config: unknown) => Promise<unknown>;
  const run = (config: unknown) => original(config) as Promise<pg.QueryResult>;
  const wrapped = async (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
    const full = !named.has(text) && named.size >= MAX_NAMED;
    if (!nameable(text, values) || stale.has(text) || full) {
      return run(values === undefined ? text : { text, values });
    }
    named.add(text);
    try {
      return await run({ name: statementName(text), text, values });
    } catch (error) {
      if (!isStalePlan(error)) {
        throw error;
      }
      stale.add(text);
      return run({ text, values });
    }
  };
  // Kysely calls query(text, values) and, for streams, query(cursor): only the first is named.
  client.query = ((first: unknown, second?: unknown) =>
    typeof first === 'string'
      ? wrapped(first, second as unknown[] | undefined)
      : original(first)) as typeof client.query;
}

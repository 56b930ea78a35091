// A PostgreSQL dialect that notices which connections sent a given kind of statement, and runs a
// hook after such a connection is back in the pool, before the query or transaction that used it
// resolves for its caller. The audit trail uses it to chain the entries a change wrote as soon as
// the change has committed (src/server/audit/pending.ts).
import {
  PostgresDialect,
  PostgresDriver,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type QueryResult,
} from 'kysely';

/** What to watch for: statements whose text begins with `prefix`, and what to run after. */
export interface StatementWatch {
  prefix: string;
  /** Run after the release; it should not throw (a throw is dropped: the change has committed). */
  after: (() => Promise<void>) | null;
}

type Connection = Parameters<PostgresDriver['releaseConnection']>[0];

class WatchedDriver extends PostgresDriver {
  readonly #watch: StatementWatch;
  readonly #patched = new WeakSet<DatabaseConnection>();
  readonly #sent = new WeakSet<DatabaseConnection>();

  constructor(config: PostgresDialectConfig, watch: StatementWatch) {
    super(config);
    this.#watch = watch;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (!this.#patched.has(connection)) {
      this.#patched.add(connection);
      const execute = connection.executeQuery.bind(connection);
      connection.executeQuery = <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        if (query.sql.startsWith(this.#watch.prefix)) {
          this.#sent.add(connection);
        }
        return execute<R>(query);
      };
    }
    return connection;
  }

  override async releaseConnection(connection: Connection): Promise<void> {
    const sent = this.#sent.delete(connection);
    await super.releaseConnection(connection);
    if (sent && this.#watch.after) {
      await this.#watch.after().catch(() => undefined);
    }
  }
}

/** PostgresDialect with a statement watch on every connection of its pool. */
export class WatchedPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  readonly #watch: StatementWatch;

  constructor(config: PostgresDialectConfig, watch: StatementWatch) {
    super(config);
    this.#config = config;
    this.#watch = watch;
  }

  override createDriver(): Driver {
    return new WatchedDriver(this.#config, this.#watch);
  }
}

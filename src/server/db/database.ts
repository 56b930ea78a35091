import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { Database } from './schema.js';
import { keepStatements } from './pg-statements.js';
import { WatchedPostgresDialect, type StatementWatch } from './pg-watched.js';
import { checkpointInWorker, registerCheckpointer } from './sqlite-checkpointer.js';
import { withSafeRollback } from './sqlite-rollback.js';
import { withKeptStatements } from './sqlite-statements.js';

export type Db = Kysely<Database>;
export type DatabaseKind = Config['database']['kind'];

/** An open database with its dialect name, for the few places that must know it. */
export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /**
   * PostgreSQL only: a database of one connection for the audit trail's chainer, and where to
   * hang the chainer so that it runs after every release of a connection that wrote an audit
   * entry (src/server/audit/pending.ts).
   */
  auditChaining?: { db: Db; afterEntryWritten(run: () => Promise<void>): void };
  close(): Promise<void>;
}

/**
 * Opens SQLite in WAL mode with synchronous=FULL: an acknowledged ticket is a legal record and must
 * survive a crash (docs/database.md). The log's checkpoints are made by a worker thread
 * (sqlite-checkpointer.ts), not inside a commit on the event loop. The busy timeout is short
 * because better-sqlite3 blocks the event loop while it waits.
 */
export function openSqlite(file: string): DatabaseHandle {
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file, { timeout: 1000 });
  const wal = sqlite.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const checkpointer = wal ? checkpointInWorker(sqlite, file) : null;
  const database = withSafeRollback(sqlite, withKeptStatements(sqlite));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  if (checkpointer) {
    registerCheckpointer(db, checkpointer);
  }
  return {
    db,
    kind: 'sqlite',
    close: async () => {
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/** Opens a PostgreSQL pool; an idle client's error must not crash the process. */
export function openPostgres(url: string, options: { searchPath?: string } = {}): DatabaseHandle {
  const pool = openPool(url, options, 10);
  // The chainer's own connection: it must not wait for the pool's, which wait for it.
  const chainPool = openPool(url, options, 1);
  const watch: StatementWatch = { prefix: 'insert into "audit_pending"', after: null };
  const db = new Kysely<Database>({ dialect: new WatchedPostgresDialect({ pool }, watch) });
  const chainDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: chainPool }) });
  return {
    db,
    kind: 'postgres',
    auditChaining: {
      db: chainDb,
      afterEntryWritten: (run) => {
        watch.after = run;
      },
    },
    close: async () => {
      await db.destroy();
      await chainDb.destroy();
    },
  };
}

function openPool(url: string, options: { searchPath?: string }, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    statement_timeout: 15_000,
    // A lock held elsewhere (a long transaction, a migration) makes a write fail fast with
    // 55P03, answered 503 with Retry-After, instead of a request that hangs for 15 s.
    lock_timeout: 3_000,
    idle_in_transaction_session_timeout: 30_000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  pool.on('error', () => undefined);
  // A client checked out of the pool (a held lock, a long transaction) has no pool listener: when
  // PostgreSQL ends its connection (57P01 at a restart) the error would be unhandled and end the
  // process. Its query fails on its own, and the pool drops the broken client when it returns.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    keepStatements(client);
  });
  return pool;
}

/** Opens the database the configuration names. */
export function openDatabase(config: Config['database']): DatabaseHandle {
  return config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
}

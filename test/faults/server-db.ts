// Where a server child keeps its data, read from outside the server: its own SQLite file, or in
// the postgres suite a throwaway cluster of its own (a fresh schema on the shared test server
// where no cluster can be made), removed afterwards.
import SQLite from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { pgTestUrl } from '../pg.js';
import { pgClusterUnavailable, startPgCluster } from './pg-cluster.js';

/** A server child's database as the fault tests see it. */
export interface ServerStore {
  /** DATABASE_URL for the child: empty for SQLite in its data directory. */
  databaseUrl: string;
  /** Tracking codes stored under each idempotency key (keys with no ticket are absent). */
  ticketsByKey(keys: string[]): Promise<Map<string, string[]>>;
  /** `PRAGMA integrity_check` on SQLite; on PostgreSQL a query that must answer. */
  integrity(): Promise<string>;
  drop(): Promise<void>;
}

function group(rows: { idempotency_key: string | null; tracking_code: string }[]) {
  const map = new Map<string, string[]>();
  for (const r of rows) {
    if (r.idempotency_key) {
      map.set(r.idempotency_key, [...(map.get(r.idempotency_key) ?? []), r.tracking_code]);
    }
  }
  return map;
}

function sqliteStore(dataDir: string): ServerStore {
  const file = path.join(dataDir, 'linli.sqlite');
  const read = <T>(fn: (db: SQLite.Database) => T): T => {
    const db = new SQLite(file, { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    databaseUrl: '',
    ticketsByKey: (keys) =>
      Promise.resolve(
        read((db) => {
          const wanted = new Set(keys);
          const rows = db.prepare('select idempotency_key, tracking_code from tickets').all() as {
            idempotency_key: string | null;
            tracking_code: string;
          }[];
          return group(rows.filter((r) => r.idempotency_key && wanted.has(r.idempotency_key)));
        }),
      ),
    integrity: () =>
      Promise.resolve(read((db) => String(db.pragma('integrity_check', { simple: true })))),
    drop: () => Promise.resolve(),
  };
}

async function postgresStore(): Promise<ServerStore> {
  const cluster = pgClusterUnavailable() === null ? await startPgCluster() : null;
  const base = cluster?.url ?? pgTestUrl();
  const schema = cluster ? 'public' : `fault_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema if not exists ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    databaseUrl: url.toString(),
    ticketsByKey: async (keys) =>
      group(
        await query<{ idempotency_key: string | null; tracking_code: string }>(
          'select idempotency_key, tracking_code from tickets where idempotency_key = any($1)',
          [keys],
        ),
      ),
    integrity: async () => {
      const rows = await query<{ n: string }>('select count(*) as n from tickets');
      return rows.length === 1 ? 'ok' : 'no answer';
    },
    drop: async () => {
      if (cluster) {
        cluster.remove();
        return;
      }
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/** The store for the suite that runs: SQLite in dataDir, or a fresh PostgreSQL schema. */
export function serverStore(dataDir: string): Promise<ServerStore> {
  return process.env.LINLI_TEST_DB === 'postgres'
    ? postgresStore()
    : Promise.resolve(sqliteStore(dataDir));
}

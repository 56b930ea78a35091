// PostgreSQL backup and restore drill (RELIABILITY §3e.2, docs/operations.md): `linli backup`
// names the pg_dump command instead of pretending; the documented pg_dump -Fc / pg_restore pair,
// run against a throwaway cluster while the server writes, restores a database whose every table
// has the dump's row count and whose audit chain verifies.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { findPgBin, pgClusterUnavailable, startPgCluster, type PgCluster } from './pg-cluster.js';
import {
  killServer,
  runCli,
  startServer,
  submission,
  tempDataDir,
  type ServerChild,
} from './server-process.js';

const exec = promisify(execFile);
const CI = !['', '0', 'false', 'no'].includes((process.env.CI ?? '').trim().toLowerCase());
const unavailable = pgClusterUnavailable();
if (unavailable && !CI) {
  console.warn(`skipped: PostgreSQL backup drill — ${unavailable}`);
}

const data = tempDataDir('pgdrill');
let cluster: PgCluster | null = null;
let server: ServerChild | null = null;

afterAll(async () => {
  await killServer(server);
  cluster?.remove();
  data.remove();
});

/** Every table of the public schema with its row count, as the client's snapshot sees them. */
async function countsOf(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const result: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await client.query<{ n: string }>(`select count(*) as n from "${name}"`);
    result[name] = Number(r.rows[0]?.n);
  }
  return result;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL backup and restore drill', () => {
  it.skipIf(unavailable !== null && !CI)(
    'pg_dump while writing, pg_restore into a new database: counts match, audit verifies',
    async () => {
      if (unavailable) {
        throw new Error(`cannot run under CI: ${unavailable}`);
      }
      cluster = await startPgCluster();
      const url = cluster.url;
      const bin = findPgBin() ?? '';
      const hint = await runCli(['backup', 'linli.dump'], {
        dataDir: data.dir,
        databaseUrl: cluster.url,
      });
      expect(hint.code).toBe(3);
      expect(hint.stderr).toContain('pg_dump --format=custom --file=linli.dump');

      server = await startServer({ dataDir: data.dir, databaseUrl: cluster.url, seedDemo: 'yes' });
      const { baseUrl, placardToken } = server;
      let writing = true;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let n = 0; writing; n += 1) {
          const res = await submission(baseUrl, placardToken, `pgdrill-${w}-${n}`);
          expect(res.status).toBe(201);
        }
      });
      await new Promise((r) => setTimeout(r, 300));
      // The counts are taken in one snapshot and pg_dump dumps that very snapshot, while the
      // writers go on: the restored database must have exactly these counts.
      const dump = path.join(data.dir, 'linli.dump');
      const snapshotCounts = await withClient(cluster.url, async (c) => {
        await c.query('begin isolation level repeatable read');
        const snap = await c.query<{ id: string }>('select pg_export_snapshot() as id');
        const seen = await countsOf(c);
        await exec(path.join(bin, 'pg_dump'), [
          '--format=custom',
          `--snapshot=${snap.rows[0]?.id ?? ''}`,
          `--file=${dump}`,
          url,
        ]);
        await c.query('commit');
        return seen;
      });
      writing = false;
      await Promise.all(writers);

      const target = cluster.url.replace(/\/postgres$/, '/drill');
      await withClient(cluster.url, (c) => c.query('create database drill'));
      await exec(path.join(bin, 'pg_restore'), ['--no-owner', `--dbname=${target}`, dump]);
      const restored = await withClient(target, countsOf);
      expect(Object.keys(restored).length).toBeGreaterThan(40);
      expect(restored.tickets).toBeGreaterThan(0);
      expect(restored).toEqual(snapshotCounts);
      const live = await withClient(cluster.url, countsOf);
      expect(live.tickets).toBeGreaterThan(restored.tickets ?? 0);

      // The snapshot may hold a ticket committed but not yet chained: its entry is in the dump,
      // pending, and `audit verify` chains it before checking (src/server/audit/pending.ts).
      const verify = await runCli(['audit', 'verify'], { dataDir: data.dir, databaseUrl: target });
      const entries = (restored.audit_entries ?? 0) + (restored.audit_pending ?? 0);
      expect(verify.stdout).toBe(`audit chain intact: ${entries} entries\n`);
      expect(verify.code).toBe(0);
    },
    90_000,
  );
});

// npm run bench: generates a district (BENCH_TICKETS tickets, default 1 000 000) on SQLite or
// PostgreSQL (BENCH_DB), runs each HTTP scenario against the real app and against a bare baseline
// in the same run, then the placards batch and the resident page's JavaScript size; prints a
// table and writes the figures as JSON under bench/results/. docs/performance.md explains it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { format } from 'prettier';
import { openPostgres, openSqlite, type DatabaseHandle } from '../src/server/db/database.js';
import { generate, type Generated } from './generate.js';
import { formatTable, type OtherResult } from './report.js';
import { gatherInputs, runScenarios } from './scenarios.js';
import type { BenchDatabase } from './servers.js';
import { measureQrPage } from './web-size.js';

const root = path.resolve(import.meta.dirname, '..');
const NOW = new Date('2026-12-01T04:00:00.000Z');
const env = process.env;
const settings = {
  tickets: Number(env.BENCH_TICKETS ?? 1_000_000),
  database: env.BENCH_DB ?? 'sqlite',
  postgresUrl: env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/linli_bench',
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  readConnections: Number(env.BENCH_READ_CONNECTIONS ?? 10),
  seconds: Number(env.BENCH_SECONDS ?? 10),
  placards: Number(env.BENCH_PLACARDS ?? 10_000),
  /** Parts to leave out of this run, e.g. "placards,web" while working on the HTTP scenarios. */
  skip: (env.BENCH_SKIP ?? '').split(',').filter(Boolean),
  /**
   * A SQLite file to keep: generated into when it does not exist, reused (without generating)
   * when it does. Unset, each run generates into a temporary file and removes it.
   */
  sqliteFile: env.BENCH_SQLITE_FILE ?? '',
  /**
   * PostgreSQL: keep the generated database and reuse it, as BENCH_SQLITE_FILE does. Unset, the
   * database is dropped and generated again on every run.
   */
  postgresKeep: env.BENCH_PG_KEEP === '1',
};

/** In a kept PostgreSQL database: what was generated into it (one row, as JSON). */
const keptTable = 'bench_generated';

/** Beside a kept SQLite file: what was generated into it, so a later run can report it. */
function generatedFile(file: string): string {
  return `${file}.generated.json`;
}

function tsx(args: string[]): string[] {
  return ['--import', 'tsx', ...args];
}

/** The server's `postgres` database beside the bench one, to create, drop and look it up. */
function maintenanceUrl(url: URL): string {
  return Object.assign(new URL(url), { pathname: '/postgres' }).toString();
}

/** What a kept PostgreSQL database was generated with, or null (then it is made again). */
async function keptPostgres(url: URL): Promise<Generated | null> {
  const admin = openPostgres(maintenanceUrl(url));
  const exists = await sql<{
    n: number;
  }>`select 1 as n from pg_database where datname = ${url.pathname.slice(1)}`.execute(admin.db);
  await admin.close();
  if (exists.rows.length === 0) {
    return null;
  }
  const bench = openPostgres(url.toString());
  try {
    const rows = await sql<{ generated: string }>`select generated from ${sql.id(keptTable)}`
      .execute(bench.db)
      .catch(() => ({ rows: [] }));
    const first = rows.rows[0];
    return first ? (JSON.parse(first.generated) as Generated) : null;
  } finally {
    await bench.close();
  }
}

async function keepPostgres(handle: DatabaseHandle, generated: Generated): Promise<void> {
  await sql`create table ${sql.id(keptTable)} (generated text not null)`.execute(handle.db);
  await sql`insert into ${sql.id(keptTable)} values (${JSON.stringify(generated)})`.execute(
    handle.db,
  );
}

/**
 * The database of the run: a temporary or kept SQLite file, or the PostgreSQL bench database,
 * created again unless it is kept and was generated before (then `generated` says with what).
 */
async function openBenchDatabase(): Promise<{
  database: BenchDatabase;
  handle: DatabaseHandle;
  generated?: Generated;
}> {
  if (settings.database === 'sqlite') {
    const file =
      settings.sqliteFile === ''
        ? path.join(mkdtempSync(path.join(os.tmpdir(), 'linli-bench-')), 'bench.db')
        : path.resolve(settings.sqliteFile);
    return { database: { kind: 'sqlite', file }, handle: openSqlite(file) };
  }
  if (settings.database !== 'postgres') {
    throw new Error(`BENCH_DB must be sqlite or postgres, got ${settings.database}`);
  }
  const url = new URL(settings.postgresUrl);
  const name = url.pathname.slice(1);
  if (name === '' || name === 'test' || name === 'postgres') {
    throw new Error(`BENCH_PG_URL must name a database of its own, not "${name}"`);
  }
  const kept = settings.postgresKeep ? await keptPostgres(url) : null;
  if (kept) {
    return {
      database: { kind: 'postgres', url: url.toString() },
      handle: openPostgres(url.toString()),
      generated: kept,
    };
  }
  const admin = openPostgres(maintenanceUrl(url));
  await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  return {
    database: { kind: 'postgres', url: url.toString() },
    handle: openPostgres(url.toString()),
  };
}

async function startServers(database: BenchDatabase): Promise<{
  child: ChildProcess;
  urls: { product: string; baseline: string };
}> {
  const child = spawn(
    process.execPath,
    tsx([path.join(root, 'bench/serve.ts'), JSON.stringify(database), NOW.toISOString()]),
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    return { child, urls: JSON.parse(line) as { product: string; baseline: string } };
  }
  throw new Error('the bench server exited before it listened');
}

/**
 * On PostgreSQL, intake's burst (some 10 000 tickets in 20 s, months of a district's) leaves the
 * open tickets' pages unmarked in the visibility map, and the inbox's count then reads each of
 * them from the table: 10 ms instead of 2 on one street's 5 000 open tickets. Autovacuum marks
 * them within a minute with the tickets table's settings (migration 0032); the reads are measured
 * after it has, and docs/performance.md gives both.
 */
async function vacuumAfterIntake(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    process.stderr.write('vacuum analyze tickets after intake, as autovacuum would\n');
    await sql`vacuum analyze tickets`.execute(handle.db);
  }
}

/**
 * On SQLite, before each load of intake: the write-ahead log is checkpointed and emptied. The
 * product and the baseline write to the same file, one after the other; without this a side
 * began behind the log the side before it had left (1.6 GB after the baseline's saturated run),
 * and its first checkpoint paid for the other side's writes.
 */
async function emptyLog(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
  }
}

/** 10 000 placards into one PDF, in a child process of its own (time and peak RSS). */
function runPlacards(): OtherResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-placards-'));
  try {
    const child = path.join(root, 'bench/placards.child.ts');
    const run = (step: string) => {
      const out = spawnSync(process.execPath, tsx([child, String(settings.placards), step, dir]), {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (out.status !== 0) {
        throw new Error(`placards ${step} failed: ${out.stderr}`);
      }
      return out.stdout;
    };
    run('seed');
    const figures = JSON.parse(run('print').trim()) as {
      pages: number;
      seconds: number;
      peakMb: number;
      pdfMb: number;
    };
    return {
      name: `placards: ${figures.pages.toLocaleString('en')} in one PDF`,
      value:
        `${figures.seconds.toFixed(1)} s, peak RSS ${figures.peakMb.toFixed(0)} MB, ` +
        `PDF ${figures.pdfMb.toFixed(1)} MB`,
      target: '≤ 60 s and ≤ 512 MB',
      met: figures.seconds <= 60 && figures.peakMb <= 512,
      figures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runWebSize(): OtherResult {
  const size = measureQrPage(root);
  return {
    name: 'resident QR page JavaScript',
    value: `${size.totalKb.toFixed(1)} KB gzipped in ${size.files.length} files`,
    target: '≤ 150 KB gzipped',
    met: size.totalKb <= 150,
    figures: size,
  };
}

async function main(): Promise<void> {
  const { database, handle, generated: keptPg } = await openBenchDatabase();
  const started = performance.now();
  const kept = database.kind === 'sqlite' ? generatedFile(database.file) : '';
  let generated: Generated;
  try {
    generated =
      keptPg ??
      (kept !== '' && existsSync(kept)
        ? (JSON.parse(readFileSync(kept, 'utf8')) as Generated)
        : await generate(handle, {
            tickets: settings.tickets,
            now: NOW,
            onProgress: (done) => {
              process.stderr.write(`\rgenerating: ${done.toLocaleString('en')} tickets`);
            },
          }));
    if (settings.postgresKeep && !keptPg) {
      await keepPostgres(handle, generated);
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (settings.sqliteFile !== '' && !existsSync(kept)) {
    writeFileSync(kept, JSON.stringify(generated));
  }
  const generateSeconds = (performance.now() - started) / 1000;
  process.stderr.write(`\ngenerated in ${generateSeconds.toFixed(0)} s\n`);
  const servers = await startServers(database);
  let scenarios;
  try {
    const inputs = await gatherInputs(handle.db, servers.urls.product, NOW);
    scenarios = await runScenarios(servers.urls, inputs, settings, {
      beforeWrites: () => emptyLog(handle),
      afterIntake: () => vacuumAfterIntake(handle),
    });
  } finally {
    // The child's connections close first, so that this one, the last, folds the WAL back into
    // the database file: a kept file is then whole on its own, without its -wal beside it.
    const exited = new Promise((resolve) => servers.child.once('exit', resolve));
    servers.child.kill();
    await exited;
    await handle.close();
  }
  const others = [
    ...(settings.skip.includes('placards') ? [] : [runPlacards()]),
    ...(settings.skip.includes('web') ? [] : [runWebSize()]),
  ];
  const machine = {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? ''}`.trim(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    node: process.version,
  };
  const report = {
    at: new Date().toISOString(),
    settings,
    machine,
    generated,
    generateSeconds,
    scenarios,
    others,
  };
  console.log(formatTable(report));
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(
    root,
    'bench/results',
    `${settings.database}-${settings.tickets}-${report.at.replace(/[:.]/g, '-')}.json`,
  );
  // In the repository's own format, so a committed result passes the formatting check.
  writeFileSync(file, await format(JSON.stringify(report), { parser: 'json' }));
  console.log(`\nwritten: ${path.relative(root, file)}`);
  if (database.kind === 'sqlite' && settings.sqliteFile === '') {
    rmSync(path.dirname(database.file), { recursive: true, force: true });
  }
}

await main();

// npm run bench:dashboard [-- --tickets=1000000 --pg]: fills a fresh database with tickets spread
// over the demo district's streets, communities, matters and two years, then times each dashboard
// query against a baseline measured in the same run (count(*) and a full scan of tickets).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { StaffActor } from '../src/server/accounts/service.js';
import * as dashboard from '../src/server/dashboard/service.js';
import { openPostgres, openSqlite, type DatabaseHandle } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { seedDemoOrg } from '../src/server/org/service.js';
import { pgAvailable, pgTestUrl } from '../test/pg.js';
import { fillTickets } from './fill-tickets.js';

const NOW = new Date('2026-12-01T04:00:00.000Z');
const argTickets = process.argv.find((a) => a.startsWith('--tickets='))?.split('=')[1];
const TICKETS = Number(argTickets ?? 1_000_000);
const RUNS = 3;

async function median(step: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await step();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

async function measure(handle: DatabaseHandle, label: string): Promise<void> {
  const { db } = handle;
  const ctx = { db, now: () => NOW };
  const street = await db
    .selectFrom('streets')
    .select('id')
    .orderBy('sort')
    .executeTakeFirstOrThrow();
  const bureau: StaffActor = { id: 'bench', role: 'bureau_admin', streetId: null, sessionId: '' };
  const streetAdmin: StaffActor = { ...bureau, role: 'street_admin', streetId: street.id };
  const year = { from: '2025-12-01', to: '2026-11-30' };
  const quarter = { from: '2026-09-01', to: '2026-11-30' };
  const count = await median(() => sql`select count(*) from tickets`.execute(db));
  const scan = await median(() => sql`select sum(length(description)) from tickets`.execute(db));
  const cases: [string, () => Promise<unknown>][] = [
    [
      'trend, a year by week, all',
      () => dashboard.trend(ctx, bureau, { ...year, granularity: 'week' }),
    ],
    [
      'trend, a year by month, street',
      () => dashboard.trend(ctx, streetAdmin, { ...year, granularity: 'month' }),
    ],
    ['by-community, a quarter, all', () => dashboard.byCommunity(ctx, bureau, quarter)],
    ['by-community, a year, street', () => dashboard.byCommunity(ctx, streetAdmin, year)],
    ['by-matter, a quarter, all', () => dashboard.byMatter(ctx, bureau, quarter)],
    ['by-matter, a year, street', () => dashboard.byMatter(ctx, streetAdmin, year)],
    ['ratings, a quarter, all', () => dashboard.ratings(ctx, bureau, quarter)],
    ['overdue now, all', () => dashboard.overdue(ctx, bureau, undefined)],
    ['overdue now, street', () => dashboard.overdue(ctx, streetAdmin, undefined)],
  ];
  console.log(`\n${label}: ${TICKETS.toLocaleString('en')} tickets, median of ${RUNS} runs`);
  console.log(`baseline select count(*): ${count.toFixed(1)} ms; full scan: ${scan.toFixed(1)} ms`);
  console.log(
    'query'.padEnd(34),
    'ms'.padStart(9),
    '× count(*)'.padStart(11),
    '× scan'.padStart(8),
  );
  for (const [name, step] of cases) {
    const ms = await median(step);
    console.log(
      name.padEnd(34),
      ms.toFixed(1).padStart(9),
      (ms / count).toFixed(2).padStart(11),
      (ms / scan).toFixed(2).padStart(8),
    );
  }
}

async function run(handle: DatabaseHandle, label: string): Promise<void> {
  await migrateToLatest(handle.db);
  await seedDemoOrg(handle.db, { now: NOW });
  const start = performance.now();
  await fillTickets(handle, TICKETS, NOW);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`${label}: filled ${TICKETS.toLocaleString('en')} tickets in ${seconds} s`);
  if (handle.kind === 'postgres') {
    await sql`vacuum analyze tickets`.execute(handle.db);
  } else {
    await sql`analyze`.execute(handle.db);
  }
  await measure(handle, label);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
  const sqlite = openSqlite(path.join(dir, 'bench.db'));
  try {
    await run(sqlite, 'SQLite');
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!process.argv.includes('--pg')) {
    return;
  }
  if (!(await pgAvailable())) {
    console.log('\nPostgreSQL: not reachable, skipped');
    return;
  }
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = openPostgres(pgTestUrl());
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const pg = openPostgres(pgTestUrl(), { searchPath: schema });
  try {
    await run(pg, 'PostgreSQL');
  } finally {
    await pg.close();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  }
}

await main();

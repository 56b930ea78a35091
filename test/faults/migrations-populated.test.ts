// Migrations on a populated database (RELIABILITY §3e.4), on the dialect of the suite: the schema
// is brought up to the first migration only, filled through the tables as they were then
// (an organisation, staff, 300 tickets with events and reporters), and migrated to the latest.
// Every row and the values of the old columns survive, and a second run changes nothing.
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle } from '../../src/server/db/database.js';
import { migrateToLatest, migrateUpTo, migrationNames } from '../../src/server/db/migrate.js';
import { pgTestUrl } from '../pg.js';

const TICKETS = 300;
const FIRST = '0001-foundation';
let handle: DatabaseHandle;
let drop: () => Promise<void>;

async function onPg(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgTestUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** An empty, unmigrated database of the suite's dialect. */
async function openEmpty(): Promise<void> {
  if (process.env.LINLI_TEST_DB === 'postgres') {
    const schema = `m_${Date.now().toString(36)}_${process.pid}`;
    await onPg(`create schema ${schema}`);
    handle = openPostgres(pgTestUrl(), { searchPath: schema });
    drop = () => onPg(`drop schema if exists ${schema} cascade`);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-migrate-'));
    handle = openSqlite(path.join(dir, 'linli.sqlite'));
    drop = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
}

beforeAll(openEmpty);
afterAll(async () => {
  await handle.close();
  await drop();
});

const at = (i: number) => new Date(Date.UTC(2025, 8, 1, 8, 0, i)).toISOString();

/** Fills the tables of migration 0001 with plain SQL, as a database of that version held them. */
async function populateAtFirstMigration(): Promise<void> {
  const db = handle.db;
  await sql`insert into districts (id, code, name) values ('d1', '310110', '杨浦区')`.execute(db);
  await sql`insert into streets (id, district_id, code, name)
    values ('s1', 'd1', '310110001', '殷行街道')`.execute(db);
  await sql`insert into communities (id, street_id, code, name, kind)
    values ('c1', 's1', '310110001001', '开鲁新村', 'residential')`.execute(db);
  await sql`insert into rooms (id, community_id, code, name, kind, address, hours)
    values ('r1', 'c1', 'R-001', '开鲁新村联络室', 'community', '开鲁路 1 号', '9:00-17:00')`.execute(
    db,
  );
  await sql`insert into staff (id, username, password_hash, name, role, street_id, created_at)
    values ('u1', 'yinhang.1', 'x', '王晓明', 'liaison', 's1', ${at(0)})`.execute(db);
  await sql`insert into buildings (id, community_id, code, name, address, placard_token)
    values ('b1', 'c1', 'B-001', '开鲁新村 12 号楼', '开鲁路 12 号', 'tok1')`.execute(db);
  for (let i = 0; i < TICKETS; i += 1) {
    const id = `t${i}`;
    await sql`insert into tickets (id, tracking_code, access_hash, idempotency_key, request_hash,
        kind, status, tier, channel, description, building_id, room_id, street_id, assignee_id,
        created_at, updated_at, resolve_due_at, event_count)
      values (${id}, ${`LL-${1000 + i}`}, ${`h${i}`}, ${`key-${i}`}, ${`rh${i}`}, 'report',
        ${i % 3 === 0 ? 'closed' : 'submitted'}, 'community', 'placard',
        ${`楼道堆物 第 ${i} 件`}, 'b1', 'r1', 's1', ${i % 2 === 0 ? 'u1' : null},
        ${at(i)}, ${at(i)}, ${at(i + 86_400)}, 1)`.execute(db);
    await sql`insert into ticket_events (ticket_id, seq, type, at, actor_kind, data)
      values (${id}, 1, 'submitted', ${at(i)}, 'resident', '{}')`.execute(db);
    await sql`insert into ticket_reporters (ticket_id, phone_masked)
      values (${id}, ${`138****${String(i).padStart(4, '0')}`})`.execute(db);
  }
}

interface TicketRow {
  id: string;
  tracking_code: string;
  idempotency_key: string;
  status: string;
  description: string;
  assignee_id: string | null;
  created_at: string;
}

async function snapshot() {
  const db = handle.db;
  const tickets = await sql<TicketRow>`select id, tracking_code, idempotency_key, status,
      description, assignee_id, created_at from tickets order by id`.execute(db);
  const events = await sql<{ n: number | string }>`select count(*) as n from ticket_events`.execute(
    db,
  );
  const reporters = await sql<{ ticket_id: string; phone_masked: string }>`select ticket_id,
      phone_masked from ticket_reporters order by ticket_id`.execute(db);
  return {
    tickets: tickets.rows,
    events: Number(events.rows[0]?.n),
    reporters: reporters.rows,
  };
}

describe('migrations on a populated database', () => {
  it('keeps every row and old value from migration 0001 up to the latest', async () => {
    expect(await migrateUpTo(handle.db, FIRST)).toEqual([FIRST]);
    await populateAtFirstMigration();
    const before = await snapshot();
    expect(before.tickets).toHaveLength(TICKETS);

    const applied = await migrateToLatest(handle.db);
    expect(applied).toEqual(migrationNames().slice(1));
    const after = await snapshot();
    expect(after).toEqual(before);

    // The current code reads the migrated rows: the merge column 0008 added is empty, and the
    // staff row 0009 extended is still the liaison it was.
    const t = await handle.db
      .selectFrom('tickets')
      .select(['tracking_code', 'merged_into_id'])
      .where('idempotency_key', '=', 'key-7')
      .executeTakeFirstOrThrow();
    expect(t).toEqual({ tracking_code: 'LL-1007', merged_into_id: null });
    const staff = await handle.db
      .selectFrom('staff')
      .select(['username', 'role'])
      .executeTakeFirstOrThrow();
    expect(staff).toEqual({ username: 'yinhang.1', role: 'liaison' });

    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});

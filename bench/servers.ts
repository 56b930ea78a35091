// The two servers a benchmark run compares: the real app (buildApp with a real context) on the
// generated database, and a bare baseline that does only the raw insert or query a scenario
// needs, with the same driver and the same durability settings, in the same process.
import SQLite from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { createContext } from '../src/server/context-factory.js';
import type { DatabaseHandle } from '../src/server/db/database.js';
import { ticketRow } from './ticket-rows.js';

/** Where the benchmark's database is, so the baseline can open it with its own raw driver. */
export type BenchDatabase = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** A listening server and its address. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance, close: () => Promise<void>): Promise<Running> {
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

/** The real app over the generated database, with the clock at `now`. */
export async function startProduct(handle: DatabaseHandle, now: Date): Promise<Running> {
  const started = Date.now();
  const ctx = createContext(
    {
      dataKey: Buffer.alloc(32, 7),
      filesDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'linli-bench-files-')), 'files'),
      sessionIdleMinutes: 600,
      sessionAbsoluteHours: 12,
      publicBaseUrl: null,
    },
    handle,
    () => new Date(now.getTime() + (Date.now() - started)),
  );
  // Behind a proxy, as in production, so each resident's address is the one counted.
  const app = await buildApp(ctx, { logLevel: 'silent', trustProxy: true });
  return listen(app, () => Promise.resolve());
}

/** The baseline's three raw statements, each one round trip with the driver. */
interface RawStatements {
  insert(row: Record<string, unknown>): Promise<unknown>;
  inbox(streetId: string): Promise<unknown>;
  ticket(id: string): Promise<unknown>;
  quarter(from: string, to: string): Promise<unknown>;
  close(): Promise<void>;
}

function sqliteStatements(file: string): RawStatements {
  const db = new SQLite(file, { timeout: 1000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const columns = Object.keys(ticketRow(placeholderPlace, facts()));
  const insert = db.prepare(
    `insert into tickets (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})
     returning id`,
  );
  const inbox = db.prepare(
    `select * from tickets where street_id = ? order by created_at desc limit 20`,
  );
  const ticket = db.prepare(`select * from tickets where id = ?`);
  const quarter = db.prepare(quarterSql.replace('$1', '?').replace('$2', '?'));
  return {
    insert: (row) => Promise.resolve(insert.get(row)),
    inbox: (streetId) => Promise.resolve(inbox.all(streetId)),
    ticket: (id) => Promise.resolve(ticket.get(id)),
    quarter: (from, to) => Promise.resolve(quarter.all(from, to)),
    close: () => Promise.resolve(void db.close()),
  };
}

function postgresStatements(url: string): RawStatements {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  const columns = Object.keys(ticketRow(placeholderPlace, facts()));
  const insertText = `insert into tickets (${columns.join(', ')})
    values (${columns.map((_, i) => `$${i + 1}`).join(', ')}) returning id`;
  return {
    insert: (row) =>
      pool.query({ name: 'ins', text: insertText, values: columns.map((c) => row[c]) }),
    inbox: (streetId) =>
      pool.query({
        name: 'inbox',
        text: 'select * from tickets where street_id = $1 order by created_at desc limit 20',
        values: [streetId],
      }),
    ticket: (id) =>
      pool.query({ name: 'one', text: 'select * from tickets where id = $1', values: [id] }),
    quarter: (from, to) => pool.query({ name: 'quarter', text: quarterSql, values: [from, to] }),
    close: () => pool.end(),
  };
}

/** The quarter's baseline: one pass over its tickets, counted by street and status. */
const quarterSql = `select street_id, status, count(*) as n from tickets
  where created_at >= $1 and created_at < $2 group by street_id, status`;

const placeholderPlace = { buildingId: '', roomId: '', streetId: '' };

function facts() {
  const at = new Date().toISOString();
  return { createdAt: at, resolveDueAt: at };
}

/**
 * The baseline: POST /raw/tickets inserts one complete ticket row at the place the body names;
 * GET /raw/inbox/:streetId reads a page of a street's newest tickets; GET /raw/tickets/:id one
 * ticket; GET /raw/quarter?from&to counts a quarter's tickets. No validation beyond JSON
 * parsing, no sessions, no audit.
 */
export async function startBaseline(database: BenchDatabase): Promise<Running> {
  const raw =
    database.kind === 'sqlite' ? sqliteStatements(database.file) : postgresStatements(database.url);
  const app = Fastify({ logger: false });
  app.post('/raw/tickets', async (request, reply) => {
    const place = request.body as { buildingId: string; roomId: string; streetId: string };
    const row = ticketRow(place, facts());
    await raw.insert(row);
    return reply.status(201).send({ id: row.id });
  });
  app.get('/raw/inbox/:streetId', async (request) =>
    raw.inbox((request.params as { streetId: string }).streetId),
  );
  app.get('/raw/tickets/:id', async (request) => raw.ticket((request.params as { id: string }).id));
  app.get('/raw/quarter', async (request) => {
    const q = request.query as { from: string; to: string };
    return raw.quarter(q.from, q.to);
  });
  return listen(app, () => raw.close());
}

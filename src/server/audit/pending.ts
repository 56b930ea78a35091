// Chaining the audit trail apart from the changes it records, on PostgreSQL.
//
// Each entry's MAC covers the one before it, so entries must be numbered one at a time. When a
// change numbered its own entry, it held the trail's lock from that entry until its commit, and
// the changes of all connections committed one after another: ticket intake ran at a tenth of
// a bare insert (docs/performance.md). Now a change writes its entry into `audit_pending`, in
// its own transaction and without a lock; a rolled-back change leaves nothing there, a committed
// one always leaves its entry. A chainer then takes the lock for a short transaction of its own,
// numbers every pending entry it can see, computes the MACs and moves them into `audit_entries`.
//
// The chainer runs as soon as a connection that wrote an entry goes back to the pool
// (src/server/db/database.ts), on a connection of its own so that it never waits behind the
// requests waiting for it; the request is answered after that, so an answered change has its
// entry in the chain. A sweep every few seconds chains what an instance left behind when it
// stopped between a commit and its chaining. Instances sharing a database share the lock.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditSettings } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { AuditEntryTable, Database } from '../db/schema.js';
import { chainAfter, type WrittenEntry } from './mac.js';
import * as store from './store.js';

/** The most entries one pass of the chainer moves in one transaction. */
export const CHAIN_BATCH = 500;

/** Writes an entry for the chainer, inside the change's transaction. */
export async function insertPending(trx: Transaction<Database>, entry: WrittenEntry) {
  await trx.insertInto('audit_pending').values(entry).execute();
}

/**
 * One pass: under the trail's lock, numbers and moves up to `CHAIN_BATCH` pending entries in the
 * order they were written, in one transaction; returns how many it moved.
 */
export async function chainOnce(db: Kysely<Database>, settings: AuditSettings): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await store.lockAppends(trx);
    const rows = await trx
      .selectFrom('audit_pending')
      .selectAll()
      .orderBy('id')
      .limit(CHAIN_BATCH)
      .execute();
    if (rows.length === 0) {
      return 0;
    }
    await insertChained(trx, chainAfter(settings, await store.lastEntry(trx), rows));
    const ids = rows.map((r) => r.id);
    await sql`delete from audit_pending where id = any(${ids}::bigint[])`.execute(trx);
    return rows.length;
  });
}

/**
 * Inserts a batch of chained entries with one statement whose text does not depend on the batch's
 * size, so that it stays one prepared statement (src/server/db/pg-statements.ts).
 */
async function insertChained(trx: Transaction<Database>, rows: AuditEntryTable[]) {
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  await sql`insert into audit_entries (seq, at, actor_kind, actor_id, action, record_type,
      record_id, detail, request_id, prev_mac, mac)
    select * from unnest(${column('seq')}::integer[], ${column('at')}::text[],
      ${column('actor_kind')}::text[], ${column('actor_id')}::text[], ${column('action')}::text[],
      ${column('record_type')}::text[], ${column('record_id')}::text[],
      ${column('detail')}::text[], ${column('request_id')}::text[],
      ${column('prev_mac')}::text[], ${column('mac')}::text[])`.execute(trx);
}

/** Moves pending entries into the chain; shared by every connection of one instance. */
export interface AuditChainer {
  /**
   * Resolves once a pass that began after the call has ended, so every entry committed before
   * the call is chained. Calls made while a pass runs share the one pass after it.
   */
  readonly flush: () => Promise<void>;
}

/** A chainer working through `db`, which should have a connection of its own. */
export function createAuditChainer(db: Kysely<Database>, settings: AuditSettings): AuditChainer {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  const drain = async () => {
    while ((await chainOnce(db, settings)) === CHAIN_BATCH) {
      // A full batch: there may be more.
    }
  };
  const start = (): Promise<void> => {
    const pass = drain().finally(() => {
      running = null;
    });
    running = pass;
    return pass;
  };
  const flush = (): Promise<void> => {
    if (!running) {
      return start();
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = null;
        // A call in between may have started a pass already; it began after this one's callers.
        return running ?? start();
      });
    return next;
  };
  return { flush };
}

/**
 * The chainer of a PostgreSQL database, hung on its pool so that it runs whenever a connection
 * that wrote an entry is released; null on SQLite, which chains as it writes.
 */
export function chainerFor(
  handle: Pick<DatabaseHandle, 'auditChaining'>,
  settings: AuditSettings,
): AuditChainer | null {
  if (!handle.auditChaining) {
    return null;
  }
  const chainer = createAuditChainer(handle.auditChaining.db, settings);
  handle.auditChaining.afterEntryWritten(chainer.flush);
  return chainer;
}

/** A running sweep; `stop` waits for the pass in progress. */
export interface AuditSweep {
  stop(): Promise<void>;
}

/** Chains what is left pending every `intervalMs`, starting now; failures go to `onError`. */
export function startAuditSweep(
  chainer: AuditChainer,
  intervalMs: number,
  onError: (error: unknown) => void,
): AuditSweep {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const round = () => {
    current = chainer
      .flush()
      .catch(onError)
      .then(() => {
        if (!stopped) {
          timer = setTimeout(round, intervalMs);
          timer.unref();
        }
      });
  };
  round();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

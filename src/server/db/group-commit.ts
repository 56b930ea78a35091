// Group commit on SQLite: units of work (one ticket each) that arrive while a commit is in flight
// are written in ONE transaction, each inside a savepoint of its own, and each is answered only
// after that transaction has committed. With synchronous=FULL every commit waits for an fsync of
// the write-ahead log; one fsync then serves every unit of the batch instead of one unit. The
// log's checkpoints are not made in the commit but by a worker thread (sqlite-checkpointer.ts).
//
// Per-unit semantics stay those of a transaction of its own: a unit that throws is rolled back
// to its savepoint and fails alone; the units after it see the writes of the units before it
// (an idempotency key written by one is found by the next); a unit is acknowledged only once its
// writes are durable, and if the commit fails every unit of the batch fails with it.
//
// PostgreSQL keeps one transaction per unit: its server already lets concurrent commits share
// one WAL flush, and a shared transaction would serialise the pool's connections behind the
// slowest unit.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { checkpointerOf } from './sqlite-checkpointer.js';
import { isPostgres } from './dialect.js';

/** A unit of work: it writes through the transaction it is given and nothing else. */
export type Unit<T> = (trx: Transaction<Database>) => Promise<T>;

/** Runs units of work, each durable before its promise resolves. */
export interface GroupCommit {
  run<T>(unit: Unit<T>): Promise<T>;
}

interface Pending {
  unit: Unit<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * The most units in one transaction. A batch holds SQLite's one writer (and kysely's one
 * connection) until it commits, so an unbounded batch would hold back every other request.
 */
export const MAX_BATCH = 64;

// One name for every unit's savepoint, so the statement texts stay the same (and their prepared
// statements can be kept).
const savepoint = sql.id('unit');

function sqliteGroupCommit(db: Kysely<Database>): GroupCommit {
  const checkpointer = checkpointerOf(db);
  const queue: Pending[] = [];
  let scheduled = false;

  /**
   * One unit in its savepoint. Only the unit's own throw is its failure; a savepoint statement
   * that fails (SQLite may have rolled the whole transaction back) ends the batch, so no failed
   * unit's writes can be committed with the others.
   */
  async function writeUnit(trx: Transaction<Database>, unit: Unit<unknown>): Promise<Outcome> {
    await sql`savepoint ${savepoint}`.execute(trx);
    let outcome: Outcome;
    try {
      outcome = { ok: true, value: await unit(trx) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    if (!outcome.ok) {
      await sql`rollback to savepoint ${savepoint}`.execute(trx);
    }
    await sql`release savepoint ${savepoint}`.execute(trx);
    return outcome;
  }

  async function writeBatch(): Promise<void> {
    // A log grown past its bound starts again only if no write begins before the checkpoint has
    // copied all of it: the batch waits here, and the event loop goes on serving meanwhile.
    await checkpointer?.room();
    const batch = queue.splice(0, MAX_BATCH);
    const outcomes: Outcome[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const pending of batch) {
          outcomes.push(await writeUnit(trx, pending.unit));
        }
      });
    } catch (error) {
      // The commit or a savepoint statement failed: nothing of the batch is durable.
      for (const pending of batch) {
        pending.reject(error);
      }
      return;
    }
    checkpointer?.nudge();
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) {
        p.resolve(outcome.value);
      } else {
        p.reject(outcome?.error);
      }
    });
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      await writeBatch();
    }
    scheduled = false;
  }

  return {
    run<T>(unit: Unit<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ unit, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // After the I/O callbacks of this turn, so the requests read in it join one batch.
          setImmediate(() => void drain());
        }
      });
    },
  };
}

function transactionPerUnit(db: Kysely<Database>): GroupCommit {
  return {
    run: (unit) => db.transaction().execute((trx) => unit(trx)),
  };
}

const instances = new WeakMap<Kysely<Database>, GroupCommit>();

/**
 * The group commit of a database, one per open database so that every request shares it: on
 * SQLite batched transactions, on PostgreSQL one transaction per unit.
 */
export function groupCommitOf(db: Kysely<Database>): GroupCommit {
  let instance = instances.get(db);
  if (!instance) {
    instance = isPostgres(db) ? transactionPerUnit(db) : sqliteGroupCommit(db);
    instances.set(db, instance);
  }
  return instance;
}

// Coordination of several app instances on one PostgreSQL database, through session-level
// advisory locks: the start (migrations, demo data) runs on one instance at a time, and a
// periodic job runs its round on at most one instance at a time. A lock dies with its
// connection, so an instance that crashes holds nothing. SQLite has a single process, which
// needs no lock.
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from './database.js';
import type { Database } from './schema.js';

/** The work that several instances must not do at the same moment. */
export type InstanceLockName = 'start' | 'ticket-housekeeping' | 'deadline-scan';

/** What the locks need: the database and its dialect. */
export interface LockTarget {
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
}

// Advisory locks are per database, not per schema: the schema is part of the key, so two
// deployments (or test runs) in different schemas of one database never wait for each other.
function lockKey(name: InstanceLockName) {
  return sql<number>`hashtext(current_schema() || ${`:linli:${name}`})`;
}

async function tryLock(db: Kysely<Database>, name: InstanceLockName): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`
    select pg_try_advisory_lock(${lockKey(name)}) as locked`.execute(db);
  return result.rows[0]?.locked === true;
}

async function unlock(db: Kysely<Database>, name: InstanceLockName): Promise<void> {
  await sql`select pg_advisory_unlock(${lockKey(name)})`.execute(db);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding the named lock, waiting (polling, so no statement timeout cuts the
 * wait short) until the instance holding it lets go. Used for the start: migrations and demo
 * data are then written by one instance, and the next one finds them done.
 */
export async function whileHolding<T>(
  target: LockTarget,
  name: InstanceLockName,
  work: () => Promise<T>,
  pollMs = 250,
): Promise<T> {
  if (target.databaseKind !== 'postgres') {
    return work();
  }
  return target.db.connection().execute(async (conn) => {
    while (!(await tryLock(conn, name))) {
      await sleep(pollMs);
    }
    try {
      return await work();
    } finally {
      await unlock(conn, name);
    }
  });
}

/**
 * Runs `work` only if no other instance is running the same job now; returns false when it
 * was skipped. Every instance keeps its own timer, so the job still runs while any one is up.
 */
export async function onOneInstance(
  target: LockTarget,
  name: InstanceLockName,
  work: () => Promise<void>,
): Promise<boolean> {
  if (target.databaseKind !== 'postgres') {
    await work();
    return true;
  }
  return target.db.connection().execute(async (conn) => {
    if (!(await tryLock(conn, name))) {
      return false;
    }
    try {
      await work();
      return true;
    } finally {
      await unlock(conn, name);
    }
  });
}

// SQL of "my requests": the SMS codes, the verified phones' sessions and the rate-limit log
// (migration 0019). Phones appear only as their keyed digest, addresses only as a keyed hash.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type {
  Database,
  ResidentCodeTable,
  ResidentRateHitTable,
  ResidentSessionTable,
} from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Holds, until the transaction ends, a PostgreSQL lock on each subject, so that two instances
 * counting the same phone or address at once take turns (SQLite already runs one writer at a
 * time). Sorted, so two transactions never wait on each other's second lock.
 */
export async function lockSubjects(trx: Transaction<Database>, keys: string[]): Promise<void> {
  for (const key of [...keys].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  }
}

/** The instants of a subject's newest counted requests since `since`, newest first. */
export async function listHits(
  db: Executor,
  hit: { bucket: string; subject: string; since: string; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('resident_rate_hits')
    .select('at')
    .where('bucket', '=', hit.bucket)
    .where('subject', '=', hit.subject)
    .where('at', '>', hit.since)
    .orderBy('at', 'desc')
    .limit(hit.limit)
    .execute();
  return rows.map((r) => r.at);
}

/** Counts one request, and forgets this subject's requests older than every window. */
export async function insertHit(
  db: Executor,
  row: Insertable<ResidentRateHitTable>,
  forgetBefore: string,
): Promise<void> {
  await db
    .deleteFrom('resident_rate_hits')
    .where('bucket', '=', row.bucket)
    .where('subject', '=', row.subject)
    .where('at', '<', forgetBefore)
    .execute();
  await db.insertInto('resident_rate_hits').values(row).execute();
}

/** Stores a new code (as its hash). */
export async function insertCode(db: Executor, row: Insertable<ResidentCodeTable>): Promise<void> {
  await db.insertInto('resident_codes').values(row).execute();
}

/** The newest code sent to a phone: the only one that can still be used. */
export function findLatestCode(db: Executor, phoneDigest: string) {
  return db
    .selectFrom('resident_codes')
    .selectAll()
    .where('phone_digest', '=', phoneDigest)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Counts one try against a code, only while the code is unused, unexpired and has tries left;
 * false when it has none. The check and the count are one UPDATE, so parallel guesses cannot
 * share a try.
 */
export async function spendTry(
  db: Executor,
  id: string,
  check: { now: string; maxTries: number },
): Promise<boolean> {
  const result = await db
    .updateTable('resident_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', check.now)
    .where('attempts', '<', check.maxTries)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks a code used; false when another request used it first. */
export async function markCodeUsed(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('resident_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Opens a session for a verified phone, and drops the sessions already past their end. */
export async function insertSession(
  db: Executor,
  row: Insertable<ResidentSessionTable>,
): Promise<void> {
  await db.deleteFrom('resident_sessions').where('expires_at', '<', row.created_at).execute();
  await db.insertInto('resident_sessions').values(row).execute();
}

/** A session by the hash of its token, while it lasts. */
export function findSession(db: Executor, id: string, now: string) {
  return db
    .selectFrom('resident_sessions')
    .select(['phone_digest', 'expires_at'])
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Ends a session. */
export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('resident_sessions').where('id', '=', id).execute();
}

// SQL of "my requests": the SMS codes and the verified phones' sessions (migration 0019).
// Phones appear only as their keyed digest.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database, ResidentCodeTable, ResidentSessionTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

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

// SQL of the public rate limits: a log of counted requests (resident_rate_hits, migration 0019),
// subjects stored only as keyed hashes.
import { sql, type Insertable, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import type { Database, ResidentRateHitTable } from '../db/schema.js';
import { isPostgres } from '../db/dialect.js';

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

/**
 * Counts one request, and forgets this subject's requests older than every window: on
 * PostgreSQL in one statement (the delete as a data-changing `with`, one round trip instead of
 * two), on SQLite, which has no such `with`, in two.
 */
export async function insertHit(
  db: Executor,
  row: Insertable<ResidentRateHitTable>,
  forgetBefore: string,
): Promise<void> {
  const forget = (qb: QueryCreator<Database>) =>
    qb
      .deleteFrom('resident_rate_hits')
      .where('bucket', '=', row.bucket)
      .where('subject', '=', row.subject)
      .where('at', '<', forgetBefore);
  if (isPostgres(db)) {
    await db.with('forgotten', forget).insertInto('resident_rate_hits').values(row).execute();
    return;
  }
  await forget(db).execute();
  await db.insertInto('resident_rate_hits').values(row).execute();
}

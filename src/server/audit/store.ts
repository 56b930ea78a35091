import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditEntryTable, Database } from '../db/schema.js';
import { isPostgres } from '../db/dialect.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The filters of a trail search; instants are ISO 8601 UTC text, both ends included. */
export interface EntryFilter {
  actorId?: string;
  recordType?: string;
  recordId?: string;
  from?: string;
  to?: string;
}

/**
 * Serialises the chainers on PostgreSQL until the transaction ends: without it two could both
 * read entry #n and both try to write #n+1 (src/server/audit/pending.ts). The lock is named after
 * the schema, so Linli instances sharing a server on different schemas do not wait for each
 * other. SQLite has one writer; nothing to do.
 */
export async function lockAppends(trx: Transaction<Database>): Promise<void> {
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.audit_entries'))`.execute(
      trx,
    );
  }
}

/** The last entry's number and MAC, or undefined while the trail is empty. */
export function lastEntry(db: Executor) {
  return db
    .selectFrom('audit_entries')
    .select(['seq', 'mac'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Appends one entry. */
export async function insertEntry(db: Executor, row: AuditEntryTable): Promise<void> {
  await db.insertInto('audit_entries').values(row).execute();
}

/** Up to `limit` entries after entry #`seq`, oldest first, for checking the chain. */
export function entriesAfter(db: Executor, seq: number, limit: number) {
  return db
    .selectFrom('audit_entries')
    .selectAll()
    .where('seq', '>', seq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

function filtered(db: Executor, f: EntryFilter) {
  let q = db.selectFrom('audit_entries');
  if (f.actorId) {
    q = q.where('audit_entries.actor_id', '=', f.actorId);
  }
  if (f.recordType) {
    q = q.where('audit_entries.record_type', '=', f.recordType);
  }
  if (f.recordId) {
    q = q.where('audit_entries.record_id', '=', f.recordId);
  }
  if (f.from) {
    q = q.where('audit_entries.at', '>=', f.from);
  }
  if (f.to) {
    q = q.where('audit_entries.at', '<=', f.to);
  }
  return q;
}

/** One page of matching entries, newest first, with the acting staff member's name and badge. */
export async function listEntries(
  db: Executor,
  filter: EntryFilter,
  page: { limit: number; offset: number },
) {
  const rows = await filtered(db, filter)
    .leftJoin('staff', 'staff.id', 'audit_entries.actor_id')
    .selectAll('audit_entries')
    .select(['staff.name as actor_name', 'staff.badge_no as actor_badge_no'])
    .orderBy('audit_entries.seq', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The staff members who appear as actors in the trail, by name. */
export function listActors(db: Executor) {
  return db
    .selectFrom('staff')
    .select(['staff.id', 'staff.name', 'staff.badge_no', 'staff.role'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('audit_entries')
          .select('audit_entries.seq')
          .whereRef('audit_entries.actor_id', '=', 'staff.id'),
      ),
    )
    .orderBy('staff.name')
    .orderBy('staff.id')
    .execute();
}

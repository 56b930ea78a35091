import { sql, type Kysely } from 'kysely';

/**
 * Partial indexes over the open tickets, which the workbench reads most and which are a small
 * part of a district's tickets (docs/performance.md):
 * - a street's open inbox and the district's, newest first with the id as tie-break, read in index
 *   order and stopped at the page's end, and counted from the index alone;
 * - the possible duplicates of a ticket (same building and matter, still open, not merged).
 *
 * Both engines use a partial index only when the query repeats its condition: the store writes
 * the open states as literals in this order (statusCondition, src/server/tickets/inbox-store.ts).
 * The list is copied here, not imported, because a migration must not change when the code does.
 */
const open = sql`status in ('submitted', 'accepted', 'contacted', 'in_case', 'returned')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tickets_open_street on tickets (street_id, created_at desc, id)
    where ${open}`.execute(db);
  await sql`create index tickets_open_created on tickets (created_at desc, id)
    where ${open}`.execute(db);
  await sql`create index tickets_open_duplicates on tickets (building_id, matter_code, created_at)
    where ${open} and merged_into_id is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['tickets_open_street', 'tickets_open_created', 'tickets_open_duplicates']) {
    await db.schema.dropIndex(name).execute();
  }
}

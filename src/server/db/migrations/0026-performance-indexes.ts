import { sql, type Kysely } from 'kysely';

/**
 * Indexes the benchmark asked for (docs/performance.md):
 * - a street's inbox, newest first with the id as tie-break, read in index order and stopped at
 *   the page's end instead of sorting the street's tickets;
 * - a period's ticket records for the assessment, covered by the index so a quarter is read
 *   without a table lookup per ticket.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tickets_street_inbox on tickets (street_id, created_at desc, id)`.execute(
    db,
  );
  await sql`create index tickets_period_records on tickets (created_at, status, merged_into_id,
    id, tracking_code, street_id, channel, first_contact_at, first_contact_due_at, resolved_at,
    resolve_due_at, resolved_tier, rating, outcome)`.execute(db);
}

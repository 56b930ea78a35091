import { sql, type Kysely } from 'kysely';

/**
 * The index the assessment's scores count a period's tickets from (docs/performance.md): one
 * range of each street by the time received, holding every column the ticket indicators test,
 * so both engines count a street's quarter from the index alone and in street order.
 *
 * It replaces `tickets_period_records` (migration 0026), which served a read of a whole
 * period's tickets that the scores no longer make; the drill-down reads one street's tickets
 * through the street's range here. One index fewer to keep up on every ticket written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index tickets_street_period_counts on tickets (street_id, created_at, status,
    merged_into_id, channel, first_contact_due_at, first_contact_at, resolve_due_at, resolved_at,
    resolved_tier, rating)`.execute(db);
  await db.schema.dropIndex('tickets_period_records').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index tickets_period_records on tickets (created_at, status, merged_into_id,
    id, tracking_code, street_id, channel, first_contact_at, first_contact_due_at, resolved_at,
    resolve_due_at, resolved_tier, rating, outcome)`.execute(db);
  await db.schema.dropIndex('tickets_street_period_counts').execute();
}

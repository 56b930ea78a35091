import type { Kysely } from 'kysely';

/**
 * Merging duplicates: the ticket a merged one went into, and the index the duplicate lookup
 * (same building, same matter, filed within the window) and the merged-from lookup use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('merged_into_id', 'text').execute();
  await db.schema
    .createIndex('tickets_building_matter_created')
    .on('tickets')
    .columns(['building_id', 'matter_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('tickets_merged_into')
    .on('tickets')
    .column('merged_into_id')
    .execute();
}

import type { Kysely } from 'kysely';

/** Years whose holidays the bureau has entered completely and confirmed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .execute();
}

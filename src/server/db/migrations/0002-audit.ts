import type { Kysely } from 'kysely';

/**
 * The audit trail (等保 2.0 安全审计; docs/sources.md §5): one row per change or read of personal data,
 * appended in the transaction of the change. `seq` is assigned by the service (1, 2, 3 … without
 * gaps) and each `mac` covers the previous one, so a changed, inserted or removed row breaks the
 * chain. There is deliberately no foreign key: an entry outlives the record and the actor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_entries')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('prev_mac', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_entries_actor')
    .on('audit_entries')
    .columns(['actor_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_entries_record')
    .on('audit_entries')
    .columns(['record_type', 'record_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_entries_at').on('audit_entries').column('at').execute();
}

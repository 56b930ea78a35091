import type { Kysely } from 'kysely';

/** Columns for tiers, extensions, returns, supervision, re-handling and the two assessments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'integer'][] = [
    ['resolved_tier', 'text'],
    ['extension_days', 'integer'],
    ['extension_reason', 'text'],
    ['extension_requested_at', 'text'],
    ['extension_count', 'integer'],
    ['supervised_at', 'text'],
    ['supervision_due_at', 'text'],
    ['supervision_reason', 'text'],
    ['reopen_count', 'integer'],
    ['handler_assessment', 'text'],
    ['citizen_solved', 'integer'],
    ['in_case_at', 'text'],
    ['returned_at', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema
      .alterTable('tickets')
      .addColumn(name, type, (c) =>
        type === 'integer' && name !== 'citizen_solved' && name !== 'extension_days'
          ? c.notNull().defaultTo(0)
          : c,
      )
      .execute();
  }
  await db.schema.alterTable('deadline_policies').addColumn('created_by', 'text').execute();
  await db.schema
    .createIndex('tickets_tier_status')
    .on('tickets')
    .columns(['tier', 'status'])
    .execute();
}

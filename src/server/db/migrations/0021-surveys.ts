import type { Kysely } from 'kysely';

/**
 * Satisfaction surveys (满意度测评) and the indexes of the dashboards. A campaign covers one
 * street or all of them for a period; an answer keeps only a keyed hash of the device key the
 * browser made up, never who answered, and one device answers a campaign once (the unique index).
 * The ticket indexes let the dashboards count a range of days per street without a full scan.
 */
const facts = [
  'building_id',
  'matter_code',
  'resolved_at',
  'resolve_due_at',
  'rating',
  'citizen_solved',
  'outcome',
  'handler_assessment',
];

/**
 * The ticket indexes of the dashboards. The two `…_facts` indexes carry every column the
 * breakdowns read, so a quarter of a million-ticket table is counted from the index alone; the
 * `status_…` ones find the overdue tickets by their deadline. Exported for the benchmark, which
 * builds them after filling the table.
 */
export const dashboardTicketIndexes: [string, string[]][] = [
  ['tickets_created_facts', ['created_at', 'status', 'street_id', ...facts]],
  ['tickets_street_created_facts', ['street_id', 'created_at', 'status', ...facts]],
  ['tickets_resolved', ['resolved_at']],
  ['tickets_street_resolved', ['street_id', 'resolved_at']],
  ['tickets_status_due', ['status', 'resolve_due_at', 'in_case_at', 'street_id']],
  [
    'tickets_status_supervision',
    ['status', 'supervision_due_at', 'resolve_due_at', 'in_case_at', 'street_id'],
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null: every street of the district.
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Calendar days in Asia/Shanghai, both included.
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    // JSON text: the question texts; the first one is the overall satisfaction.
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('comment_max', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_campaigns_period')
    .on('survey_campaigns')
    .columns(['closes_on', 'opens_on'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('survey_campaigns.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    // Hex HMAC of the campaign and the browser's random device key; the key itself is not kept.
    .addColumn('device_hash', 'text', (c) => c.notNull())
    // JSON text: one choice code per question, in order.
    .addColumn('choices', 'text', (c) => c.notNull())
    .addColumn('overall', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_answers_device')
    .on('survey_answers')
    .columns(['campaign_id', 'device_hash'])
    .unique()
    .execute();
  await db.schema
    .createIndex('survey_answers_street')
    .on('survey_answers')
    .columns(['street_id', 'answered_at'])
    .execute();

  for (const [name, columns] of dashboardTicketIndexes) {
    await db.schema.createIndex(name).on('tickets').columns(columns).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of dashboardTicketIndexes) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.dropTable('survey_answers').execute();
  await db.schema.dropTable('survey_campaigns').execute();
}

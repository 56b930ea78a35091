import type { Kysely } from 'kysely';

/**
 * Published consultations (执法服务咨询 问答) and public suggestions (人民建议征集): the public
 * question-and-answer entries made from resolved consultation tickets, the bureau's suggestion
 * campaigns (征集活动), the suggestions themselves with their proposer stored encrypted, and the
 * bureau's time limits for handling them. A Q&A keeps its source ticket only for staff; no
 * public answer ever reads that column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createQaEntries(db);
  await createCampaigns(db);
  await createSuggestions(db);
  await db.schema
    .createTable('suggestion_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('acceptance_days', 'integer', (c) => c.notNull())
    .addColumn('completion_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('staff.id'))
    .execute();
}

async function createQaEntries(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.references('matters.code'))
    // One entry per ticket; null for entries written without one (the demo's).
    .addColumn('source_ticket_id', 'text', (c) => c.unique().references('tickets.id'))
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('staff.id'))
    .addColumn('unpublished_at', 'text')
    .addColumn('unpublished_by', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_entries_public')
    .on('qa_entries')
    .columns(['status', 'published_at'])
    .execute();
}

async function createCampaigns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('suggestion_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON array of channel codes.
    .addColumn('channels', 'text', (c) => c.notNull())
    // Shanghai calendar dates; submissions are taken from the start of one to the end of the other.
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('deadline_on', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('public_report', 'text')
    .addColumn('report_published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createSuggestions(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_code', 'text', (c) => c.notNull().unique())
    .addColumn('access_hash', 'text', (c) => c.notNull().unique())
    .addColumn('campaign_id', 'text', (c) => c.references('suggestion_campaigns.id'))
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposal', 'text', (c) => c.notNull())
    .addColumn('proposer_name_enc', 'text')
    .addColumn('proposer_name_masked', 'text')
    .addColumn('proposer_phone_enc', 'text')
    .addColumn('proposer_phone_masked', 'text')
    .addColumn('proposer_phone_digest', 'text')
    .addColumn('publish_consent', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acceptance_due_at', 'text', (c) => c.notNull())
    .addColumn('completion_due_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text', (c) => c.references('staff.id'))
    .addColumn('handling_unit', 'text')
    .addColumn('handling_notes', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('handled_by', 'text', (c) => c.references('staff.id'))
    .addColumn('adoption_level', 'text')
    .addColumn('conversion_type', 'text')
    .addColumn('feedback', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('staff.id'))
    .addColumn('claim_reason', 'text')
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('suggestions_phone_digest')
    .on('suggestions')
    .column('proposer_phone_digest')
    .execute();
  await db.schema
    .createIndex('suggestions_campaign')
    .on('suggestions')
    .columns(['campaign_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('suggestions_status')
    .on('suggestions')
    .columns(['status', 'created_at'])
    .execute();
}

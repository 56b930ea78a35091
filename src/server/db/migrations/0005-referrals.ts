import type { Kysely } from 'kysely';

/**
 * Partner departments, their accounts, referrals (移送 / 协助) from a ticket to one department
 * each, and the photos attached to a request or a reply. A referral holds no reporter data: the
 * department's view of a ticket is read through explicit columns, never from ticket_reporters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('staff')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .execute();
  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('determination_type', 'text')
    .addColumn('request_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    // Set when the department received it; the 10 days of 城管条例 Art 29 run from then.
    .addColumn('sent_at', 'text')
    .addColumn('reply_due_at', 'text')
    // Transfers only: the end of the 3 working days of Art 26, and whether the sending missed it.
    .addColumn('transfer_due_at', 'text')
    .addColumn('sent_late', 'integer')
    .addColumn('accepted_at', 'text')
    .addColumn('accept_note', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('replied_by', 'text', (c) => c.references('staff.id'))
    .addColumn('delivery_state', 'text', (c) => c.notNull())
    .addColumn('delivery_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referrals_ticket')
    .on('referrals')
    .columns(['ticket_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_department_status')
    .on('referrals')
    .columns(['department_id', 'status', 'sent_at'])
    .execute();
  await db.schema
    .createTable('referral_files')
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_files_pk', ['referral_id', 'file_id'])
    .execute();
}

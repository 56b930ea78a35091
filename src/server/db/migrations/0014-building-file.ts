import { sql, type Kysely } from 'kysely';

/**
 * The building file (一房一档): re-inspections (回头看) scheduled when a case of a recurring
 * matter is closed as corrected, their photos, and the flags a recurrence puts on a building.
 * A case has at most one re-inspection (the unique case_id makes the scan idempotent); a building
 * has at most one flag not yet cleared (a partial unique index, on SQLite and PostgreSQL alike).
 * The rest of the file is read from the tables of tickets, cases, visits, meetings, mediations
 * and placards, which keep their own history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reinspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    // The case's own ticket, through which the building is known and reminders are addressed.
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('matter_code', 'text', (c) => c.notNull())
    // Shanghai calendar dates: the closing day, and that day plus `days`.
    .addColumn('closed_on', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text', (c) => c.references('staff.id'))
    .addColumn('result', 'text')
    .addColumn('note', 'text')
    .addColumn('recurrence_ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reinspections_building')
    .on('reinspections')
    .columns(['building_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('reinspections_street_status')
    .on('reinspections')
    .columns(['street_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createTable('reinspection_photos')
    .addColumn('reinspection_id', 'text', (c) => c.notNull().references('reinspections.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().unique().references('files.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reinspection_photos_pk', ['reinspection_id', 'file_id'])
    .execute();
  await db.schema
    .createTable('building_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    // Why: 'recurrence', found on the re-inspection named, of the matter named.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reinspection_id', 'text', (c) => c.references('reinspections.id'))
    .addColumn('matter_code', 'text')
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('flagged_by', 'text', (c) => c.references('staff.id'))
    .addColumn('cleared_at', 'text')
    .addColumn('cleared_by', 'text', (c) => c.references('staff.id'))
    .addColumn('clear_reason', 'text')
    .execute();
  await db.schema
    .createIndex('building_flags_active')
    .on('building_flags')
    .column('building_id')
    .unique()
    .where(sql<boolean>`cleared_at is null`)
    .execute();
  await db.schema
    .createIndex('building_flags_building')
    .on('building_flags')
    .columns(['building_id', 'flagged_at'])
    .execute();
}

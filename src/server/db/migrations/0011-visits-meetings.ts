import type { Kysely } from 'kysely';

/**
 * The liaison's field work: visits (走访) with their photos and the tickets found on them, the
 * weekly visit targets the bureau sets, and community meetings (联席会 / 议事会 / 睦邻会) with the
 * officers who attended and the tickets they produced or settled. Nothing stores a position, a
 * clock-in or time online (DOMAIN §8.1).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createVisitTables(db);
  await createMeetingTables(db);
}

async function createVisitTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('liaison_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    // A Shanghai calendar date and its ISO week (2026-W01), kept together on every change.
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('iso_week', 'text', (c) => c.notNull())
    // JSON array of partner codes (residents_committee, owners_committee, …).
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('visits_liaison_week')
    .on('visits')
    .columns(['liaison_id', 'iso_week'])
    .execute();
  await db.schema
    .createIndex('visits_street_date')
    .on('visits')
    .columns(['street_id', 'visit_date'])
    .execute();
  await db.schema
    .createTable('visit_photos')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().unique().references('files.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_photos_pk', ['visit_id', 'file_id'])
    .execute();
  await db.schema
    .createTable('visit_tickets')
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    // A ticket is found on one visit only.
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('visit_tickets_pk', ['visit_id', 'ticket_id'])
    .execute();
  await db.schema
    .createTable('visit_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('weekly_target', 'integer', (c) => c.notNull())
    .addColumn('from_week', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    .execute();
}

async function createMeetingTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    // JSON array of roles and organisations; no personal phone numbers (refused on input).
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('outcomes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('edit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_street_date')
    .on('meetings')
    .columns(['street_id', 'meeting_date'])
    .execute();
  await db.schema
    .createIndex('meetings_community_date')
    .on('meetings')
    .columns(['community_id', 'meeting_date'])
    .execute();
  await db.schema
    .createTable('meeting_staff')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_staff_pk', ['meeting_id', 'staff_id'])
    .execute();
  await db.schema
    .createIndex('meeting_staff_staff')
    .on('meeting_staff')
    .column('staff_id')
    .execute();
  await db.schema
    .createTable('meeting_tickets')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_tickets_pk', ['meeting_id', 'ticket_id'])
    .execute();
  await db.schema
    .createIndex('meeting_tickets_ticket')
    .on('meeting_tickets')
    .column('ticket_id')
    .execute();
}

import type { Kysely } from 'kysely';

/** The organisation tree, staff, sessions, the matter catalogue and the ticket store. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('streets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().unique().references('communities.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('matters')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('prohibition_basis', 'text', (c) => c.notNull())
    .addColumn('penalty_basis', 'text', (c) => c.notNull())
    .addColumn('penalty_range', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('room_matters')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('matter_code', 'text', (c) => c.notNull().references('matters.code'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('room_matters_pk', ['room_id', 'matter_code'])
    .execute();
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.references('streets.id'))
    .addColumn('badge_no', 'text')
    .addColumn('work_phone', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('room_liaisons')
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('room_liaisons_pk', ['room_id', 'staff_id'])
    .execute();
  await db.schema
    .createTable('buildings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('placard_token', 'text', (c) => c.notNull().unique())
    .addColumn('retired_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await createTicketTables(db);
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('deadline_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text')
    .addColumn('first_contact_days', 'integer', (c) => c.notNull())
    .addColumn('resolve_days', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

async function createTicketTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text')
    .execute();
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('access_hash', 'text', (c) => c.notNull().unique())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.references('matters.code'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('first_contact_due_at', 'text')
    .addColumn('resolve_due_at', 'text', (c) => c.notNull())
    .addColumn('calendar_fallback', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text')
    .addColumn('reply', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('tickets_room_status')
    .on('tickets')
    .columns(['room_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('tickets_street_status')
    .on('tickets')
    .columns(['street_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createTable('ticket_reporters')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .execute();
  await db.schema
    .createTable('ticket_events')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_events_pk', ['ticket_id', 'seq'])
    .execute();
  await db.schema
    .createTable('ticket_photos')
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().unique().references('files.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_photos_pk', ['ticket_id', 'file_id'])
    .execute();
}

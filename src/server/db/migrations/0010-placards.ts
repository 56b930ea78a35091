import type { Kysely } from 'kysely';

/**
 * The placard register (联络牌台账, DOMAIN §1.4: one entry per placard point with its badge
 * numbers, placement and last check), the field checks of each point, and the placard tokens a
 * building had before its QR code was rotated: an old code keeps answering with the building's
 * current contact.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('placards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    // The 编号 of the point as printed or known on site; unique across the district.
    .addColumn('point_no', 'text', (c) => c.notNull().unique())
    .addColumn('placement', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    // What was last printed for the point: when, by whom (null from the CLI), the hash of the
    // printed content without the token, and the token its QR code carried.
    .addColumn('printed_at', 'text')
    .addColumn('printed_by', 'text', (c) => c.references('staff.id'))
    .addColumn('printed_content_hash', 'text')
    .addColumn('printed_token', 'text')
    .addColumn('last_checked_at', 'text')
    .addColumn('last_checked_by', 'text', (c) => c.references('staff.id'))
    .addColumn('last_check_result', 'text')
    .addColumn('last_check_note', 'text')
    .execute();
  await db.schema.createIndex('placards_building').on('placards').column('building_id').execute();
  await db.schema
    .createTable('placard_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('placard_id', 'text', (c) => c.notNull().references('placards.id'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('placard_checks_placard')
    .on('placard_checks')
    .columns(['placard_id', 'checked_at'])
    .execute();
  await db.schema
    .createTable('placard_token_history')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('replaced_by', 'text', (c) => c.references('staff.id'))
    .execute();
  await db.schema
    .createIndex('placard_token_history_building')
    .on('placard_token_history')
    .column('building_id')
    .execute();
}

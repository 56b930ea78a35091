import type { Kysely } from 'kysely';

/**
 * The Open311 GeoReport v2 interface: the API keys partner systems post with (only a SHA-256 of
 * each key is kept), what an Open311 request brought besides the ticket (its token, the place as
 * the partner named it, the reporter's contact fields encrypted), and the notes partners push
 * to requests they filed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    // Hex SHA-256 of the whole key; the key itself is shown once and never stored.
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // The first characters of the key, so staff can tell keys apart.
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('staff.id'))
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('open311_requests')
    .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('key_id', 'text', (c) => c.notNull().references('open311_keys.id'))
    // Handed out for batch services; resolved by GET /tokens/{token}.
    .addColumn('token', 'text', (c) => c.unique())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('long', 'double precision')
    .addColumn('media_url', 'text')
    // JSON text: the attribute answers, codes and keys only.
    .addColumn('attributes', 'text', (c) => c.notNull())
    // Encrypted JSON of the contact fields that have no place on the reporter row (email,
    // device_id, account_id, a phone that is not a mainland mobile); null when none was sent.
    .addColumn('contact_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('open311_requests_key')
    .on('open311_requests')
    .columns(['key_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('open311_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('key_id', 'text', (c) => c.notNull().references('open311_keys.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('partner_update_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('open311_notes_ticket')
    .on('open311_notes')
    .columns(['ticket_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('open311_notes_partner_update')
    .on('open311_notes')
    .columns(['key_id', 'partner_update_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('open311_notes').execute();
  await db.schema.dropTable('open311_requests').execute();
  await db.schema.dropTable('open311_keys').execute();
}

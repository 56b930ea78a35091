import type { Kysely } from 'kysely';

/**
 * A keyed digest of the reporter's normalised phone (HMAC under DATA_KEY, purpose
 * 'reporter-phone'), so staff allowed to can find a reporter's tickets without the encrypted
 * number (random IV) being searchable. A migration has no key, so rows filed before it keep a
 * null digest and are not found by phone (docs/database.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ticket_reporters').addColumn('phone_digest', 'text').execute();
  await db.schema
    .createIndex('ticket_reporters_phone_digest')
    .on('ticket_reporters')
    .column('phone_digest')
    .execute();
}

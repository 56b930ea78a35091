import type { Kysely } from 'kysely';

/**
 * "My requests" (我的诉求): the SMS codes that verify a resident's phone, the short sessions a
 * verified phone opens, and the request log the rate limits count, all in the database so that
 * several app instances share them. No phone and no code is stored in clear: codes are kept as a
 * keyed hash, phones as their keyed digest (the one beside every encrypted resident phone), the
 * client address as a keyed hash too. A code's SMS carries its number encrypted in the outbox
 * (recipient_enc): it goes to a phone that is on no ticket.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resident_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_digest', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('resident_codes_phone')
    .on('resident_codes')
    .columns(['phone_digest', 'created_at'])
    .execute();

  await db.schema
    .createTable('resident_sessions')
    // SHA-256 of the cookie's random token; the token itself is never stored.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_sessions_expiry')
    .on('resident_sessions')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('resident_rate_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What is counted ('code_phone', 'code_address', 'receipt_address') and a keyed hash of whom.
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_rate_hits_subject')
    .on('resident_rate_hits')
    .columns(['bucket', 'subject', 'at'])
    .execute();

  await db.schema.alterTable('outbox').addColumn('recipient_enc', 'text').execute();
}

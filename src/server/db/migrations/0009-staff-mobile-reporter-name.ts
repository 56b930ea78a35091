import type { Kysely } from 'kysely';

/**
 * An officer's own mobile number, where notifications (assigned, soon due, overdue) are sent:
 * encrypted under DATA_KEY like a reporter's phone, with its masked form for screens. The work
 * phone stays what it was, the public landline printed on placards.
 *
 * The name a reporter may leave, optional and stored beside their phone in ticket_reporters:
 * encrypted, with its masked form (张*) for staff; departments never see either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('mobile_enc', 'text').execute();
  await db.schema.alterTable('staff').addColumn('mobile_masked', 'text').execute();
  await db.schema.alterTable('ticket_reporters').addColumn('name_enc', 'text').execute();
  await db.schema.alterTable('ticket_reporters').addColumn('name_masked', 'text').execute();
}

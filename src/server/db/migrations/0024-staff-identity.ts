import { sql, type Kysely } from 'kysely';

/**
 * Staff identity (docs/security.md): the lockout counters, the TOTP second factor (the secret
 * encrypted under DATA_KEY, the last accepted time step, keyed hashes of recovery codes), when
 * the password was last set, and on each session the sign-in step it still owes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('staff').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('staff').addColumn('totp_secret_enc', 'text').execute();
  await db.schema.alterTable('staff').addColumn('totp_enabled_at', 'text').execute();
  await db.schema.alterTable('staff').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('staff').addColumn('totp_recovery', 'text').execute();
  await db.schema.alterTable('staff').addColumn('password_changed_at', 'text').execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('second_factor', 'text', (c) => c.notNull().defaultTo(sql`'done'`))
    .execute();
  await db.schema.createIndex('sessions_staff').on('sessions').column('staff_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sessions_staff').execute();
  await db.schema.alterTable('sessions').dropColumn('second_factor').execute();
  for (const column of [
    'password_changed_at',
    'totp_recovery',
    'totp_last_step',
    'totp_enabled_at',
    'totp_secret_enc',
    'locked_until',
    'failed_logins',
  ]) {
    await db.schema.alterTable('staff').dropColumn(column).execute();
  }
}

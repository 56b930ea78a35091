import type { Kysely } from 'kysely';

/**
 * Mediations (调解): the dispute with its place, its parties (personal data encrypted, with
 * masked forms for display), its mediators, its sessions, the outcome, the performance check and
 * the follow-up. The source (a ticket or a visit) and the follow-up (a referral or a case) are
 * stored as kind + id without a foreign key: visits and cases live in their own migrations, and
 * the service checks each id when it is given (src/server/mediations/sources.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mediations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number_year', 'integer', (c) => c.notNull())
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
    .addColumn('dispute_type', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('committee_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The outcome: 'written', 'oral' or 'none', with the fields of that kind.
    .addColumn('outcome_kind', 'text')
    .addColumn('responsibilities', 'text')
    .addColumn('terms', 'text')
    .addColumn('performance_manner', 'text')
    .addColumn('performance_deadline', 'text')
    .addColumn('agreed_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('routes_explained', 'integer')
    .addColumn('concluded_at', 'text')
    .addColumn('concluded_by', 'text', (c) => c.references('staff.id'))
    // The performance check (Art 31): its day, and what it found.
    .addColumn('check_due_on', 'text')
    .addColumn('check_result', 'text')
    .addColumn('check_note', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('checked_by', 'text', (c) => c.references('staff.id'))
    .addColumn('followup_kind', 'text')
    .addColumn('followup_id', 'text')
    .addColumn('followup_at', 'text')
    .addUniqueConstraint('mediations_number', ['number_year', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('mediations_street_status')
    .on('mediations')
    .columns(['street_id', 'status', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('mediations_community')
    .on('mediations')
    .columns(['community_id', 'opened_at'])
    .execute();
  await db.schema
    .createIndex('mediations_source')
    .on('mediations')
    .columns(['source_kind', 'source_id'])
    .execute();
  await db.schema
    .createTable('mediation_parties')
    .addColumn('mediation_id', 'text', (c) => c.notNull().references('mediations.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('address_enc', 'text')
    .addPrimaryKeyConstraint('mediation_parties_pk', ['mediation_id', 'idx'])
    .execute();
  await db.schema
    .createTable('mediation_mediators')
    .addColumn('mediation_id', 'text', (c) => c.notNull().references('mediations.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_kind', 'text', (c) => c.notNull())
    .addColumn('org_name', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addPrimaryKeyConstraint('mediation_mediators_pk', ['mediation_id', 'idx'])
    .execute();
  await db.schema
    .createIndex('mediation_mediators_staff')
    .on('mediation_mediators')
    .column('staff_id')
    .execute();
  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mediation_id', 'text', (c) => c.notNull().references('mediations.id'))
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    // JSON text: { parties: [idx], mediators: [idx], others: string | null }.
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('public_session', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediation_sessions_mediation')
    .on('mediation_sessions')
    .columns(['mediation_id', 'held_at'])
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * Credit repair (信用修复, docs/credit-repair.md): the applications for repair of a penalty
 * decision of ours (the applicant's name, phone and identity number encrypted, with a keyed
 * digest of the phone for "my requests"), their uploaded materials per checklist item and round,
 * their timeline, and the class an officer set for a decision instead of the default one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createApplications(db);
  await createDetails(db);
}

async function createApplications(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credit_repairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Like XF-3RW7M-VFEGV (two groups of five base32 characters): printed on the receipt, read
    // aloud on the phone.
    .addColumn('receipt_code', 'text', (c) => c.notNull().unique())
    // SHA-256 of the private status link's token, which is derived from the id with DATA_KEY.
    .addColumn('access_hash', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    // A copy of the case's 决定书文号: the title of the application, not personal data.
    .addColumn('decision_no', 'text', (c) => c.notNull())
    // The class and dates as they stood at submission.
    .addColumn('credit_class', 'text', (c) => c.notNull())
    .addColumn('earliest_on', 'text', (c) => c.notNull())
    .addColumn('publication_last_day', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('by_agent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applicant_name_enc', 'text', (c) => c.notNull())
    .addColumn('applicant_name_masked', 'text', (c) => c.notNull())
    .addColumn('agent_name_enc', 'text')
    .addColumn('agent_name_masked', 'text')
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    // residentPhoneDigest: one verified phone finds tickets, suggestions and these.
    .addColumn('phone_digest', 'text', (c) => c.notNull())
    // The 信用承诺 as the applicant agreed to it.
    .addColumn('commitment_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('resubmitted_at', 'text')
    // JSON array of checklist items, and the note, of the latest 补正 request.
    .addColumn('correction_items', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('correction_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('reasons', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('staff.id'))
    .addColumn('publication_ended_on', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text', (c) => c.references('staff.id'))
    // The limit our handling works to now: decision, then completion; null while 补正 is awaited.
    .addColumn('due_key', 'text')
    .addColumn('due_at', 'text')
    .addColumn('due_fallback', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_repairs_street_status')
    .on('credit_repairs')
    .columns(['street_id', 'status'])
    .execute();
  await db.schema
    .createIndex('credit_repairs_phone')
    .on('credit_repairs')
    .column('phone_digest')
    .execute();
  await db.schema
    .createIndex('credit_repairs_case')
    .on('credit_repairs')
    .column('case_id')
    .execute();
}

async function createDetails(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credit_repair_files')
    .addColumn('repair_id', 'text', (c) => c.notNull().references('credit_repairs.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    // 1 for the application, 2 … for each 补正 round.
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_repair_files_pk', ['repair_id', 'file_id'])
    .execute();
  await db.schema
    .createTable('credit_repair_events')
    .addColumn('repair_id', 'text', (c) => c.notNull().references('credit_repairs.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('staff.id'))
    // JSON: item codes, dates, notes; never personal data.
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_repair_events_pk', ['repair_id', 'seq'])
    .execute();
  await db.schema
    .createTable('credit_classes')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('credit_class', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('staff.id'))
    .execute();
}

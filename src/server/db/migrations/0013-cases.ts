import type { Kysely } from 'kysely';

/**
 * Enforcement cases (案件, docs/cases.md): the case row with the dates of each stage, its party
 * (every personal field encrypted, with a keyed digest of the identity number for the
 * first-violation check), the no-penalty record (《行政处罚法》第三十三条), the timeline, the
 * evidence photos, the bureau's settings of the case clock, and the structured fine ranges of
 * the seeded matters.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createCases(db);
  await createCaseDetails(db);
  await createFineRanges(db);
}

async function createCases(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 殷行街道〔2026〕0001号: unique with the street, as the index below says.
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('case_year', 'integer', (c) => c.notNull())
    .addColumn('case_seq', 'integer', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull().references('streets.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('matter_code', 'text', (c) => c.notNull().references('matters.code'))
    // The legal basis as the catalogue read at registration; the catalogue may change later.
    .addColumn('prohibition_basis', 'text', (c) => c.notNull())
    .addColumn('penalty_basis', 'text', (c) => c.notNull())
    .addColumn('penalty_range', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    // JSON: each time limit as computed when its stage began; never recomputed.
    .addColumn('limits', 'text', (c) => c.notNull())
    .addColumn('next_due_key', 'text')
    .addColumn('next_due_at', 'text')
    .addColumn('notice_delivered_on', 'text')
    .addColumn('proposed_fine_fen', 'integer')
    .addColumn('hearing_right', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_summary', 'text')
    .addColumn('hearing_requested_on', 'text')
    .addColumn('hearing_notice_on', 'text')
    .addColumn('hearing_on', 'text')
    .addColumn('hearing_place', 'text')
    .addColumn('hearing_held_on', 'text')
    .addColumn('hearing_waived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('legal_review_approved', 'integer')
    .addColumn('legal_review_opinion', 'text')
    .addColumn('decision_kind', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decision_no', 'text')
    .addColumn('fine_fen', 'integer')
    .addColumn('fine_serious', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('range_unchecked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered_on', 'text')
    .addColumn('delivery_method', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('surcharge_fen', 'integer')
    .addColumn('paid_total_fen', 'integer')
    .addColumn('receipt_no', 'text')
    .addColumn('court_applied_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('ticket_reply', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_street_number')
    .on('cases')
    .columns(['street_id', 'case_year', 'case_seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('cases_street_status')
    .on('cases')
    .columns(['street_id', 'status'])
    .execute();
  await db.schema.createIndex('cases_ticket').on('cases').column('ticket_id').execute();
  await db.schema.createIndex('cases_next_due').on('cases').column('next_due_at').execute();
}

async function createCaseDetails(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_parties')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('name_masked', 'text', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_masked', 'text', (c) => c.notNull())
    // Hex HMAC of the normalised number under DATA_KEY (purpose 'case-party-id').
    .addColumn('id_digest', 'text', (c) => c.notNull())
    .addColumn('address_enc', 'text', (c) => c.notNull())
    .addColumn('address_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'text')
    .addPrimaryKeyConstraint('case_parties_pk', ['case_id', 'sort'])
    .execute();
  await db.schema
    .createIndex('case_parties_digest')
    .on('case_parties')
    .column('id_digest')
    .execute();
  await db.schema
    .createTable('case_non_penalty')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('education_form', 'text', (c) => c.notNull())
    .addColumn('education_content', 'text', (c) => c.notNull())
    .addColumn('correction_due_on', 'text', (c) => c.notNull())
    .addColumn('follow_up_on', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text')
    .addColumn('check_result', 'text')
    .addColumn('check_note', 'text')
    .execute();
  await db.schema
    .createTable('case_events')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('staff.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_events_pk', ['case_id', 'seq'])
    .execute();
  await db.schema
    .createTable('case_evidence')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_evidence_pk', ['case_id', 'file_id'])
    .execute();
  await db.schema
    .createTable('case_rules')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('staff.id'))
    .execute();
}

type Range = [
  party: 'person' | 'organisation' | 'both',
  serious: boolean,
  minYuan: number,
  maxYuan: number,
];

/**
 * Structured fine ranges, read from the range texts of src/server/org/matters-catalogue.ts where
 * the text gives a fixed amount in 元. Matters whose fine is per square metre, per day, a multiple
 * of a compensation standard or a share of the building cost (ZLHL-1…4, WFDJ), or whose range is
 * not settled (QZ), get none: any amount is then taken with a warning. DCLD is punished under the
 * same article as LDDW (《上海市非机动车安全管理条例》第四十四条第二款第（一）项).
 */
const seededRanges: Record<string, Range[]> = {
  CZJG: [
    ['both', false, 10_000, 100_000],
    ['both', true, 100_000, 200_000],
  ],
  WYBG: [['both', false, 1_000, 10_000]],
  YJSG: [['both', false, 10_000, 100_000]],
  ZXZS: [
    ['person', false, 200, 1_000],
    ['organisation', false, 2_000, 20_000],
  ],
  FXCD: [['both', false, 50, 200]],
  DCLD: [
    ['both', false, 1_000, 10_000],
    ['both', true, 10_000, 100_000],
  ],
  DCSN: [['both', false, 200, 500]],
  DCDT: [['both', false, 200, 500]],
  LDDW: [
    ['both', false, 1_000, 10_000],
    ['both', true, 10_000, 100_000],
  ],
  PHWM: [
    ['both', false, 1_000, 10_000],
    ['both', true, 10_000, 100_000],
  ],
  GBXZ: [['both', false, 10_000, 50_000]],
};

async function createFineRanges(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('matter_fine_ranges')
    .addColumn('matter_code', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('circumstance', 'text', (c) => c.notNull())
    .addColumn('min_fen', 'integer', (c) => c.notNull())
    .addColumn('max_fen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('matter_fine_ranges_pk', ['matter_code', 'party_kind', 'circumstance'])
    .execute();
  const rows = Object.entries(seededRanges).flatMap(([code, ranges]) =>
    ranges.flatMap(([party, serious, min, max]) =>
      (party === 'both' ? ['person', 'organisation'] : [party]).map((kind) => ({
        matter_code: code,
        party_kind: kind,
        circumstance: serious ? 'serious' : 'ordinary',
        min_fen: min * 100,
        max_fen: max * 100,
      })),
    ),
  );
  await (db as Kysely<{ matter_fine_ranges: (typeof rows)[number] }>)
    .insertInto('matter_fine_ranges')
    .values(rows)
    .execute();
}

import type { Kysely } from 'kysely';
import { seedExtrasOf } from '../../matters/seed-extras.js';

/**
 * The managed matter catalogue (docs/matter-catalogue.md): each matter gains its handling body
 * (处罚实施主体), whether 城管 handles it, its related education and topic, an active flag
 * (a retired matter stays for the tickets and cases that name it) and a search column folded in
 * code; `matter_revisions` keeps every state of every matter. Matters already seeded get the
 * seed's new fields, read from the seed module itself so the seed has one source (the migration
 * fills in only rows that seed wrote), and revision 1 of what they then hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db);
  await db.schema
    .createTable('matter_revisions')
    .addColumn('matter_code', 'text', (c) => c.notNull().references('matters.code'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('matter_revisions_pk', ['matter_code', 'revision'])
    .execute();
  await backfill(db as Kysely<Tables>, new Date().toISOString());
}

async function addColumns(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per statement, and a NOT NULL column needs a default there.
  const columns = [
    ['handling_body', 'text', ''],
    ['handled_by_chengguan', 'integer', 1],
    ['education', 'text', ''],
    ['active', 'integer', 1],
    ['updated_at', 'text', ''],
    ['search_text', 'text', ''],
  ] as const;
  for (const [name, type, fallback] of columns) {
    await db.schema
      .alterTable('matters')
      .addColumn(name, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }
  await db.schema.alterTable('matters').addColumn('education_topic', 'text').execute();
}

interface MatterRow {
  code: string;
  name: string;
  name_en: string;
  prohibition_basis: string;
  penalty_basis: string;
  penalty_range: string;
  sort: number;
  handling_body: string;
  handled_by_chengguan: number;
  education: string;
  education_topic: string | null;
  active: number;
  updated_at: string;
  search_text: string;
}

interface Tables {
  matters: MatterRow;
  matter_revisions: {
    matter_code: string;
    revision: number;
    action: string;
    snapshot: string;
    staff_id: string | null;
    reason: string;
    created_at: string;
  };
}

/** The 0015 search column: the searched fields, NFKC-normalised and lower-cased, one per line. */
function searchText(m: MatterRow): string {
  return [m.code, m.name, m.name_en, m.prohibition_basis, m.penalty_basis, m.education]
    .map((t) => t.normalize('NFKC').toLowerCase())
    .join('\n');
}

/** The 0015 snapshot of a matter, in the field names of the API. */
function snapshot(m: MatterRow): string {
  return JSON.stringify({
    code: m.code,
    name: m.name,
    nameEn: m.name_en,
    prohibitionBasis: m.prohibition_basis,
    penaltyBasis: m.penalty_basis,
    penaltyRange: m.penalty_range,
    handlingBody: m.handling_body,
    handledByChengguan: m.handled_by_chengguan === 1,
    education: m.education,
    educationTopic: m.education_topic,
    sort: m.sort,
    active: m.active === 1,
  });
}

function extrasFor(code: string) {
  try {
    return seedExtrasOf(code);
  } catch {
    // A matter the seed does not know keeps empty extras for the bureau to fill in.
    return null;
  }
}

async function backfill(db: Kysely<Tables>, now: string): Promise<void> {
  const rows = await db.selectFrom('matters').selectAll().execute();
  for (const row of rows) {
    const filled: MatterRow = { ...row, ...extrasFor(row.code), updated_at: now };
    filled.search_text = searchText(filled);
    await db
      .updateTable('matters')
      .set({
        handling_body: filled.handling_body,
        handled_by_chengguan: filled.handled_by_chengguan,
        education: filled.education,
        education_topic: filled.education_topic,
        updated_at: now,
        search_text: filled.search_text,
      })
      .where('code', '=', row.code)
      .execute();
    await db
      .insertInto('matter_revisions')
      .values({
        matter_code: row.code,
        revision: 1,
        action: 'seed',
        snapshot: snapshot(filled),
        staff_id: null,
        reason: '执法事项清单初始版本（迁移 0015）',
        created_at: now,
      })
      .execute();
  }
}

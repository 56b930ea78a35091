// SQL of credit repair. The case tables are only read here (a decided penalty, its party's digest,
// the names of its street and district); they are written by src/server/cases alone.
import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type {
  CreditRepairEventTable,
  CreditRepairFileTable,
  CreditRepairTable,
  Database,
} from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

function penaltyCases(ex: Executor) {
  return ex
    .selectFrom('cases')
    .innerJoin('case_parties', (j) =>
      j.onRef('case_parties.case_id', '=', 'cases.id').on('case_parties.sort', '=', 0),
    )
    .innerJoin('streets', 'streets.id', 'cases.street_id')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .leftJoin('credit_classes', 'credit_classes.case_id', 'cases.id')
    .select([
      'cases.id',
      'cases.case_no',
      'cases.street_id',
      'cases.status',
      'cases.body',
      'cases.decision_kind',
      'cases.decision_no',
      'cases.decided_on',
      'cases.fine_fen',
      'cases.paid_on',
      'cases.closed_at',
      'case_parties.kind as party_kind',
      'case_parties.id_digest as party_digest',
      'streets.name as street_name',
      'districts.name as district_name',
      'credit_classes.credit_class as override_class',
      'credit_classes.reason as override_reason',
      'credit_classes.set_at as override_at',
      'credit_classes.set_by as override_by',
    ]);
}

/** A case as credit repair reads it: its decision, payment, party digest and any class set. */
export type CreditCase = NonNullable<Awaited<ReturnType<typeof findCreditCase>>>;

/** One case by id. */
export function findCreditCase(ex: Executor, caseId: string) {
  return penaltyCases(ex).where('cases.id', '=', caseId).executeTakeFirst();
}

/** The decided penalty cases of the party with this identity digest. */
export function listPenaltyCasesOfParty(ex: Executor, digest: string) {
  return penaltyCases(ex)
    .where('case_parties.id_digest', '=', digest)
    .where('cases.decision_kind', '=', 'penalty')
    .where('cases.decision_no', 'is not', null)
    .execute();
}

/** Sets (or replaces) the class an officer chose for a case's decision. */
export async function upsertClass(
  ex: Executor,
  row: { case_id: string; credit_class: string; reason: string; set_at: string; set_by: string },
): Promise<void> {
  await ex
    .insertInto('credit_classes')
    .values(row)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        credit_class: row.credit_class,
        reason: row.reason,
        set_at: row.set_at,
        set_by: row.set_by,
      }),
    )
    .execute();
}

/** The name of a staff member, for timelines. */
export async function staffName(ex: Executor, id: string): Promise<string | null> {
  const row = await ex.selectFrom('staff').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/** Records a new application. */
export async function insertRepair(ex: Executor, row: Insertable<CreditRepairTable>) {
  await ex.insertInto('credit_repairs').values(row).execute();
}

/** Updates an application if no one else changed it since it was read (its event count). */
export async function updateRepairIf(
  ex: Executor,
  id: string,
  eventCount: number,
  changes: Updateable<CreditRepairTable>,
): Promise<boolean> {
  const result = await ex
    .updateTable('credit_repairs')
    .set(changes)
    .where('id', '=', id)
    .where('event_count', '=', eventCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends a timeline event. */
export async function insertEvent(ex: Executor, row: CreditRepairEventTable): Promise<void> {
  await ex.insertInto('credit_repair_events').values(row).execute();
}

/**
 * Claims uploaded files for an application: each must exist and be unattached; returns how many
 * were claimed, so the caller can refuse the lot when one was not.
 */
export async function claimFiles(ex: Executor, ids: readonly string[], at: string) {
  if (ids.length === 0) {
    return 0;
  }
  const result = await ex
    .updateTable('files')
    .set({ attached_at: at })
    .where('id', 'in', [...ids])
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Links claimed files to an application under their checklist items. */
export async function insertFiles(ex: Executor, rows: CreditRepairFileTable[]): Promise<void> {
  if (rows.length > 0) {
    await ex.insertInto('credit_repair_files').values(rows).execute();
  }
}

/** An application by id. */
export function findRepair(ex: Executor, id: string) {
  return ex.selectFrom('credit_repairs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An application by the hash of its status link's token. */
export function findRepairByAccessHash(ex: Executor, hash: string) {
  return ex
    .selectFrom('credit_repairs')
    .selectAll()
    .where('access_hash', '=', hash)
    .executeTakeFirst();
}

/** An application by its receipt code. */
export function findRepairByReceipt(ex: Executor, code: string) {
  return ex
    .selectFrom('credit_repairs')
    .selectAll()
    .where('receipt_code', '=', code)
    .executeTakeFirst();
}

/** The applications of one phone digest, newest first. */
export function listRepairsByPhoneDigest(ex: Executor, digest: string) {
  return ex
    .selectFrom('credit_repairs')
    .selectAll()
    .where('phone_digest', '=', digest)
    .orderBy('submitted_at', 'desc')
    .execute();
}

/** An application of a case that is not refused: being handled, or completed. */
/**
 * Holds, until the transaction ends, a PostgreSQL lock on the applications of one case, so that
 * two applications sent at once take turns (SQLite already runs one writer at a time).
 */
export async function lockRepairsOfCase(trx: Transaction<Database>, caseId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`credit_repairs:${caseId}`}))`.execute(trx);
}

export function findOpenRepairOfCase(ex: Executor, caseId: string) {
  return ex
    .selectFrom('credit_repairs')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '<>', 'refused')
    .executeTakeFirst();
}

/** How many applications a case has. */
export async function countRepairsOfCase(ex: Executor, caseId: string): Promise<number> {
  const row = await ex
    .selectFrom('credit_repairs')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The files of an application with what is needed to serve them. */
export function listFiles(ex: Executor, repairId: string) {
  return ex
    .selectFrom('credit_repair_files')
    .innerJoin('files', 'files.id', 'credit_repair_files.file_id')
    .select([
      'files.id',
      'files.storage_key',
      'files.mime',
      'credit_repair_files.item',
      'credit_repair_files.round',
    ])
    .where('credit_repair_files.repair_id', '=', repairId)
    .orderBy('credit_repair_files.round')
    .orderBy('credit_repair_files.sort')
    .execute();
}

/** The timeline of an application, with the names of the officers. */
export function listEvents(ex: Executor, repairId: string) {
  return ex
    .selectFrom('credit_repair_events')
    .leftJoin('staff', 'staff.id', 'credit_repair_events.actor_id')
    .select([
      'credit_repair_events.type',
      'credit_repair_events.at',
      'credit_repair_events.data',
      'staff.name as actor_name',
    ])
    .where('credit_repair_events.repair_id', '=', repairId)
    .orderBy('credit_repair_events.seq')
    .execute();
}

/** Which applications a staff member sees: all, or one street's. */
export type RepairScope = { all: true } | { streetId: string };

/** One page of the applications in scope with the given statuses (null: any), newest first. */
export async function listRepairs(
  ex: Executor,
  scope: RepairScope,
  statuses: readonly string[] | null,
  page: { limit: number; offset: number },
) {
  let query = ex
    .selectFrom('credit_repairs')
    .innerJoin('streets', 'streets.id', 'credit_repairs.street_id');
  if (!('all' in scope)) {
    query = query.where('credit_repairs.street_id', '=', scope.streetId);
  }
  if (statuses) {
    query = query.where('credit_repairs.status', 'in', [...statuses]);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('credit_repairs')
      .select('streets.name as street_name')
      .orderBy('credit_repairs.submitted_at', 'desc')
      .orderBy('credit_repairs.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The street name of an application's street. */
export async function streetName(ex: Executor, streetId: string): Promise<string> {
  const row = await ex
    .selectFrom('streets')
    .select('name')
    .where('id', '=', streetId)
    .executeTakeFirst();
  return row?.name ?? '';
}

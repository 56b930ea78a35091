import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type {
  CaseEvidenceTable,
  CaseNonPenaltyTable,
  CasePartyTable,
  CaseTable,
  Database,
  MatterFineRangeTable,
} from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which cases a list may show: the whole district, or one street. */
export type CaseScope = { all: true } | { streetId: string };

/** Inserts a new case row. */
export async function insertCase(ex: Executor, row: Insertable<CaseTable>): Promise<void> {
  await ex.insertInto('cases').values(row).execute();
}

/** Inserts the party of a case. */
export async function insertParty(ex: Executor, row: CasePartyTable): Promise<void> {
  await ex.insertInto('case_parties').values(row).execute();
}

/**
 * Updates a case only while nobody changed it since it was read (its event count is the one
 * read); false means another change won.
 */
export async function updateCaseIf(
  ex: Executor,
  id: string,
  eventCount: number,
  changes: Updateable<CaseTable>,
): Promise<boolean> {
  const result = await ex
    .updateTable('cases')
    .set(changes)
    .where('id', '=', id)
    .where('event_count', '=', eventCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends one event to a case's timeline; `data` holds no personal data of the party. */
export async function insertEvent(
  ex: Executor,
  row: { caseId: string; seq: number; type: string; at: string; actorId: string; data: object },
): Promise<void> {
  await ex
    .insertInto('case_events')
    .values({
      case_id: row.caseId,
      seq: row.seq,
      type: row.type,
      at: row.at,
      actor_id: row.actorId,
      data: JSON.stringify(row.data),
    })
    .execute();
}

/** A case with the names of its street, district, matter, officer and ticket. */
function caseWithNames(ex: Executor) {
  return ex
    .selectFrom('cases')
    .innerJoin('streets', 'streets.id', 'cases.street_id')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .innerJoin('matters', 'matters.code', 'cases.matter_code')
    .innerJoin('staff', 'staff.id', 'cases.officer_id')
    .innerJoin('case_parties', (j) =>
      j.onRef('case_parties.case_id', '=', 'cases.id').on('case_parties.sort', '=', 0),
    )
    .leftJoin('tickets', 'tickets.id', 'cases.ticket_id')
    .selectAll('cases')
    .select([
      'streets.name as street_name',
      'districts.name as district_name',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'staff.name as officer_name',
      'staff.badge_no as officer_badge',
      'case_parties.kind as party_kind',
      'case_parties.name_masked as party_name_masked',
      'case_parties.id_masked as party_id_masked',
      'case_parties.address_masked as party_address_masked',
      'case_parties.phone_masked as party_phone_masked',
      'case_parties.id_digest as party_digest',
      'tickets.tracking_code as ticket_tracking_code',
      'tickets.status as ticket_status',
    ]);
}

/** One case with the names the workbench shows. */
export type CaseRecord = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** A case by id. */
export function findCase(ex: Executor, id: string) {
  return caseWithNames(ex).where('cases.id', '=', id).executeTakeFirst();
}

/** A page of cases in a scope, newest first, with the filters of the list. */
export async function listCases(
  ex: Executor,
  scope: CaseScope,
  filter: { statuses: readonly string[] | null; overdueAt: string | null; ticketId: string | null },
  page: { limit: number; offset: number },
) {
  let query = caseWithNames(ex);
  if ('streetId' in scope) {
    query = query.where('cases.street_id', '=', scope.streetId);
  }
  if (filter.statuses) {
    query = query.where('cases.status', 'in', filter.statuses);
  }
  if (filter.overdueAt) {
    query = query.where('cases.next_due_at', '<', filter.overdueAt);
  }
  if (filter.ticketId) {
    query = query.where('cases.ticket_id', '=', filter.ticketId);
  }
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('cases.registered_at', 'desc')
    .orderBy('cases.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The highest sequence number a street gave a case in a year. */
export async function maxCaseSeq(ex: Executor, streetId: string, year: number): Promise<number> {
  const row = await ex
    .selectFrom('cases')
    .select((eb) => eb.fn.max('case_seq').as('n'))
    .where('street_id', '=', streetId)
    .where('case_year', '=', year)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/**
 * Earlier cases of a party (by the digest of their identity number) for the same matter, in any
 * street, registered before `before`; cancelled cases established no violation and do not count.
 */
export function listEarlierCases(
  ex: Executor,
  digest: string,
  matterCode: string,
  before: string,
  exceptId: string | null,
) {
  let query = ex
    .selectFrom('case_parties')
    .innerJoin('cases', 'cases.id', 'case_parties.case_id')
    .select(['cases.case_no', 'cases.registered_on'])
    .where('case_parties.id_digest', '=', digest)
    .where('cases.matter_code', '=', matterCode)
    .where('cases.status', '<>', 'cancelled')
    .where('cases.registered_at', '<', before);
  if (exceptId) {
    query = query.where('cases.id', '<>', exceptId);
  }
  return query.orderBy('cases.registered_at').execute();
}

/** The encrypted party of a case. */
export function findParty(ex: Executor, caseId: string) {
  return ex
    .selectFrom('case_parties')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('sort', '=', 0)
    .executeTakeFirst();
}

/** A case's timeline, oldest first, with staff names. */
export function listEvents(ex: Executor, caseId: string) {
  return ex
    .selectFrom('case_events')
    .leftJoin('staff', 'staff.id', 'case_events.actor_id')
    .select(['case_events.seq', 'case_events.type', 'case_events.at', 'case_events.data'])
    .select('staff.name as actor_name')
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.seq')
    .execute();
}

/** The no-penalty record of a case, if it has one. */
export function findNonPenalty(ex: Executor, caseId: string) {
  return ex
    .selectFrom('case_non_penalty')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** Writes the no-penalty record of a case. */
export async function insertNonPenalty(ex: Executor, row: CaseNonPenaltyTable): Promise<void> {
  await ex.insertInto('case_non_penalty').values(row).execute();
}

/** Records the follow-up check of a no-penalty case. */
export async function updateNonPenalty(
  ex: Executor,
  caseId: string,
  changes: Updateable<CaseNonPenaltyTable>,
): Promise<void> {
  await ex.updateTable('case_non_penalty').set(changes).where('case_id', '=', caseId).execute();
}

/** The structured fine ranges of a matter. */
export function listFineRanges(ex: Executor, matterCode: string): Promise<MatterFineRangeTable[]> {
  return (
    ex
      .selectFrom('matter_fine_ranges')
      .selectAll()
      .where('matter_code', '=', matterCode)
      // Persons first ('person' sorts after 'organisation'), the ordinary range before the serious.
      .orderBy('party_kind', 'desc')
      .orderBy('circumstance')
      .execute()
  );
}

/** A matter of the catalogue by code. */
export function findMatter(ex: Executor, code: string) {
  // A retired matter stays in the catalogue for old records, but no new case names it.
  return ex
    .selectFrom('matters')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** A street by id. */
export function findStreet(ex: Executor, id: string) {
  return ex.selectFrom('streets').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/**
 * Claims uploaded photos for a case's evidence: each must exist and be unattached; returns how
 * many were claimed, so the caller can refuse the lot when one was not.
 */
export async function claimFiles(ex: Executor, ids: readonly string[], at: string) {
  if (ids.length === 0) {
    return 0;
  }
  const result = await ex
    .updateTable('files')
    .set({ attached_at: at })
    .where('id', 'in', ids)
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Attaches evidence photos to a case after those it has. */
export async function insertEvidence(ex: Executor, rows: CaseEvidenceTable[]): Promise<void> {
  if (rows.length > 0) {
    await ex.insertInto('case_evidence').values(rows).execute();
  }
}

/** How many evidence photos a case has. */
export async function countEvidence(ex: Executor, caseId: string): Promise<number> {
  const row = await ex
    .selectFrom('case_evidence')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The evidence photos of a case, in order, with their files. */
export function listEvidence(ex: Executor, caseId: string) {
  return ex
    .selectFrom('case_evidence')
    .innerJoin('files', 'files.id', 'case_evidence.file_id')
    .select([
      'files.id',
      'files.width',
      'files.height',
      'files.storage_key',
      'files.mime',
      'case_evidence.caption',
      'case_evidence.added_at',
      'case_evidence.stage',
    ])
    .where('case_evidence.case_id', '=', caseId)
    .orderBy('case_evidence.sort')
    .execute();
}

/** The settings of the case clock the bureau changed. */
export function listRules(ex: Executor) {
  return ex.selectFrom('case_rules').selectAll().execute();
}

/** Sets one setting of the case clock. */
export async function upsertRule(
  ex: Executor,
  row: { key: string; value: string; at: string; by: string },
): Promise<void> {
  const values = { key: row.key, value: row.value, updated_at: row.at, updated_by: row.by };
  await ex
    .insertInto('case_rules')
    .values(values)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: row.value, updated_at: row.at, updated_by: row.by }),
    )
    .execute();
}

/** Every street, in its district's order. */
export function listStreets(ex: Executor) {
  return ex.selectFrom('streets').select(['id', 'name']).orderBy('sort').orderBy('name').execute();
}

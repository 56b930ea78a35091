// SQL of the street assessment: the records the indicators count, read per period, and the scheme
// versions and exemplary work it keeps itself.
import type { Expression, Insertable, Kysely, SqlBool, Transaction } from 'kysely';
import { onlineChannels } from '../../domain/assessment/records.js';
import type { AssessmentExemplaryTable, AssessmentSchemeTable, Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The instants and dates of a period. */
export interface Range {
  from: string;
  to: string;
  fromDate: string;
  toDate: string;
}

/** Every street, in the district's order. */
export function listStreets(db: Executor) {
  return db.selectFrom('streets').select(['id', 'name']).orderBy('sort').orderBy('name').execute();
}

/** The tickets received in the range: not merged into another, not declined as not ours. */
function receivedTickets(db: Executor, range: Range, streetId?: string) {
  let q = db
    .selectFrom('tickets')
    .where('created_at', '>=', range.from)
    .where('created_at', '<', range.to)
    .where('merged_into_id', 'is', null)
    .where('status', 'not in', ['merged', 'declined']);
  if (streetId) {
    q = q.where('street_id', '=', streetId);
  }
  return q;
}

/** The tickets received in the range, with what the ticket indicators read of each. */
export function listTickets(db: Executor, range: Range, streetId?: string) {
  return receivedTickets(db, range, streetId)
    .select([
      'id',
      'tracking_code',
      'status',
      'street_id',
      'channel',
      'created_at',
      'first_contact_at',
      'first_contact_due_at',
      'resolved_at',
      'resolve_due_at',
      'resolved_tier',
      'rating',
      'outcome',
    ])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Per street, the tickets received in the range counted for each ticket indicator, as
 * `ticketMembership` (src/domain/assessment/records.ts) decides for one ticket: the denominators
 * (`*_due`, `resolved`, `received`, `rated`) and the numerators. The scores count a quarter of a
 * district this way instead of loading its tickets (docs/performance.md); ticket-counts.test.ts
 * holds the two equal. The streets are named so that both databases read each street's range of
 * the index of migration 0030 on its own. Times are ISO instants of one format, compared as text
 * as the domain compares them; a comparison with a null is not true, so it is not counted.
 */
export async function countTicketIndicators(
  db: Executor,
  range: Range,
  now: string,
  streetIds: readonly string[],
) {
  if (streetIds.length === 0) {
    return [];
  }
  const rows = await receivedTickets(db, range)
    .where('street_id', 'in', [...streetIds])
    .select((eb) => {
      const count = (condition: Expression<SqlBool>) =>
        eb.fn.countAll<number | string>().filterWhere(condition);
      const contacted = eb('first_contact_at', 'is not', null);
      const resolved = eb('resolved_at', 'is not', null);
      return [
        'street_id',
        eb.fn.countAll<number | string>().as('received'),
        count(
          eb.and([
            eb('first_contact_due_at', 'is not', null),
            eb.or([contacted, eb('first_contact_due_at', '<', now)]),
          ]),
        ).as('contact_due'),
        count(eb('first_contact_at', '<=', eb.ref('first_contact_due_at'))).as('contact_on_time'),
        count(eb.or([resolved, eb('resolve_due_at', '<', now)])).as('resolve_due'),
        count(eb('resolved_at', '<=', eb.ref('resolve_due_at'))).as('resolved_on_time'),
        count(resolved).as('resolved'),
        count(eb.and([resolved, eb('resolved_tier', '=', 'community')])).as('community_tier'),
        count(eb('channel', 'in', [...onlineChannels])).as('online'),
        count(eb('rating', 'is not', null)).as('rated'),
        count(eb('rating', 'in', ['satisfied', 'basically_satisfied'])).as('satisfied'),
      ];
    })
    .groupBy('street_id')
    .execute();
  // PostgreSQL returns counts as int8, which pg hands over as text.
  return rows.map(({ street_id, ...counts }) => ({
    streetId: street_id,
    ...(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as Record<
      keyof typeof counts,
      number
    >),
  }));
}

/** The cases decided in the range (by the Shanghai date of the decision). */
export function listDecidedCases(db: Executor, range: Range, streetId?: string) {
  let q = db
    .selectFrom('cases')
    .select(['id', 'case_no', 'status', 'street_id', 'registered_on', 'decided_on', 'limits'])
    .where('decided_on', '>=', range.fromDate)
    .where('decided_on', '<', range.toDate);
  if (streetId) {
    q = q.where('street_id', '=', streetId);
  }
  return q.orderBy('decided_on').orderBy('id').execute();
}

/** The education events of a street held in the range. */
export function listEvents(db: Executor, range: Range, streetId?: string) {
  let q = db
    .selectFrom('education_events')
    .select(['id', 'title', 'street_id', 'event_date', 'attendance'])
    .where('street_id', 'is not', null)
    .where('event_date', '>=', range.fromDate)
    .where('event_date', '<', range.toDate);
  if (streetId) {
    q = q.where('street_id', '=', streetId);
  }
  return q.orderBy('event_date').orderBy('id').execute();
}

/** The buildings standing at `to` (not retired before it) with their street. */
export function listBuildings(db: Executor, to: string, streetId?: string) {
  let q = db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .select(['buildings.id', 'buildings.name', 'communities.street_id'])
    .where((eb) =>
      eb.or([eb('buildings.retired_at', 'is', null), eb('buildings.retired_at', '>=', to)]),
    );
  if (streetId) {
    q = q.where('communities.street_id', '=', streetId);
  }
  return q.orderBy('buildings.name').orderBy('buildings.id').execute();
}

/** The placards printed before `to`, and the result of each one's last check before `to`. */
export async function listPrintedPlacards(db: Executor, to: string) {
  const placards = await db
    .selectFrom('placards')
    .select(['id', 'building_id', 'printed_at'])
    .where('printed_at', 'is not', null)
    .where('printed_at', '<', to)
    .execute();
  const checks = await db
    .selectFrom('placard_checks')
    .select(['placard_id', 'checked_at', 'result'])
    .where('checked_at', '<', to)
    .orderBy('checked_at')
    .execute();
  const last = new Map(checks.map((c) => [c.placard_id, c]));
  return placards.map((p) => ({ ...p, lastCheck: last.get(p.id) ?? null }));
}

/** The active liaisons of the streets. */
export function listLiaisons(db: Executor, streetId?: string) {
  let q = db
    .selectFrom('staff')
    .select(['id', 'name', 'street_id'])
    .where('role', '=', 'liaison')
    .where('active', '=', 1);
  if (streetId) {
    q = q.where('street_id', '=', streetId);
  }
  return q.orderBy('name').orderBy('id').execute();
}

/** Visits per liaison and ISO week, for the weeks given. */
export async function countVisits(db: Executor, weeks: readonly string[]) {
  if (weeks.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('visits')
    .select(['liaison_id', 'iso_week', (eb) => eb.fn.countAll().as('n')])
    .where('iso_week', 'in', weeks)
    .groupBy(['liaison_id', 'iso_week'])
    .execute();
  return rows.map((r) => ({ liaisonId: r.liaison_id, week: r.iso_week, visits: Number(r.n) }));
}

/** Every weekly visit target the bureau set. */
export function listVisitTargets(db: Executor) {
  return db.selectFrom('visit_targets').select(['from_week', 'weekly_target']).execute();
}

/** Exemplary work recognised in the range, with its number of evidence photos. */
export function listExemplary(db: Executor, range: Range | null, streetId?: string) {
  let q = db
    .selectFrom('assessment_exemplary')
    .innerJoin('streets', 'streets.id', 'assessment_exemplary.street_id')
    .leftJoin('staff', 'staff.id', 'assessment_exemplary.created_by')
    .selectAll('assessment_exemplary')
    .select(['streets.name as street_name', 'staff.name as created_by_name']);
  if (range) {
    q = q.where('recognised_on', '>=', range.fromDate).where('recognised_on', '<', range.toDate);
  }
  if (streetId) {
    q = q.where('assessment_exemplary.street_id', '=', streetId);
  }
  return q.orderBy('recognised_on', 'desc').orderBy('assessment_exemplary.id').execute();
}

/** The evidence photos of exemplary work, in their order. */
export async function listEvidence(db: Executor, exemplaryIds: readonly string[]) {
  if (exemplaryIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('assessment_exemplary_files')
    .innerJoin('files', 'files.id', 'assessment_exemplary_files.file_id')
    .select([
      'exemplary_id',
      'files.id',
      'files.width',
      'files.height',
      'files.mime',
      'files.storage_key',
    ])
    .where('exemplary_id', 'in', exemplaryIds)
    .orderBy('sort')
    .execute();
}

/** One exemplary record. */
export function findExemplary(db: Executor, id: string) {
  return db.selectFrom('assessment_exemplary').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Saves a new exemplary record. */
export async function insertExemplary(db: Executor, row: Insertable<AssessmentExemplaryTable>) {
  await db.insertInto('assessment_exemplary').values(row).execute();
}

/** Changes an exemplary record's text. */
export async function updateExemplary(
  db: Executor,
  id: string,
  changes: Pick<
    AssessmentExemplaryTable,
    'street_id' | 'title' | 'recognised_on' | 'description' | 'updated_at'
  >,
) {
  await db.updateTable('assessment_exemplary').set(changes).where('id', '=', id).execute();
}

/** Removes an exemplary record and its evidence links (the files stay, unattached to a ticket). */
export async function deleteExemplary(db: Executor, id: string) {
  await db.deleteFrom('assessment_exemplary_files').where('exemplary_id', '=', id).execute();
  await db.deleteFrom('assessment_exemplary').where('id', '=', id).execute();
}

/** Attaches an uploaded photo as evidence, after the ones it has. */
export async function addEvidence(db: Executor, exemplaryId: string, fileId: string, at: string) {
  const last = await db
    .selectFrom('assessment_exemplary_files')
    .select((eb) => eb.fn.max<number | string>('sort').as('sort'))
    .where('exemplary_id', '=', exemplaryId)
    .executeTakeFirst();
  const sort = Number(last?.sort ?? 0) + 1;
  await db
    .insertInto('assessment_exemplary_files')
    .values({ exemplary_id: exemplaryId, file_id: fileId, sort })
    .execute();
  await db.updateTable('files').set({ attached_at: at }).where('id', '=', fileId).execute();
}

/** Every scheme version, oldest first, with the name of who made it. */
export function listSchemes(db: Executor) {
  return db
    .selectFrom('assessment_schemes')
    .leftJoin('staff', 'staff.id', 'assessment_schemes.created_by')
    .selectAll('assessment_schemes')
    .select('staff.name as created_by_name')
    .orderBy('version')
    .execute();
}

/** Saves a new scheme version. */
export async function insertScheme(db: Executor, row: AssessmentSchemeTable) {
  await db.insertInto('assessment_schemes').values(row).execute();
}

import type { ExpressionBuilder, Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database, VisitTable } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Whose visits a list shows: one liaison's, a street's, or all. */
export type VisitScope = { liaisonId: string } | { streetId: string } | { all: true };

/** Filters of the visit list. */
export interface VisitFilter {
  week?: string;
  liaisonId?: string;
  communityId?: string;
}

/** Inserts a visit. */
export async function insertVisit(db: Executor, row: Insertable<VisitTable>): Promise<void> {
  await db.insertInto('visits').values(row).execute();
}

/** Changes a visit only if nobody changed it since it was read; false means another change won. */
export async function updateVisitIf(
  db: Executor,
  id: string,
  expectedEditCount: number,
  changes: Updateable<VisitTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('visits')
    .set(changes)
    .where('id', '=', id)
    .where('edit_count', '=', expectedEditCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The uploaded files among these ids that nothing uses yet. */
export async function findUnusedFiles(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('files')
    .select('id')
    .where('id', 'in', ids)
    .where('attached_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Marks files used by a visit and lists them on it, in order; returns how many were claimed. */
export async function claimVisitPhotos(
  db: Executor,
  visitId: string,
  fileIds: readonly string[],
  at: string,
): Promise<number> {
  if (fileIds.length === 0) {
    return 0;
  }
  const result = await db
    .updateTable('files')
    .set({ attached_at: at })
    .where('id', 'in', fileIds)
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  for (const [sort, fileId] of fileIds.entries()) {
    await db
      .insertInto('visit_photos')
      .values({ visit_id: visitId, file_id: fileId, sort })
      .execute();
  }
  return Number(result.numUpdatedRows);
}

/** Links the tickets filed from a visit's issues, in the order of the issues. */
export async function insertVisitTickets(
  db: Executor,
  visitId: string,
  ticketIds: readonly string[],
): Promise<void> {
  for (const [sort, ticketId] of ticketIds.entries()) {
    await db
      .insertInto('visit_tickets')
      .values({ visit_id: visitId, ticket_id: ticketId, sort })
      .execute();
  }
}

function visitWithNames(db: Executor) {
  return db
    .selectFrom('visits')
    .innerJoin('staff as liaison', 'liaison.id', 'visits.liaison_id')
    .innerJoin('staff as author', 'author.id', 'visits.created_by')
    .innerJoin('communities', 'communities.id', 'visits.community_id')
    .innerJoin('streets', 'streets.id', 'visits.street_id')
    .selectAll('visits')
    .select((eb) => [
      'liaison.name as liaison_name',
      'liaison.badge_no as liaison_badge',
      'author.name as author_name',
      'author.badge_no as author_badge',
      'communities.name as community_name',
      'streets.name as street_name',
      eb
        .selectFrom('visit_tickets')
        .select(eb.fn.countAll().as('n'))
        .whereRef('visit_tickets.visit_id', '=', 'visits.id')
        .as('issue_count'),
      eb
        .selectFrom('visit_photos')
        .select(eb.fn.countAll().as('n'))
        .whereRef('visit_photos.visit_id', '=', 'visits.id')
        .as('photo_count'),
    ]);
}

/** One visit with the names a list or detail shows. */
export type VisitRecord = NonNullable<Awaited<ReturnType<typeof findVisit>>>;

/** A visit by id. */
export function findVisit(db: Executor, id: string) {
  return visitWithNames(db).where('visits.id', '=', id).executeTakeFirst();
}

/** The visit an idempotency key already made, if any. */
export function findVisitByIdempotencyKey(db: Executor, key: string) {
  return db
    .selectFrom('visits')
    .select(['id', 'request_hash'])
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

function conditions(
  eb: ExpressionBuilder<Database, 'visits'>,
  scope: VisitScope,
  filter: VisitFilter,
) {
  const all = [];
  if ('liaisonId' in scope) {
    all.push(eb('visits.liaison_id', '=', scope.liaisonId));
  } else if ('streetId' in scope) {
    all.push(eb('visits.street_id', '=', scope.streetId));
  }
  if (filter.week) {
    all.push(eb('visits.iso_week', '=', filter.week));
  }
  if (filter.liaisonId) {
    all.push(eb('visits.liaison_id', '=', filter.liaisonId));
  }
  if (filter.communityId) {
    all.push(eb('visits.community_id', '=', filter.communityId));
  }
  return eb.and(all);
}

/** One page of visits in a scope, latest visit date first, with the total. */
export async function listVisits(
  db: Executor,
  scope: VisitScope,
  filter: VisitFilter,
  page: { limit: number; offset: number },
) {
  const rows = await visitWithNames(db)
    .where((eb) => conditions(eb, scope, filter))
    .orderBy('visits.visit_date', 'desc')
    .orderBy('visits.created_at', 'desc')
    .orderBy('visits.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => conditions(eb, scope, filter))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The photos of a visit, in order, with what is needed to serve them. */
export function listVisitPhotos(db: Executor, visitId: string) {
  return db
    .selectFrom('visit_photos')
    .innerJoin('files', 'files.id', 'visit_photos.file_id')
    .select(['files.id', 'files.width', 'files.height', 'files.storage_key', 'files.mime'])
    .where('visit_photos.visit_id', '=', visitId)
    .orderBy('visit_photos.sort')
    .execute();
}

/** The tickets filed from a visit, in the order of its issues. */
export function listVisitTickets(db: Executor, visitId: string) {
  return db
    .selectFrom('visit_tickets')
    .innerJoin('tickets', 'tickets.id', 'visit_tickets.ticket_id')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .leftJoin('matters', 'matters.code', 'tickets.matter_code')
    .select([
      'tickets.id',
      'tickets.tracking_code',
      'tickets.kind',
      'tickets.status',
      'tickets.matter_code',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'buildings.name as building_name',
    ])
    .where('visit_tickets.visit_id', '=', visitId)
    .orderBy('visit_tickets.sort')
    .execute();
}

/** The visits that found a ticket (at most one), with the liaison and community. */
export function listVisitsOfTicket(db: Executor, ticketId: string) {
  return visitWithNames(db)
    .innerJoin('visit_tickets', 'visit_tickets.visit_id', 'visits.id')
    .where('visit_tickets.ticket_id', '=', ticketId)
    .execute();
}

/** How many visits each liaison made in each ISO week from `fromWeek` to `toWeek`. */
export async function countVisitsByWeek(
  db: Executor,
  liaisonIds: readonly string[],
  fromWeek: string,
  toWeek: string,
) {
  if (liaisonIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('visits')
    .select(['liaison_id', 'iso_week', (eb) => eb.fn.countAll().as('n')])
    .where('liaison_id', 'in', liaisonIds)
    .where('iso_week', '>=', fromWeek)
    .where('iso_week', '<=', toWeek)
    .groupBy(['liaison_id', 'iso_week'])
    .execute();
  return rows.map((r) => ({ liaisonId: r.liaison_id, week: r.iso_week, visits: Number(r.n) }));
}

/** Every weekly target the bureau set, oldest first. */
export function listVisitTargets(db: Executor) {
  return db
    .selectFrom('visit_targets')
    .leftJoin('staff', 'staff.id', 'visit_targets.created_by')
    .select([
      'visit_targets.id',
      'visit_targets.weekly_target',
      'visit_targets.from_week',
      'visit_targets.created_at',
      'staff.name as created_by_name',
    ])
    .orderBy('visit_targets.created_at')
    .orderBy('visit_targets.id')
    .execute();
}

/** Records a weekly target in force from a week on. */
export async function insertVisitTarget(
  db: Executor,
  row: Insertable<Database['visit_targets']>,
): Promise<void> {
  await db.insertInto('visit_targets').values(row).execute();
}

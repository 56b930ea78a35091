import {
  sql,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Transaction,
  type Updateable,
} from 'kysely';
import type {
  Database,
  MediationMediatorTable,
  MediationPartyTable,
  MediationSessionTable,
  MediationTable,
} from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The next free number of a year; the unique constraint refuses a number taken meanwhile. */
export async function nextNumberSeq(db: Executor, year: number): Promise<number> {
  const row = await db
    .selectFrom('mediations')
    .select((eb) => eb.fn.max('number_seq').as('n'))
    .where('number_year', '=', year)
    .executeTakeFirst();
  // max() of an integer column is an int4 on PostgreSQL too, which pg reads as a number.
  return (row?.n ?? 0) + 1;
}

/** Inserts a mediation with its parties and mediators. */
export async function insertMediation(
  db: Executor,
  row: Insertable<MediationTable>,
  parties: readonly MediationPartyTable[],
  mediators: readonly MediationMediatorTable[],
): Promise<void> {
  await db.insertInto('mediations').values(row).execute();
  await db
    .insertInto('mediation_parties')
    .values([...parties])
    .execute();
  await db
    .insertInto('mediation_mediators')
    .values([...mediators])
    .execute();
}

/** Inserts one session. */
export async function insertSession(db: Executor, row: MediationSessionTable): Promise<void> {
  await db.insertInto('mediation_sessions').values(row).execute();
}

/**
 * Updates a mediation only if nobody changed it since it was read (same version), raising the
 * version; false means another change won.
 */
export async function updateMediationIf(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<MediationTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('mediations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function withPlace(db: Executor) {
  return db
    .selectFrom('mediations')
    .innerJoin('streets', 'streets.id', 'mediations.street_id')
    .innerJoin('communities', 'communities.id', 'mediations.community_id')
    .innerJoin('staff as opener', 'opener.id', 'mediations.opened_by')
    .leftJoin('staff as checker', 'checker.id', 'mediations.checked_by')
    .leftJoin('tickets', (join) =>
      join
        .onRef('tickets.id', '=', 'mediations.source_id')
        .on('mediations.source_kind', '=', 'ticket'),
    )
    .selectAll('mediations')
    .select([
      'streets.name as street_name',
      'communities.name as community_name',
      'opener.name as opener_name',
      'opener.badge_no as opener_badge',
      'checker.name as checker_name',
      'checker.badge_no as checker_badge',
      'tickets.tracking_code as ticket_tracking_code',
    ]);
}

/** One mediation with the names of its place, its opener and its checker. */
export type MediationRecord = NonNullable<Awaited<ReturnType<typeof findMediation>>>;

/** A mediation by id. */
export function findMediation(db: Executor, id: string) {
  return withPlace(db).where('mediations.id', '=', id).executeTakeFirst();
}

/** The parties of a mediation, in their order (their details still encrypted). */
export function listParties(db: Executor, mediationId: string) {
  return db
    .selectFrom('mediation_parties')
    .selectAll()
    .where('mediation_id', '=', mediationId)
    .orderBy('idx')
    .execute();
}

/** The mediators of a mediation, in their order, with the linked officer's badge. */
export function listMediators(db: Executor, mediationId: string) {
  return db
    .selectFrom('mediation_mediators')
    .leftJoin('staff', 'staff.id', 'mediation_mediators.staff_id')
    .selectAll('mediation_mediators')
    .select(['staff.name as staff_name', 'staff.badge_no as staff_badge'])
    .where('mediation_mediators.mediation_id', '=', mediationId)
    .orderBy('mediation_mediators.idx')
    .execute();
}

/** The sessions of a mediation, in the order they were held, with who recorded each. */
export function listSessions(db: Executor, mediationId: string) {
  return db
    .selectFrom('mediation_sessions')
    .innerJoin('staff', 'staff.id', 'mediation_sessions.recorded_by')
    .selectAll('mediation_sessions')
    .select(['staff.name as recorder_name', 'staff.badge_no as recorder_badge'])
    .where('mediation_sessions.mediation_id', '=', mediationId)
    .orderBy('mediation_sessions.held_at')
    .orderBy('mediation_sessions.recorded_at')
    .execute();
}

/** Which mediations a person sees: everything, a street, or a liaison's communities and own. */
export type MediationScope =
  { all: true } | { streetId: string } | { communityIds: readonly string[]; staffId: string };

/** What the list is narrowed to besides the scope. */
export interface MediationListFilter {
  statuses: readonly string[] | null;
  /** Only agreements whose check day is before this date and that are not checked. */
  checkDueBefore: string | null;
  ticketId: string | null;
}

function scoped(db: Executor, scope: MediationScope) {
  let query = withPlace(db);
  if ('streetId' in scope) {
    query = query.where('mediations.street_id', '=', scope.streetId);
  }
  if ('communityIds' in scope) {
    const { communityIds, staffId } = scope;
    query = query.where((eb) =>
      eb.or([
        ...(communityIds.length > 0 ? [eb('mediations.community_id', 'in', communityIds)] : []),
        eb('mediations.opened_by', '=', staffId),
        eb(
          'mediations.id',
          'in',
          eb
            .selectFrom('mediation_mediators')
            .select('mediation_mediators.mediation_id')
            .where('mediation_mediators.staff_id', '=', staffId),
        ),
      ]),
    );
  }
  return query;
}

/** One page of the mediations a scope sees, newest first, with the total. */
export async function listMediations(
  db: Executor,
  scope: MediationScope,
  filter: MediationListFilter,
  page: { limit: number; offset: number },
) {
  let query = scoped(db, scope);
  if (filter.statuses) {
    query = query.where('mediations.status', 'in', filter.statuses);
  }
  if (filter.checkDueBefore) {
    query = query
      .where('mediations.check_due_on', '<', filter.checkDueBefore)
      .where('mediations.check_result', 'is', null);
  }
  if (filter.ticketId) {
    query = query
      .where('mediations.source_kind', '=', 'ticket')
      .where('mediations.source_id', '=', filter.ticketId);
  }
  const rows = await query
    .orderBy('mediations.opened_at', 'desc')
    .orderBy('mediations.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** The masked names of the parties of some mediations, by mediation. */
export async function maskedNamesOf(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) {
    return new Map<string, string[]>();
  }
  const rows = await db
    .selectFrom('mediation_parties')
    .select(['mediation_id', 'name_masked'])
    .where('mediation_id', 'in', ids)
    .orderBy('mediation_id')
    .orderBy('idx')
    .execute();
  const byId = new Map<string, string[]>();
  for (const r of rows) {
    byId.set(r.mediation_id, [...(byId.get(r.mediation_id) ?? []), r.name_masked]);
  }
  return byId;
}

/** The communities of the rooms a liaison serves. */
export async function communityIdsOfLiaison(db: Executor, staffId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('room_liaisons')
    .innerJoin('rooms', 'rooms.id', 'room_liaisons.room_id')
    .select('rooms.community_id')
    .where('room_liaisons.staff_id', '=', staffId)
    .execute();
  return [...new Set(rows.map((r) => r.community_id))];
}

/** A community with its street and name, or undefined. */
export function findCommunity(db: Executor, communityId: string) {
  return db
    .selectFrom('communities')
    .select(['id', 'street_id', 'name'])
    .where('id', '=', communityId)
    .executeTakeFirst();
}

/** The community of a room. */
export function findRoomCommunity(db: Executor, roomId: string) {
  return db
    .selectFrom('rooms')
    .innerJoin('communities', 'communities.id', 'rooms.community_id')
    .select(['communities.id', 'communities.street_id', 'communities.name'])
    .where('rooms.id', '=', roomId)
    .executeTakeFirst();
}

/** A staff account as a mediator link needs it. */
export function findStaff(db: Executor, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'role', 'street_id', 'active'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

/** The ticket a referral belongs to, or undefined for an unknown referral. */
export function findReferralTicket(db: Executor, referralId: string) {
  return db
    .selectFrom('referrals')
    .select(['id', 'ticket_id'])
    .where('id', '=', referralId)
    .executeTakeFirst();
}

/** What a lookup in another feature's table found; `no_table` when its migration is not here. */
export type ForeignLookup<T> = { found: T } | 'not_found' | 'no_table';

function isMissingTable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === '42P01' || /no such table/i.test(message);
}

async function foreignRow<T>(db: Executor, query: RawBuilder<T>): Promise<ForeignLookup<T>> {
  try {
    const result = await query.execute(db);
    const row = result.rows[0];
    return row === undefined ? 'not_found' : { found: row };
  } catch (error) {
    if (isMissingTable(error)) {
      return 'no_table';
    }
    throw error;
  }
}

/**
 * A visit (走访) by id, read with plain SQL: the visits table belongs to the visits feature
 * (migration 0011), so it is looked up here without a foreign key. Call it outside a
 * transaction: on PostgreSQL a failed statement would abort the transaction around it.
 */
export function findVisit(db: Executor, visitId: string) {
  return foreignRow(
    db,
    sql<{ id: string; community_id: string; liaison_id: string }>`
      select id, community_id, liaison_id from visits where id = ${visitId}`,
  );
}

/**
 * An enforcement case by id or by its number as people read it (殷行街道〔2026〕0001号), from the
 * cases feature's table (migration 0013); as findVisit.
 */
export function findCase(db: Executor, idOrNumber: string) {
  return foreignRow(
    db,
    sql<{ id: string }>`select id from cases where id = ${idOrNumber} or case_no = ${idOrNumber}`,
  );
}

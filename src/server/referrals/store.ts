import { type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { Database, DepartmentTable, ReferralFileTable, ReferralTable } from '../db/schema.js';
import { containsText } from '../db/text-match.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Inserts a department. */
export async function insertDepartment(db: Executor, row: DepartmentTable): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

/** Every department, by code. */
export function listDepartments(db: Executor): Promise<DepartmentTable[]> {
  return db.selectFrom('departments').selectAll().orderBy('code').execute();
}

/** The departments with these codes. */
export function findDepartmentsByCodes(
  db: Executor,
  codes: readonly string[],
): Promise<DepartmentTable[]> {
  if (codes.length === 0) {
    return Promise.resolve([]);
  }
  return db.selectFrom('departments').selectAll().where('code', 'in', codes).execute();
}

/** The department a staff account belongs to, if any. */
export function findDepartmentOfStaff(
  db: Executor,
  staffId: string,
): Promise<DepartmentTable | undefined> {
  return db
    .selectFrom('staff')
    .innerJoin('departments', 'departments.id', 'staff.department_id')
    .selectAll('departments')
    .where('staff.id', '=', staffId)
    .executeTakeFirst();
}

/** How many active accounts a department has: the people a referral notice reaches. */
export async function countActiveAccounts(db: Executor, departmentId: string): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('department_id', '=', departmentId)
    .where('role', '=', 'department')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** When a ticket was received; the transfer limit of Art 26 counts from then. */
export function findTicketReceipt(db: Executor, ticketId: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'created_at'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
}

/** Inserts one referral. */
export async function insertReferral(db: Executor, row: Insertable<ReferralTable>): Promise<void> {
  await db.insertInto('referrals').values(row).execute();
}

/**
 * Updates a referral only while it is still in the state it was read in; false means another
 * change won.
 */
export async function updateReferralIf(
  db: Executor,
  id: string,
  expected: Partial<Pick<ReferralTable, 'status' | 'delivery_state' | 'delivery_attempts'>>,
  changes: Updateable<ReferralTable>,
): Promise<boolean> {
  let query = db.updateTable('referrals').set(changes).where('id', '=', id);
  if (expected.status) {
    query = query.where('status', '=', expected.status);
  }
  if (expected.delivery_state) {
    query = query.where('delivery_state', '=', expected.delivery_state);
  }
  if (expected.delivery_attempts !== undefined) {
    query = query.where('delivery_attempts', '=', expected.delivery_attempts);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function referralWithNames(db: Executor) {
  return db
    .selectFrom('referrals')
    .innerJoin('departments', 'departments.id', 'referrals.department_id')
    .innerJoin('staff as sender', 'sender.id', 'referrals.created_by')
    .selectAll('referrals')
    .select([
      'departments.code as department_code',
      'departments.name as department_name',
      'sender.name as sender_name',
      'sender.badge_no as sender_badge',
    ]);
}

/** One referral with its department and the officer who sent it. */
export type ReferralRecord = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

/** A referral by id. */
export function findReferral(db: Executor, id: string) {
  return referralWithNames(db).where('referrals.id', '=', id).executeTakeFirst();
}

/** The referrals of a ticket, oldest first. */
export function listReferralsOfTicket(db: Executor, ticketId: string) {
  return referralWithNames(db)
    .where('referrals.ticket_id', '=', ticketId)
    .orderBy('referrals.created_at')
    .orderBy('departments.code')
    .execute();
}

/**
 * Marks uploaded files as used, but only those not used yet; returns how many it took. A file
 * that is missing or already attached elsewhere makes the count fall short.
 */
export async function claimFiles(db: Executor, ids: readonly string[], at: string) {
  if (ids.length === 0) {
    return 0;
  }
  const result = await db
    .updateTable('files')
    .set({ attached_at: at })
    .where('id', 'in', ids)
    .where('attached_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Attaches claimed files to a referral's request or reply, in the order given. */
export async function insertReferralFiles(
  db: Executor,
  referralId: string,
  side: ReferralFileTable['side'],
  fileIds: readonly string[],
): Promise<void> {
  for (const [sort, fileId] of fileIds.entries()) {
    await db
      .insertInto('referral_files')
      .values({ referral_id: referralId, file_id: fileId, side, sort })
      .execute();
  }
}

/** The photos of some referrals, with what is needed to serve them. */
export function listReferralFiles(db: Executor, referralIds: readonly string[]) {
  if (referralIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('referral_files')
    .innerJoin('files', 'files.id', 'referral_files.file_id')
    .select([
      'referral_files.referral_id',
      'referral_files.side',
      'files.id',
      'files.width',
      'files.height',
      'files.storage_key',
      'files.mime',
    ])
    .where('referral_files.referral_id', 'in', referralIds)
    .orderBy('referral_files.side')
    .orderBy('referral_files.sort')
    .execute();
}

/**
 * A referral delivered to one department, with the ticket facts the department may read. The
 * columns are named one by one: the reporter's table is never joined (城管条例 Art 26).
 */
function departmentView(db: Executor, departmentId: string) {
  return referralWithNames(db)
    .innerJoin('tickets', 'tickets.id', 'referrals.ticket_id')
    .innerJoin('buildings', 'buildings.id', 'tickets.building_id')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'tickets.street_id')
    .innerJoin('rooms', 'rooms.id', 'tickets.room_id')
    .leftJoin('matters', 'matters.code', 'tickets.matter_code')
    .select([
      'tickets.tracking_code',
      'tickets.kind as ticket_kind',
      'tickets.matter_code',
      'tickets.description',
      'tickets.created_at as ticket_created_at',
      'matters.name as matter_name',
      'matters.name_en as matter_name_en',
      'buildings.name as building_name',
      'buildings.address as building_address',
      'communities.name as community_name',
      'streets.name as street_name',
      'rooms.name as room_name',
    ])
    .where('referrals.department_id', '=', departmentId)
    .where('referrals.delivery_state', '=', 'delivered');
}

/** One referral as its department reads it. */
export type DepartmentReferralRecord = NonNullable<
  Awaited<ReturnType<typeof findDepartmentReferral>>
>;

/** A referral delivered to this department, or undefined (also for other departments' ids). */
export function findDepartmentReferral(db: Executor, id: string, departmentId: string) {
  return departmentView(db, departmentId).where('referrals.id', '=', id).executeTakeFirst();
}

/** Which referrals a department's list shows. */
export type DepartmentFilter =
  | { statuses: readonly ReferralTable['status'][] }
  | { overdueAt: string; statuses: readonly ReferralTable['status'][] };

/** One page of a department's referrals, newest first, with the total. */
export async function listDepartmentReferrals(
  db: Executor,
  departmentId: string,
  filter: DepartmentFilter | null,
  page: { limit: number; offset: number },
) {
  let query = departmentView(db, departmentId);
  let count = db
    .selectFrom('referrals')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('department_id', '=', departmentId)
    .where('delivery_state', '=', 'delivered');
  if (filter) {
    query = query.where('referrals.status', 'in', filter.statuses);
    count = count.where('status', 'in', filter.statuses);
  }
  if (filter && 'overdueAt' in filter) {
    query = query.where('referrals.reply_due_at', '<', filter.overdueAt);
    count = count.where('reply_due_at', '<', filter.overdueAt);
  }
  const rows = await query
    .orderBy('referrals.sent_at', 'desc')
    .orderBy('referrals.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await count.executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Buildings with live placards whose name, address or community contains the text. */
export function searchBuildings(db: Executor, text: string, limit: number) {
  return db
    .selectFrom('buildings')
    .innerJoin('communities', 'communities.id', 'buildings.community_id')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .select([
      'buildings.code',
      'buildings.name',
      'buildings.address',
      'communities.name as community_name',
      'streets.name as street_name',
    ])
    .where('buildings.retired_at', 'is', null)
    .where((eb) =>
      eb.or([
        containsText(eb.ref('buildings.name'), text),
        containsText(eb.ref('buildings.address'), text),
        containsText(eb.ref('communities.name'), text),
      ]),
    )
    .orderBy('streets.sort')
    .orderBy('buildings.code')
    .limit(limit)
    .execute();
}

/** The placard token of the building with this code, if any. */
export async function findPlacardTokenOfBuilding(
  db: Executor,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('buildings')
    .select('placard_token')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.placard_token;
}

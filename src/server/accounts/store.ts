import type { CompiledQuery, InferResult, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A staff account by user name, active or not. */
export function findStaffByUsername(db: Executor, username: string) {
  return db.selectFrom('staff').selectAll().where('username', '=', username).executeTakeFirst();
}

/** A staff account with its street's name. */
export function findStaffById(db: Executor, id: string) {
  return db
    .selectFrom('staff')
    .leftJoin('streets', 'streets.id', 'staff.street_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.name',
      'staff.role',
      'staff.badge_no',
      'staff.street_id',
      'staff.active',
      'staff.mobile_masked',
      'streets.name as street_name',
    ])
    .where('staff.id', '=', id)
    .executeTakeFirst();
}

/** Stores a new session (its id is the hash of the cookie token). */
export async function insertSession(
  db: Executor,
  row: { id: string; staffId: string; at: string; expiresAt: string; secondFactor: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      staff_id: row.staffId,
      created_at: row.at,
      last_seen_at: row.at,
      expires_at: row.expiresAt,
      second_factor: row.secondFactor,
    })
    .execute();
}

/** A session by id. */
export function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

function sessionWithStaffQuery(db: Executor, id: string) {
  return db
    .selectFrom('sessions')
    .leftJoin('staff', 'staff.id', 'sessions.staff_id')
    .select([
      'sessions.staff_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.second_factor',
      'staff.role',
      'staff.street_id',
      'staff.active',
    ])
    .where('sessions.id', '=', id);
}

type SessionWithStaff = InferResult<ReturnType<typeof sessionWithStaffQuery>>[number];

// Built once per database: Kysely's building of this query took longer than reading its row, and
// it runs on every staff request. Only the bound session id changes between runs.
const sessionLookups = new WeakMap<Executor, CompiledQuery<SessionWithStaff>>();

/**
 * A session by id with what every request needs of its account, in one statement: the session
 * lookup runs on every staff request, so it is one round trip, not two. The account's columns
 * are null when the account is gone.
 */
export async function findSessionWithStaff(
  db: Executor,
  id: string,
): Promise<SessionWithStaff | undefined> {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = sessionWithStaffQuery(db, id).compile();
    if (lookup.parameters.length !== 1) {
      throw new Error('the session lookup must bind the session id alone');
    }
    sessionLookups.set(db, lookup);
  }
  const result = await db.executeQuery<SessionWithStaff>({ ...lookup, parameters: [id] });
  return result.rows[0];
}

/** Marks a session as used now (sliding idle timeout). */
export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** The stored password hash of a staff member. */
export async function findPasswordHash(db: Executor, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.password_hash;
}

/** Replaces a staff member's password hash. */
export async function updatePasswordHash(
  db: Executor,
  id: string,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: hash, password_changed_at: at })
    .where('id', '=', id)
    .execute();
}

/** Ends every session of a staff member (sign-out everywhere, a disabled account). */
export async function deleteSessionsOf(db: Executor, staffId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('staff_id', '=', staffId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Stores the failures in a row and the end of a lockout (null: not locked). */
export async function setFailures(
  db: Executor,
  id: string,
  failures: number,
  lockedUntil: string | null,
): Promise<void> {
  await db
    .updateTable('staff')
    .set({ failed_logins: failures, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute();
}

/** The TOTP state of a staff member. */
export function findTotp(db: Executor, id: string) {
  return db
    .selectFrom('staff')
    .select(['totp_secret_enc', 'totp_enabled_at', 'totp_last_step', 'totp_recovery'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Updates TOTP columns of a staff member. */
export async function updateTotp(
  db: Executor,
  id: string,
  values: {
    totp_secret_enc?: string | null;
    totp_enabled_at?: string | null;
    totp_last_step?: number | null;
    totp_recovery?: string | null;
  },
): Promise<void> {
  await db.updateTable('staff').set(values).where('id', '=', id).execute();
}

/** Ends every session of a staff member but one. */
export async function deleteOtherSessions(
  db: Executor,
  staffId: string,
  keep: string,
): Promise<void> {
  await db.deleteFrom('sessions').where('staff_id', '=', staffId).where('id', '!=', keep).execute();
}

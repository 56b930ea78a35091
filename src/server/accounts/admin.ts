// What the separate administrators do to accounts (docs/security.md, 等保 三权分立): the system
// administrator creates, disables and re-enables accounts of the business roles and sets their
// passwords; the security administrator lifts lockouts, ends sessions and resets second factors.
// Neither acts on an account of the three administrator roles through these functions, nor on
// their own account; every step is audited.
import { managedRoles, type CreateStaff, type StaffAccount } from '../../contract/auth.js';
import { recordAudit, staffActorKind, type AuditEntryInput } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/database.js';
import { AppError, fieldIssue } from '../errors.js';
import { newId } from '../ids.js';
import { assertPasswordPolicy } from './password-policy.js';
import { hashPassword } from './passwords.js';
import type { StaffActor } from './service.js';
import * as store from './store.js';

/** Accounts by user name; `locked` keeps only those locked now. */
export async function listAccounts(
  ctx: AppContext,
  filter: 'all' | 'locked',
): Promise<StaffAccount[]> {
  let query = ctx.db
    .selectFrom('staff')
    .leftJoin('streets', 'streets.id', 'staff.street_id')
    .leftJoin('departments', 'departments.id', 'staff.department_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.name',
      'staff.role',
      'staff.street_id',
      'streets.name as street_name',
      'departments.name as department_name',
      'staff.active',
      'staff.locked_until',
      'staff.failed_logins',
      'staff.totp_enabled_at',
    ])
    .orderBy('staff.username')
    .limit(2000);
  if (filter === 'locked') {
    query = query.where('staff.locked_until', '>', ctx.now().toISOString());
  }
  const rows = await query.execute();
  const now = ctx.now().toISOString();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    streetId: r.street_id,
    unit: r.street_name ?? r.department_name ?? null,
    active: r.active === 1,
    lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until : null,
    failedLogins: r.failed_logins ?? 0,
    secondFactor: Boolean(r.totp_enabled_at),
  }));
}

/** The streets an account may belong to, in their order, for the create form. */
export function listStreets(ctx: AppContext): Promise<{ id: string; name: string }[]> {
  return ctx.db.selectFrom('streets').select(['id', 'name']).orderBy('sort').execute();
}

/** The target account, refused when it is the actor's own or outside `roles`. */
async function target(db: Db, actor: StaffActor, id: string, roles?: readonly string[]) {
  const staff = await store.findStaffById(db, id);
  if (!staff) {
    throw new AppError('staff_not_found');
  }
  if (staff.id === actor.id || (roles && !roles.includes(staff.role))) {
    throw new AppError('forbidden');
  }
  return staff;
}

async function audit(
  ctx: AppContext,
  db: Parameters<typeof recordAudit>[0],
  actor: StaffActor,
  action: Parameters<typeof recordAudit>[2]['action'],
  staffId: string,
  detail?: AuditEntryInput['detail'],
) {
  await recordAudit(db, ctx, {
    actorKind: staffActorKind(actor.role),
    actorId: actor.id,
    action,
    recordType: 'staff',
    recordId: staffId,
    ...(detail ? { detail } : {}),
  });
}

/** Creates an account of a business role with a password that passes the policy. */
export async function createAccount(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateStaff,
): Promise<{ id: string }> {
  const needsStreet = input.role !== 'bureau_admin';
  if (needsStreet !== (input.streetId !== null)) {
    throw new AppError('validation_failed', [
      needsStreet
        ? fieldIssue('streetId', '该角色须选择街道', 'this role belongs to a street')
        : fieldIssue('streetId', '区局管理员不属于街道', 'a bureau admin belongs to no street'),
    ]);
  }
  if (await store.findStaffByUsername(ctx.db, input.username)) {
    throw new AppError('validation_failed', [
      fieldIssue('username', '该用户名已被使用', 'this user name is taken'),
    ]);
  }
  assertPasswordPolicy(ctx.identity, 'password', input.password, input.username);
  const id = newId();
  const at = ctx.now().toISOString();
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff')
      .values({
        id,
        username: input.username,
        password_hash: passwordHash,
        name: input.name,
        role: input.role,
        street_id: input.streetId,
        badge_no: null,
        work_phone: null,
        active: 1,
        is_demo: 0,
        created_at: at,
        password_changed_at: at,
      })
      .execute();
    await audit(ctx, trx, actor, 'staff.created', id, { role: input.role });
  });
  return { id };
}

/** Disables (every session ends at once, ASVS 7.4.2) or re-enables a business account. */
export async function setAccountActive(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  active: boolean,
): Promise<void> {
  await target(ctx.db, actor, id, managedRoles);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    const ended = active ? 0 : await store.deleteSessionsOf(trx, id);
    await audit(ctx, trx, actor, active ? 'staff.enabled' : 'staff.disabled', id, {
      sessionsEnded: ended,
    });
  });
}

/** Sets a new password for a business account; its sessions end. */
export async function resetAccountPassword(
  ctx: AppContext,
  actor: StaffActor,
  id: string,
  password: string,
): Promise<void> {
  const staff = await target(ctx.db, actor, id, managedRoles);
  assertPasswordPolicy(ctx.identity, 'password', password, staff.username);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updatePasswordHash(trx, id, hash, ctx.now().toISOString());
    await store.deleteSessionsOf(trx, id);
    await audit(ctx, trx, actor, 'staff.password_reset', id);
  });
}

/** Lifts a lockout (security administrator). */
export async function unlockAccount(ctx: AppContext, actor: StaffActor, id: string) {
  await target(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await store.setFailures(trx, id, 0, null);
    await audit(ctx, trx, actor, 'auth.unlocked', id);
  });
}

/** Ends every session of an account at once (security administrator, ASVS 7.4.5). */
export async function endAccountSessions(ctx: AppContext, actor: StaffActor, id: string) {
  await target(ctx.db, actor, id);
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await store.deleteSessionsOf(trx, id);
    await audit(ctx, trx, actor, 'auth.sessions_ended', id, { sessions: ended });
    return { ended };
  });
}

/**
 * Removes an account's authenticator (lost phone): its sessions end and its next sign-in sets
 * up a new one (security administrator).
 */
export async function resetSecondFactor(ctx: AppContext, actor: StaffActor, id: string) {
  await target(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updateTotp(trx, id, {
      totp_secret_enc: null,
      totp_enabled_at: null,
      totp_last_step: null,
      totp_recovery: null,
    });
    await store.deleteSessionsOf(trx, id);
    await audit(ctx, trx, actor, 'auth.totp_reset', id);
  });
}

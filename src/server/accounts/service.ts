import { randomBytes } from 'node:crypto';
import type { Me, StaffRole } from '../../contract/auth.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { calendarWarnings } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as store from './store.js';

/** The signed-in staff member, as every staff service receives them. */
export interface StaffActor {
  id: string;
  role: StaffRole;
  streetId: string | null;
  sessionId: string;
}

/** A hash of a password nobody has, so an unknown user costs as much time as a wrong password. */
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

/** Why a sign-in failed, for the audit trail only; the answer never says which. */
function failureOf(staff: { active: number } | undefined, passwordOk: boolean): string {
  if (!staff) {
    return 'unknown_user';
  }
  return passwordOk ? 'inactive' : 'wrong_password';
}

/**
 * Checks a user name and password and opens a new session; returns the cookie token. Both
 * outcomes are audited (等保 安全审计: success and failure); a failure notes the user name tried,
 * never the password.
 */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  requestId: string | null = null,
) {
  const staff = await store.findStaffByUsername(ctx.db, username);
  const ok = await verifyPassword(staff?.password_hash ?? (await decoyHash), password);
  if (!staff || !ok || staff.active !== 1) {
    await recordAudit(ctx.db, ctx, {
      actorKind: 'staff',
      actorId: null,
      action: 'auth.login_failed',
      recordType: 'staff',
      recordId: staff?.id ?? null,
      detail: { username, reason: failureOf(staff, ok) },
      requestId,
    });
    throw new AppError('login_failed');
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.settings.sessionAbsoluteHours * 3600_000);
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertSession(trx, {
      id: sha256Hex(token),
      staffId: staff.id,
      at: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(staff.role),
      actorId: staff.id,
      action: 'auth.login',
      recordType: 'staff',
      recordId: staff.id,
      requestId,
    });
  });
  return { token, staffId: staff.id };
}

/**
 * The staff member behind a session cookie, or null when the session is unknown, idle too long,
 * past its absolute end, or its account was disabled.
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<StaffActor | null> {
  const id = sha256Hex(token);
  const session = await store.findSession(ctx.db, id);
  if (!session) {
    return null;
  }
  const now = ctx.now();
  const idleLimit = Date.parse(session.last_seen_at) + ctx.settings.sessionIdleMinutes * 60_000;
  const staff = await store.findStaffById(ctx.db, session.staff_id);
  if (now.getTime() > idleLimit || now.toISOString() > session.expires_at || staff?.active !== 1) {
    await store.deleteSession(ctx.db, id);
    return null;
  }
  await store.touchSession(ctx.db, id, now.toISOString());
  return { id: staff.id, role: staff.role, streetId: staff.street_id, sessionId: id };
}

/** Ends a session. */
export async function logout(ctx: AppContext, actor: StaffActor): Promise<void> {
  await store.deleteSession(ctx.db, actor.sessionId);
}

/** What the workbench shows of the signed-in person. */
export async function describeMe(ctx: AppContext, actor: StaffActor): Promise<Me> {
  const staff = await store.findStaffById(ctx.db, actor.id);
  if (!staff) {
    throw new AppError('not_authenticated');
  }
  const isAdmin = staff.role === 'street_admin' || staff.role === 'bureau_admin';
  const years = isAdmin ? await calendarWarnings(ctx.db, ctx.now()) : [];
  return {
    id: staff.id,
    username: staff.username,
    name: staff.name,
    role: staff.role,
    badgeNo: staff.badge_no,
    ...(staff.role === 'department' || staff.role === 'auditor'
      ? {}
      : { mobileMasked: staff.mobile_masked ?? null }),
    street: staff.street_id ? { id: staff.street_id, name: staff.street_name ?? '' } : null,
    calendarWarnings: years.map((year) => ({ year })),
  };
}

/**
 * Changes the signed-in person's password after checking the current one; their other sessions
 * end, this one stays. The new password needs 8 characters at least and must differ from the
 * user name and the current password (length over composition, as ASVS 6.2 asks).
 */
export async function changePassword(
  ctx: AppContext,
  actor: StaffActor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const stored = await store.findPasswordHash(ctx.db, actor.id);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    throw new AppError('validation_failed', [
      fieldIssue('currentPassword', '当前密码不正确', 'the current password is wrong'),
    ]);
  }
  const staff = await store.findStaffById(ctx.db, actor.id);
  if (input.newPassword === input.currentPassword || input.newPassword === staff?.username) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'newPassword',
        '新密码不能与当前密码或用户名相同',
        'must differ from the current password and the user name',
      ),
    ]);
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updatePasswordHash(trx, actor.id, hash);
    await store.deleteOtherSessions(trx, actor.id, actor.sessionId);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'auth.password_changed',
      recordType: 'staff',
      recordId: actor.id,
    });
  });
}

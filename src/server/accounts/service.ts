import type { Me, StaffRole } from '../../contract/auth.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import { calendarWarnings } from '../calendar/service.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { assertPasswordPolicy } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as store from './store.js';

/** The signed-in staff member, as every staff service receives them. */
export interface StaffActor {
  id: string;
  role: StaffRole;
  streetId: string | null;
  sessionId: string;
}

/** How often a session's last-seen time is written while it is in use. */
const SESSION_TOUCH_MS = 60_000;

/**
 * The staff member behind a session cookie, or null when the session is unknown, idle too long,
 * past its absolute end, or its account was disabled.
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<StaffActor | null> {
  const id = sha256Hex(token);
  const session = await store.findSessionWithStaff(ctx.db, id);
  if (!session || (session.second_factor ?? 'done') !== 'done') {
    // A session still owing its second factor may only finish sign-in (second-factor.ts).
    return null;
  }
  const now = ctx.now();
  const idleLimit = Date.parse(session.last_seen_at) + ctx.settings.sessionIdleMinutes * 60_000;
  const expired = now.getTime() > idleLimit || now.toISOString() > session.expires_at;
  if (expired || session.active !== 1 || session.role === null) {
    await store.deleteSession(ctx.db, id);
    return null;
  }
  // One write a minute at most, not one per request (a write per read is what limited every
  // staff page, docs/performance.md); a session idles out at most a minute early for it.
  if (now.getTime() - Date.parse(session.last_seen_at) >= SESSION_TOUCH_MS) {
    await store.touchSession(ctx.db, id, now.toISOString());
  }
  return { id: session.staff_id, role: session.role, streetId: session.street_id, sessionId: id };
}

/** Ends a session at once: the cookie is worth nothing afterwards (ASVS 7.4.1). */
export async function logout(
  ctx: AppContext,
  actor: StaffActor,
  requestId: string | null = null,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await store.deleteSession(trx, actor.sessionId);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'auth.logout',
      recordType: 'staff',
      recordId: actor.id,
      requestId,
    });
  });
}

/** Whether a role handles tickets and so registers a mobile for notifications. */
export function receivesNotifications(role: StaffRole): boolean {
  return role === 'liaison' || role === 'street_admin' || role === 'bureau_admin';
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
    ...(!receivesNotifications(staff.role) ? {} : { mobileMasked: staff.mobile_masked ?? null }),
    street: staff.street_id ? { id: staff.street_id, name: staff.street_name ?? '' } : null,
    calendarWarnings: years.map((year) => ({ year })),
  };
}

/**
 * Changes the signed-in person's password after checking the current one; their other sessions
 * end, this one stays. The new password must pass the policy (password-policy.ts) and differ
 * from the current one.
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
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation_failed', [
      fieldIssue(
        'newPassword',
        '新密码不能与当前密码相同',
        'must differ from the current password',
      ),
    ]);
  }
  assertPasswordPolicy(ctx.identity, 'newPassword', input.newPassword, staff?.username ?? '');
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await store.updatePasswordHash(trx, actor.id, hash, ctx.now().toISOString());
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

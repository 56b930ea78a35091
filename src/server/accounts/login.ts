// Staff sign-in (docs/security.md): the per-address throttle, the account lockout after repeated
// failures, a new session id at every sign-in, and the TOTP step that admin roles owe before the
// session may do anything. Every outcome is audited (等保 安全审计), never with a password.
import { randomBytes } from 'node:crypto';
import { secondFactorRoles } from '../../contract/auth.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { charge, refuseIfExhausted, type Charge } from '../rate-limits/service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { registerFailure } from './second-factor.js';
import * as store from './store.js';

/** What a sign-in step owes next: nothing, the authenticator code, or setting one up. */
export type SignInStep = 'done' | 'totp' | 'enrol';

/** A session just opened: the cookie token, whose it is and the step it still owes. */
export interface OpenedSession {
  token: string;
  staffId: string;
  step: SignInStep;
}

/** How long a session waiting for its second factor lives. */
const PENDING_MINUTES = 10;

/** A hash of a password nobody has, so an unknown user costs as much time as a wrong password. */
const decoyHash = hashPassword(randomBytes(16).toString('hex'));

/** The throttle of one client address: failed sign-ins in any 10 minutes. */
function addressThrottle(ctx: AppContext, address: string): Charge {
  const max = ctx.identity.loginAttemptsPerAddress10Min;
  return {
    limits: [{ bucket: 'login_address', max, windowSeconds: 600 }],
    value: address,
    field: 'username',
  };
}

/** Opens a session (a new random id, never one the client brought) owing `step`. */
export async function openSession(
  ctx: AppContext,
  trx: Parameters<typeof store.insertSession>[0],
  staffId: string,
  step: SignInStep,
): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const lifetimeMs =
    step === 'done' ? ctx.settings.sessionAbsoluteHours * 3600_000 : PENDING_MINUTES * 60_000;
  await store.insertSession(trx, {
    id: sha256Hex(token),
    staffId,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
    secondFactor: step,
  });
  return { token, staffId, step };
}

/** Why a sign-in failed, for the audit trail only; the answer never says which. */
function failureOf(
  staff: { active: number } | undefined,
  passwordOk: boolean,
  locked: boolean,
): string {
  if (!staff) {
    return 'unknown_user';
  }
  if (locked) {
    return 'locked';
  }
  return passwordOk ? 'inactive' : 'wrong_password';
}

/**
 * Checks a user name and password and opens a new session. A wrong password, an unknown user, a
 * disabled or a locked account all get the same 401 `login_failed`, so the answer never tells
 * whether a user name exists; LOGIN_LOCK_FAILURES wrong passwords in a row lock the account for
 * LOGIN_LOCK_MINUTES. Admin roles get a session that owes the TOTP step (or its enrolment).
 */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; address: string; previousToken?: string },
  requestId: string | null = null,
): Promise<OpenedSession> {
  const throttle = addressThrottle(ctx, input.address);
  await ctx.db.transaction().execute((trx) => refuseIfExhausted(ctx, trx, throttle));
  const staff = await store.findStaffByUsername(ctx.db, input.username);
  const ok = await verifyPassword(staff?.password_hash ?? (await decoyHash), input.password);
  const now = ctx.now().toISOString();
  const locked = (staff?.locked_until ?? '') > now;
  if (!staff || !ok || staff.active !== 1 || locked) {
    await ctx.db.transaction().execute(async (trx) => {
      await charge(ctx, trx, [throttle]);
      await recordAudit(trx, ctx, {
        actorKind: 'staff',
        actorId: null,
        action: 'auth.login_failed',
        recordType: 'staff',
        recordId: staff?.id ?? null,
        detail: { username: input.username, reason: failureOf(staff, ok, locked) },
        requestId,
      });
      if (staff && !ok && !locked && staff.active === 1) {
        await registerFailure(ctx, trx, staff, requestId);
      }
    });
    throw new AppError('login_failed');
  }
  const step: SignInStep = secondFactorRoles.includes(staff.role)
    ? staff.totp_enabled_at
      ? 'totp'
      : 'enrol'
    : 'done';
  return ctx.db.transaction().execute(async (trx) => {
    if (input.previousToken) {
      // Whatever session the browser brought ends here: no fixation (ASVS 7.2.4).
      await store.deleteSession(trx, sha256Hex(input.previousToken));
    }
    if ((staff.failed_logins ?? 0) > 0 || staff.locked_until) {
      await store.setFailures(trx, staff.id, 0, null);
    }
    const opened = await openSession(ctx, trx, staff.id, step);
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(staff.role),
      actorId: staff.id,
      action: step === 'done' ? 'auth.login' : 'auth.password_accepted',
      recordType: 'staff',
      recordId: staff.id,
      ...(step === 'done' ? {} : { detail: { next: step } }),
      requestId,
    });
    return opened;
  });
}

// The second sign-in step of admin roles (等保 身份鉴别 d, ASVS 6.3.3): setting up an
// authenticator at the first sign-in, then a TOTP code (or a one-time recovery code) at every
// sign-in. Wrong codes count towards the same lockout as wrong passwords (ASVS 6.6.3). The
// secret is stored encrypted under DATA_KEY (src/server/crypto/data-cipher.ts).
import type { Transaction } from 'kysely';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { openSession, type OpenedSession, type SignInStep } from './login.js';
import * as store from './store.js';
import { acceptedTotpStep, newRecoveryCodes, newTotpSecret, totpEnrolment } from './totp.js';

type Staff = NonNullable<Awaited<ReturnType<typeof store.findStaffByUsername>>>;

/**
 * Counts one failure (wrong password or code) of an account and locks it after
 * LOGIN_LOCK_FAILURES in a row, ending every session it has (a waiting one included).
 */
export async function registerFailure(
  ctx: AppContext,
  trx: Transaction<Database>,
  staff: Pick<Staff, 'id' | 'role' | 'failed_logins'>,
  requestId: string | null,
): Promise<void> {
  const failures = (staff.failed_logins ?? 0) + 1;
  if (failures < ctx.identity.lockFailures) {
    await store.setFailures(trx, staff.id, failures, null);
    return;
  }
  const until = new Date(ctx.now().getTime() + ctx.identity.lockMinutes * 60_000).toISOString();
  await store.setFailures(trx, staff.id, 0, until);
  await store.deleteSessionsOf(trx, staff.id);
  await recordAudit(trx, ctx, {
    actorKind: staffActorKind(staff.role),
    actorId: null,
    action: 'auth.locked',
    recordType: 'staff',
    recordId: staff.id,
    detail: { failures, until },
    requestId,
  });
}

/** The account behind a session that still owes `step`, or a 401 `not_authenticated`. */
async function pendingStaff(ctx: AppContext, token: string | undefined, step: SignInStep) {
  const session = token ? await store.findSession(ctx.db, sha256Hex(token)) : undefined;
  const now = ctx.now().toISOString();
  if (!session || session.second_factor !== step || now > session.expires_at) {
    throw new AppError('not_authenticated');
  }
  const staff = await store.findStaffById(ctx.db, session.staff_id);
  const full = staff ? await store.findStaffByUsername(ctx.db, staff.username) : undefined;
  if (!full || full.active !== 1 || (full.locked_until ?? '') > now) {
    throw new AppError('not_authenticated');
  }
  return { sessionId: session.id, staff: full };
}

function recoveryHash(ctx: AppContext, code: string): string {
  return ctx.cipher.mac('totp-recovery', code).toString('hex');
}

/** Ends the waiting session and opens a full one under a new id; audits the sign-in. */
async function finish(
  ctx: AppContext,
  trx: Transaction<Database>,
  pending: { sessionId: string; staff: Staff },
  how: string,
  requestId: string | null,
): Promise<OpenedSession> {
  await store.deleteSession(trx, pending.sessionId);
  await store.setFailures(trx, pending.staff.id, 0, null);
  const opened = await openSession(ctx, trx, pending.staff.id, 'done');
  await recordAudit(trx, ctx, {
    actorKind: staffActorKind(pending.staff.role),
    actorId: pending.staff.id,
    action: 'auth.login',
    recordType: 'staff',
    recordId: pending.staff.id,
    detail: { secondFactor: how },
    requestId,
  });
  return opened;
}

/** Refuses a wrong code: counted, audited, 401 `second_factor_failed`. */
async function refuseCode(ctx: AppContext, staff: Staff, requestId: string | null): Promise<never> {
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(staff.role),
      actorId: staff.id,
      action: 'auth.second_factor_failed',
      recordType: 'staff',
      recordId: staff.id,
      requestId,
    });
    await registerFailure(ctx, trx, staff, requestId);
  });
  throw new AppError('second_factor_failed');
}

/**
 * Checks the authenticator code (or a recovery code, which is then used up) of a session that
 * owes it, and replaces that session with a full one.
 */
export async function verifySecondFactor(
  ctx: AppContext,
  token: string | undefined,
  code: string,
  requestId: string | null = null,
): Promise<OpenedSession> {
  const pending = await pendingStaff(ctx, token, 'totp');
  const staff = pending.staff;
  if (code.includes('-')) {
    const left = JSON.parse(staff.totp_recovery ?? '[]') as string[];
    const hash = recoveryHash(ctx, code);
    if (!left.includes(hash)) {
      return refuseCode(ctx, staff, requestId);
    }
    return ctx.db.transaction().execute(async (trx) => {
      const rest = JSON.stringify(left.filter((h) => h !== hash));
      await store.updateTotp(trx, staff.id, { totp_recovery: rest });
      return finish(ctx, trx, pending, 'recovery_code', requestId);
    });
  }
  const secret = ctx.cipher.decrypt(staff.totp_secret_enc ?? '');
  const step = acceptedTotpStep(secret, code, ctx.now(), staff.totp_last_step ?? null);
  if (step === null) {
    return refuseCode(ctx, staff, requestId);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await store.updateTotp(trx, staff.id, { totp_last_step: step });
    return finish(ctx, trx, pending, 'totp', requestId);
  });
}

/** Starts (or restarts) setting up an authenticator: a new secret, its URI and QR code. */
export async function startEnrolment(ctx: AppContext, token: string | undefined) {
  const { staff } = await pendingStaff(ctx, token, 'enrol');
  const secret = newTotpSecret();
  await store.updateTotp(ctx.db, staff.id, {
    totp_secret_enc: ctx.cipher.encrypt(secret),
    totp_enabled_at: null,
  });
  return totpEnrolment(secret, staff.username);
}

/**
 * Confirms the authenticator with its first code: the second factor is on from now, the
 * session becomes a full one, and the recovery codes are answered this once.
 */
export async function confirmEnrolment(
  ctx: AppContext,
  token: string | undefined,
  code: string,
  requestId: string | null = null,
): Promise<OpenedSession & { recoveryCodes: string[] }> {
  const pending = await pendingStaff(ctx, token, 'enrol');
  const staff = pending.staff;
  if (!staff.totp_secret_enc) {
    throw new AppError('transition_refused');
  }
  const secret = ctx.cipher.decrypt(staff.totp_secret_enc);
  const step = acceptedTotpStep(secret, code, ctx.now(), null);
  if (step === null) {
    return refuseCode(ctx, staff, requestId);
  }
  const recoveryCodes = newRecoveryCodes();
  const opened = await ctx.db.transaction().execute(async (trx) => {
    await store.updateTotp(trx, staff.id, {
      totp_enabled_at: ctx.now().toISOString(),
      totp_last_step: step,
      totp_recovery: JSON.stringify(recoveryCodes.map((c) => recoveryHash(ctx, c))),
    });
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(staff.role),
      actorId: staff.id,
      action: 'auth.totp_enrolled',
      recordType: 'staff',
      recordId: staff.id,
      requestId,
    });
    return finish(ctx, trx, pending, 'totp', requestId);
  });
  return { ...opened, recoveryCodes };
}

// An officer's own mobile number, where their notifications go (assigned, soon due, overdue).
// It is personal data: encrypted under DATA_KEY, shown masked, never printed on a placard (the
// public work phone is). Each officer registers their own; the demo seed gives demo officers one.
import { maskPhone } from '../../domain/personal-data.js';
import { recordAudit, staffActorKind } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { DataCipher } from '../crypto/data-cipher.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { receivesNotifications, type StaffActor } from './service.js';

/** Registers (or with null removes) the signed-in officer's mobile; answers it masked. */
export async function setOwnMobile(
  ctx: AppContext,
  actor: StaffActor,
  mobile: string | null,
  requestId: string | null = null,
): Promise<{ mobileMasked: string | null }> {
  if (!receivesNotifications(actor.role)) {
    // Only officers receive ticket notifications.
    throw new AppError('forbidden');
  }
  const masked = mobile === null ? null : maskPhone(mobile);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({
        mobile_enc: mobile === null ? null : ctx.cipher.encrypt(mobile),
        mobile_masked: masked,
      })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(trx, ctx, {
      actorKind: staffActorKind(actor.role),
      actorId: actor.id,
      action: 'auth.mobile_changed',
      recordType: 'staff',
      recordId: actor.id,
      detail: { mobile: mobile === null ? 'removed' : 'set' },
      requestId,
    });
  });
  return { mobileMasked: masked };
}

/**
 * Gives every demo liaison and street admin without a mobile an invented one (1380000 and four
 * digits, in user-name order), so that notifications to officers can be tried on the demo.
 * Demo numbers are invented and may belong to real people: never send real SMS to demo data.
 */
export async function seedDemoMobiles(db: Db, cipher: DataCipher): Promise<number> {
  const officers = await db
    .selectFrom('staff')
    .select(['id', 'username'])
    .where('is_demo', '=', 1)
    .where('role', 'in', ['liaison', 'street_admin'])
    .where('mobile_enc', 'is', null)
    .orderBy('username')
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const [i, officer] of officers.entries()) {
      const mobile = `1380000${String(i + 1).padStart(4, '0')}`;
      await trx
        .updateTable('staff')
        .set({ mobile_enc: cipher.encrypt(mobile), mobile_masked: maskPhone(mobile) })
        .where('id', '=', officer.id)
        .execute();
    }
  });
  return officers.length;
}

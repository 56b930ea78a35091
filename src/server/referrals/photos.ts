// Photos of a referral: uploaded through the photo pipeline (sniffed, re-encoded, stripped of
// metadata), then claimed by a request or a reply. The same request photos may go to several
// departments; each destination lists them as its own.
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import type { ReferralPhoto } from './present.js';
import * as store from './store.js';

/** Claims uploaded photos for a request or reply; each must exist and be unused. */
export async function claimPhotos(
  trx: Transaction<Database>,
  photoIds: readonly string[],
  at: string,
): Promise<void> {
  const unique = new Set(photoIds);
  const claimed = await store.claimFiles(trx, [...unique], at);
  if (claimed !== photoIds.length || unique.size !== photoIds.length) {
    // The transaction rolls back, so no photo stays claimed by a refused request.
    throw new AppError('photo_not_found', [
      fieldIssue('photoIds', '照片不存在或已使用', 'no such photo, or already used'),
    ]);
  }
}

/** The photos of some referrals, by referral id. */
export async function photosOfReferrals(
  ctx: AppContext,
  referralIds: readonly string[],
): Promise<Map<string, ReferralPhoto[]>> {
  const rows = await store.listReferralFiles(ctx.db, referralIds);
  const byReferral = new Map<string, ReferralPhoto[]>();
  for (const r of rows) {
    const list = byReferral.get(r.referral_id) ?? [];
    list.push({ id: r.id, width: r.width, height: r.height, side: r.side });
    byReferral.set(r.referral_id, list);
  }
  return byReferral;
}

/** The bytes of one photo of a referral, or photo_not_found. */
export async function readReferralPhoto(ctx: AppContext, referralId: string, photoId: string) {
  const rows = await store.listReferralFiles(ctx.db, [referralId]);
  const row = rows.find((r) => r.id === photoId);
  const bytes = row ? await ctx.storage.get(row.storage_key) : null;
  if (!row || !bytes) {
    throw new AppError('photo_not_found');
  }
  return { bytes, mime: row.mime };
}

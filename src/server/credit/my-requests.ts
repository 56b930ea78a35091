// Credit-repair applications as "my requests" lists them (src/contract/my-requests.ts): found by
// the keyed digest of the applicant's phone, or by the receipt code; only the decision number,
// the status and the private status page's address, never personal data.
import type { MyRequestItem } from '../../contract/my-requests.js';
import type { AppContext } from '../context.js';
import type { CreditRepairTable } from '../db/schema.js';
import { accessTokenOf } from './apply.js';
import * as store from './store.js';

function itemOf(ctx: AppContext, r: CreditRepairTable): MyRequestItem {
  return {
    source: 'credit_repair',
    receiptCode: r.receipt_code,
    kind: 'credit_repair',
    title: r.decision_no,
    status: r.status,
    createdAt: r.submitted_at,
    followPath: `/credit/r/${accessTokenOf(ctx, r.id)}`,
  };
}

/** The applications filed with the phone of this digest (residentPhoneDigest), newest first. */
export async function creditRepairsByPhoneDigest(
  ctx: AppContext,
  digest: string,
): Promise<MyRequestItem[]> {
  const rows = await store.listRepairsByPhoneDigest(ctx.db, digest);
  return rows.map((r) => itemOf(ctx, r));
}

/**
 * The application of a receipt code as typed (case, spaces and full-width forms do not matter),
 * or null when none has it.
 */
export async function creditRepairByReceipt(
  ctx: AppContext,
  code: string,
): Promise<MyRequestItem | null> {
  const normalised = code.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (!/^XF-[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(normalised)) {
    return null;
  }
  const r = await store.findRepairByReceipt(ctx.db, normalised);
  return r ? itemOf(ctx, r) : null;
}

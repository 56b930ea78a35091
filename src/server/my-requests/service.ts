// "My requests" (我的诉求): every request of a verified phone across the sources, and the one
// request of a receipt code. Only MyRequestItem leaves: no phone, no name, no description.
import type { MyRequestItem, ReceiptStatus } from '../../contract/my-requests.js';
import type { AppContext } from '../context.js';
import { AppError, fieldIssue } from '../errors.js';
import { charge } from '../rate-limits/service.js';
import { normalizeReceiptCode } from './receipt-code.js';
import { myRequestSources } from './sources.js';

/** Every request of the phone of this digest, in every source, newest first. */
export async function requestsOfPhone(
  ctx: AppContext,
  phoneDigest: string,
): Promise<MyRequestItem[]> {
  const lists = await Promise.all(myRequestSources.map((s) => s.byPhoneDigest(ctx, phoneDigest)));
  return lists
    .flat()
    .sort(
      (a, b) =>
        b.createdAt.localeCompare(a.createdAt) || a.receiptCode.localeCompare(b.receiptCode),
    );
}

/**
 * The request of a receipt code, typed in any case, with spaces or full-width characters; a 404
 * that says nothing more when no source knows it. Counted per client address first, so codes
 * cannot be guessed in bulk. The follow page's address is left out: see receiptStatusSchema.
 */
export async function requestOfReceipt(
  ctx: AppContext,
  typed: string,
  address: string,
): Promise<ReceiptStatus> {
  const limits = [
    {
      bucket: 'receipt_address' as const,
      max: ctx.myRequests.receiptsPerAddress10Min,
      windowSeconds: 600,
    },
  ];
  await ctx.db
    .transaction()
    .execute((trx) => charge(ctx, trx, [{ value: address, field: 'code', limits }]));
  const code = normalizeReceiptCode(typed);
  const found = await Promise.all(myRequestSources.map((s) => s.byReceipt(ctx, code)));
  const item = found.find((i) => i !== null);
  if (!item) {
    throw new AppError('not_found', [
      fieldIssue('code', '没有找到这个回执编号的诉求', 'no request has this receipt code'),
    ]);
  }
  const { source, receiptCode, kind, title, status, createdAt } = item;
  return { source, receiptCode, kind, title, status, createdAt };
}

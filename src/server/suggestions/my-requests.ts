// Suggestions as "my requests" (我的诉求) lists them: found by the proposer's verified phone (its
// keyed digest) or by the receipt code, each with the address of its private status page.
import type { MyRequestItem } from '../../contract/my-requests.js';
import type { AppContext } from '../context.js';
import { normalizeReceiptCode } from './rules.js';
import * as store from './store.js';
import type { SuggestionRecord } from './store.js';
import { suggestionFollowPath } from './submission.js';

function itemOf(ctx: AppContext, s: SuggestionRecord): MyRequestItem {
  return {
    source: 'suggestion',
    receiptCode: s.receipt_code,
    kind: 'suggestion',
    title: s.topic,
    status: s.status,
    createdAt: s.created_at,
    followPath: suggestionFollowPath(ctx, s.id),
  };
}

/**
 * The suggestions whose proposer left the phone with this digest (residentPhoneDigest), newest
 * first.
 */
export async function suggestionsByPhoneDigest(
  ctx: AppContext,
  digest: string,
): Promise<MyRequestItem[]> {
  const rows = await store.listSuggestionsByPhoneDigest(ctx.db, digest);
  return rows.map((s) => itemOf(ctx, s));
}

/** The suggestion with this receipt code (such as JY-932CE-GSYTP, any case), or null. */
export async function suggestionByReceipt(
  ctx: AppContext,
  code: string,
): Promise<MyRequestItem | null> {
  const s = await store.findSuggestionByReceipt(ctx.db, normalizeReceiptCode(code));
  return s ? itemOf(ctx, s) : null;
}

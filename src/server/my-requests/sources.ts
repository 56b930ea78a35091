// Where "my requests" looks: every kind of record a resident files with a phone and a receipt
// code. A new kind plugs in with one line: its two functions, each returning MyRequestItem.
import type { MyRequestItem } from '../../contract/my-requests.js';
import type { AppContext } from '../context.js';
import { creditRepairByReceipt, creditRepairsByPhoneDigest } from '../credit/my-requests.js';
import { suggestionByReceipt, suggestionsByPhoneDigest } from '../suggestions/my-requests.js';
import { ticketByReceipt, ticketsByPhoneDigest } from './ticket-source.js';

/** One kind of resident record, found by the verified phone's digest or by a receipt code. */
export interface MyRequestSource {
  /**
   * Every record filed with the phone of this digest (residentPhoneDigest,
   * src/server/crypto/phone-digest.ts), in every state.
   */
  byPhoneDigest(ctx: AppContext, phoneDigest: string): Promise<MyRequestItem[]>;
  /**
   * The record of a receipt code, or null when the code is not one of this source's. The code
   * comes normalised (receipt-code.ts): NFKC, upper case, groups joined by one '-'; a source whose
   * codes have fixed groups may also accept it typed without dashes.
   */
  byReceipt(ctx: AppContext, code: string): Promise<MyRequestItem | null>;
}

/** The sources, asked in this order; every one is asked for every lookup. */
export const myRequestSources: readonly MyRequestSource[] = [
  { byPhoneDigest: ticketsByPhoneDigest, byReceipt: ticketByReceipt },
  { byPhoneDigest: suggestionsByPhoneDigest, byReceipt: suggestionByReceipt },
  { byPhoneDigest: creditRepairsByPhoneDigest, byReceipt: creditRepairByReceipt },
];

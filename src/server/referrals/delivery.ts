// Delivering a referral notice to its department. Departments work referrals in their own
// workbench view, so the notice is delivered when the referral row is written and the department
// has someone to read it: an active account. With none, delivery fails for that destination
// alone, and an officer retries it once the department has an account again.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import * as store from './store.js';

/** The outcome of one delivery attempt. */
export type Delivery = { ok: true } | { ok: false; error: DeliveryError };

/** Why a delivery failed; stored as the referral's last error and translated in the workbench. */
export type DeliveryError = 'no_active_account';

/** Tries to deliver a referral notice to one department, inside the caller's transaction. */
export async function deliverToDepartment(
  trx: Kysely<Database> | Transaction<Database>,
  departmentId: string,
): Promise<Delivery> {
  const readers = await store.countActiveAccounts(trx, departmentId);
  return readers > 0 ? { ok: true } : { ok: false, error: 'no_active_account' };
}

import type { StaffAccount } from '../../../contract/auth';

/** The accounts whose user name or name contains the words searched for, in any case. */
export function matchingAccounts(items: readonly StaffAccount[], search: string): StaffAccount[] {
  const words = search.trim().toLowerCase();
  return items.filter((a) => `${a.username} ${a.name}`.toLowerCase().includes(words));
}

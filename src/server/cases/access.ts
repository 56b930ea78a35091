import type { StaffRole } from '../../contract/auth.js';
import type { CaseRelation } from '../../domain/case-machine.js';
import type { StaffActor } from '../accounts/service.js';
import type { CaseScope } from './store.js';

/**
 * The accounts that work cases: the liaisons and the admin of a street for its cases, the bureau
 * admin for all. Partner departments and auditors have none (auditors read the audit trail).
 */
export const caseRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** How a staff member stands to a case of a street; 'unrelated' means not theirs to see. */
export function caseRelationOf(actor: StaffActor, streetId: string): CaseRelation {
  if (actor.role === 'bureau_admin') {
    return 'bureau_admin';
  }
  if (actor.streetId !== streetId) {
    return 'unrelated';
  }
  if (actor.role === 'street_admin') {
    return 'street_admin';
  }
  return actor.role === 'liaison' ? 'officer' : 'unrelated';
}

/** The cases a staff member's list shows. */
export function caseScopeOf(actor: StaffActor): CaseScope {
  return actor.role === 'bureau_admin' ? { all: true } : { streetId: actor.streetId ?? '-' };
}

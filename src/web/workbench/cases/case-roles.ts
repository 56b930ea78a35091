import type { StaffRole } from '../../../contract/auth';

/** Who works cases (src/server/cases/access.ts): officers; departments and auditors do not. */
export const caseRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

import { Navigate } from 'react-router';

import { useMe } from '../auth/auth-context';
import { WorkbenchHome } from '../referrals/department-menu';

/** Where the administrators without an inbox start: the pages of their own functions. */
const homes: Partial<Record<string, string>> = {
  auditor: '/workbench/audit',
  security_admin: '/workbench/security/lockouts',
  system_admin: '/workbench/admin/staff',
};

/**
 * The start page of each role: an auditor reads the audit trail, the security admin the locked
 * accounts, the system admin the staff accounts (docs/security.md); a
 * department account goes to its referrals and everyone else to the inbox (WorkbenchHome).
 */
export function RoleHome() {
  const me = useMe();
  const home = homes[me.role];
  return home ? <Navigate to={home} replace /> : <WorkbenchHome />;
}

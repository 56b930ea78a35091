import { Navigate } from 'react-router';

import { useMe } from '../auth/auth-context';
import { WorkbenchHome } from '../referrals/department-menu';

/**
 * The start page of each role: an auditor reads the audit trail and has no inbox; a department
 * account goes to its referrals and everyone else to the inbox (WorkbenchHome decides those).
 */
export function RoleHome() {
  const me = useMe();
  return me.role === 'auditor' ? <Navigate to="/workbench/audit" replace /> : <WorkbenchHome />;
}

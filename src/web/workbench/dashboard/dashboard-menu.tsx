import { Link } from 'react-router';

import type { StaffRole } from '../../../contract/auth';
import { dashboardRoles } from '../../../contract/dashboard';
import type { Translate } from '../../i18n/translate';

/** The menu key of a path of the dashboard or the surveys, or null for other pages. */
export function dashboardMenuKey(pathname: string): string | null {
  for (const key of ['dashboard', 'surveys']) {
    if (pathname.startsWith(`/workbench/${key}`)) {
      return key;
    }
  }
  return null;
}

/** The dashboard and survey menu items of the roles that see them. */
export function dashboardMenuItems(t: Translate, role: StaffRole) {
  if (!dashboardRoles.includes(role)) {
    return [];
  }
  return [
    {
      key: 'dashboard',
      label: (
        <Link to="/workbench/dashboard" data-testid="menu-dashboard">
          {t('dashboard.menu')}
        </Link>
      ),
    },
    {
      key: 'surveys',
      label: (
        <Link to="/workbench/surveys" data-testid="menu-surveys">
          {t('surveys.menu')}
        </Link>
      ),
    },
  ];
}

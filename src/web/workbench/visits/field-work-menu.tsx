import { Link } from 'react-router';

import type { StaffRole } from '../../../contract/auth';
import type { Translate } from '../../i18n/translate';

/** The roles whose menu shows visits and meetings: the officers, not departments or auditors. */
const fieldWorkRoles: readonly StaffRole[] = ['liaison', 'street_admin', 'bureau_admin'];

/** The menu tabs visits and meetings for an officer; none for other roles. */
export function fieldWorkMenuItems(t: Translate, role: StaffRole) {
  if (!fieldWorkRoles.includes(role)) {
    return [];
  }
  return [
    {
      key: 'visits',
      label: (
        <Link to="/workbench/visits" data-testid="menu-visits">
          {t('menu.visits')}
        </Link>
      ),
    },
    {
      key: 'meetings',
      label: (
        <Link to="/workbench/meetings" data-testid="menu-meetings">
          {t('menu.meetings')}
        </Link>
      ),
    },
  ];
}

/** The menu key of a visit or meeting page, or null for any other page. */
export function fieldWorkMenuKey(pathname: string): string | null {
  if (pathname.startsWith('/workbench/visits')) {
    return 'visits';
  }
  return pathname.startsWith('/workbench/meetings') ? 'meetings' : null;
}

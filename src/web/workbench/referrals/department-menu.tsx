import { Link, Navigate } from 'react-router';

import type { Translate } from '../../i18n/translate';
import { useMe } from '../auth/auth-context';
import { InboxPage } from '../inbox/inbox-page';

/** The whole menu of a department account: its referrals and the clue form, nothing else. */
export function departmentMenuItems(t: Translate) {
  return [
    {
      key: 'referrals',
      label: (
        <Link to="/workbench/referrals" data-testid="menu-referrals">
          {t('menu.referrals')}
        </Link>
      ),
    },
    {
      key: 'clue',
      label: (
        <Link to="/workbench/clues/new" data-testid="menu-clue">
          {t('menu.clue')}
        </Link>
      ),
    },
  ];
}

/** The menu key of a department page, or null for any other page. */
export function departmentMenuKey(pathname: string): string | null {
  if (pathname.startsWith('/workbench/referrals')) {
    return 'referrals';
  }
  return pathname.startsWith('/workbench/clues') ? 'clue' : null;
}

/** The start page: the inbox for officers, the referrals for a department account. */
export function WorkbenchHome() {
  const me = useMe();
  return me.role === 'department' ? <Navigate to="/workbench/referrals" replace /> : <InboxPage />;
}

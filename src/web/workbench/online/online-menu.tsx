import { Link } from 'react-router';

import type { StaffRole } from '../../../contract/auth';
import type { Translate } from '../../i18n/translate';

/** One page of the online section's management in the workbench menu. */
interface OnlineMenuEntry {
  /** The menu key and the path under /workbench/. */
  key: string;
  /** The core locale key of the label. */
  label: string;
  roles: readonly StaffRole[];
}

/** Who manages which part of the online section; each part adds its own line. */
const onlineEntries: readonly OnlineMenuEntry[] = [
  // Officers read the catalogue they work by; only the bureau admin edits it.
  { key: 'matters', label: 'menu.matters', roles: ['liaison', 'street_admin', 'bureau_admin'] },
  { key: 'qa', label: 'menu.qa', roles: ['liaison', 'street_admin', 'bureau_admin'] },
  { key: 'education', label: 'menu.education', roles: ['liaison', 'street_admin', 'bureau_admin'] },
  { key: 'suggestions', label: 'menu.suggestions', roles: ['street_admin', 'bureau_admin'] },
  { key: 'credit', label: 'menu.credit', roles: ['street_admin', 'bureau_admin'] },
];

/** The online-section submenu with the parts this role manages; none when it manages none. */
export function onlineMenuItems(t: Translate, role: StaffRole) {
  const children = onlineEntries
    .filter((entry) => entry.roles.includes(role))
    .map((entry) => ({
      key: entry.key,
      label: (
        <Link to={`/workbench/${entry.key}`} data-testid={`menu-${entry.key}`}>
          {t(entry.label)}
        </Link>
      ),
    }));
  return children.length === 0
    ? []
    : [{ key: 'online', label: t('menu.online'), children, popupClassName: 'wb-online-menu' }];
}

/** The menu key of a page of the online section, or null for any other page. */
export function onlineMenuKey(pathname: string): string | null {
  const entry = onlineEntries.find((item) => pathname.startsWith(`/workbench/${item.key}`));
  return entry ? entry.key : null;
}

import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';

import type { StaffRole } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { onlineMenuItems, onlineMenuKey } from '../online/online-menu';
import { departmentMenuItems, departmentMenuKey } from '../referrals/department-menu';
import { groupedMenuKey, groupsFor } from './menu-entries';

/** The key of the page shown, for the highlight; null for the password page of the user menu. */
function selectedKey(pathname: string): string | null {
  const key = departmentMenuKey(pathname) ?? onlineMenuKey(pathname) ?? groupedMenuKey(pathname);
  if (key) {
    return key;
  }
  return pathname.startsWith('/workbench/password') ? null : 'inbox';
}

function groupItems(t: Translate, role: StaffRole) {
  return groupsFor(role).map((group) => ({
    key: group.key,
    label: <span data-testid={`menu-group-${group.key}`}>{t(group.label)}</span>,
    popupClassName: `wb-menu-popup wb-menu-popup-${group.key}`,
    children: group.entries.map((entry) => ({
      key: entry.key,
      label: (
        <Link to={`/workbench/${entry.key}`} data-testid={`menu-${entry.key}`}>
          {t(entry.label)}
        </Link>
      ),
    })),
  }));
}

/** The officer's menu: the inbox, the online section, then the groups of related pages. */
function officerItems(t: Translate, role: StaffRole) {
  // The administrators (audit, security, system) have no tickets to work.
  const inbox =
    role === 'auditor' || role === 'security_admin' || role === 'system_admin'
      ? []
      : [
          {
            key: 'inbox',
            label: (
              <Link to="/workbench" data-testid="menu-inbox">
                {t('menu.inbox')}
              </Link>
            ),
          },
        ];
  const groups = groupItems(t, role);
  return [
    ...inbox,
    ...groups.filter((g) => g.key === 'field'),
    ...onlineMenuItems(t, role),
    ...groups.filter((g) => g.key !== 'field'),
  ];
}

/** The top menu of the workbench for the signed-in role; a department sees its own two pages. */
export function WorkbenchMenu({ role }: { role: StaffRole }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const items = role === 'department' ? departmentMenuItems(t) : officerItems(t, role);
  const selected = selectedKey(pathname);
  return (
    <Menu
      mode="horizontal"
      theme="dark"
      selectedKeys={selected ? [selected] : []}
      items={items}
      // Every top entry stays in sight; the groups keep the row short enough for 1366 px.
      disabledOverflow
      className="wb-menu"
    />
  );
}

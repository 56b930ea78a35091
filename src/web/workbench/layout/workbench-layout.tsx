import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';

import { assessmentReaderRoles } from '../../../contract/assessment';
import { auditReaderRoles } from '../../../contract/audit';
import { mediationRoles } from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';
import { caseRoles } from '../cases/case-roles';
import { dashboardMenuItems, dashboardMenuKey } from '../dashboard/dashboard-menu';
import { departmentMenuItems, departmentMenuKey } from '../referrals/department-menu';
import { onlineMenuItems, onlineMenuKey } from '../online/online-menu';
import { fieldWorkMenuItems, fieldWorkMenuKey } from '../visits/field-work-menu';
import { CalendarWarning } from './calendar-warning';
import { UserBar } from './user-bar';

function selectedKey(pathname: string): string | null {
  const departmentKey = departmentMenuKey(pathname);
  if (departmentKey) {
    return departmentKey;
  }
  const fieldWorkKey = fieldWorkMenuKey(pathname);
  if (fieldWorkKey) {
    return fieldWorkKey;
  }
  const onlineKey = onlineMenuKey(pathname);
  if (onlineKey) {
    return onlineKey;
  }
  const dashboardKey = dashboardMenuKey(pathname);
  if (dashboardKey) {
    return dashboardKey;
  }
  for (const key of [
    'calendar',
    'policies',
    'notifications',
    'audit',
    'placards',
    'mediations',
    'cases',
    'buildings',
    'assessment',
  ]) {
    if (pathname.startsWith(`/workbench/${key}`)) {
      return key;
    }
  }
  // The password page belongs to the user menu, not to a tab.
  return pathname.startsWith('/workbench/password') ? null : 'inbox';
}

/** Header with menu and the officer, the calendar warning for admins, then the page. */
export function WorkbenchLayout() {
  const { t } = useI18n();
  const me = useMe();
  const { pathname } = useLocation();
  const officerItems = [
    // An auditor reads the audit trail only; the tickets are not theirs to work.
    ...(me.role === 'auditor'
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
        ]),
    ...fieldWorkMenuItems(t, me.role),
    ...dashboardMenuItems(t, me.role),
    ...(caseRoles.includes(me.role)
      ? [
          {
            key: 'cases',
            label: (
              <Link to="/workbench/cases" data-testid="menu-cases">
                {t('menu.cases')}
              </Link>
            ),
          },
        ]
      : []),
    ...((mediationRoles as readonly string[]).includes(me.role)
      ? [
          {
            key: 'mediations',
            label: (
              <Link to="/workbench/mediations" data-testid="menu-mediations">
                {t('menu.mediations')}
              </Link>
            ),
          },
        ]
      : []),
    ...(me.role === 'liaison' || me.role === 'street_admin' || me.role === 'bureau_admin'
      ? [
          {
            key: 'placards',
            label: (
              <Link to="/workbench/placards" data-testid="menu-placards">
                {t('menu.placards')}
              </Link>
            ),
          },
        ]
      : []),
    ...(me.role === 'liaison' || me.role === 'street_admin' || me.role === 'bureau_admin'
      ? [
          {
            key: 'buildings',
            label: (
              <Link to="/workbench/buildings" data-testid="menu-buildings">
                {t('menu.buildings')}
              </Link>
            ),
          },
        ]
      : []),
    ...onlineMenuItems(t, me.role),
    ...(me.role === 'bureau_admin'
      ? [
          {
            key: 'calendar',
            label: (
              <Link to="/workbench/calendar" data-testid="menu-calendar">
                {t('menu.calendar')}
              </Link>
            ),
          },
          {
            key: 'policies',
            label: (
              <Link to="/workbench/policies" data-testid="menu-policies">
                {t('menu.policies')}
              </Link>
            ),
          },
        ]
      : []),
    ...(me.role === 'bureau_admin' || me.role === 'street_admin'
      ? [
          {
            key: 'notifications',
            label: (
              <Link to="/workbench/notifications" data-testid="menu-notifications">
                {t('menu.notifications')}
              </Link>
            ),
          },
        ]
      : []),
    ...(assessmentReaderRoles.includes(me.role)
      ? [
          {
            key: 'assessment',
            label: (
              <Link to="/workbench/assessment" data-testid="menu-assessment">
                {t('menu.assessment')}
              </Link>
            ),
          },
        ]
      : []),
    ...(auditReaderRoles.includes(me.role)
      ? [
          {
            key: 'audit',
            label: (
              <Link to="/workbench/audit" data-testid="menu-audit">
                {t('menu.audit')}
              </Link>
            ),
          },
        ]
      : []),
  ];
  // A department account sees only what was referred to it, and the clue form.
  const items = me.role === 'department' ? departmentMenuItems(t) : officerItems;
  const selected = selectedKey(pathname);

  return (
    <Layout className="wb-layout">
      <Layout.Header className="wb-header">
        <Link to="/workbench" className="wb-brand">
          <span className="wb-brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span className="wb-brand-name">{t('workbench.title')}</span>
        </Link>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={selected ? [selected] : []}
          items={items}
          // Every tab stays in sight and the row wraps, rather than hiding tabs behind "…".
          disabledOverflow
          className="wb-menu"
        />
        <UserBar />
      </Layout.Header>
      <Layout.Content className="wb-content">
        <CalendarWarning />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

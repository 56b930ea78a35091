import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';
import { CalendarWarning } from './calendar-warning';
import { UserBar } from './user-bar';

function selectedKey(pathname: string): string {
  return pathname.startsWith('/workbench/calendar') ? 'calendar' : 'inbox';
}

/** Header with menu and the officer, the calendar warning for admins, then the page. */
export function WorkbenchLayout() {
  const { t } = useI18n();
  const me = useMe();
  const { pathname } = useLocation();
  const items = [
    {
      key: 'inbox',
      label: (
        <Link to="/workbench" data-testid="menu-inbox">
          {t('menu.inbox')}
        </Link>
      ),
    },
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
        ]
      : []),
  ];

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
          selectedKeys={[selectedKey(pathname)]}
          items={items}
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

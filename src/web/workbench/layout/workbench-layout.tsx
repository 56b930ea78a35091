import { Layout } from 'antd';
import { Link, Outlet } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';
import { CalendarWarning } from './calendar-warning';
import { UserBar } from './user-bar';
import { WorkbenchMenu } from './workbench-menu';

/** Header with menu and the officer, the calendar warning for admins, then the page. */
export function WorkbenchLayout() {
  const { t } = useI18n();
  const me = useMe();

  return (
    <Layout className="wb-layout">
      <Layout.Header className="wb-header">
        <Link to="/workbench" className="wb-brand">
          <span className="wb-brand-mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <span className="wb-brand-name">{t('workbench.title')}</span>
        </Link>
        <WorkbenchMenu role={me.role} />
        <UserBar />
      </Layout.Header>
      <Layout.Content className="wb-content">
        <CalendarWarning />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

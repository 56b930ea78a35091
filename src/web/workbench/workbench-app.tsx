import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Route, Routes } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { PasswordPage } from './account/password-page';
import { AuditPage } from './audit/audit-page';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { CalendarPage } from './calendar/calendar-page';
import { RoleHome } from './layout/role-home';
import { WorkbenchLayout } from './layout/workbench-layout';
import { LoginPage } from './login-page';
import { NotificationsPage } from './notifications/notifications-page';
import { CluePage } from './referrals/clue-page';
import { DepartmentReferralPage } from './referrals/department-referral-page';
import { DepartmentReferralsPage } from './referrals/department-referrals-page';
import { TicketDetailPage } from './ticket/ticket-detail-page';
import { workbenchTheme } from './workbench-theme';
import './workbench.css';

/** The officers' workbench: antd, desktop first, under /workbench. */
export default function WorkbenchApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={workbenchTheme}>
      <AntApp>
        <AuthProvider>
          <Routes>
            <Route path="login" element={<LoginPage />} />
            <Route element={<RequireAuth />}>
              <Route element={<WorkbenchLayout />}>
                <Route index element={<RoleHome />} />
                <Route path="tickets/:id" element={<TicketDetailPage />} />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="password" element={<PasswordPage />} />
                <Route path="referrals" element={<DepartmentReferralsPage />} />
                <Route path="referrals/:id" element={<DepartmentReferralPage />} />
                <Route path="clues/new" element={<CluePage />} />
                <Route path="*" element={<RoleHome />} />
              </Route>
            </Route>
          </Routes>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

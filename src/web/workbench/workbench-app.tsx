import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Route, Routes } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { PasswordPage } from './account/password-page';
import { AssessmentPage } from './assessment/assessment-page';
import { AuditPage } from './audit/audit-page';
import { LockoutsPage } from './security/lockouts-page';
import { SecurityAccountsPage } from './security/accounts-page';
import { StaffPage } from './admin/staff-page';
import { AuthProvider } from './auth/auth-context';
import { BuildingFilePage } from './buildings/building-file-page';
import { BuildingsPage } from './buildings/buildings-page';
import { RequireAuth } from './auth/require-auth';
import { CalendarPage } from './calendar/calendar-page';
import { CaseDetailPage } from './cases/case-detail-page';
import { CaseListPage } from './cases/case-list-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { DashboardRecordsPage } from './dashboard/records-page';
import { SurveysPage } from './surveys/surveys-page';
import { CreditDetailPage } from './credit/credit-detail-page';
import { CreditListPage } from './credit/credit-list-page';
import { RegisterCasePage } from './cases/register-page';
import { RoleHome } from './layout/role-home';
import { WorkbenchLayout } from './layout/workbench-layout';
import { LoginPage } from './login-page';
import { MatterDetailPage } from './matters/matter-detail-page';
import { MattersPage } from './matters/matters-page';
import { MediationPage } from './mediations/mediation-page';
import { MediationsPage } from './mediations/mediations-page';
import { NotificationsPage } from './notifications/notifications-page';
import { PlacardsPage } from './placards/placards-page';
import { PoliciesPage } from './policies/policies-page';
import { CluePage } from './referrals/clue-page';
import { DepartmentReferralPage } from './referrals/department-referral-page';
import { DepartmentReferralsPage } from './referrals/department-referrals-page';
import { TicketDetailPage } from './ticket/ticket-detail-page';
import { MeetingDetailPage } from './meetings/meeting-detail-page';
import { MeetingFormPage } from './meetings/meeting-form-page';
import { MeetingsPage } from './meetings/meetings-page';
import { VisitDetailPage } from './visits/visit-detail-page';
import { VisitFormPage } from './visits/visit-form-page';
import { VisitsPage } from './visits/visits-page';
import { QaListPage } from './qa/qa-list-page';
import { SuggestionDetailPage } from './suggestions/suggestion-detail-page';
import { SuggestionsPage } from './suggestions/suggestions-page';
import { Open311KeysPage } from './open311/open311-keys-page';
import { EducationPage } from './education/education-page';
import { EventFormPage } from './education/event-form-page';
import { ItemEditorPage } from './education/item-editor-page';
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
                <Route path="dashboard" element={<DashboardPage />} />
                <Route path="dashboard/records" element={<DashboardRecordsPage />} />
                <Route path="surveys" element={<SurveysPage />} />
                <Route path="policies" element={<PoliciesPage />} />
                <Route path="audit" element={<AuditPage />} />
                <Route path="security/lockouts" element={<LockoutsPage />} />
                <Route path="security/accounts" element={<SecurityAccountsPage />} />
                <Route path="admin/staff" element={<StaffPage />} />
                <Route path="assessment" element={<AssessmentPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="password" element={<PasswordPage />} />
                <Route path="referrals" element={<DepartmentReferralsPage />} />
                <Route path="referrals/:id" element={<DepartmentReferralPage />} />
                <Route path="clues/new" element={<CluePage />} />
                <Route path="mediations" element={<MediationsPage />} />
                <Route path="mediations/:id" element={<MediationPage />} />
                <Route path="placards" element={<PlacardsPage />} />
                <Route path="cases" element={<CaseListPage />} />
                <Route path="cases/new" element={<RegisterCasePage />} />
                <Route path="cases/:id" element={<CaseDetailPage />} />
                <Route path="visits" element={<VisitsPage />} />
                <Route path="visits/new" element={<VisitFormPage />} />
                <Route path="visits/:id" element={<VisitDetailPage />} />
                <Route path="meetings" element={<MeetingsPage />} />
                <Route path="meetings/new" element={<MeetingFormPage />} />
                <Route path="meetings/:id" element={<MeetingDetailPage />} />
                <Route path="buildings" element={<BuildingsPage />} />
                <Route path="buildings/:id" element={<BuildingFilePage />} />
                <Route path="matters" element={<MattersPage />} />
                <Route path="matters/:code" element={<MatterDetailPage />} />
                <Route path="education" element={<EducationPage />} />
                <Route path="education/new" element={<ItemEditorPage />} />
                <Route path="education/events/new" element={<EventFormPage />} />
                <Route path="education/events/:id" element={<EventFormPage />} />
                <Route path="education/:id" element={<ItemEditorPage />} />
                <Route path="credit" element={<CreditListPage />} />
                <Route path="credit/:id" element={<CreditDetailPage />} />
                <Route path="qa" element={<QaListPage />} />
                <Route path="suggestions" element={<SuggestionsPage />} />
                <Route path="suggestions/:id" element={<SuggestionDetailPage />} />
                <Route path="open311" element={<Open311KeysPage />} />
                <Route path="*" element={<RoleHome />} />
              </Route>
            </Route>
          </Routes>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

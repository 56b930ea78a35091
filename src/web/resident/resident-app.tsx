import { Route, Routes } from 'react-router';

import './resident.css';
import { CreditPage } from './credit/credit-page';
import { CreditStatusPage } from './credit/credit-status-page';
import { FollowPage } from './follow/follow-page';
import { GuidePage } from './guide/guide-page';
import { LandingPage } from './landing-page';
import { LearnEventsPage } from './learn/learn-events-page';
import { LearnItemPage } from './learn/learn-item-page';
import { LearnListPage } from './learn/learn-list-page';
import { MatterDetailPage } from './matters/matter-detail-page';
import { MattersListPage } from './matters/matters-list-page';
import { MinePage } from './mine/mine-page';
import { NotFoundPage } from './not-found-page';
import { OnlinePage } from './online/online-page';
import { PlacardPage } from './placard/placard-page';
import { QaDetailPage } from './qa/qa-detail-page';
import { QaListPage } from './qa/qa-list-page';
import { CampaignPage } from './suggest/campaign-page';
import { SuggestionStatusPage } from './suggest/status-page';
import { SuggestPage } from './suggest/suggest-page';
import { ResidentShell } from './resident-shell';
import { SurveyPage } from './survey/survey-page';

/** The resident chunk: plain React and one CSS file, small enough for a phone on 4G. */
export default function ResidentApp() {
  return (
    <ResidentShell>
      <Routes>
        <Route index element={<LandingPage />} />
        <Route path="b/:token" element={<PlacardPage />} />
        <Route path="t/:accessToken" element={<FollowPage />} />
        <Route path="matters" element={<MattersListPage />} />
        <Route path="matters/:code" element={<MatterDetailPage />} />
        <Route path="mine" element={<MinePage />} />
        <Route path="online" element={<OnlinePage />} />
        <Route path="guide" element={<GuidePage />} />
        <Route path="learn" element={<LearnListPage />} />
        <Route path="learn/events" element={<LearnEventsPage />} />
        <Route path="learn/:id" element={<LearnItemPage />} />
        <Route path="qa" element={<QaListPage />} />
        <Route path="qa/:id" element={<QaDetailPage />} />
        <Route path="suggest" element={<SuggestPage />} />
        <Route path="suggest/campaigns/:id" element={<CampaignPage />} />
        <Route path="suggest/r/:token" element={<SuggestionStatusPage />} />
        <Route path="credit" element={<CreditPage />} />
        <Route path="credit/r/:token" element={<CreditStatusPage />} />
        <Route path="survey/:campaignId" element={<SurveyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ResidentShell>
  );
}

import { Route, Routes } from 'react-router';

import './resident.css';
import { FollowPage } from './follow/follow-page';
import { LandingPage } from './landing-page';
import { NotFoundPage } from './not-found-page';
import { PlacardPage } from './placard/placard-page';
import { ResidentShell } from './resident-shell';

/** The resident chunk: plain React and one CSS file, small enough for a phone on 4G. */
export default function ResidentApp() {
  return (
    <ResidentShell>
      <Routes>
        <Route index element={<LandingPage />} />
        <Route path="b/:token" element={<PlacardPage />} />
        <Route path="t/:accessToken" element={<FollowPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ResidentShell>
  );
}

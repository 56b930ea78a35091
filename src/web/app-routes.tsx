import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { PageLoading } from './shared/page-loading';

// Two lazy chunks: residents on phones never download the workbench and its antd.
const loadResident = () => import('./resident/resident-app');
const loadWorkbench = () => import('./workbench/workbench-app');

const ResidentApp = lazy(loadResident);
const WorkbenchApp = lazy(loadWorkbench);

/** Starts fetching the chunk of the current address while the language loads. */
export function preloadRoute(pathname: string): void {
  void (pathname.startsWith('/workbench') ? loadWorkbench() : loadResident());
}

/** The top of the router: /workbench/* for officers, everything else for residents. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/workbench/*" element={<WorkbenchApp />} />
        <Route path="/*" element={<ResidentApp />} />
      </Routes>
    </Suspense>
  );
}

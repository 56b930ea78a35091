import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';

import { useI18n } from './i18n/i18n-context';
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

/** Shows the workbench once its messages are loaded (a resident page loads only its own). */
function WithWorkbenchMessages({ children }: { children: ReactNode }) {
  const { part, loadAll } = useI18n();
  useEffect(() => {
    loadAll();
  }, [loadAll]);
  return part === 'all' ? children : <PageLoading />;
}

/** The top of the router: /workbench/* for officers, everything else for residents. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route
          path="/workbench/*"
          element={
            <WithWorkbenchMessages>
              <WorkbenchApp />
            </WithWorkbenchMessages>
          }
        />
        <Route path="/*" element={<ResidentApp />} />
      </Routes>
    </Suspense>
  );
}

import { Button, Result } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { PageLoading } from '../../shared/page-loading';
import { useAuth } from './auth-context';

/** Lets signed-in officers through; everyone else goes to the login page and comes back after. */
export function RequireAuth() {
  const { state, refresh } = useAuth();
  const i18n = useI18n();
  const location = useLocation();

  if (state.status === 'loading') {
    return <PageLoading />;
  }
  if (state.status === 'anonymous') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/workbench/login" replace state={{ from }} />;
  }
  if (state.status === 'failed') {
    return (
      <Result
        status="warning"
        title={i18n.t('workbench.me_failed')}
        subTitle={errorText(i18n, state.error)}
        extra={
          <Button type="primary" onClick={refresh}>
            {i18n.t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <Outlet />;
}

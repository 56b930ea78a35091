import { useCallback, useEffect, useState } from 'react';

import type { MyRequestItem } from '../../../contract/my-requests';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText } from '../../shared/error-text';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { DeviceReceipts } from './device-receipts';
import { fetchMyRequests, logout } from './mine-api';
import { PhoneVerify } from './phone-verify';
import { ReceiptLookup } from './receipt-lookup';
import { RequestList } from './request-list';
import { rememberVerified, seemsVerified } from './verified-flag';
import './mine.css';

type View =
  | { state: 'ask'; notice: 'expired' | 'logged_out' | null }
  | { state: 'loading' }
  | { state: 'list'; items: MyRequestItem[] }
  | { state: 'failed'; error: unknown };

/** /mine — "my requests": by a receipt code, or every request of a phone verified by SMS. */
export function MinePage() {
  const i18n = useI18n();
  const { t } = i18n;
  useDocumentTitle('mine.title');
  const [view, setView] = useState<View>(() =>
    seemsVerified() ? { state: 'loading' } : { state: 'ask', notice: null },
  );

  const load = useCallback(async () => {
    setView({ state: 'loading' });
    try {
      const list = await fetchMyRequests();
      rememberVerified(list.sessionExpiresAt);
      setView({ state: 'list', items: list.items });
    } catch (error) {
      const expired = error instanceof ApiError && error.code === 'not_authenticated';
      rememberVerified(null);
      setView(expired ? { state: 'ask', notice: 'expired' } : { state: 'failed', error });
    }
  }, []);

  useEffect(() => {
    if (seemsVerified()) {
      void load();
    }
  }, [load]);

  const leave = async () => {
    rememberVerified(null);
    await logout().catch(() => null);
    setView({ state: 'ask', notice: 'logged_out' });
  };

  return (
    <>
      <section className="r-hero">
        <h1>{t('mine.title')}</h1>
        <p>{t('mine.lead')}</p>
      </section>
      {view.state === 'ask' && view.notice ? (
        <p className="r-card r-done" role="status" data-testid="mine-notice">
          {t(`mine.notice.${view.notice}`)}
        </p>
      ) : null}
      {view.state === 'loading' ? <PageLoading /> : null}
      {view.state === 'failed' ? (
        <div className="r-card r-form-error" role="alert">
          <p>{errorText(i18n, view.error)}</p>
          <button type="button" className="r-button" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {view.state === 'list' ? (
        <RequestList items={view.items} onLogout={() => void leave()} />
      ) : null}
      {view.state === 'ask' ? <PhoneVerify onVerified={() => void load()} /> : null}
      <ReceiptLookup />
      <DeviceReceipts />
    </>
  );
}

import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../shared/error-text';

interface LoadFailedProps {
  error: unknown;
  onRetry: () => void;
}

/** A page that could not load for a reason other than a bad link: network, server, rate limit. */
export function LoadFailed({ error, onRetry }: LoadFailedProps) {
  const i18n = useI18n();
  return (
    <section className="r-card r-notice r-notice-warning" role="alert">
      <h1 className="r-notice-title">{i18n.t('resident.load_failed.title')}</h1>
      <p>{errorText(i18n, error)}</p>
      <div className="r-actions">
        <button type="button" className="r-button r-button-primary" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      </div>
    </section>
  );
}

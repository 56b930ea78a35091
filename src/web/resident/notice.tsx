import { Link } from 'react-router';

import { useI18n } from '../i18n/i18n-context';

interface NoticeProps {
  titleKey: string;
  bodyKey: string;
  /** A second paragraph, e.g. what to do next. */
  hintKey?: string;
  tone?: 'info' | 'warning';
  onRetry?: () => void;
}

/** A friendly full-page message with the way back to the landing page, instead of an error dump. */
export function Notice({ titleKey, bodyKey, hintKey, tone = 'info', onRetry }: NoticeProps) {
  const { t } = useI18n();
  return (
    <section className={`r-card r-notice r-notice-${tone}`} data-testid="resident-notice">
      <h1 className="r-notice-title">{t(titleKey)}</h1>
      <p>{t(bodyKey)}</p>
      {hintKey ? <p className="r-muted">{t(hintKey)}</p> : null}
      <div className="r-actions">
        {onRetry ? (
          <button type="button" className="r-button r-button-primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ) : null}
        <Link to="/" className="r-button" data-testid="landing-link">
          {t('resident.back_to_landing')}
        </Link>
      </div>
    </section>
  );
}

import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';

/**
 * "Ask a question": no answer found, so ask the liaison of one's building through the service
 * guide.
 */
export function AskCard() {
  const { t } = useI18n();
  return (
    <section className="r-card qa-ask" aria-labelledby="qa-ask-title">
      <h2 id="qa-ask-title">{t('qa.ask.title')}</h2>
      <p>{t('qa.ask.body')}</p>
      <Link to="/guide" className="r-button r-button-primary r-button-block" data-testid="qa-ask">
        {t('qa.ask.button')}
      </Link>
    </section>
  );
}

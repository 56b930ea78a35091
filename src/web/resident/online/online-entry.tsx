import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';

/** A card that leads to the online section, for the landing page and the building page. */
export function OnlineEntry() {
  const { t } = useI18n();
  return (
    <section className="r-card" aria-labelledby="online-entry-title">
      <h2 id="online-entry-title">{t('online.entry.title')}</h2>
      <p>{t('online.entry.body')}</p>
      <Link to="/online" className="r-button r-button-block" data-testid="online-link">
        {t('online.entry.link')}
      </Link>
    </section>
  );
}

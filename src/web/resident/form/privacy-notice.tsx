import { useI18n } from '../../i18n/i18n-context';

const points = ['anonymous', 'who_sees', 'phone', 'reported_party'] as const;

/** Who sees what, in plain words, right above the submit button. */
export function PrivacyNotice() {
  const { t } = useI18n();
  return (
    <section className="r-privacy" aria-labelledby="privacy-title" data-testid="privacy-notice">
      <h3 id="privacy-title">{t('form.privacy.title')}</h3>
      <ul>
        {points.map((point) => (
          <li key={point}>{t(`form.privacy.${point}`)}</li>
        ))}
      </ul>
    </section>
  );
}

import { useI18n } from '../../i18n/i18n-context';

const classes = ['minor', 'general', 'serious'] as const;
const conditions = ['period', 'obligation', 'commitment'] as const;
const materials = [
  'application_form',
  'commitment_letter',
  'identity',
  'business_licence',
  'legal_representative',
  'authorization',
  'performance_proof',
] as const;

/** What credit repair is, its classes and periods, its conditions and materials. */
export function CreditRules() {
  const { t } = useI18n();
  return (
    <>
      <section className="r-card" aria-labelledby="cr-classes">
        <h2 id="cr-classes">{t('credit.rules.classes_title')}</h2>
        <dl className="cr-classes">
          {classes.map((c) => (
            <div key={c} className="cr-class" data-testid={`credit-rule-${c}`}>
              <dt>{t(`credit.class.${c}`)}</dt>
              <dd>{t(`credit.rules.class_${c}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="r-muted">{t('credit.rules.period_note')}</p>
      </section>
      <section className="r-card" aria-labelledby="cr-conditions">
        <h2 id="cr-conditions">{t('credit.rules.conditions_title')}</h2>
        <ul className="cr-list">
          {conditions.map((c) => (
            <li key={c}>{t(`credit.rules.condition_${c}`)}</li>
          ))}
        </ul>
      </section>
      <section className="r-card" aria-labelledby="cr-materials">
        <h2 id="cr-materials">{t('credit.rules.materials_title')}</h2>
        <ul className="cr-list">
          {materials.map((m) => (
            <li key={m}>
              <strong>{t(`credit.item.${m}`)}</strong> {t(`credit.item_hint.${m}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="r-card" aria-labelledby="cr-window">
        <h2 id="cr-window">{t('credit.rules.window_title')}</h2>
        <p>{t('credit.rules.window_body')}</p>
        <a
          className="r-button cr-link"
          href="https://www.creditchina.gov.cn"
          target="_blank"
          rel="noopener noreferrer"
          data-testid="credit-china-link"
        >
          {t('credit.rules.window_link')}
        </a>
      </section>
    </>
  );
}

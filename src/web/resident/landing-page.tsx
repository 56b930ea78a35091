import { ticketKinds } from '../../contract/tickets';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../shared/use-document-title';
import { OnlineEntry } from './online/online-entry';

const steps = ['scan', 'choose', 'describe', 'follow'] as const;

/** What Linli is and how to use the placard on a building; links officers to the workbench. */
export function LandingPage() {
  const { t } = useI18n();
  useDocumentTitle('app.name');
  return (
    <>
      <section className="r-hero">
        <h1>{t('landing.title')}</h1>
        <p>{t('landing.lead')}</p>
      </section>

      <OnlineEntry />

      <section className="r-card">
        <h2>{t('landing.how.title')}</h2>
        <ol className="r-steps">
          {steps.map((step) => (
            <li key={step}>
              <strong>{t(`landing.how.${step}.title`)}</strong>
              <span>{t(`landing.how.${step}.body`)}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="r-card">
        <h2>{t('landing.kinds.title')}</h2>
        <dl className="r-kind-list">
          {ticketKinds.map((kind) => (
            <div key={kind}>
              <dt>{t(`ticket.kind.${kind}`)}</dt>
              <dd>{t(`ticket.kind_hint.${kind}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="r-card">
        <h2>{t('landing.privacy.title')}</h2>
        <p>{t('landing.privacy.body')}</p>
      </section>

      <section className="r-card r-staff-entry r-secondary">
        <h2>{t('landing.staff.title')}</h2>
        <p className="r-muted">{t('landing.staff.body')}</p>
        <a href="/workbench" className="r-button" data-testid="workbench-link">
          {t('landing.staff.link')}
        </a>
      </section>
    </>
  );
}

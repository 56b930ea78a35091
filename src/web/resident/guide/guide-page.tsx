import './guide.css';
import { servicePath } from '../../../domain/service-path';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { PlaceSearch } from './place-search';
import { RequestKinds } from './request-kinds';
import { ServicePathDiagram } from './service-path-diagram';
import { ServicePathSteps } from './service-path-steps';

// Read once from the ticket machine: the page draws the rules the server enforces.
const path = servicePath();

/** /guide — the service guide: find your room, what to ask for, how it travels. */
export function GuidePage() {
  const { t } = useI18n();
  useDocumentTitle('guide.title');
  return (
    <>
      <section className="r-hero">
        <h1>{t('guide.title')}</h1>
        <p>{t('guide.lead')}</p>
      </section>
      <PlaceSearch />
      <RequestKinds />
      <section className="r-card" aria-labelledby="guide-path-title">
        <h2 id="guide-path-title">{t('guide.path.title')}</h2>
        <p>{t('guide.path.lead')}</p>
        <div className="r-secondary">
          <ServicePathDiagram path={path} />
          <p className="r-muted">{t('guide.path.scroll_hint')}</p>
        </div>
        <h3>{t('guide.path.steps_title')}</h3>
        <ServicePathSteps path={path} />
      </section>
    </>
  );
}

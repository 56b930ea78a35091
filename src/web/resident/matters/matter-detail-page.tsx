import { Link, useParams } from 'react-router';

import { unverifiedMark, type PublicMatter } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { learnPath } from './learn-path';
import { fetchPublicMatter } from './matters-api';
import './matters.css';

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/**
 * Who handles the matter: the urban-management bureau (chengguan), or the body a resident should go
 * to instead.
 */
function Handling({ matter }: { matter: PublicMatter }) {
  const { t } = useI18n();
  if (matter.handledByChengguan) {
    return (
      <section className="r-card" data-testid="matter-handling">
        <h2>{t('matters.public.handling_title')}</h2>
        <p className="m-badge m-badge-ours">{t('matters.public.ours')}</p>
        <p>{t('matters.public.handling_body', { body: matter.handlingBody })}</p>
      </section>
    );
  }
  return (
    <section className="r-card m-elsewhere" data-testid="matter-handling">
      <h2>{t('matters.public.handling_title')}</h2>
      <p className="m-badge m-badge-elsewhere">{t('matters.public.not_ours')}</p>
      <p>{t('matters.public.go_to', { body: matter.handlingBody })}</p>
    </section>
  );
}

function Education({ matter }: { matter: PublicMatter }) {
  const { t } = useI18n();
  if (matter.education === '' && matter.educationTopic === null) {
    return null;
  }
  return (
    <section className="r-card" data-testid="matter-education">
      <h2>{t('matters.public.education_title')}</h2>
      {matter.education ? <p data-testid="matter-education-text">{matter.education}</p> : null}
      {matter.educationTopic ? (
        <a className="r-button" href={learnPath(matter.educationTopic)} data-testid="matter-learn">
          {t('matters.public.learn_link', {
            topic: t(`education.topic.${matter.educationTopic}`),
          })}
        </a>
      ) : null}
    </section>
  );
}

/** Whether a text of the matter is marked as not yet checked against the published list. */
function unverified(m: PublicMatter): boolean {
  return [m.prohibitionBasis, m.penaltyBasis, m.penaltyRange, m.handlingBody].some((text) =>
    text.includes(unverifiedMark),
  );
}

function MatterView({ matter }: { matter: PublicMatter }) {
  const { t, locale } = useI18n();
  return (
    <>
      <section className="r-hero">
        <p className="r-hero-kicker">{t('matters.public.kicker', { code: matter.code })}</p>
        <h1 data-testid="matter-name">{locale === 'en' ? matter.nameEn : matter.name}</h1>
        {locale === 'en' ? null : <p lang="en">{matter.nameEn}</p>}
      </section>
      <section className="r-card">
        <h2>{t('matters.public.basis_title')}</h2>
        <dl className="r-facts m-facts">
          <Fact
            label={t('matters.public.prohibition_basis')}
            value={matter.prohibitionBasis}
            testId="matter-prohibition"
          />
          <Fact
            label={t('matters.public.penalty_basis')}
            value={matter.penaltyBasis}
            testId="matter-penalty-basis"
          />
          <Fact
            label={t('matters.public.penalty_range')}
            value={matter.penaltyRange}
            testId="matter-penalty-range"
          />
        </dl>
        {unverified(matter) ? (
          <p className="r-muted m-note">{t('matters.public.unverified_note')}</p>
        ) : null}
      </section>
      <Handling matter={matter} />
      <Education matter={matter} />
      <section className="r-card">
        <h2>{t('matters.public.ask_title')}</h2>
        <p>{t('matters.public.ask_body')}</p>
        <div className="r-actions">
          <Link to="/guide" className="r-button r-button-primary" data-testid="matter-ask">
            {t('matters.public.ask_link')}
          </Link>
          <Link to="/matters" className="r-button" data-testid="matters-back">
            {t('matters.public.back')}
          </Link>
        </div>
      </section>
    </>
  );
}

/** /matters/:code — one matter: its legal basis, penalty, who handles it, education, asking. */
export function MatterDetailPage() {
  const { code = '' } = useParams();
  const { resource, reload } = useResource(code, (signal) => fetchPublicMatter(code, signal));
  const name = resource.state === 'ready' ? resource.data.name : '';
  useDocumentTitle(name ? 'matters.public.title_of' : 'matters.public.title', { name });

  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.code === 'not_found') {
      return (
        <Notice
          titleKey="matters.public.missing_title"
          bodyKey="matters.public.missing_body"
          hintKey="matters.public.missing_hint"
        />
      );
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  return <MatterView matter={resource.data} />;
}

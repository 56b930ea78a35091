import { Link, useParams } from 'react-router';

import type { ResidentSuggestion } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { fetchMySuggestion } from './suggest-api';
import { formatDay } from './suggest-labels';
import './suggest.css';

function Steps({ s }: { s: ResidentSuggestion }) {
  const { t } = useI18n();
  const steps = [
    { key: 'received', at: s.createdAt },
    { key: 'accepted', at: s.acceptedAt, due: s.acceptanceDueAt },
    { key: 'handling', at: s.handledAt },
    { key: 'decided', at: s.decidedAt, due: s.completionDueAt },
  ];
  return (
    <ol className="sg-steps" data-testid="suggest-steps">
      {steps.map((step) => (
        <li key={step.key} className={step.at ? 'sg-done' : undefined}>
          {t(`suggest.status.step.${step.key}`)}
          {' · '}
          {step.at
            ? formatDay(step.at)
            : step.due
              ? t('suggest.status.due', { date: formatDay(step.due) })
              : t('suggest.status.pending')}
        </li>
      ))}
    </ol>
  );
}

function Outcome({ s }: { s: ResidentSuggestion }) {
  const { t } = useI18n();
  if (s.status === 'personal_claim') {
    return (
      <section className="r-card" data-testid="suggest-claim">
        <h2>{t('suggest.status.claim_title')}</h2>
        <p className="sg-text">{s.claimReason}</p>
        {s.ticketFollowPath ? (
          <Link to={s.ticketFollowPath} className="r-button r-button-primary r-button-block">
            {t('suggest.status.claim_ticket')}
          </Link>
        ) : (
          <Link to="/guide" className="r-button">
            {t('suggest.form.own.to_guide')}
          </Link>
        )}
      </section>
    );
  }
  if (!s.adoptionLevel) {
    return null;
  }
  return (
    <section className="r-card" data-testid="suggest-outcome">
      <h2>{t('suggest.status.outcome')}</h2>
      <p className="sg-level" data-testid="suggest-level">
        {t(`suggest.level.${s.adoptionLevel}`)}
      </p>
      <h3>{t('suggest.adopted.feedback')}</h3>
      <p className="sg-text" data-testid="suggest-feedback">
        {s.feedback}
      </p>
    </section>
  );
}

/** /suggest/r/:token — the proposer's own suggestion, its steps and the decision with feedback. */
export function SuggestionStatusPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const { resource, reload } = useResource(token, (signal) => fetchMySuggestion(token, signal));
  useDocumentTitle('suggest.status.title');
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.code === 'not_found') {
      return <Notice titleKey="suggest.status.gone_title" bodyKey="suggest.status.gone_body" />;
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const s = resource.data;
  return (
    <>
      <section className="r-card">
        <h1>{t('suggest.status.title')}</h1>
        <p>
          {t('suggest.receipt.code')}{' '}
          <strong data-testid="suggest-status-code">{s.receiptCode}</strong>
        </p>
        <p data-testid="suggest-status">{t(`suggest.state.${s.status}`)}</p>
        <Steps s={s} />
      </section>
      <Outcome s={s} />
      <section className="r-card">
        <h2>{s.topic}</h2>
        {s.campaign ? (
          <p className="r-muted">
            <Link to={`/suggest/campaigns/${encodeURIComponent(s.campaign.id)}`}>
              {s.campaign.topic}
            </Link>
          </p>
        ) : null}
        <h3>{t('suggest.form.reason.label')}</h3>
        <p className="sg-text">{s.reason}</p>
        <h3>{t('suggest.form.proposal.label')}</h3>
        <p className="sg-text">{s.proposal}</p>
      </section>
    </>
  );
}

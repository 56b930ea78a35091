import { useParams } from 'react-router';

import type { ResidentCreditRepair } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { formatDateTime } from '../../shared/format-date';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { fetchRepair, letterUrl } from './credit-api';
import { CorrectionUpload } from './correction-upload';
import { formatDay } from './format-day';
import './credit.css';

function Overview({ r }: { r: ResidentCreditRepair }) {
  const { t, locale } = useI18n();
  return (
    <section className="r-card" data-testid="credit-status">
      <h1>{t('credit.status.title')}</h1>
      <p className={`cr-status cr-status-${r.status}`} data-testid="credit-status-value">
        {t(`credit.status_value.${r.status}`)}
      </p>
      <dl className="r-facts">
        <div>
          <dt>{t('credit.field.receipt')}</dt>
          <dd>{r.receiptCode}</dd>
        </div>
        <div>
          <dt>{t('credit.field.decision_no')}</dt>
          <dd data-testid="credit-status-decision">{r.decisionNo}</dd>
        </div>
        <div>
          <dt>{t('credit.field.class')}</dt>
          <dd>{t(`credit.class.${r.creditClass}`)}</dd>
        </div>
        <div>
          <dt>{t('credit.field.publication_last_day')}</dt>
          <dd>{formatDay(r.publicationLastDay, locale)}</dd>
        </div>
        <div>
          <dt>{t('credit.field.applicant')}</dt>
          <dd>{r.applicantName}</dd>
        </div>
        <div>
          <dt>{t('credit.field.submitted_at')}</dt>
          <dd>{formatDateTime(r.submittedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Materials({ r }: { r: ResidentCreditRepair }) {
  const { t } = useI18n();
  const count = (item: string) => r.materials.find((m) => m.item === item)?.count ?? 0;
  return (
    <section className="r-card" aria-labelledby="cr-st-materials">
      <h2 id="cr-st-materials">{t('credit.apply.materials')}</h2>
      <ul className="cr-list">
        {r.required.map((item) => (
          <li key={item} data-testid={`credit-has-${item}`}>
            {t(`credit.item.${item}`)}：{t('credit.status.files', { n: count(item) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Decision({ r, token }: { r: ResidentCreditRepair; token: string }) {
  const { t, locale } = useI18n();
  if (!r.decision) {
    return null;
  }
  return (
    <section className="r-card" aria-labelledby="cr-st-decision" data-testid="credit-decision">
      <h2 id="cr-st-decision">{t(`credit.decision.${r.decision.result}`)}</h2>
      <p className="r-pre">{r.decision.reasons}</p>
      {r.publicationEndedOn ? (
        <p data-testid="credit-ended">
          {t('credit.status.ended_on', { day: formatDay(r.publicationEndedOn, locale) })}
        </p>
      ) : null}
      {r.letterAvailable ? (
        <a
          className="r-button r-button-primary"
          href={letterUrl(token)}
          download
          data-testid="credit-letter"
        >
          {t('credit.status.letter')}
        </a>
      ) : null}
    </section>
  );
}

/** /credit/r/:token — the applicant's private page of their application. */
export function CreditStatusPage() {
  const { token = '' } = useParams();
  const { resource, reload, replace } = useResource(token, (signal) => fetchRepair(token, signal));
  useDocumentTitle('credit.status.title');
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.status === 404) {
      return <Notice titleKey="credit.status.unknown_title" bodyKey="credit.status.unknown_body" />;
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const r = resource.data;
  return (
    <div className="cr-page">
      <Overview r={r} />
      {r.canResubmit && r.correction ? (
        <CorrectionUpload token={token} correction={r.correction} onDone={replace} />
      ) : null}
      <Decision r={r} token={token} />
      <Materials r={r} />
    </div>
  );
}

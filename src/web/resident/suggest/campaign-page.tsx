import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';

import type { PublicCampaign, SuggestionReceipt } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { Notice } from '../notice';
import { AdoptedList } from './adopted-list';
import { fetchCampaign } from './suggest-api';
import { channelList, formatCalendarDate, formatDay } from './suggest-labels';
import { SuggestionForm } from './suggestion-form';
import { SuggestionReceiptView } from './suggestion-receipt';
import './suggest.css';

function CampaignFacts({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useI18n();
  return (
    <section className="r-card" aria-labelledby="sg-campaign-facts">
      <h2 id="sg-campaign-facts">{t('suggest.campaign.about')}</h2>
      <p className="sg-text" data-testid="campaign-description">
        {campaign.description}
      </p>
      <dl className="r-facts">
        <div>
          <dt>{t('suggest.campaign.phase')}</dt>
          <dd data-testid="campaign-phase">{t(`suggest.phase.${campaign.phase}`)}</dd>
        </div>
        <div>
          <dt>{t('suggest.campaign.deadline')}</dt>
          <dd data-testid="campaign-deadline">
            {t('suggest.campaign.period', {
              from: formatCalendarDate(campaign.startsOn),
              to: formatCalendarDate(campaign.deadlineOn),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('suggest.campaign.channels')}</dt>
          <dd>{channelList(t, campaign)}</dd>
        </div>
        {campaign.street ? (
          <div>
            <dt>{t('suggest.campaign.street')}</dt>
            <dd>{campaign.street}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('suggest.campaign.count')}</dt>
          <dd data-testid="campaign-count">{campaign.receivedCount}</dd>
        </div>
      </dl>
    </section>
  );
}

function Report({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useI18n();
  if (!campaign.publicReport || !campaign.reportPublishedAt) {
    return campaign.phase === 'closed' ? (
      <section className="r-card">
        <h2>{t('suggest.campaign.report')}</h2>
        <p>{t('suggest.campaign.report_pending')}</p>
      </section>
    ) : null;
  }
  return (
    <section className="r-card" data-testid="campaign-report">
      <h2>{t('suggest.campaign.report')}</h2>
      <p className="r-muted">
        {t('suggest.campaign.report_at', { date: formatDay(campaign.reportPublishedAt) })}
      </p>
      <p className="sg-text">{campaign.publicReport}</p>
    </section>
  );
}

/** /suggest/campaigns/:id — one campaign: what it asks, until when, the form or its report. */
export function CampaignPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { resource, reload } = useResource(id, (signal) => fetchCampaign(id, signal));
  const [receipt, setReceipt] = useState<SuggestionReceipt | null>(null);
  useDocumentTitle('suggest.campaign.title');
  useEffect(() => {
    if (receipt) {
      window.scrollTo(0, 0);
    }
  }, [receipt]);
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.code === 'not_found') {
      return <Notice titleKey="suggest.campaign.gone_title" bodyKey="suggest.campaign.gone_body" />;
    }
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const campaign = resource.data;
  return (
    <>
      <section className="r-hero">
        <p className="r-hero-kicker">
          <Link to="/suggest" className="sg-back">
            {t('suggest.back')}
          </Link>
        </p>
        <h1 data-testid="campaign-topic">{campaign.topic}</h1>
      </section>
      {receipt ? <SuggestionReceiptView receipt={receipt} /> : null}
      <CampaignFacts campaign={campaign} />
      {campaign.phase === 'open' && !receipt ? (
        <SuggestionForm campaignId={campaign.id} onSubmitted={setReceipt} />
      ) : null}
      {campaign.phase !== 'open' ? (
        <p className="r-card" role="status" data-testid="campaign-not-open">
          {t(`suggest.campaign.not_open.${campaign.phase}`)}
        </p>
      ) : null}
      <Report campaign={campaign} />
      <AdoptedList campaignId={campaign.id} />
    </>
  );
}

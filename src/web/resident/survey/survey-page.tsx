import { useParams, useSearchParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { PageLoading } from '../../shared/page-loading';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { LoadFailed } from '../load-failed';
import { fetchSurvey } from './survey-api';
import { SurveyForm } from './survey-form';
import './survey.css';

/** /survey/:campaignId — a satisfaction survey on its own page (?b= names the placard). */
export function SurveyPage() {
  const { t } = useI18n();
  const { campaignId = '' } = useParams();
  const [params] = useSearchParams();
  useDocumentTitle('surveys.resident.title');
  const { resource, reload } = useResource(`survey/${campaignId}`, (signal) =>
    fetchSurvey(campaignId, signal),
  );
  if (resource.state === 'loading') {
    return <PageLoading />;
  }
  if (resource.state === 'failed') {
    return <LoadFailed error={resource.error} onRetry={reload} />;
  }
  const campaign = resource.data;
  if (!campaign.open) {
    return (
      <section className="r-card" data-testid="survey-closed">
        <h1>{campaign.title}</h1>
        <p>{t('surveys.resident.closed', { from: campaign.opensOn, to: campaign.closesOn })}</p>
      </section>
    );
  }
  return <SurveyForm campaign={campaign} placardToken={params.get('b') ?? undefined} level={1} />;
}

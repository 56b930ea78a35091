import { useEffect, useState } from 'react';

import type { SuggestionReceipt } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useResource } from '../../shared/use-resource';
import { AdoptedList } from './adopted-list';
import { CampaignCard } from './campaign-card';
import { fetchCampaigns } from './suggest-api';
import { SuggestionForm } from './suggestion-form';
import { SuggestionReceiptView } from './suggestion-receipt';
import './suggest.css';

function Campaigns() {
  const { t } = useI18n();
  const { resource } = useResource('campaigns', (signal) => fetchCampaigns(signal));
  return (
    <section className="r-card" aria-labelledby="sg-campaigns-title">
      <h2 id="sg-campaigns-title">{t('suggest.campaigns.title')}</h2>
      {resource.state === 'loading' ? <p className="r-muted">{t('suggest.loading')}</p> : null}
      {resource.state === 'failed' ? <p role="alert">{t('suggest.campaigns.failed')}</p> : null}
      {resource.state === 'ready' && resource.data.length === 0 ? (
        <p>{t('suggest.campaigns.none')}</p>
      ) : null}
      {resource.state === 'ready' ? (
        <ul className="sg-list" data-testid="suggest-campaigns">
          {resource.data.map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** /suggest — public suggestions: the campaigns, the daily suggestion form and the adopted list. */
export function SuggestPage() {
  const { t } = useI18n();
  const [receipt, setReceipt] = useState<SuggestionReceipt | null>(null);
  useDocumentTitle('suggest.title');
  useEffect(() => {
    if (receipt) {
      window.scrollTo(0, 0);
    }
  }, [receipt]);
  return (
    <>
      <section className="r-hero">
        <h1>{t('suggest.title')}</h1>
        <p>{t('suggest.lead')}</p>
      </section>
      {receipt ? <SuggestionReceiptView receipt={receipt} /> : null}
      <Campaigns />
      {receipt ? null : <SuggestionForm campaignId={null} onSubmitted={setReceipt} />}
      <AdoptedList campaignId={null} />
    </>
  );
}

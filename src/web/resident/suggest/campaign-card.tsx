import { Link } from 'react-router';

import type { PublicCampaign } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { formatCalendarDate } from './suggest-labels';

/** One campaign in a list: its phase, topic, period and how many suggestions it received. */
export function CampaignCard({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useI18n();
  return (
    <li>
      <Link
        to={`/suggest/campaigns/${encodeURIComponent(campaign.id)}`}
        className="sg-campaign"
        data-testid="suggest-campaign"
      >
        <span className="sg-campaign-topic">{campaign.topic}</span>
        <span className="sg-meta">
          <span className={`sg-phase sg-phase-${campaign.phase}`}>
            {t(`suggest.phase.${campaign.phase}`)}
          </span>
          {t('suggest.campaign.period', {
            from: formatCalendarDate(campaign.startsOn),
            to: formatCalendarDate(campaign.deadlineOn),
          })}
        </span>
        <span className="sg-meta">
          {t('suggest.campaign.received', { count: campaign.receivedCount })}
        </span>
      </Link>
    </li>
  );
}

import { Tag } from 'antd';

import type { Tier } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';

const colors: Record<Tier, string> = {
  community: 'cyan',
  street: 'blue',
  district: 'purple',
};

/** The tier a ticket is handled at (community, street, district) as a coloured tag. */
export function TierTag({ tier, testId = 'tier-tag' }: { tier: Tier; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[tier]} data-testid={testId} data-tier={tier}>
      {t(`ticket.tier.${tier}`)}
    </Tag>
  );
}

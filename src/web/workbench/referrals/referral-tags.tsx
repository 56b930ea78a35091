import { Space, Tag } from 'antd';

import type { DeterminationType, ReferralKind, ReferralStatus } from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';

const colors: Record<ReferralStatus, string> = {
  sent: 'gold',
  accepted: 'blue',
  answered: 'green',
  declined: 'red',
};

/** A referral's state as a coloured tag, with a red Overdue tag once the reply is late. */
export function ReferralStatusTag({
  status,
  overdue,
}: {
  status: ReferralStatus;
  overdue: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={colors[status]} data-testid="referral-status" data-status={status}>
        {t(`referral.status.${status}`)}
      </Tag>
      {overdue ? (
        <Tag color="red" data-testid="referral-overdue">
          {t('referral.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** What a referral asks for, with the determination named when it is one. */
export function ReferralKindTag({
  kind,
  determinationType,
}: {
  kind: ReferralKind;
  determinationType: DeterminationType | null;
}) {
  const { t } = useI18n();
  return (
    <Tag color={kind === 'transfer' ? 'purple' : 'cyan'} data-testid="referral-kind">
      {determinationType
        ? t('referral.kind_of', {
            kind: t(`referral.kind.${kind}`),
            type: t(`referral.determination.${determinationType}`),
          })
        : t(`referral.kind.${kind}`)}
    </Tag>
  );
}

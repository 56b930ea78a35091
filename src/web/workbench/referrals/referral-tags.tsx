import { Space, Tag } from 'antd';

import type { DeterminationType, ReferralKind, ReferralStatus } from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';
import { referralStatusTags } from './referral-status-tags';

/** A referral's state as coloured tags (see referralStatusTags): state, overdue, answered late. */
export function ReferralStatusTag({
  status,
  overdue,
  repliedLate,
  deliveryFailed = false,
}: {
  status: ReferralStatus;
  overdue: boolean;
  repliedLate: boolean;
  deliveryFailed?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {referralStatusTags({ status, overdue, repliedLate, deliveryFailed }).map((tag) => (
        <Tag
          key={tag.testId}
          color={tag.color}
          data-testid={tag.testId}
          data-status={tag.testId === 'referral-status' ? status : undefined}
          data-delivery={tag.testId === 'referral-status' && deliveryFailed ? 'failed' : undefined}
        >
          {t(tag.key)}
        </Tag>
      ))}
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

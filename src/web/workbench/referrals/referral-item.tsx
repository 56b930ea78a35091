import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';

import type { StaffReferral } from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { DueCell } from '../common/due-cell';
import { ErrorAlert } from '../common/error-alert';
import { staffLabel } from '../common/staff-label';
import { ReferralKindTag, ReferralStatusTag } from './referral-tags';
import { ReferralPhotos } from './referral-photos';
import { retryReferral, staffReferralPhotoUrl } from './referrals-api';

interface ReferralItemProps {
  referral: StaffReferral;
  onUpdated: (referral: StaffReferral) => void;
}

function factsOf(t: Translate, r: StaffReferral): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'sentBy', label: t('referral.field.sent_by'), children: staffLabel(t, r.sentBy) },
    {
      key: 'sentAt',
      label: t('referral.field.sent_at'),
      children: r.sentAt ? formatDateTime(r.sentAt) : t('referral.not_delivered'),
    },
    {
      key: 'replyDue',
      label: t('referral.field.reply_due'),
      children: <DueCell at={r.replyDueAt} overdue={r.overdue} />,
    },
  ];
  if (r.transfer) {
    items.push({
      key: 'transferDue',
      label: t('referral.field.transfer_due'),
      children: (
        <Space size={4} wrap>
          <span>{formatDateTime(r.transfer.dueAt)}</span>
          {r.transfer.late === null ? null : (
            <Tag color={r.transfer.late ? 'red' : 'green'} data-testid="transfer-timeliness">
              {t(r.transfer.late ? 'referral.transfer.late' : 'referral.transfer.in_time')}
            </Tag>
          )}
        </Space>
      ),
    });
  }
  return items;
}

/** The delivery of one destination: fine, or failed with a button to deliver it again. */
function DeliveryBox({ referral, onUpdated }: ReferralItemProps) {
  const { t } = useI18n();
  const auth = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (referral.delivery.state === 'delivered') {
    return null;
  }
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      onUpdated(await retryReferral(referral.id));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const reason = referral.delivery.lastError ?? 'unknown';
  return (
    <>
      <Alert
        type="warning"
        showIcon
        className="wb-gap"
        data-testid="delivery-failed"
        title={t('referral.delivery.failed', { attempts: referral.delivery.attempts })}
        description={t(`referral.delivery.error.${reason}`)}
        action={
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={busy}
            onClick={() => void retry()}
            data-testid="delivery-retry"
          >
            {t('referral.delivery.retry')}
          </Button>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** One destination of a referral: its state and deadlines, the request and the reply. */
export function ReferralItem({ referral: r, onUpdated }: ReferralItemProps) {
  const { t } = useI18n();
  return (
    <div className="wb-referral" data-testid="referral-item" data-department={r.department.code}>
      <Space wrap className="wb-gap">
        <Typography.Text strong data-testid="referral-department">
          {r.department.name}
        </Typography.Text>
        <ReferralKindTag kind={r.kind} determinationType={r.determinationType} />
        <ReferralStatusTag
          status={r.status}
          overdue={r.overdue}
          repliedLate={r.repliedLate}
          deliveryFailed={r.delivery.state === 'failed'}
        />
      </Space>
      <DeliveryBox referral={r} onUpdated={onUpdated} />
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} items={factsOf(t, r)} />
      <Typography.Paragraph className="wb-pre wb-gap-top" type="secondary">
        {t('referral.field.request')}: {r.requestText}
      </Typography.Paragraph>
      {r.acceptNote ? (
        <Typography.Paragraph className="wb-pre">
          {t('referral.field.accept_note')}: {r.acceptNote}
        </Typography.Paragraph>
      ) : null}
      {r.replyText ? (
        <Alert
          type={r.status === 'declined' ? 'error' : 'success'}
          className="wb-gap"
          data-testid="referral-reply"
          title={t(
            r.status === 'declined' ? 'referral.reply.declined' : 'referral.reply.answered',
            {
              at: formatDateTime(r.repliedAt),
            },
          )}
          description={<span className="wb-pre">{r.replyText}</span>}
        />
      ) : null}
      <ReferralPhotos
        photos={[...r.requestPhotos, ...r.replyPhotos]}
        urlOf={(photoId) => staffReferralPhotoUrl(r.id, photoId)}
        testId="referral-photos"
      />
    </div>
  );
}

import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Spin } from 'antd';
import { useState } from 'react';

import type { StaffReferral } from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { ReferralItem } from './referral-item';
import { fetchTicketReferrals } from './referrals-api';
import { SendReferralModal } from './send-referral-modal';
import './referrals.css';

interface ReferralPanelProps {
  ticketId: string;
  trackingCode: string;
}

/**
 * The referrals panel of a ticket: each destination with its state, and the form to send a new one.
 */
export function ReferralPanel({ ticketId, trackingCode }: ReferralPanelProps) {
  const { t } = useI18n();
  const { resource, replace } = useStaffResource(`referrals/${ticketId}`, (signal) =>
    fetchTicketReferrals(ticketId, signal),
  );
  const [sending, setSending] = useState(false);
  const items = resource.state === 'ready' ? resource.data : [];
  const update = (changed: StaffReferral) => {
    replace(items.map((r) => (r.id === changed.id ? changed : r)));
  };

  return (
    <Card
      title={t('referral.panel.title')}
      size="small"
      data-testid="referral-panel"
      extra={
        <Button
          icon={<SendOutlined />}
          onClick={() => {
            setSending(true);
          }}
          data-testid="referral-send-open"
        >
          {t('referral.send.open')}
        </Button>
      }
    >
      {resource.state === 'loading' ? <Spin /> : null}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {resource.state === 'ready' && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('referral.panel.empty')} />
      ) : null}
      {items.map((r) => (
        <ReferralItem key={r.id} referral={r} onUpdated={update} />
      ))}
      {sending ? (
        <SendReferralModal
          ticketId={ticketId}
          trackingCode={trackingCode}
          onClose={() => {
            setSending(false);
          }}
          onSent={(all) => {
            replace(all);
            setSending(false);
          }}
        />
      ) : null}
    </Card>
  );
}

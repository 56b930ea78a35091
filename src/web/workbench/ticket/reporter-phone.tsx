import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';

import type { RevealedReporter } from '../../../contract/reporter';
import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { ReporterRevealModal } from './reporter-reveal-modal';

/**
 * The reporter's name and phone on the ticket page: masked, and for those allowed
 * (`canRevealReporter`)
 * a button that asks for a reason and shows them in full. They live in this
 * component's state only, for this ticket: it is gone when the officer leaves the page.
 */
export function ReporterPhone({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<(RevealedReporter & { ticketId: string }) | null>(null);
  const masked = ticket.reporterPhoneMasked;
  const maskedName = ticket.reporterNameMasked;
  if (masked === null && maskedName === null) {
    return <span data-testid="reporter-phone">{t('ticket.anonymous')}</span>;
  }
  const shown = revealed?.ticketId === ticket.id ? revealed : null;

  return (
    <Space wrap size={[8, 4]}>
      {shown ? (
        <>
          {shown.name !== null ? (
            <Typography.Text strong data-testid="reporter-name-full">
              {t('ticket.reveal.name', { name: shown.name })}
            </Typography.Text>
          ) : null}
          <Typography.Text strong data-testid="reporter-phone-full">
            {shown.phone ?? t('ticket.anonymous')}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="reveal-recorded">
            {t('ticket.reveal.recorded', { at: formatDateTime(shown.revealedAt) })}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            icon={<EyeInvisibleOutlined />}
            onClick={() => {
              setRevealed(null);
            }}
            data-testid="reveal-hide"
          >
            {t('ticket.reveal.hide')}
          </Button>
        </>
      ) : (
        <>
          {maskedName !== null ? <span data-testid="reporter-name">{maskedName}</span> : null}
          {masked !== null ? <span data-testid="reporter-phone">{masked}</span> : null}
          {ticket.canRevealReporter ? (
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              onClick={() => {
                setAsking(true);
              }}
              data-testid="reveal-reporter"
            >
              {t('ticket.reveal.button')}
            </Button>
          ) : null}
        </>
      )}
      {asking ? (
        <ReporterRevealModal
          ticketId={ticket.id}
          trackingCode={ticket.trackingCode}
          onClose={() => {
            setAsking(false);
          }}
          onRevealed={(answer) => {
            setAsking(false);
            setRevealed({ ...answer, ticketId: ticket.id });
          }}
        />
      ) : null}
    </Space>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { StatusTag } from '../common/status-tag';
import { fetchTicket } from '../staff-api';
import { ActionBar } from './action-bar';
import { StaffPhotos } from './staff-photos';
import { StaffTimeline } from './staff-timeline';
import { TicketFacts } from './ticket-facts';

function TicketBody({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  return (
    <>
      <Card title={t('ticket.field.description')} size="small">
        <Typography.Paragraph className="wb-pre" data-testid="ticket-description">
          {ticket.description}
        </Typography.Paragraph>
        <StaffPhotos ticket={ticket} />
      </Card>
      {ticket.reply || ticket.declineReason ? (
        <Card
          title={t(ticket.reply ? 'ticket.field.reply' : 'ticket.field.decline_reason')}
          size="small"
        >
          <Typography.Paragraph className="wb-pre" data-testid="ticket-reply">
            {ticket.reply ?? ticket.declineReason}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Card title={t('ticket.field.timeline')} size="small">
        <StaffTimeline timeline={ticket.timeline} />
      </Card>
    </>
  );
}

/** /workbench/tickets/:id — one ticket, its history and the steps the officer may take now. */
export function TicketDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const { resource, reload, replace } = useStaffResource(id, (signal) => fetchTicket(id, signal));
  const [failure, setFailure] = useState<unknown>(null);
  const code = resource.state === 'ready' ? resource.data.trackingCode : '';
  useDocumentTitle(code ? 'ticket.title_of' : 'ticket.title', { code });

  // Back to the inbox with the filter and page the officer came from.
  const from = (location.state as { inboxSearch?: unknown } | null)?.inboxSearch;
  const back = (
    <Link
      to={`/workbench${typeof from === 'string' ? from : ''}`}
      className="wb-back"
      data-testid="back-to-inbox"
    >
      <ArrowLeftOutlined /> {t('ticket.back')}
    </Link>
  );
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return (
      <>
        {back}
        <ErrorAlert error={resource.error} />
      </>
    );
  }

  const ticket = resource.data;
  return (
    <div className="wb-stack">
      {back}
      <Card
        title={
          <Space wrap>
            <span data-testid="ticket-tracking-code">{ticket.trackingCode}</span>
            <StatusTag status={ticket.status} />
          </Space>
        }
      >
        {failure ? (
          <ErrorAlert
            error={failure}
            onClose={() => {
              setFailure(null);
            }}
          />
        ) : null}
        <ActionBar
          ticket={ticket}
          onUpdated={(updated) => {
            setFailure(null);
            replace(updated);
          }}
          onFailed={(error, stale) => {
            setFailure(error);
            if (stale) {
              reload();
            }
          }}
        />
        <div className="wb-gap-top">
          <TicketFacts ticket={ticket} />
        </div>
      </Card>
      <TicketBody ticket={ticket} />
    </div>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { StatusTag } from '../common/status-tag';
import { SupervisionTag } from '../common/supervision-tag';
import { TierTag } from '../common/tier-tag';
import { Watermark } from '../common/watermark';
import { TicketMediations } from '../mediations/ticket-mediations';
import { TicketCaseBox } from '../cases/ticket-case-box';
import { ReferralPanel } from '../referrals/referral-panel';
import { PublishQaBox } from '../qa/publish-qa-box';
import { TicketFieldWorkBox } from '../visits/ticket-field-work';
import { fetchTicket } from '../staff-api';
import { ActionBar } from './action-bar';
import { DuplicatesBox } from './duplicates-box';
import { PartnerNotesCard } from './partner-notes-card';
import { StaffPhotos } from './staff-photos';
import { StaffTimeline } from './staff-timeline';
import { TicketFacts } from './ticket-facts';

/** The bureau's supervision flag, why and when it was set, and by when it must be settled. */
function SupervisionBox({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const { supervision } = ticket;
  if (!supervision) {
    return null;
  }
  const due = ticket.deadlines.supervisionDueAt;
  return (
    <Alert
      type="error"
      showIcon
      className="wb-gap"
      data-testid="supervision-box"
      title={
        due
          ? t('ticket.supervision.title_due', { due: formatDateTime(due) })
          : t('ticket.supervision.title')
      }
      description={
        <>
          <div className="wb-pre" data-testid="supervision-reason">
            {supervision.reason}
          </div>
          <div className="wb-muted">
            {t('ticket.supervision.at', { at: formatDateTime(supervision.at) })}
          </div>
        </>
      }
    />
  );
}

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
      <PartnerNotesCard ticket={ticket} />
      <Card title={t('ticket.field.timeline')} size="small">
        <StaffTimeline timeline={ticket.timeline} channel={ticket.channel} />
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
      <Watermark />
      {back}
      <Card
        title={
          <Space wrap>
            <span data-testid="ticket-tracking-code">{ticket.trackingCode}</span>
            <StatusTag status={ticket.status} />
            <TierTag tier={ticket.tier} />
            {ticket.supervision ? <SupervisionTag /> : null}
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
        <SupervisionBox ticket={ticket} />
        {ticket.deadlines.clockStopped ? (
          <Alert
            type="info"
            showIcon
            className="wb-gap"
            data-testid="clock-stopped"
            title={t('ticket.clock_stopped')}
          />
        ) : null}
        <TicketCaseBox ticketId={ticket.id} />
        <DuplicatesBox ticket={ticket} />
        <PublishQaBox ticket={ticket} />
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
        <TicketFieldWorkBox ticketId={ticket.id} />
      </Card>
      <TicketBody ticket={ticket} />
      <ReferralPanel ticketId={ticket.id} trackingCode={ticket.trackingCode} />
      <TicketMediations ticket={ticket} />
    </div>
  );
}

import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { Link } from 'react-router';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { matterName } from '../../shared/matter-name';
import { DueCell } from '../common/due-cell';
import { StatusTag } from '../common/status-tag';
import { staffLabel } from '../common/staff-label';
import { TierTag } from '../common/tier-tag';
import { ReporterPhone } from './reporter-phone';

/** Everything known about the ticket, apart from its text, photos and timeline. */
export function TicketFacts({ ticket }: { ticket: StaffTicket }) {
  const { t, locale } = useI18n();
  const none = <span className="wb-muted">{t('common.none')}</span>;
  const { deadlines } = ticket;
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('ticket.field.status'),
      children: <StatusTag status={ticket.status} />,
    },
    {
      key: 'tier',
      label: t('ticket.field.tier'),
      children: <TierTag tier={ticket.tier} testId="ticket-tier" />,
    },
    {
      key: 'kind',
      label: t('ticket.field.kind'),
      children: <Tag>{t(`ticket.kind.${ticket.kind}`)}</Tag>,
    },
    {
      key: 'channel',
      label: t('ticket.field.channel'),
      children: ticket.channel.startsWith('dept:')
        ? t('ticket.channel.department', { code: ticket.channel.slice(5) })
        : t(`ticket.channel.${ticket.channel}`),
    },
    {
      key: 'matter',
      label: t('ticket.field.matter'),
      children: ticket.matter ? matterName(locale, ticket.matter) : none,
    },
    {
      key: 'place',
      label: t('ticket.field.place'),
      // The building opens its building file (src/web/workbench/buildings).
      children: (
        <Link
          to={`/workbench/buildings/${encodeURIComponent(ticket.buildingId)}`}
          title={t('buildings.open_file')}
          data-testid="ticket-building-link"
        >
          {t('ticket.place_line', {
            building: ticket.building.name,
            community: ticket.building.community,
            street: ticket.building.street,
          })}
        </Link>
      ),
    },
    { key: 'room', label: t('ticket.field.room'), children: ticket.room.name },
    {
      key: 'assignee',
      label: t('ticket.field.assignee'),
      children: ticket.assignee ? staffLabel(t, ticket.assignee) : t('ticket.unassigned'),
    },
    {
      key: 'phone',
      label: t('ticket.field.reporter_phone'),
      children: <ReporterPhone ticket={ticket} />,
    },
    {
      key: 'created',
      label: t('ticket.field.created_at'),
      children: formatDateTime(ticket.createdAt),
    },
    {
      key: 'firstContactDue',
      label: t('ticket.field.first_contact_due'),
      children: (
        <DueCell at={deadlines.firstContactDueAt} overdue={deadlines.firstContactOverdue} />
      ),
    },
    {
      key: 'resolveDue',
      label: t('ticket.field.resolve_due'),
      children: deadlines.clockStopped ? (
        <span data-testid="resolve-due-stopped">
          <DueCell at={deadlines.resolveDueAt} overdue={false} />{' '}
          <Tag>{t('ticket.clock_stopped_short')}</Tag>
        </span>
      ) : (
        <DueCell at={deadlines.resolveDueAt} overdue={deadlines.resolveOverdue} />
      ),
    },
  ];
  if (deadlines.supervisionDueAt) {
    items.push({
      key: 'supervisionDue',
      label: t('ticket.field.supervision_due'),
      children: (
        <span data-testid="supervision-due">
          <DueCell at={deadlines.supervisionDueAt} overdue={deadlines.supervisionOverdue} />
        </span>
      ),
    });
  }
  if (ticket.resolvedTier) {
    items.push({
      key: 'resolvedTier',
      label: t('ticket.field.resolved_tier'),
      children: <TierTag tier={ticket.resolvedTier} testId="resolved-tier" />,
    });
  }
  if (ticket.handlerAssessment) {
    items.push({
      key: 'handlerAssessment',
      label: t('ticket.field.handler_assessment'),
      children: (
        <span data-testid="handler-assessment" data-value={ticket.handlerAssessment}>
          {t(`ticket.assessment.${ticket.handlerAssessment}`)}
        </span>
      ),
    });
  }
  if (ticket.citizenSolved !== null) {
    items.push({
      key: 'citizenSolved',
      label: t('ticket.field.citizen_assessment'),
      children: (
        <span data-testid="citizen-solved" data-value={String(ticket.citizenSolved)}>
          {t(ticket.citizenSolved ? 'ticket.citizen_solved.yes' : 'ticket.citizen_solved.no')}
        </span>
      ),
    });
  }
  if (ticket.reopenCount > 0) {
    items.push({
      key: 'reopenCount',
      label: t('ticket.field.reopen_count'),
      children: <span data-testid="reopen-count">{ticket.reopenCount}</span>,
    });
  }
  if (ticket.outcome) {
    items.push({
      key: 'outcome',
      label: t('ticket.field.outcome'),
      children: <Tag color="green">{t(`ticket.outcome.${ticket.outcome}`)}</Tag>,
    });
  }
  if (ticket.rating) {
    const comment = ticket.ratingComment ? ` ${ticket.ratingComment}` : '';
    items.push({
      key: 'rating',
      label: t('ticket.field.rating'),
      children: `${t(`ticket.rating.${ticket.rating}`)}${comment}`,
    });
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={items}
      data-testid="ticket-facts"
    />
  );
}

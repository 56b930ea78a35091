import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { DueCell } from '../common/due-cell';
import { StatusTag } from '../common/status-tag';
import { staffLabel } from '../common/staff-label';

/** Everything known about the ticket, apart from its text, photos and timeline. */
export function TicketFacts({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const none = <span className="wb-muted">{t('common.none')}</span>;
  const { deadlines } = ticket;
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('ticket.field.status'),
      children: <StatusTag status={ticket.status} />,
    },
    {
      key: 'kind',
      label: t('ticket.field.kind'),
      children: <Tag>{t(`ticket.kind.${ticket.kind}`)}</Tag>,
    },
    { key: 'matter', label: t('ticket.field.matter'), children: ticket.matter?.name ?? none },
    {
      key: 'place',
      label: t('ticket.field.place'),
      children: t('ticket.place_line', {
        building: ticket.building.name,
        community: ticket.building.community,
        street: ticket.building.street,
      }),
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
      children: (
        <span data-testid="reporter-phone">
          {ticket.reporterPhoneMasked ?? t('ticket.anonymous')}
        </span>
      ),
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
      children: <DueCell at={deadlines.resolveDueAt} overdue={deadlines.resolveOverdue} />,
    },
  ];
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

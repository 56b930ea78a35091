import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import type { LinkedTicket } from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { matterName } from '../../shared/matter-name';
import { StatusTag } from '../common/status-tag';

type Item = LinkedTicket & { link?: 'produced' | 'settled' };

/** The tickets a visit found or a meeting produced or settled, each opening the ticket. */
export function LinkedTickets({ tickets }: { tickets: readonly Item[] }) {
  const { t, locale } = useI18n();
  if (tickets.length === 0) {
    return <Typography.Text type="secondary">{t('fieldwork.tickets.none')}</Typography.Text>;
  }
  return (
    <ul className="wb-linked-tickets" data-testid="linked-tickets">
      {tickets.map((ticket) => (
        <li key={ticket.id} data-testid="linked-ticket" data-link={ticket.link}>
          <Space wrap size={[8, 4]}>
            <Link
              to={`/workbench/tickets/${ticket.id}`}
              className="wb-strong"
              data-testid="linked-ticket-code"
            >
              {ticket.trackingCode}
            </Link>
            {ticket.link ? <Tag color="purple">{t(`meeting.link.${ticket.link}`)}</Tag> : null}
            <Tag>{t(`ticket.kind.${ticket.kind}`)}</Tag>
            <StatusTag status={ticket.status} />
            <span>{ticket.building}</span>
            {ticket.matter ? (
              <span className="wb-muted">{matterName(locale, ticket.matter)}</span>
            ) : null}
          </Space>
        </li>
      ))}
    </ul>
  );
}

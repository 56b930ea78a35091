import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import type { Notification, OutboxStatus } from '../../../contract/notifications';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';

const statusColors: Record<OutboxStatus, string> = {
  pending: 'gold',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  skipped: 'default',
};

/** A stored error in words: skip reasons are codes with a label, gateway errors show as sent. */
export function errorLabel(t: Translate, has: (key: string) => boolean, error: string | null) {
  if (!error) {
    return null;
  }
  const key = `notifications.reason.${error}`;
  return has(key) ? t(key) : error;
}

/** The status of one message as a coloured tag. */
export function OutboxStatusTag({ status, t }: { status: OutboxStatus; t: Translate }) {
  return (
    <Tag color={statusColors[status]} data-testid="outbox-status" data-status={status}>
      {t(`notifications.status.${status}`)}
    </Tag>
  );
}

const muted = (text: string) => <span className="wb-muted">{text}</span>;

/** The list columns: when, what, to whom (masked), how it went. */
export function notificationColumns(
  t: Translate,
  has: (key: string) => boolean,
): ColumnsType<Notification> {
  return [
    {
      key: 'createdAt',
      title: t('notifications.field.created_at'),
      width: 140,
      render: (_, row) => <span className="wb-nowrap">{formatDateTime(row.createdAt)}</span>,
    },
    {
      key: 'ticket',
      title: t('notifications.field.ticket'),
      width: 150,
      render: (_, row) =>
        row.ticket ? (
          <Link to={`/workbench/tickets/${row.ticket.id}`} className="wb-nowrap">
            {row.ticket.trackingCode}
          </Link>
        ) : (
          muted(t('common.none'))
        ),
    },
    {
      key: 'event',
      title: t('notifications.field.event'),
      width: 110,
      render: (_, row) => t(`notifications.event.${row.event}`),
    },
    {
      key: 'recipient',
      title: t('notifications.field.recipient'),
      width: 170,
      render: (_, row) => (
        <>
          <div>{row.staffName ?? t(`notifications.audience.${row.audience}`)}</div>
          {row.recipientMasked ? <div className="wb-muted">{row.recipientMasked}</div> : null}
        </>
      ),
    },
    {
      key: 'status',
      title: t('notifications.field.status'),
      width: 100,
      render: (_, row) => <OutboxStatusTag status={row.status} t={t} />,
    },
    {
      key: 'attempts',
      title: t('notifications.field.attempts'),
      width: 80,
      dataIndex: 'attempts',
    },
    {
      key: 'lastError',
      title: t('notifications.field.last_error'),
      ellipsis: true,
      render: (_, row) => errorLabel(t, has, row.lastError) ?? muted(t('common.none')),
    },
    {
      key: 'time',
      title: t('notifications.field.sent_or_next'),
      width: 160,
      render: (_, row) => {
        if (row.sentAt) {
          return <span className="wb-nowrap">{formatDateTime(row.sentAt)}</span>;
        }
        if (row.nextAttemptAt) {
          return muted(t('notifications.next_attempt', { at: formatDateTime(row.nextAttemptAt) }));
        }
        return muted(t('common.none'));
      },
    },
  ];
}

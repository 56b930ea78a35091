import { Tag } from 'antd';

import type { TicketStatus } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';

const colors: Record<TicketStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  contacted: 'geekblue',
  in_case: 'purple',
  resolved: 'green',
  returned: 'orange',
  closed: 'default',
  declined: 'red',
  merged: 'cyan',
};

/** The status of a ticket as a coloured tag. */
export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="status-tag" data-status={status}>
      {t(`ticket.status.${status}`)}
    </Tag>
  );
}

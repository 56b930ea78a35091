import { Alert, Space } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { CaseStatusTag } from './case-status-tag';
import { fetchCases } from './cases-api';

/** On a ticket's page: the enforcement case registered from it, with a link to the case. */
export function TicketCaseBox({ ticketId }: { ticketId: string }) {
  const { t } = useI18n();
  const { resource } = useStaffResource(`ticket-cases/${ticketId}`, (signal) =>
    fetchCases({ status: 'all', due: 'any', page: 1, pageSize: 5, ticketId }, signal),
  );
  if (resource.state !== 'ready' || resource.data.items.length === 0) {
    return null;
  }
  return (
    <Alert
      type="info"
      showIcon
      className="wb-gap"
      data-testid="ticket-case-box"
      title={t('case.ticket_box.title')}
      description={
        <Space orientation="vertical" size={2}>
          {resource.data.items.map((c) => (
            <Space key={c.id} size={4}>
              <Link to={`/workbench/cases/${c.id}`} data-testid="ticket-case-link">
                {c.caseNo}
              </Link>
              <CaseStatusTag status={c.status} />
            </Space>
          ))}
        </Space>
      }
    />
  );
}

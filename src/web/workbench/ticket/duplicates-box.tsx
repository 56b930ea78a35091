import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { StatusTag } from '../common/status-tag';

type TicketLink = NonNullable<StaffTicket['mergedInto']>;

function TicketLinkTag({ link, testId }: { link: TicketLink; testId: string }) {
  return (
    <Space size={4} data-testid={testId}>
      <Link to={`/workbench/tickets/${link.id}`}>{link.trackingCode}</Link>
      <StatusTag status={link.status} />
    </Space>
  );
}

/**
 * Possible duplicates: the open tickets of the same building and matter filed within the duplicate
 * window,
 * each a link; and where this ticket was merged into, or which tickets were merged into it.
 */
export function DuplicatesBox({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const { possibleDuplicates, mergedInto, mergedFrom } = ticket;
  return (
    <>
      {mergedInto ? (
        <Alert
          type="info"
          showIcon
          className="wb-gap"
          data-testid="merged-into"
          title={
            <Space wrap>
              {t('ticket.duplicates.merged_into')}
              <TicketLinkTag link={mergedInto} testId="merged-into-link" />
            </Space>
          }
        />
      ) : null}
      {mergedFrom.length > 0 ? (
        <Alert
          type="info"
          showIcon
          className="wb-gap"
          data-testid="merged-from"
          title={
            <Space wrap>
              {t('ticket.duplicates.merged_from', { count: mergedFrom.length })}
              {mergedFrom.map((link) => (
                <TicketLinkTag key={link.id} link={link} testId={`merged-from-${link.id}`} />
              ))}
            </Space>
          }
        />
      ) : null}
      {possibleDuplicates.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="wb-gap"
          data-testid="duplicates-box"
          title={t('ticket.duplicates.title', { count: possibleDuplicates.length })}
          description={
            <>
              <Typography.Paragraph type="secondary">
                {t('ticket.duplicates.help')}
              </Typography.Paragraph>
              <ul className="wb-issue-list">
                {possibleDuplicates.map((d) => (
                  <li key={d.id} data-testid={`duplicate-${d.id}`}>
                    <Space wrap>
                      <TicketLinkTag link={d} testId={`duplicate-link-${d.id}`} />
                      <span className="wb-muted">
                        {t('ticket.duplicates.filed_at', { at: formatDateTime(d.createdAt) })}
                      </span>
                    </Space>
                    <div className="wb-pre">{d.summary}</div>
                  </li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}
    </>
  );
}

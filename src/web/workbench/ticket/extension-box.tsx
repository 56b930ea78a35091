import { Alert, Descriptions } from 'antd';
import type { ReactNode } from 'react';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';

interface ExtensionBoxProps {
  extension: NonNullable<StaffTicket['extension']>;
  /** The approve and refuse buttons, when the officer may decide. */
  decide: ReactNode;
}

/** A pending request for more time: how many working days, why, and when asked. */
export function ExtensionBox({ extension, decide }: ExtensionBoxProps) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      className="wb-gap"
      data-testid="extension-pending"
      title={t('ticket.extension.pending_title', { days: extension.days })}
      description={
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'reason',
                label: t('ticket.extension.reason'),
                children: (
                  <span className="wb-pre" data-testid="extension-reason">
                    {extension.reason}
                  </span>
                ),
              },
              {
                key: 'at',
                label: t('ticket.extension.requested_at'),
                children: formatDateTime(extension.requestedAt),
              },
            ]}
          />
          {decide ? <div className="wb-gap-top">{decide}</div> : null}
        </>
      }
    />
  );
}

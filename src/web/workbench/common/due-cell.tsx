import { Space, Tag } from 'antd';

import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';

interface DueCellProps {
  at: string | null;
  overdue: boolean;
}

/** A deadline as date and time, with a red Overdue tag once it has passed. */
export function DueCell({ at, overdue }: DueCellProps) {
  const { t } = useI18n();
  if (!at) {
    return <span className="wb-muted">{t('common.none')}</span>;
  }
  return (
    <Space size={4} wrap>
      <span className="wb-nowrap">{formatDateTime(at)}</span>
      {overdue ? (
        <Tag color="red" data-testid="overdue-tag">
          {t('ticket.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

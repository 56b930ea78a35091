import { Space, Tag } from 'antd';

import type { MediationStatus } from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { formatDay } from './shanghai-date';

const colors: Record<MediationStatus, string> = {
  open: 'gold',
  in_session: 'blue',
  agreed_written: 'green',
  agreed_oral: 'cyan',
  ended_no_agreement: 'default',
  performance_checked: 'purple',
};

/** A mediation's state as a coloured tag. */
export function MediationStatusTag({ status }: { status: MediationStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="mediation-status" data-status={status}>
      {t(`mediation.status.${status}`)}
    </Tag>
  );
}

/** The day an agreement's performance is checked, red once it has passed unchecked. */
export function CheckDueCell({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!dueOn) {
    return <span className="wb-muted">{t('common.none')}</span>;
  }
  return (
    <Space size={4} wrap>
      <span className="wb-nowrap">{formatDay(dueOn)}</span>
      {overdue ? (
        <Tag color="red" data-testid="check-overdue">
          {t('mediation.check.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

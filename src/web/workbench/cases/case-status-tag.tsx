import { Tag } from 'antd';

import type { CaseStatus } from '../../../contract/cases';
import { useI18n } from '../../i18n/i18n-context';

const colors: Record<CaseStatus, string> = {
  registered: 'gold',
  investigating: 'blue',
  notified: 'geekblue',
  decided: 'purple',
  delivered: 'cyan',
  executing: 'orange',
  closed: 'green',
  cancelled: 'default',
};

/** The stage of a case as a coloured tag. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="case-status" data-status={status}>
      {t(`case.status.${status}`)}
    </Tag>
  );
}

import { Tag } from 'antd';

import { useI18n } from '../../i18n/i18n-context';

/** The bureau's supervision flag on a ticket. */
export function SupervisionTag({ testId = 'supervision-badge' }: { testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color="red" variant="solid" data-testid={testId}>
      {t('ticket.supervised')}
    </Tag>
  );
}

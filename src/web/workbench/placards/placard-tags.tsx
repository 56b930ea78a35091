import { Space, Tag } from 'antd';

import type { PlacardCheckResult, ReprintReason } from '../../../contract/placards';
import { useI18n } from '../../i18n/i18n-context';

const checkColors: Record<PlacardCheckResult, string> = {
  ok: 'green',
  damaged: 'orange',
  missing: 'red',
  outdated: 'gold',
};

/** What a field check found, as a coloured tag. */
export function CheckResultTag({ result }: { result: PlacardCheckResult }) {
  const { t } = useI18n();
  return (
    <Tag color={checkColors[result]} data-testid="check-result" data-result={result}>
      {t(`placards.check.result.${result}`)}
    </Tag>
  );
}

/** Whether the placard on the wall is current, or why it must be printed again. */
export function ReprintTags({ reasons }: { reasons: readonly ReprintReason[] }) {
  const { t } = useI18n();
  if (reasons.length === 0) {
    return (
      <Tag color="green" data-testid="reprint-state" data-state="current">
        {t('placards.reprint.current')}
      </Tag>
    );
  }
  return (
    <Space size={4} wrap data-testid="reprint-state" data-state="reprint">
      {reasons.map((reason) => (
        <Tag
          key={reason}
          color={reason === 'never_printed' ? 'default' : 'red'}
          data-testid="reprint-reason"
          data-reason={reason}
        >
          {t(`placards.reprint.${reason}`)}
        </Tag>
      ))}
    </Space>
  );
}

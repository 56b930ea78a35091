import { Form, Select } from 'antd';

import type { PossibleDuplicate } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';

/**
 * The ticket to merge this one into: one of its possible duplicates, as the server listed them;
 * the server checks again that it still is one.
 */
export function MergeTargetField({ duplicates }: { duplicates: readonly PossibleDuplicate[] }) {
  const { t } = useI18n();
  const options = duplicates.map((d) => ({
    value: d.id,
    search: `${d.trackingCode} ${d.summary}`,
    label: (
      <span data-testid={`merge-option-${d.id}`}>
        {d.trackingCode}
        <span className="wb-muted">
          {' '}
          {t('action.field.merge_target_option', {
            status: t(`ticket.status.${d.status}`),
            at: formatDateTime(d.createdAt),
            summary: d.summary,
          })}
        </span>
      </span>
    ),
  }));
  return (
    <Form.Item
      name="intoId"
      label={t('action.field.merge_target')}
      extra={t('action.field.merge_target_help')}
      rules={[{ required: true, message: t('action.field.required') }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'search' }}
        options={options}
        placeholder={t('action.field.merge_target_placeholder')}
        notFoundContent={t('action.field.merge_target_none')}
        data-testid="merge-target"
      />
    </Form.Item>
  );
}

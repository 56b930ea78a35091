import { Form, Select } from 'antd';
import { useEffect, useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { fetchLiaisons, type LiaisonOption } from '../staff-api';
import { staffLabel } from '../common/staff-label';

/** The liaison to hand the ticket to, searchable by name, badge number or room. */
export function AssigneeField({
  ticketId,
  currentId,
}: {
  ticketId: string;
  currentId: string | null;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [liaisons, setLiaisons] = useState<LiaisonOption[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    fetchLiaisons(ticketId).then(setLiaisons, setError);
  }, [ticketId]);

  const options = (liaisons ?? [])
    .filter((l) => l.id !== currentId)
    .map((l) => ({
      value: l.id,
      search: `${l.name} ${l.badgeNo} ${l.rooms.join(' ')}`,
      label: (
        <span data-testid={`assignee-option-${l.badgeNo}`}>
          {staffLabel(t, l)}
          <span className="wb-muted"> {l.rooms.join(t('common.list_separator'))}</span>
        </span>
      ),
    }));

  return (
    <Form.Item
      name="assigneeId"
      label={t('action.field.assignee')}
      rules={[{ required: true, message: t('action.field.required') }]}
      validateStatus={error ? 'error' : undefined}
      help={error ? errorText(i18n, error) : undefined}
    >
      <Select
        showSearch={{ optionFilterProp: 'search' }}
        loading={liaisons === null && !error}
        options={options}
        placeholder={t('action.field.assignee_placeholder')}
        notFoundContent={liaisons === null ? undefined : t('action.field.assignee_none')}
        data-testid="action-assignee"
      />
    </Form.Item>
  );
}

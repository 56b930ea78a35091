import { Form, Input } from 'antd';

import { useI18n } from '../../i18n/i18n-context';

/** A required Shanghai calendar date, typed or picked as YYYY-MM-DD. */
export function DateField({ name, label, extra }: { name: string; label: string; extra?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        { required: true, message: t('action.field.required') },
        { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('case.field.date_format') },
      ]}
    >
      <Input type="date" data-testid={`field-${name}`} />
    </Form.Item>
  );
}

/** The rule of an amount typed in yuan with at most two decimals. */
export function yuanRule(message: string) {
  return { pattern: /^\d{1,9}(\.\d{1,2})?$/, message };
}

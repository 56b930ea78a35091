import { Button, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';

import type { Exemplary, ExemplaryInput } from '../../../contract/assessment';
import { useI18n } from '../../i18n/i18n-context';

/** What the form is given; `onSubmit` answers whether the record was saved. */
interface ExemplaryFormProps {
  streets: { streetId: string; streetName: string }[];
  editing: Exemplary | null;
  onSubmit(values: ExemplaryInput): Promise<boolean>;
  onCancel: () => void;
}

/**
 * The form of exemplary work: empty to record a new one, filled with the record being edited
 * (its street, title, date of recognition and description). Evidence is added from the table.
 */
export function ExemplaryForm(props: ExemplaryFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExemplaryInput>();
  const { editing } = props;
  useEffect(() => {
    if (editing) {
      form.setFieldsValue({
        streetId: editing.streetId,
        title: editing.title,
        recognisedOn: editing.recognisedOn,
        description: editing.description,
      });
    } else {
      form.resetFields();
    }
  }, [editing, form]);
  const required = { required: true, message: t('assessment.exemplary.required') };

  return (
    <Form
      form={form}
      layout="vertical"
      className="wb-assessment-exemplary-form"
      data-testid="exemplary-form"
      onFinish={(values) => {
        void props.onSubmit(values).then((saved) => {
          if (saved) {
            form.resetFields();
          }
        });
      }}
    >
      <Form.Item name="streetId" label={t('assessment.street')} rules={[required]}>
        <Select
          data-testid="exemplary-street"
          options={props.streets.map((s) => ({ value: s.streetId, label: s.streetName }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('assessment.exemplary.title')}
        rules={[{ ...required, min: 2 }]}
      >
        <Input maxLength={100} data-testid="exemplary-title" />
      </Form.Item>
      <Form.Item
        name="recognisedOn"
        label={t('assessment.exemplary.recognised_on')}
        rules={[required]}
      >
        <Input type="date" data-testid="exemplary-date" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('assessment.exemplary.description')}
        rules={[{ ...required, min: 2 }]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="exemplary-description" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="exemplary-submit">
          {editing ? t('assessment.exemplary.save_edit') : t('assessment.exemplary.create')}
        </Button>
        {editing ? (
          <Button onClick={props.onCancel}>{t('assessment.exemplary.cancel_edit')}</Button>
        ) : null}
      </Space>
    </Form>
  );
}

import { Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';

import {
  SURVEY_COMMENT_LIMIT,
  SURVEY_QUESTIONS_MAX,
  SURVEY_QUESTIONS_MIN,
  type CreateCampaign,
} from '../../../contract/surveys';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchStreets } from '../dashboard/dashboard-api';
import { createCampaign } from './surveys-api';

/** The value of the street choice that means every street. */
const ALL = '';

interface FormValues {
  streetId: string;
  title: string;
  opensOn: string;
  closesOn: string;
  questions: string;
  commentMax: number;
}

interface CampaignFormProps {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/** The bureau admin's form for a campaign of all streets or of one (one line a question). */
export function CampaignForm({ open, onClose, onCreated }: CampaignFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const { resource } = useStaffResource('survey-streets', fetchStreets);
  const streets = resource.state === 'ready' ? resource.data.items : [];

  const submit = async (values: FormValues) => {
    const body: CreateCampaign = {
      streetId: values.streetId === ALL ? null : values.streetId,
      title: values.title,
      opensOn: values.opensOn,
      closesOn: values.closesOn,
      questions: values.questions
        .split('\n')
        .map((q) => q.trim())
        .filter(Boolean),
      commentMax: values.commentMax,
    };
    setSaving(true);
    try {
      await createCampaign(body);
      form.resetFields();
      onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('surveys.create.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          streetId: ALL,
          commentMax: 200,
          questions: t('surveys.create.default_questions'),
        }}
        onFinish={(values) => {
          void submit(values);
        }}
      >
        <Form.Item name="streetId" label={t('surveys.field.street')}>
          <Select
            data-testid="survey-street"
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: ALL, label: t('surveys.field.all_streets') },
              ...streets.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t('surveys.field.title')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="survey-title" />
        </Form.Item>
        <Form.Item
          name="opensOn"
          label={t('surveys.field.opens_on')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
        >
          <Input type="date" data-testid="survey-opens" />
        </Form.Item>
        <Form.Item
          name="closesOn"
          label={t('surveys.field.closes_on')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
        >
          <Input type="date" data-testid="survey-closes" />
        </Form.Item>
        <Form.Item
          name="questions"
          label={t('surveys.field.questions', {
            min: SURVEY_QUESTIONS_MIN,
            max: SURVEY_QUESTIONS_MAX,
          })}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={5} data-testid="survey-questions" />
        </Form.Item>
        <Form.Item name="commentMax" label={t('surveys.field.comment_max')}>
          <InputNumber min={0} max={SURVEY_COMMENT_LIMIT} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="survey-save">
          {t('surveys.create.save')}
        </Button>
      </Form>
    </Modal>
  );
}

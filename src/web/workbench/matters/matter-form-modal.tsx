import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';

import { educationTopics, type EducationTopic } from '../../../contract/education';
import { type MatterHistory, type StaffMatter } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { ErrorAlert } from '../common/error-alert';
import { fieldLabel } from './matter-fields';
import { postMatter, putMatter } from './matters-api';

interface FormValues {
  code: string;
  name: string;
  nameEn: string;
  prohibitionBasis: string;
  penaltyBasis: string;
  penaltyRange: string;
  handlingBody: string;
  handledByChengguan: boolean;
  education: string;
  educationTopic: EducationTopic | null;
  sort?: number;
  reason: string;
}

const textFields = ['name', 'nameEn', 'handlingBody'] as const;
const longFields = ['prohibitionBasis', 'penaltyBasis', 'penaltyRange'] as const;

interface MatterFormModalProps {
  /** The matter to edit; none to create a new one. */
  matter: StaffMatter | null;
  open: boolean;
  onClose: () => void;
  onSaved: (history: MatterHistory) => void;
}

function initialValues(matter: StaffMatter | null): Partial<FormValues> {
  if (!matter) {
    return { handledByChengguan: true, educationTopic: null, education: '' };
  }
  return {
    name: matter.name,
    nameEn: matter.nameEn,
    prohibitionBasis: matter.prohibitionBasis,
    penaltyBasis: matter.penaltyBasis,
    penaltyRange: matter.penaltyRange,
    handlingBody: matter.handlingBody,
    handledByChengguan: matter.handledByChengguan,
    education: matter.education,
    educationTopic: matter.educationTopic,
    sort: matter.sort,
    reason: '',
  };
}

/** Creates a matter or edits one; every save names its reason and becomes a new revision. */
export function MatterFormModal({ matter, open, onClose, onSaved }: MatterFormModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('matters.form.required', { field }) },
  ];

  const save = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const texts = {
        ...values,
        education: values.education || '',
        educationTopic: values.educationTopic ?? null,
      };
      const saved = matter
        ? await putMatter(matter.code, { ...texts, baseRevision: matter.revision })
        : await postMatter(texts);
      onSaved(saved);
    } catch (failure) {
      const details = failure instanceof ApiError ? failure.details : [];
      const known = details.filter((d) => d.field in form.getFieldsValue(true));
      form.setFields(
        known.map((d) => ({
          name: d.field as keyof FormValues,
          errors: [locale === 'en' ? d.messageEn || d.message : d.message],
        })),
      );
      if (known.length < details.length || known.length === 0) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={
        matter ? t('matters.form.edit_title', { code: matter.code }) : t('matters.form.new_title')
      }
      okText={t('matters.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'matter-form-save' }}
    >
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues(matter)}
        onFinish={(values) => void save(values)}
        data-testid="matter-form"
        preserve={false}
      >
        {matter ? null : (
          <Form.Item
            name="code"
            label={fieldLabel(t, 'code')}
            extra={t('matters.form.code_hint')}
            rules={required(fieldLabel(t, 'code'))}
          >
            <Input data-testid="matter-field-code" maxLength={32} />
          </Form.Item>
        )}
        {textFields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={fieldLabel(t, field)}
            rules={required(fieldLabel(t, field))}
          >
            <Input data-testid={`matter-field-${field}`} />
          </Form.Item>
        ))}
        {longFields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={fieldLabel(t, field)}
            rules={required(fieldLabel(t, field))}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              data-testid={`matter-field-${field}`}
            />
          </Form.Item>
        ))}
        <Form.Item
          name="handledByChengguan"
          label={fieldLabel(t, 'handledByChengguan')}
          extra={t('matters.form.handled_hint')}
        >
          <Radio.Group
            data-testid="matter-field-handledByChengguan"
            options={[
              { value: true, label: t('matters.value.handledByChengguan_true') },
              { value: false, label: t('matters.value.handledByChengguan_false') },
            ]}
          />
        </Form.Item>
        <Form.Item name="education" label={fieldLabel(t, 'education')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="matter-field-education"
          />
        </Form.Item>
        <Form.Item
          name="educationTopic"
          label={fieldLabel(t, 'educationTopic')}
          extra={t('matters.form.topic_hint')}
        >
          <Select<EducationTopic>
            allowClear
            data-testid="matter-field-educationTopic"
            placeholder={t('matters.value.none')}
            options={educationTopics.map((topic) => ({
              value: topic,
              label: t(`education.topic.${topic}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="sort" label={fieldLabel(t, 'sort')}>
          <InputNumber min={0} max={100000} precision={0} data-testid="matter-field-sort" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={fieldLabel(t, 'reason')}
          extra={t('matters.form.reason_hint')}
          rules={required(fieldLabel(t, 'reason'))}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={500}
            data-testid="matter-field-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

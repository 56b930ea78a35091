import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';

import type { Matter } from '../../../contract/org';
import { QA_ANSWER_MAX, QA_QUESTION_MAX, type RedactionKind } from '../../../contract/qa';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { fetchQaMatters } from './qa-api';

/** The text of an entry as the form holds it. */
export interface QaText {
  question: string;
  answer: string;
  matterCode: string | null;
}

/** Saves the text; a refusal is thrown and shown in the modal. */
interface SaveQa {
  (text: QaText): Promise<unknown>;
}

interface QaTextModalProps {
  title: string;
  okText: string;
  initial: QaText;
  /** What the pre-filled draft took out, so the publisher knows what to check. */
  removed?: readonly RedactionKind[];
  onSave: SaveQa;
  onClose: () => void;
}

/** Writes or corrects the public question and answer; the server refuses personal data left in. */
export function QaTextModal({
  title,
  okText,
  initial,
  removed = [],
  onSave,
  onClose,
}: QaTextModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<QaText>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [matters, setMatters] = useState<Matter[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetchQaMatters(controller.signal).then(setMatters, () => undefined);
    return () => {
      controller.abort();
    };
  }, []);

  const save = async (values: QaText) => {
    setBusy(true);
    setError(null);
    try {
      await onSave({ ...values, matterCode: values.matterCode ?? null });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'qa-save' }}
      data-testid="qa-modal"
    >
      <Alert
        type="warning"
        showIcon
        className="wb-gap"
        title={t('qa.publish.privacy')}
        description={
          removed.length > 0
            ? t('qa.publish.removed', {
                kinds: removed.map((k) => t(`qa.redaction.${k}`)).join(t('common.list_separator')),
              })
            : undefined
        }
      />
      {error ? <ErrorAlert error={error} testId="qa-error" /> : null}
      <Form<QaText>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="question"
          label={t('qa.field.question')}
          rules={textRules(t, QA_QUESTION_MAX, true)}
        >
          <Input.TextArea
            rows={3}
            count={codePointCount(QA_QUESTION_MAX)}
            data-testid="qa-question"
          />
        </Form.Item>
        <Form.Item
          name="answer"
          label={t('qa.field.answer')}
          rules={textRules(t, QA_ANSWER_MAX, true)}
        >
          <Input.TextArea rows={6} count={codePointCount(QA_ANSWER_MAX)} data-testid="qa-answer" />
        </Form.Item>
        <Form.Item name="matterCode" label={t('qa.field.matter')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={matters.map((m) => ({
              value: m.code,
              label: locale === 'en' ? m.nameEn : m.name,
            }))}
            data-testid="qa-matter"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

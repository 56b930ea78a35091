import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import type { DepartmentReferral, ReferralStep } from '../../../contract/referrals';
import { REASON_MAX, REPLY_MAX } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showFieldErrors } from './form-errors';
import { PhotoUploadField } from './photo-upload-field';
import { postReferralStep } from './referrals-api';

interface ReferralStepModalProps {
  referral: DepartmentReferral;
  step: ReferralStep;
  onClose: () => void;
  onDone: (referral: DepartmentReferral) => void;
}

interface Values {
  text?: string;
  photoIds?: string[];
}

/** The dialog of one department step: a note to accept, a reason to decline, or the answer. */
export function ReferralStepModal({ referral, step, onClose, onDone }: ReferralStepModalProps) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const max = step === 'answer' ? REPLY_MAX : REASON_MAX;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const text = values.text?.trim();
    const body = {
      ...(text ? { text } : {}),
      ...(step === 'answer' ? { photoIds: values.photoIds ?? [] } : {}),
    };
    try {
      onDone(await postReferralStep(referral.id, step, body));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
      showFieldErrors(form, locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={step === 'answer' ? 640 : 520}
      title={t(`referral.step.${step}.title`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid={`referral-step-${step}`}
    >
      <Typography.Paragraph type="secondary">
        {t(`referral.step.${step}.lead`, { code: referral.ticket.trackingCode })}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="text"
          label={t(`referral.step.${step}.field`)}
          rules={textRules(t, max, step !== 'accept')}
        >
          <Input.TextArea
            rows={step === 'answer' ? 6 : 3}
            count={codePointCount(max)}
            data-testid="referral-step-text"
          />
        </Form.Item>
        {step === 'answer' ? (
          <Form.Item name="photoIds" label={t('referral.field.photos')}>
            <PhotoUploadField
              target="/api/dept/photos"
              onPending={setUploading}
              testId="referral-step-photos"
            />
          </Form.Item>
        ) : null}
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={uploading}
            danger={step === 'decline'}
            data-testid="referral-step-submit"
          >
            {t(`referral.step.${step}.submit`)}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

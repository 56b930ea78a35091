import { Button, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import type { Mediation } from '../../../contract/mediation-views';
import type { MediationStep } from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { showNestedFieldErrors } from './form-errors';
import { postMediationStep } from './mediations-api';
import { StepFields } from './step-fields';
import { initialValues, stepBody, type StepValues } from './step-body';

interface StepModalProps {
  mediation: Mediation;
  step: MediationStep;
  onClose: () => void;
  onDone: (updated: Mediation) => void;
}

/** The form of one step; the answer replaces the mediation on the page. */
export function StepModal({ mediation, step, onClose, onDone }: StepModalProps) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: StepValues) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await postMediationStep(mediation.id, step, stepBody(step, values)));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
      showNestedFieldErrors(form, locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={680}
      title={t(`mediation.step.${step}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid="mediation-step-modal"
    >
      <Typography.Paragraph type="secondary">
        {t(`mediation.step_hint.${step}`)}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<StepValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(step)}
        onFinish={(values) => void submit(values)}
      >
        <StepFields step={step} mediation={mediation} />
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            data-testid="mediation-step-submit"
          >
            {t(`mediation.step.${step}`)}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

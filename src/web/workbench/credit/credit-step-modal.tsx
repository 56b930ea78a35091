import { Button, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import type { CreditRepairStepName, StaffCreditRepair } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { postCreditStep } from './credit-api';

interface StepModalProps {
  repair: StaffCreditRepair;
  step: CreditRepairStepName;
  today: string;
  onClose: () => void;
  onDone: (updated: StaffCreditRepair) => void;
}

type Values = {
  items?: string[];
  note?: string;
  reasons?: string;
  correctionConfirmed?: boolean;
  publicationEndedOn?: string;
};

function StepFields({ step, repair }: { step: CreditRepairStepName; repair: StaffCreditRepair }) {
  const { t } = useI18n();
  if (step === 'request_correction') {
    return (
      <>
        <Form.Item name="items" label={t('credit.step_field.items')} rules={[{ required: true }]}>
          <Checkbox.Group
            options={repair.required.map((item) => ({
              value: item,
              label: t(`credit.item.${item}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('credit.step_field.note')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="credit-step-note" />
        </Form.Item>
      </>
    );
  }
  if (step === 'complete') {
    return (
      <Form.Item
        name="publicationEndedOn"
        label={t('credit.step_field.ended_on')}
        rules={[{ required: true }]}
      >
        <Input type="date" data-testid="credit-step-date" />
      </Form.Item>
    );
  }
  return (
    <>
      <Form.Item name="reasons" label={t('credit.step_field.reasons')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={1000} data-testid="credit-step-reasons" />
      </Form.Item>
      {step === 'accept' ? (
        <Form.Item name="correctionConfirmed" valuePropName="checked">
          <Checkbox data-testid="credit-step-confirm">{t('credit.step_field.confirm')}</Checkbox>
        </Form.Item>
      ) : null}
    </>
  );
}

/** The form of one step; the answer replaces the application on the page. */
export function CreditStepModal({ repair, step, today, onClose, onDone }: StepModalProps) {
  const { t } = useI18n();
  const auth = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const initial: Values =
    step === 'request_correction'
      ? { items: repair.missing }
      : step === 'complete'
        ? { publicationEndedOn: today }
        : { correctionConfirmed: false };

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(
        await postCreditStep(repair.id, step, {
          ...values,
          correctionConfirmed: step === 'accept' ? values.correctionConfirmed === true : undefined,
        }),
      );
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`credit.step.${step}`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      data-testid="credit-step-modal"
    >
      <Typography.Paragraph type="secondary">{t(`credit.step_hint.${step}`)}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values> layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <StepFields step={step} repair={repair} />
        <Space>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="credit-step-submit">
            {t(`credit.step.${step}`)}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

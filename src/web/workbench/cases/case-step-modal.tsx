import { Button, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import type { CaseStep } from '../../../contract/cases';
import type { StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { postCaseStep } from './cases-api';
import { CaseStepFields } from './case-step-fields';
import { showCaseFieldErrors } from './form-errors';
import { shanghaiToday } from './money';
import { stepBody } from './step-body';

/** The date fields each step opens with, set to today: the day it is usually done. */
const todayFields: Partial<Record<CaseStep, string[]>> = {
  notify: ['deliveredOn'],
  request_hearing: ['requestedOn'],
  schedule_hearing: ['noticeOn'],
  hold_hearing: ['heldOn'],
  decide: ['decidedOn'],
  deliver: ['deliveredOn'],
  record_payment: ['paidOn'],
  apply_court: ['appliedOn'],
  follow_up: ['checkedOn'],
};

function initialValues(step: CaseStep, c: StaffCase): Record<string, unknown> {
  const today = shanghaiToday();
  const values: Record<string, unknown> = Object.fromEntries(
    (todayFields[step] ?? []).map((name) => [name, today]),
  );
  if (step === 'decide') {
    values.kind = c.status === 'notified' ? 'penalty' : 'no_penalty';
  }
  return values;
}

interface CaseStepModalProps {
  c: StaffCase;
  step: CaseStep;
  onClose: () => void;
  onDone: (c: StaffCase) => void;
}

/** The dialog of one case step: its fields, then POST …/steps/:step with them. */
export function CaseStepModal({ c, step, onClose, onDone }: CaseStepModalProps) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await postCaseStep(c.id, step, stepBody(step, values)));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
      if (failure instanceof ApiError) {
        showCaseFieldErrors(form, locale, failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const danger = step === 'cancel';
  return (
    <Modal
      open
      width={640}
      title={t(`case.step.${step}.title`)}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid={`case-step-modal-${step}`}
    >
      <Typography.Paragraph type="secondary">
        {t(`case.step.${step}.lead`, { caseNo: c.caseNo })}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} testId="case-step-error" /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(step, c)}
        onFinish={(values) => void submit(values)}
      >
        <CaseStepFields step={step} c={c} />
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            danger={danger}
            loading={busy}
            data-testid="case-step-submit"
          >
            {t(`case.step.${step}.submit`)}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

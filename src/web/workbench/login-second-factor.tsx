import { Alert, Button, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';

import type { Me, TotpEnrolment } from '../../contract/auth';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../shared/error-text';
import * as api from './staff-api';

/**
 * The second sign-in step of admin roles (docs/security.md): set up an authenticator app from a
 * QR code at the first sign-in, or give its six-digit code (or a recovery code) afterwards.
 */
export function SecondFactorStep({
  step,
  onDone,
}: {
  step: 'totp' | 'enrol';
  onDone: (me: Me) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recovery, setRecovery] = useState<{ me: Me; codes: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (step === 'enrol') {
      api.startTotpEnrolment().then(setEnrolment, setError);
    }
  }, [step]);

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (step === 'enrol') {
        const done = await api.confirmTotp(code.trim());
        setRecovery({ me: done.me, codes: done.recoveryCodes });
      } else {
        const done = await api.verifyTotp(code.trim());
        if (done.me) {
          onDone(done.me);
        }
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (recovery) {
    return (
      <div data-testid="totp-recovery">
        <Typography.Paragraph>{t('security.recovery_lead')}</Typography.Paragraph>
        <ul className="wb-recovery-codes">
          {recovery.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <Button
          type="primary"
          block
          size="large"
          onClick={() => {
            onDone(recovery.me);
          }}
          data-testid="totp-continue"
        >
          {t('security.recovery_continue')}
        </Button>
      </div>
    );
  }

  return (
    <div>
      {step === 'enrol' ? (
        <>
          <Typography.Paragraph>{t('security.enrol_lead')}</Typography.Paragraph>
          {enrolment ? (
            <div className="wb-totp-qr">
              <img src={enrolment.qrDataUrl} alt={t('security.enrol_qr_alt')} width={200} />
              <Typography.Paragraph type="secondary">
                {t('security.enrol_secret')}{' '}
                <code data-testid="totp-secret">{enrolment.secret}</code>
              </Typography.Paragraph>
            </div>
          ) : null}
        </>
      ) : (
        <Typography.Paragraph>{t('security.verify_lead')}</Typography.Paragraph>
      )}
      {error ? (
        <Alert type="error" showIcon title={errorText(i18n, error)} className="wb-gap" />
      ) : null}
      <Form<{ code: string }>
        layout="vertical"
        onFinish={(values) => void submit(values)}
        requiredMark={false}
      >
        <Form.Item
          name="code"
          label={t('security.code')}
          rules={[{ required: true, whitespace: true, message: t('security.code_required') }]}
        >
          <Input
            autoComplete="one-time-code"
            inputMode={step === 'enrol' ? 'numeric' : 'text'}
            size="large"
            disabled={step === 'enrol' && !enrolment}
            data-testid="totp-code"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={busy}
          data-testid="totp-submit"
        >
          {t('security.code_submit')}
        </Button>
      </Form>
    </div>
  );
}

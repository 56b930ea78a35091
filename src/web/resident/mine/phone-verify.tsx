import { useState, type SyntheticEvent } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { errorText, fieldErrors } from '../../shared/error-text';
import { FieldError } from '../form/field-error';
import { requestCode, verifyCode } from './mine-api';
import { useCountdown } from './use-countdown';

interface PhoneVerifyProps {
  onVerified: () => void;
}

/** The phone, a button that sends a code by SMS (then counts down a minute), and the code. */
export function PhoneVerify({ onVerified }: PhoneVerifyProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<'send' | 'verify' | null>(null);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const countdown = useCountdown();
  const byField = fieldErrors(locale, error);
  const general = error && !byField.phone && !byField.code ? errorText(i18n, error) : null;

  const send = async () => {
    setBusy('send');
    setError(null);
    try {
      const answer = await requestCode(phone);
      setSent(true);
      countdown.startFor(answer.resendAfterSeconds);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy('verify');
    setError(null);
    try {
      await verifyCode(phone, code.trim());
      onVerified();
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  };

  return (
    <form className="r-card r-mine-verify" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('mine.phone.title')}</h2>
      <p className="r-muted">{t('mine.phone.lead')}</p>
      <div className="r-field">
        <label className="r-label" htmlFor="mine-phone">
          {t('mine.phone.label')}
        </label>
        <div className="r-mine-inline">
          <input
            id="mine-phone"
            className="r-input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value);
            }}
            aria-describedby="mine-phone-error"
            data-testid="mine-phone"
          />
          <button
            type="button"
            className="r-button"
            disabled={busy !== null || countdown.left > 0 || phone.trim() === ''}
            onClick={() => void send()}
            data-testid="mine-send-code"
          >
            {countdown.left > 0
              ? t('mine.phone.resend_in', { seconds: countdown.left })
              : t(sent ? 'mine.phone.resend' : 'mine.phone.send')}
          </button>
        </div>
        <FieldError id="mine-phone-error" message={byField.phone} testId="mine-phone-error" />
        {sent ? (
          <p className="r-help" role="status" data-testid="mine-code-sent">
            {t('mine.phone.sent')}
          </p>
        ) : null}
      </div>
      <div className="r-field">
        <label className="r-label" htmlFor="mine-code">
          {t('mine.code.label')}
        </label>
        <input
          id="mine-code"
          className="r-input r-mine-code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
          }}
          aria-describedby="mine-code-error"
          data-testid="mine-code"
        />
        <FieldError id="mine-code-error" message={byField.code} testId="mine-code-error" />
      </div>
      {general ? (
        <p className="r-form-error" role="alert" data-testid="mine-verify-error">
          {general}
        </p>
      ) : null}
      <button
        type="submit"
        className="r-button r-button-primary r-button-block"
        disabled={busy !== null || code.trim() === ''}
        data-testid="mine-verify"
      >
        {t(busy === 'verify' ? 'mine.code.checking' : 'mine.code.submit')}
      </button>
    </form>
  );
}

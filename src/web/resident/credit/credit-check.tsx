import { useState, type SyntheticEvent } from 'react';

import type { CreditStanding } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { errorText, fieldErrors } from '../../shared/error-text';
import { FieldError } from '../form/field-error';
import { checkCredit } from './credit-api';
import { formatDay } from './format-day';

/** The check: a decision number and an ID number give the class and the earliest day. */
export function CreditCheck() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [decisionNo, setDecisionNo] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [result, setResult] = useState<CreditStanding | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    checkCredit(decisionNo, idNumber).then(
      (standing) => {
        setResult(standing);
        setBusy(false);
      },
      (e: unknown) => {
        setResult(null);
        setError(e);
        setBusy(false);
      },
    );
  };
  const fields = fieldErrors(locale, error);

  return (
    <section className="r-card" aria-labelledby="cr-check">
      <h2 id="cr-check">{t('credit.check.title')}</h2>
      <form onSubmit={submit} noValidate data-testid="credit-check-form">
        <div className="r-field">
          <label className="r-label" htmlFor="cr-check-no">
            {t('credit.field.decision_no')}
          </label>
          <input
            id="cr-check-no"
            className="r-input"
            value={decisionNo}
            maxLength={64}
            aria-invalid={fields.decisionNo ? true : undefined}
            aria-describedby={fields.decisionNo ? 'cr-check-no-error' : undefined}
            onChange={(e) => {
              setDecisionNo(e.target.value);
            }}
          />
          <FieldError
            id="cr-check-no-error"
            message={fields.decisionNo}
            testId="credit-check-decisionNo-error"
          />
        </div>
        <div className="r-field">
          <label className="r-label" htmlFor="cr-check-id">
            {t('credit.field.id_number')}
          </label>
          <input
            id="cr-check-id"
            className="r-input"
            value={idNumber}
            maxLength={40}
            autoComplete="off"
            aria-invalid={fields.idNumber ? true : undefined}
            aria-describedby={fields.idNumber ? 'cr-check-id-error' : undefined}
            onChange={(e) => {
              setIdNumber(e.target.value);
            }}
          />
          <FieldError
            id="cr-check-id-error"
            message={fields.idNumber}
            testId="credit-check-idNumber-error"
          />
        </div>
        <button type="submit" className="r-button r-button-primary" disabled={busy}>
          {t('credit.check.submit')}
        </button>
      </form>
      {error && !fields.idNumber && !fields.decisionNo ? (
        <p className="r-form-error" role="alert" data-testid="credit-check-error">
          {errorText(i18n, error)}
        </p>
      ) : null}
      {result ? (
        <div className="cr-result" role="status" data-testid="credit-check-result">
          <p>{t('credit.check.class_is', { cls: t(`credit.class.${result.creditClass}`) })}</p>
          <p data-testid="credit-earliest">
            {t('credit.check.earliest', { day: formatDay(result.earliestOn, locale) })}
          </p>
          <p>{t('credit.check.last_day', { day: formatDay(result.publicationLastDay, locale) })}</p>
          {result.blockers.map((b) => (
            <p key={b} className="cr-blocker">
              {t(`credit.blocker.${b}`)}
            </p>
          ))}
          {result.blockers.length === 0 ? (
            <p className="cr-ok">{t('credit.check.can_apply')}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

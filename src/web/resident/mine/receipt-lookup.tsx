import { useState, type SyntheticEvent } from 'react';

import type { ReceiptStatus } from '../../../contract/my-requests';
import { useI18n } from '../../i18n/i18n-context';
import { errorText, fieldErrors } from '../../shared/error-text';
import { formatDateTime } from '../../shared/format-date';
import { FieldError } from '../form/field-error';
import { lookUpReceipt } from './mine-api';
import { kindLabel, statusLabel } from './request-labels';

/** A receipt code in, the state of its request out: kind, title, status and date. */
export function ReceiptLookup() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<ReceiptStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const byField = fieldErrors(locale, error);
  const general = error && !byField.code ? errorText(i18n, error) : null;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      setFound(await lookUpReceipt(code));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="r-card" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('mine.receipt.title')}</h2>
      <div className="r-field">
        <label className="r-label" htmlFor="mine-receipt">
          {t('mine.receipt.label')}
        </label>
        <input
          id="mine-receipt"
          className="r-input"
          type="text"
          autoCapitalize="characters"
          autoComplete="off"
          maxLength={40}
          value={code}
          placeholder={t('mine.receipt.placeholder')}
          onChange={(e) => {
            setCode(e.target.value);
          }}
          aria-describedby="mine-receipt-help mine-receipt-error"
          data-testid="mine-receipt-code"
        />
        <p id="mine-receipt-help" className="r-help">
          {t('mine.receipt.help')}
        </p>
        <FieldError id="mine-receipt-error" message={byField.code} testId="mine-receipt-error" />
      </div>
      {general ? (
        <p className="r-form-error" role="alert">
          {general}
        </p>
      ) : null}
      <button
        type="submit"
        className="r-button r-button-primary r-button-block"
        disabled={busy || code.trim() === ''}
        data-testid="mine-receipt-submit"
      >
        {t('mine.receipt.submit')}
      </button>
      {found ? (
        <div className="r-mine-found" role="status" data-testid="mine-receipt-result">
          <h3>{found.title}</h3>
          <dl className="r-facts">
            <div>
              <dt>{t('mine.item.receipt_code')}</dt>
              <dd>{found.receiptCode}</dd>
            </div>
            <div>
              <dt>{t('mine.item.kind')}</dt>
              <dd>{kindLabel(i18n, found.source, found.kind)}</dd>
            </div>
            <div>
              <dt>{t('mine.item.status')}</dt>
              <dd data-testid="mine-receipt-status">
                {statusLabel(i18n, found.source, found.status)}
              </dd>
            </div>
            <div>
              <dt>{t('mine.item.created_at')}</dt>
              <dd>{formatDateTime(found.createdAt)}</dd>
            </div>
          </dl>
          <p className="r-muted">{t('mine.receipt.private_link')}</p>
        </div>
      ) : null}
    </form>
  );
}

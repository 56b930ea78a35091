import { useState, type SyntheticEvent } from 'react';

import { REASON_MAX, type ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText, fieldErrors } from '../../shared/error-text';
import { textLength } from '../../shared/text-length';
import { reopenTicket } from '../public-api';

interface ReopenFormProps {
  accessToken: string;
  onReopened: (ticket: ResidentTicket) => void;
  /** The ticket changed meanwhile (rated or reopened on another device): load it again. */
  onStale: () => void;
}

function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'state_conflict' || error.code === 'transition_refused')
  );
}

/**
 * "The problem is not solved": the resident says why and the ticket is handled again (re-handling).
 */
export function ReopenForm({ accessToken, onReopened, onStale }: ReopenFormProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const length = textLength(reason.trim());
  const fields = fieldErrors(locale, error);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (length === 0) {
      setMissing(true);
      return;
    }
    if (length > REASON_MAX || sending) {
      return;
    }
    setSending(true);
    setError(null);
    try {
      onReopened(await reopenTicket(accessToken, reason.trim()));
    } catch (failure) {
      setError(failure);
      if (isStale(failure)) {
        onStale();
      }
    } finally {
      setSending(false);
    }
  };

  if (!open) {
    return (
      <section className="r-card" data-testid="reopen-card">
        <h2>{t('follow.reopen.title')}</h2>
        <p className="r-muted">{t('follow.reopen.lead')}</p>
        <button
          type="button"
          className="r-button r-button-block"
          data-testid="reopen-open"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t('follow.reopen.open')}
        </button>
      </section>
    );
  }

  return (
    <form className="r-card r-form" onSubmit={(e) => void submit(e)} data-testid="reopen-form">
      <h2>{t('follow.reopen.title')}</h2>
      <p className="r-muted">{t('follow.reopen.lead')}</p>
      <div className="r-field">
        <label className="r-label" htmlFor="reopen-reason">
          {t('follow.reopen.reason')}
        </label>
        <textarea
          id="reopen-reason"
          className="r-input r-textarea"
          rows={4}
          value={reason}
          placeholder={t('follow.reopen.reason_placeholder')}
          onChange={(event) => {
            setReason(event.target.value);
            setMissing(false);
          }}
          data-testid="reopen-reason"
        />
        <p className={length > REASON_MAX ? 'r-counter r-counter-over' : 'r-counter'}>
          {t('form.description.counter', { count: length, max: REASON_MAX })}
        </p>
        {missing || fields.reason ? (
          <p className="r-field-error" role="alert">
            {fields.reason ?? t('follow.reopen.required')}
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="r-form-error" role="alert" data-testid="reopen-error">
          {errorText(i18n, error)}
        </p>
      ) : null}
      <button
        type="submit"
        className="r-button r-button-primary r-button-block"
        disabled={sending}
        data-testid="reopen-submit"
      >
        {t(sending ? 'form.submitting' : 'follow.reopen.submit')}
      </button>
      <button
        type="button"
        className="r-button r-button-quiet"
        disabled={sending}
        data-testid="reopen-cancel"
        onClick={() => {
          setOpen(false);
          setError(null);
          setMissing(false);
        }}
      >
        {t('common.cancel')}
      </button>
    </form>
  );
}

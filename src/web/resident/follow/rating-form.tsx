import { useState, type SyntheticEvent } from 'react';

import { COMMENT_MAX, ratings, type Rating, type ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText, fieldErrors } from '../../shared/error-text';
import { textLength } from '../../shared/text-length';
import { rateTicket } from '../public-api';

interface RatingFormProps {
  accessToken: string;
  onRated: (ticket: ResidentTicket) => void;
  /** The ticket changed meanwhile (rated on another device): load it again. */
  onStale: () => void;
}

function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'state_conflict' || error.code === 'transition_refused')
  );
}

/** Satisfied, basically satisfied or unsatisfied, with an optional comment. */
export function RatingForm({ accessToken, onRated, onStale }: RatingFormProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const length = textLength(comment.trim());
  const fields = fieldErrors(locale, error);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!rating) {
      setMissing(true);
      return;
    }
    if (length > COMMENT_MAX || sending) {
      return;
    }
    setSending(true);
    setError(null);
    try {
      onRated(await rateTicket(accessToken, rating, comment.trim() || undefined));
    } catch (failure) {
      setError(failure);
      if (isStale(failure)) {
        onStale();
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="r-card r-form" onSubmit={(e) => void submit(e)} data-testid="rating-form">
      <h2>{t('follow.rating.title')}</h2>
      <p className="r-muted">{t('follow.rating.lead')}</p>
      <div className="r-ratings" role="radiogroup" aria-label={t('follow.rating.title')}>
        {ratings.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={rating === option}
            className={`r-kind r-rating-${option}`}
            data-testid={`rating-${option}`}
            onClick={() => {
              setRating(option);
              setMissing(false);
            }}
          >
            <span className="r-kind-name">{t(`ticket.rating.${option}`)}</span>
          </button>
        ))}
      </div>
      {missing || fields.rating ? (
        <p className="r-field-error" role="alert">
          {fields.rating ?? t('follow.rating.required')}
        </p>
      ) : null}
      <div className="r-field">
        <label className="r-label" htmlFor="rating-comment">
          {t('follow.rating.comment')} <span className="r-optional">{t('form.optional')}</span>
        </label>
        <textarea
          id="rating-comment"
          className="r-input r-textarea"
          rows={3}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
          }}
          data-testid="rating-comment"
        />
        <p className={length > COMMENT_MAX ? 'r-counter r-counter-over' : 'r-counter'}>
          {t('form.description.counter', { count: length, max: COMMENT_MAX })}
        </p>
        {fields.comment ? <p className="r-field-error">{fields.comment}</p> : null}
      </div>
      {error ? (
        <p className="r-form-error" role="alert" data-testid="rating-error">
          {errorText(i18n, error)}
        </p>
      ) : null}
      <button
        type="submit"
        className="r-button r-button-primary r-button-block"
        disabled={sending}
        data-testid="rating-submit"
      >
        {t(sending ? 'form.submitting' : 'follow.rating.submit')}
      </button>
    </form>
  );
}

import { useState, type SyntheticEvent } from 'react';

import { COMMENT_MAX, ratings, type Rating, type ResidentTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText, fieldErrors } from '../../shared/error-text';
import { textLength } from '../../shared/text-length';
import { rateTicket } from '../public-api';

interface RatingFormProps {
  accessToken: string;
  /** An unsatisfied rating sends the ticket back for re-handling while this is true. */
  canReopen: boolean;
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

const solvedChoices = [
  { value: true, testId: 'rating-solved-yes', key: 'follow.rating.solved_yes' },
  { value: false, testId: 'rating-solved-no', key: 'follow.rating.solved_no' },
] as const;

/** Satisfied, basically satisfied or unsatisfied, whether it is solved, and a comment. */
export function RatingForm({ accessToken, canReopen, onRated, onStale }: RatingFormProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [rating, setRating] = useState<Rating | null>(null);
  const [solved, setSolved] = useState<boolean | null>(null);
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
      onRated(
        await rateTicket(accessToken, {
          rating,
          solved: solved ?? undefined,
          comment: comment.trim() || undefined,
        }),
      );
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
      {rating === 'unsatisfied' && canReopen ? (
        <p className="r-muted" data-testid="rating-reopen-hint">
          {t('follow.rating.unsatisfied_reopens')}
        </p>
      ) : null}
      <div className="r-field">
        <p className="r-label" id="rating-solved-label">
          {t('follow.rating.solved')} <span className="r-optional">{t('form.optional')}</span>
        </p>
        <div className="r-choices" role="radiogroup" aria-labelledby="rating-solved-label">
          {solvedChoices.map((choice) => (
            <button
              key={choice.testId}
              type="button"
              role="radio"
              aria-checked={solved === choice.value}
              className="r-kind r-choice"
              data-testid={choice.testId}
              onClick={() => {
                // A second tap on the chosen answer takes it back: the question is optional.
                setSolved(solved === choice.value ? null : choice.value);
              }}
            >
              <span className="r-kind-name">{t(choice.key)}</span>
            </button>
          ))}
        </div>
        {fields.solved ? <p className="r-field-error">{fields.solved}</p> : null}
      </div>
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

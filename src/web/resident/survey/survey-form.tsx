import { useState } from 'react';

import type { PublicCampaign, SurveyChoice } from '../../../contract/surveys';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText } from '../../shared/error-text';
import { answerSurvey } from './survey-api';
import { deviceKey, hasAnswered, markAnswered } from './device-key';

const choices: readonly SurveyChoice[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

interface SurveyFormProps {
  campaign: PublicCampaign;
  placardToken?: string;
  /** The heading level of the questionnaire's title: 1 on its own page, 2 on a placard. */
  level: 1 | 2;
}

function ChoiceRow(props: {
  index: number;
  question: string;
  value: SurveyChoice | undefined;
  onPick: (choice: SurveyChoice) => void;
}) {
  const { t } = useI18n();
  const labelId = `sv-q-${String(props.index)}`;
  return (
    <div className="r-field">
      <p className="r-label" id={labelId}>
        {props.index + 1}. {props.question}
      </p>
      <div className="r-ratings sv-choices" role="radiogroup" aria-labelledby={labelId}>
        {choices.map((choice) => (
          <button
            key={choice}
            type="button"
            role="radio"
            aria-checked={props.value === choice}
            className="r-kind"
            data-testid={`survey-q${String(props.index)}-${choice}`}
            onClick={() => {
              props.onPick(choice);
            }}
          >
            <span className="r-kind-name">{t(`surveys.choice.${choice}`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}

/** The questionnaire: one choice a question, an optional comment, then the anonymous answer. */
export function SurveyForm({ campaign, placardToken, level }: SurveyFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [picked, setPicked] = useState<(SurveyChoice | undefined)[]>([]);
  const [comment, setComment] = useState('');
  const [streetId, setStreetId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(() => hasAnswered(campaign.id));
  const [sending, setSending] = useState(false);
  const Heading = level === 1 ? 'h1' : 'h2';
  const needsStreet = campaign.streets.length > 0 && !placardToken;

  if (done) {
    return (
      <section className="r-card" data-testid="survey-done">
        <Heading>{campaign.title}</Heading>
        <p>{t('surveys.resident.thanks')}</p>
      </section>
    );
  }
  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const all = campaign.questions.map((_, i) => picked[i]);
    if (all.some((c) => c === undefined)) {
      setError(new Error(t('surveys.resident.answer_all')));
      return;
    }
    setSending(true);
    try {
      await answerSurvey(campaign.id, {
        deviceKey: deviceKey(),
        choices: all as SurveyChoice[],
        comment: comment.trim() || undefined,
        placardToken,
        streetId: needsStreet && streetId ? streetId : undefined,
      });
      markAnswered(campaign.id);
      setDone(true);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'survey_already_answered') {
        markAnswered(campaign.id);
      }
      setError(failure);
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="r-card r-form" data-testid="survey-form" onSubmit={(e) => void submit(e)}>
      <Heading>{campaign.title}</Heading>
      <p className="r-muted">
        {t('surveys.resident.lead', { from: campaign.opensOn, to: campaign.closesOn })}
      </p>
      {campaign.questions.map((q, i) => (
        <ChoiceRow
          key={q}
          index={i}
          question={q}
          value={picked[i]}
          onPick={(choice) => {
            const next = [...picked];
            next[i] = choice;
            setPicked(next);
          }}
        />
      ))}
      {needsStreet ? (
        <div className="r-field">
          <label className="r-label" htmlFor={`sv-street-${campaign.id}`}>
            {t('surveys.resident.street')}
          </label>
          <select
            id={`sv-street-${campaign.id}`}
            className="r-input"
            value={streetId}
            onChange={(e) => {
              setStreetId(e.target.value);
            }}
          >
            <option value="">{t('surveys.resident.street_pick')}</option>
            {campaign.streets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {campaign.commentMax > 0 ? (
        <div className="r-field">
          <label className="r-label" htmlFor={`sv-comment-${campaign.id}`}>
            {t('surveys.resident.comment', { max: campaign.commentMax })}{' '}
            <span className="r-optional">{t('form.optional')}</span>
          </label>
          <textarea
            id={`sv-comment-${campaign.id}`}
            className="r-input r-textarea"
            rows={3}
            maxLength={campaign.commentMax}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
            }}
          />
        </div>
      ) : null}
      <p className="r-muted sv-privacy">{t('surveys.resident.privacy')}</p>
      {error ? (
        <p className="r-form-error" role="alert" data-testid="survey-error">
          {error instanceof ApiError ? errorText(i18n, error) : (error as Error).message}
        </p>
      ) : null}
      <button
        type="submit"
        className="r-button r-button-primary r-button-block"
        disabled={sending}
        data-testid="survey-submit"
      >
        {t('surveys.resident.submit')}
      </button>
    </form>
  );
}

import { useState, type SyntheticEvent } from 'react';

import { SUGGESTION_TEXT_MAX, type SuggestionReceipt } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { errorText, fieldErrors } from '../../shared/error-text';
import { OwnMatterQuestion } from './own-matter-question';
import { submitSuggestion } from './suggest-api';
import {
  checkSuggestionDraft,
  emptySuggestionDraft,
  toSubmitSuggestion,
  type SuggestionDraft,
  type SuggestionField,
} from './suggestion-draft';
import { TextField } from './text-field';

interface SuggestionFormProps {
  /** The campaign it goes to; null for a daily suggestion. */
  campaignId: string | null;
  onSubmitted: (receipt: SuggestionReceipt) => void;
}

const texts = [
  ['topic', undefined],
  ['reason', SUGGESTION_TEXT_MAX],
  ['proposal', SUGGESTION_TEXT_MAX],
] as const;

/** The suggestion form: own matter or not, topic, reason, proposal, proposer, publication. */
export function SuggestionForm({ campaignId, onSubmitted }: SuggestionFormProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [own, setOwn] = useState<boolean | null>(null);
  const [draft, setDraft] = useState<SuggestionDraft>(emptySuggestionDraft);
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const problems = checkSuggestionDraft(draft);
  const server = fieldErrors(locale, failure);
  const errorOf = (field: SuggestionField) => {
    const key = checked ? problems[field] : undefined;
    return key ? t(key, { max: SUGGESTION_TEXT_MAX }) : (server[field] ?? null);
  };
  const edit = (change: Partial<SuggestionDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0) {
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      onSubmitted(await submitSuggestion(toSubmitSuggestion(draft, campaignId)));
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="r-card r-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="sg-form-title"
      data-testid="suggest-form"
    >
      <h2 id="sg-form-title">
        {t(campaignId ? 'suggest.form.title_campaign' : 'suggest.form.title')}
      </h2>
      <p className="r-muted">{t('suggest.form.lead')}</p>
      <OwnMatterQuestion value={own} onChange={setOwn} />
      {own === false ? (
        <>
          {texts.map(([field, max]) => (
            <TextField
              key={field}
              field={field}
              label={t(`suggest.form.${field}.label`)}
              help={t(`suggest.form.${field}.help`)}
              value={draft[field]}
              max={max}
              onChange={(value) => {
                edit({ [field]: value });
              }}
              error={errorOf(field)}
            />
          ))}
          <TextField
            field="name"
            label={t('suggest.form.name.label')}
            help={t('suggest.form.name.help')}
            value={draft.name}
            optional
            onChange={(name) => {
              edit({ name });
            }}
            error={errorOf('name')}
          />
          <TextField
            field="phone"
            type="tel"
            label={t('suggest.form.phone.label')}
            help={t('suggest.form.phone.help')}
            value={draft.phone}
            optional
            onChange={(phone) => {
              edit({ phone });
            }}
            error={errorOf('phone')}
          />
          <label className="sg-choice r-field">
            <input
              type="checkbox"
              checked={draft.publishConsent}
              onChange={(event) => {
                edit({ publishConsent: event.target.checked });
              }}
              data-testid="suggest-consent"
            />
            {t('suggest.form.consent')}
          </label>
          <p className="r-help">{t('suggest.form.privacy')}</p>
          {failure ? (
            <div className="r-form-error" role="alert" data-testid="suggest-error">
              <p>{errorText(i18n, failure)}</p>
              {server.campaignId ? <p>{server.campaignId}</p> : null}
            </div>
          ) : null}
          <button
            type="submit"
            className="r-button r-button-primary r-button-block"
            disabled={sending}
            data-testid="suggest-submit"
          >
            {t(sending ? 'form.submitting' : 'suggest.form.submit')}
          </button>
        </>
      ) : null}
    </form>
  );
}

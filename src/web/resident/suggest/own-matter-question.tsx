import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';

interface OwnMatterProps {
  value: boolean | null;
  onChange: (own: boolean) => void;
}

/**
 * Whether the suggestion is about the resident's own matter: a personal claim is not a public
 * suggestion (Shanghai regulations on public suggestions, Art 10), so "yes" sends the resident the
 * ticket way instead.
 */
export function OwnMatterQuestion({ value, onChange }: OwnMatterProps) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="r-field">
        <legend className="r-label">{t('suggest.form.own.label')}</legend>
        <p className="r-help" id="sg-own-help">
          {t('suggest.form.own.help')}
        </p>
        {([false, true] as const).map((own) => (
          <label key={String(own)} className="sg-choice">
            <input
              type="radio"
              name="sg-own"
              checked={value === own}
              onChange={() => {
                onChange(own);
              }}
              aria-describedby="sg-own-help"
              data-testid={own ? 'suggest-own-yes' : 'suggest-own-no'}
            />
            {t(own ? 'suggest.form.own.yes' : 'suggest.form.own.no')}
          </label>
        ))}
      </fieldset>
      {value === true ? (
        <div className="sg-redirect" role="status" data-testid="suggest-redirect">
          <p>{t('suggest.form.own.redirect')}</p>
          <Link to="/guide" className="r-button r-button-primary r-button-block">
            {t('suggest.form.own.to_guide')}
          </Link>
        </div>
      ) : null}
    </>
  );
}

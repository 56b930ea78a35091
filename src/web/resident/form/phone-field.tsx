import { useI18n } from '../../i18n/i18n-context';
import { FieldError } from './field-error';

interface PhoneFieldProps {
  value: string;
  onChange: (phone: string) => void;
  error: string | null;
}

/** An optional mobile number, used only to call the resident back. */
export function PhoneField({ value, onChange, error }: PhoneFieldProps) {
  const { t } = useI18n();
  return (
    <div className="r-field">
      <label className="r-label" htmlFor="phone">
        {t('form.phone.label')} <span className="r-optional">{t('form.optional')}</span>
      </label>
      <input
        id="phone"
        className="r-input"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        value={value}
        placeholder={t('form.phone.placeholder')}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-describedby="phone-help phone-error"
        data-testid="phone"
      />
      <p id="phone-help" className="r-help">
        {t('form.phone.help')}
      </p>
      <FieldError id="phone-error" message={error} testId="error-phone" />
    </div>
  );
}

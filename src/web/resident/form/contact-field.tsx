import { useI18n } from '../../i18n/i18n-context';
import { FieldError } from './field-error';

/** The optional contact fields of the form; each is named as the server names it. */
const fields = {
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 20 },
  reporterName: { type: 'text', inputMode: 'text', autoComplete: 'name', maxLength: 30 },
} as const;

interface ContactFieldProps {
  field: keyof typeof fields;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}

/** An optional way to reach the resident (a mobile number, a name), used only to call back. */
export function ContactField({ field, value, onChange, error }: ContactFieldProps) {
  const { t } = useI18n();
  const input = fields[field];
  const key = field === 'phone' ? 'form.phone' : 'form.name';
  return (
    <div className="r-field">
      <label className="r-label" htmlFor={field}>
        {t(`${key}.label`)} <span className="r-optional">{t('form.optional')}</span>
      </label>
      <input
        id={field}
        className="r-input"
        type={input.type}
        inputMode={input.inputMode}
        autoComplete={input.autoComplete}
        maxLength={input.maxLength}
        value={value}
        placeholder={t(`${key}.placeholder`)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-describedby={`${field}-help ${field}-error`}
        data-testid={field}
      />
      <p id={`${field}-help`} className="r-help">
        {t(`${key}.help`)}
      </p>
      <FieldError id={`${field}-error`} message={error} testId={`error-${field}`} />
    </div>
  );
}

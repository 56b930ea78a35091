import { DESCRIPTION_MAX } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { textLength } from '../../shared/text-length';
import { FieldError } from './field-error';

interface DescriptionFieldProps {
  value: string;
  onChange: (text: string) => void;
  error: string | null;
}

/** The description, with a live counter in code points against the 2000 limit. */
export function DescriptionField({ value, onChange, error }: DescriptionFieldProps) {
  const { t } = useI18n();
  const length = textLength(value);
  const over = length > DESCRIPTION_MAX;
  return (
    <div className="r-field">
      <label className="r-label" htmlFor="description">
        {t('form.description.label')}
      </label>
      <textarea
        id="description"
        className="r-input r-textarea"
        rows={6}
        value={value}
        placeholder={t('form.description.placeholder')}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        aria-invalid={over || Boolean(error)}
        aria-describedby="description-count description-error"
        data-testid="description"
      />
      <p
        id="description-count"
        className={over ? 'r-counter r-counter-over' : 'r-counter'}
        data-testid="description-count"
      >
        {t('form.description.counter', { count: length, max: DESCRIPTION_MAX })}
      </p>
      <FieldError id="description-error" message={error} testId="error-description" />
    </div>
  );
}

import { useI18n } from '../../i18n/i18n-context';
import { textLength } from '../../shared/text-length';
import { FieldError } from '../form/field-error';

interface TextFieldProps {
  field: string;
  label: string;
  help?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  /** A text area with a counter when given; a one-line input otherwise. */
  max?: number;
  optional?: boolean;
  type?: 'text' | 'tel';
}

/** One labelled field of the suggestion form, with its help, counter and error. */
export function TextField(props: TextFieldProps) {
  const { t } = useI18n();
  const { field, max, error } = props;
  const id = `sg-${field}`;
  const described = [props.help ? `${id}-help` : '', max ? `${id}-count` : '', `${id}-error`];
  const common = {
    id,
    className: max ? 'r-input r-textarea' : 'r-input',
    value: props.value,
    'aria-invalid': Boolean(error),
    'aria-describedby': described.filter(Boolean).join(' '),
    'data-testid': `suggest-${field}`,
  };
  const change = (value: string) => {
    props.onChange(value);
  };
  return (
    <div className="r-field">
      <label className="r-label" htmlFor={id}>
        {props.label}{' '}
        {props.optional ? <span className="r-optional">{t('form.optional')}</span> : null}
      </label>
      {max ? (
        <textarea
          {...common}
          rows={4}
          onChange={(e) => {
            change(e.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.type === 'tel' ? 'tel' : 'text'}
          maxLength={props.type === 'tel' ? 20 : 100}
          onChange={(e) => {
            change(e.target.value);
          }}
        />
      )}
      {props.help ? (
        <p id={`${id}-help`} className="r-help">
          {props.help}
        </p>
      ) : null}
      {max ? (
        <p id={`${id}-count`} className="r-counter">
          {t('form.description.counter', { count: textLength(props.value), max })}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} testId={`error-suggest-${field}`} />
    </div>
  );
}

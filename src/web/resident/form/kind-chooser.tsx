import { ticketKinds, type TicketKind } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { FieldError } from './field-error';

interface KindChooserProps {
  value: TicketKind | null;
  onChange: (kind: TicketKind) => void;
  error: string | null;
}

/** Five big buttons: consultation, help, complaint, report, suggestion. */
export function KindChooser({ value, onChange, error }: KindChooserProps) {
  const { t } = useI18n();
  return (
    <fieldset className="r-field">
      <legend className="r-label">{t('form.kind.label')}</legend>
      <div
        className="r-kinds"
        role="radiogroup"
        aria-label={t('form.kind.label')}
        aria-describedby={error ? 'kind-error' : undefined}
      >
        {ticketKinds.map((kind) => (
          <button
            key={kind}
            type="button"
            role="radio"
            aria-checked={value === kind}
            className="r-kind"
            data-testid={`kind-${kind}`}
            onClick={() => {
              onChange(kind);
            }}
          >
            <span className="r-kind-name">{t(`ticket.kind.${kind}`)}</span>
            <span className="r-kind-hint">{t(`ticket.kind_hint.${kind}`)}</span>
          </button>
        ))}
      </div>
      <FieldError id="kind-error" message={error} testId="error-kind" />
    </fieldset>
  );
}

import { Alert } from 'antd';

import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText } from '../../shared/error-text';

interface ErrorAlertProps {
  error: unknown;
  onClose?: () => void;
  testId?: string;
}

/** An API error: the translated code, and each wrong field in the chosen language. */
export function ErrorAlert({ error, onClose, testId = 'error-alert' }: ErrorAlertProps) {
  const i18n = useI18n();
  const details = error instanceof ApiError ? error.details : [];
  const english = i18n.locale === 'en';
  return (
    <Alert
      type="error"
      showIcon
      className="wb-gap"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
      title={errorText(i18n, error)}
      closable={onClose ? { onClose } : undefined}
      description={
        details.length > 0 ? (
          <ul className="wb-issue-list">
            {details.map((issue) => (
              <li key={`${issue.field}-${issue.message}`}>
                {i18n.t('error.field_issue', {
                  field: i18n.has(`action.field.${issue.field}`)
                    ? i18n.t(`action.field.${issue.field}`)
                    : issue.field,
                  message: english ? issue.messageEn || issue.message : issue.message,
                })}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

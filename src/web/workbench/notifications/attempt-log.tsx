import { Typography } from 'antd';

import type { Notification } from '../../../contract/notifications';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { errorLabel } from './notification-columns';

/** Every delivery attempt of one message, with the error of each failed one. */
export function AttemptLog({ message }: { message: Notification }) {
  const { t, has } = useI18n();
  if (message.attemptLog.length === 0) {
    return <Typography.Text type="secondary">{t('notifications.no_attempts')}</Typography.Text>;
  }
  return (
    <ol className="wb-issue-list" data-testid="attempt-log">
      {message.attemptLog.map((a) => (
        <li key={a.attempt}>
          {t('notifications.attempt_line', {
            attempt: a.attempt,
            at: formatDateTime(a.at),
            result: a.ok ? t('notifications.attempt_ok') : (errorLabel(t, has, a.error) ?? ''),
          })}
        </li>
      ))}
    </ol>
  );
}

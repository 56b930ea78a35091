import { Alert } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';

/**
 * Years without holiday data count weekends only, so deadlines there may fall on a holiday.
 * Admins see this until the holidays of those years are entered on the calendar page.
 */
export function CalendarWarning() {
  const { t } = useI18n();
  const me = useMe();
  const isAdmin = me.role === 'bureau_admin' || me.role === 'street_admin';
  if (!isAdmin || me.calendarWarnings.length === 0) {
    return null;
  }
  const years = me.calendarWarnings.map((w) => w.year).join(t('common.list_separator'));
  return (
    <Alert
      type="warning"
      showIcon
      banner
      className="wb-gap"
      data-testid="calendar-warning"
      title={t('calendar.warning.title', { years })}
      description={
        <>
          {t('calendar.warning.body')}{' '}
          {me.role === 'bureau_admin' ? (
            <Link to="/workbench/calendar" className="wb-warning-link">
              {t('calendar.warning.link')}
            </Link>
          ) : (
            t('calendar.warning.ask_bureau')
          )}
        </>
      }
    />
  );
}

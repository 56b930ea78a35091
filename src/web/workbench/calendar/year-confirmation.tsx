import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { putYearComplete, type CalendarStatus } from '../staff-api';

interface YearConfirmationProps {
  status: CalendarStatus;
  onChanged: () => void;
  /** A failed change; null when a new one starts. */
  onError: (error: unknown) => void;
}

/**
 * Years the package lacks that are not confirmed yet: the coming ones and any with entered dates.
 */
function pendingYears(status: CalendarStatus): number[] {
  const covered = new Set([...status.coveredYears, ...status.confirmedYears]);
  const years = new Set(status.fallbackYears);
  for (const override of status.overrides) {
    years.add(Number(override.date.slice(0, 4)));
  }
  return [...years].filter((year) => !covered.has(year)).sort((a, b) => a - b);
}

function enteredCount(status: CalendarStatus, year: number, kind: 'holiday' | 'workday'): number {
  const prefix = `${year}-`;
  return status.overrides.filter((o) => o.kind === kind && o.date.startsWith(prefix)).length;
}

/**
 * Confirming a year complete is what makes its deadlines count holidays instead of weekends only:
 * unconfirmed years to confirm once everything is entered, confirmed ones to withdraw.
 */
export function YearConfirmation({ status, onChanged, onError }: YearConfirmationProps) {
  const { t } = useI18n();
  const [busyYear, setBusyYear] = useState<number | null>(null);
  const pending = pendingYears(status);
  const confirmed = [...status.confirmedYears].sort((a, b) => a - b);

  const setComplete = async (year: number, complete: boolean) => {
    setBusyYear(year);
    onError(null);
    try {
      await putYearComplete(year, complete);
      onChanged();
    } catch (error) {
      onError(error);
    } finally {
      setBusyYear(null);
    }
  };

  return (
    <section className="wb-gap-top" data-testid="year-confirmation">
      <Typography.Title level={5}>{t('calendar.confirm.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('calendar.confirm.why')}</Typography.Paragraph>
      {pending.length === 0 ? (
        <Typography.Paragraph className="wb-muted" data-testid="confirm-nothing">
          {t('calendar.confirm.nothing_pending')}
        </Typography.Paragraph>
      ) : (
        <ul className="wb-year-list">
          {pending.map((year) => {
            const holidays = enteredCount(status, year, 'holiday');
            const workdays = enteredCount(status, year, 'workday');
            return (
              <li key={year} className="wb-year-row" data-testid={`pending-year-${year}`}>
                <span>
                  <Tag color="orange">{year}</Tag>
                  {t('calendar.confirm.entered', { holidays, workdays })}
                  {holidays === 0 ? (
                    <span className="wb-muted"> {t('calendar.confirm.enter_first')}</span>
                  ) : null}
                </span>
                <Button
                  type="primary"
                  disabled={holidays === 0}
                  loading={busyYear === year}
                  onClick={() => void setComplete(year, true)}
                  data-testid={`confirm-year-${year}`}
                >
                  {t('calendar.confirm.button', { year })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Typography.Text strong>{t('calendar.confirmed_years')}</Typography.Text>
      {confirmed.length === 0 ? (
        <Typography.Paragraph className="wb-muted" data-testid="confirmed-years">
          {t('common.none')}
        </Typography.Paragraph>
      ) : (
        <ul className="wb-year-list" data-testid="confirmed-years">
          {confirmed.map((year) => (
            <li key={year} className="wb-year-row" data-testid={`confirmed-year-${year}`}>
              <Space size={4} wrap>
                <Tag color="green">{year}</Tag>
                {t('calendar.confirm.confirmed_note', {
                  holidays: enteredCount(status, year, 'holiday'),
                  workdays: enteredCount(status, year, 'workday'),
                })}
              </Space>
              <Button
                loading={busyYear === year}
                onClick={() => void setComplete(year, false)}
                data-testid={`unconfirm-year-${year}`}
              >
                {t('calendar.unconfirm')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

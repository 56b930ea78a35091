import { Button, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';

import { MAX_WEEKLY_TARGET } from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchVisitTarget, putVisitTarget } from './visits-api';

/** The bureau admin sets the weekly visit target, in force from the current week on. */
export function TargetSetting({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const { resource, replace } = useStaffResource('visit-target', (signal) =>
    fetchVisitTarget(signal),
  );
  const [value, setValue] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (resource.state !== 'ready') {
    return resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null;
  }
  const current = resource.data.current;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      replace(await putVisitTarget({ weeklyTarget: value ?? current.weeklyTarget }));
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="wb-gap-top" data-testid="visit-target">
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">
        {current.source === 'default'
          ? t('compliance.target.default', { target: current.weeklyTarget })
          : t('compliance.target.bureau', {
              target: current.weeklyTarget,
              week: current.fromWeek ?? '',
            })}
      </Typography.Paragraph>
      <Space wrap>
        <InputNumber
          min={1}
          max={MAX_WEEKLY_TARGET}
          value={value ?? current.weeklyTarget}
          onChange={setValue}
          aria-label={t('compliance.target.label')}
          data-testid="visit-target-input"
        />
        <Button loading={busy} onClick={() => void save()} data-testid="visit-target-save">
          {t('compliance.target.save')}
        </Button>
      </Space>
    </div>
  );
}

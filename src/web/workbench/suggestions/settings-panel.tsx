import { Alert, Button, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';

import type { SuggestionSettings } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchSettings, putSettings } from './suggestions-api';

/** The time limits in calendar days; the bureau admin may change them. */
export function SettingsPanel() {
  const { t } = useI18n();
  const me = useMe();
  const { resource, replace } = useStaffResource('suggestion-settings', (signal) =>
    fetchSettings(signal),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (resource.state !== 'ready') {
    return resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null;
  }
  const settings = resource.data;
  const save = async (values: SuggestionSettings) => {
    setBusy(true);
    setError(null);
    try {
      replace(await putSettings(values));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" className="wb-full">
      <Alert
        type="info"
        showIcon
        title={t(`suggestion.settings.source.${settings.source}`)}
        description={t('suggestion.settings.basis')}
      />
      {error ? <ErrorAlert error={error} /> : null}
      <Form<SuggestionSettings>
        layout="inline"
        initialValues={settings}
        disabled={me.role !== 'bureau_admin'}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="acceptanceDays"
          label={t('suggestion.settings.acceptance')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <InputNumber min={1} max={90} suffix={t('suggestion.settings.days')} />
        </Form.Item>
        <Form.Item
          name="completionDays"
          label={t('suggestion.settings.completion')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <InputNumber min={1} max={365} suffix={t('suggestion.settings.days')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('suggestion.settings.save')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}

import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { normalizePhone } from '../../resident/form/ticket-draft';
import { errorText } from '../../shared/error-text';
import { setMobile } from '../staff-api';

/** The officer registers or removes the mobile their notifications go to. */
export function MobileCard({ current }: { current: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ mobile: string }>();
  const [masked, setMasked] = useState(current);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const save = async (mobile: string | null) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const answer = await setMobile(mobile);
      setMasked(answer.mobileMasked);
      form.resetFields();
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('mobile.title')} className="wb-narrow-card wb-gap-top" data-testid="mobile-card">
      <Typography.Paragraph type="secondary">{t('mobile.lead')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="mobile-current">
        {masked === null ? t('mobile.none') : t('mobile.current', { masked })}
      </Typography.Paragraph>
      {saved ? (
        <Alert
          type="success"
          showIcon
          className="wb-gap"
          title={t('mobile.saved')}
          data-testid="mobile-saved"
        />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          className="wb-gap"
          title={errorText(i18n, error)}
          data-testid="mobile-error"
        />
      ) : null}
      <Form<{ mobile: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void save(normalizePhone(values.mobile))}
      >
        <Form.Item
          name="mobile"
          label={t('mobile.label')}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                /^1[3-9]\d{9}$/.test(normalizePhone(value ?? ''))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('mobile.invalid'))),
            },
          ]}
        >
          <Input
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            placeholder={t('mobile.placeholder')}
            data-testid="mobile-input"
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="mobile-save">
            {t('mobile.save')}
          </Button>
          {masked !== null ? (
            <Button onClick={() => void save(null)} disabled={busy} data-testid="mobile-remove">
              {t('mobile.remove')}
            </Button>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}

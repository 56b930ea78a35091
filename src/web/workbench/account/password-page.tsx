import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText } from '../../shared/error-text';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { changePassword } from '../staff-api';
import { MobileCard } from './mobile-card';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The server's rule for a new password, checked here first so the answer comes at once. */
const MIN_LENGTH = 8;

/**
 * /workbench/password — every officer changes their own password here, above all the initial one
 * the org import printed; the server then ends the officer's sessions on other devices.
 */
export function PasswordPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState(false);
  useDocumentTitle('password.title');

  const submit = async (values: PasswordValues) => {
    setBusy(true);
    setError(null);
    setChanged(false);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      setChanged(true);
    } catch (failure) {
      const details = failure instanceof ApiError ? failure.details : [];
      const known = details.filter(
        (d) => d.field === 'currentPassword' || d.field === 'newPassword',
      );
      form.setFields(
        known.map((d) => ({
          name: d.field as keyof PasswordValues,
          errors: [locale === 'en' ? d.messageEn || d.message : d.message],
        })),
      );
      // Field messages speak for themselves; anything else (rate limit, network) goes on top.
      if (known.length === 0 || known.length < details.length) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title={t('password.title')} className="wb-narrow-card">
        <Typography.Paragraph type="secondary">{t('password.lead')}</Typography.Paragraph>
        {changed ? (
          <Alert
            type="success"
            showIcon
            className="wb-gap"
            data-testid="password-changed"
            title={t('password.changed')}
            description={t('password.changed_detail')}
          />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            className="wb-gap"
            data-testid="password-error"
            title={errorText(i18n, error)}
          />
        ) : null}
        <Form<PasswordValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          onValuesChange={() => {
            setChanged(false);
          }}
        >
          {/* The user name lets a password manager file the new password under its account. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={me.username}
            readOnly
            hidden
          />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.current_required') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rules', { min: MIN_LENGTH })}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: t('password.new_required') },
              { min: MIN_LENGTH, message: t('password.too_short', { min: MIN_LENGTH }) },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) => {
                  if (!value) {
                    return Promise.resolve();
                  }
                  if (value === getFieldValue('currentPassword') || value === me.username) {
                    return Promise.reject(new Error(t('password.same_as_old')));
                  }
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirm_required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
      {me.mobileMasked !== undefined ? <MobileCard current={me.mobileMasked} /> : null}
    </>
  );
}

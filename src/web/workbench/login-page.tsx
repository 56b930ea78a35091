import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';

import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../shared/error-text';
import { useDocumentTitle } from '../shared/use-document-title';
import { useAuth } from './auth/auth-context';
import type { Credentials, SubmitCredentials } from './auth/auth-types';
import { SecondFactorStep } from './login-second-factor';
import { WorkbenchLanguageSwitch } from './layout/workbench-language-switch';

function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/workbench') ? from : '/workbench';
}

/** /workbench/login — officers sign in with their account. */
export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const auth = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [owed, setOwed] = useState<'totp' | 'enrol' | null>(null);
  useDocumentTitle('login.title');

  if (auth.state.status === 'signed_in') {
    return <Navigate to={returnPath(location.state)} replace />;
  }

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const step = await auth.login(username.trim(), password);
      if (step === 'done') {
        void navigate(returnPath(location.state), { replace: true });
      } else {
        setOwed(step);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wb-login">
      <Card className="wb-login-card">
        <div className="wb-login-head">
          <Typography.Title level={3}>{t('login.title')}</Typography.Title>
          <div className="wb-login-lang">
            <WorkbenchLanguageSwitch />
          </div>
        </div>
        {owed ? (
          <SecondFactorStep
            step={owed}
            onDone={(me) => {
              auth.signedIn(me);
              void navigate(returnPath(location.state), { replace: true });
            }}
          />
        ) : (
          <PasswordStep error={error} busy={busy} submit={submit} />
        )}
        <Typography.Paragraph type="secondary" className="wb-login-foot">
          <a href="/">{t('login.resident_link')}</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

/** The user name and password form. */
function PasswordStep({
  error,
  busy,
  submit,
}: {
  error: unknown;
  busy: boolean;
  submit: SubmitCredentials;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('login.lead')}</Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(i18n, error)}
          className="wb-gap"
          data-testid="login-error"
        />
      ) : null}
      <Form<Credentials>
        layout="vertical"
        onFinish={(values) => void submit(values)}
        requiredMark={false}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.username_required') }]}
        >
          <Input autoComplete="username" size="large" data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.password_required') }]}
        >
          <Input.Password
            autoComplete="current-password"
            size="large"
            data-testid="login-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={busy}
          data-testid="login-submit"
        >
          {t('login.submit')}
        </Button>
      </Form>
    </>
  );
}

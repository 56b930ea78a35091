import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

import type { StaffAccount } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { resetStaffPassword } from './admin-api';
import { PasswordRulesList, passwordFieldRule } from './password-rules-list';
import { showServerFieldErrors } from './server-field-errors';

interface ResetPasswordModalProps {
  /** The account whose password is set; null while the dialog is closed. */
  account: StaffAccount | null;
  minLength: number;
  onClose: () => void;
  onDone: (account: StaffAccount) => void;
}

/** Sets a new password for an account; the server ends its sessions (docs/security.md). */
export function ResetPasswordModal({
  account,
  minLength,
  onClose,
  onDone,
}: ResetPasswordModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Undefined until the field is first typed in, whatever the form's type says.
  const password = (Form.useWatch('password', form) as string | undefined) ?? '';
  const username = account?.username ?? '';

  const save = async (values: { password: string }) => {
    if (!account) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await resetStaffPassword(account.id, values.password);
      onDone(account);
    } catch (failure) {
      if (showServerFieldErrors(form, ['password'], locale, failure)) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={account !== null}
      title={t('admin.reset_title', { username })}
      okText={t('admin.reset_save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reset-password-save' }}
    >
      <Typography.Paragraph className="adm-lead">{t('admin.reset_lead')}</Typography.Paragraph>
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      <Form<{ password: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void save(values)}
        preserve={false}
      >
        <Form.Item
          name="password"
          label={t('admin.field.new_password')}
          extra={
            <PasswordRulesList minLength={minLength} password={password} username={username} />
          }
          rules={[passwordFieldRule(t, minLength, () => username)]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

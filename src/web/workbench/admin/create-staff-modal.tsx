import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';

import { managedRoles, type CreateStaff, type StaffAdminList } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { createStaff } from './admin-api';
import { PasswordRulesList, passwordFieldRule } from './password-rules-list';
import { showServerFieldErrors } from './server-field-errors';

type Values = Omit<CreateStaff, 'streetId'> & { streetId?: string };

const fields = ['username', 'name', 'role', 'streetId', 'password'] as const;

/** The user name rule of createStaffSchema (src/contract/auth.ts), checked as it is typed. */
const usernamePattern = /^[a-z][a-z0-9._-]{2,63}$/;

interface CreateStaffModalProps {
  open: boolean;
  list: Pick<StaffAdminList, 'streets' | 'passwordMinLength'>;
  onClose: () => void;
  onCreated: (username: string) => void;
}

/** The system administrator creates an account of a business role (docs/security.md). */
export function CreateStaffModal({ open, list, onClose, onCreated }: CreateStaffModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Watched values are undefined until the field is first touched, whatever the form's type says.
  const role = Form.useWatch('role', form) as Values['role'] | undefined;
  const username = (Form.useWatch('username', form) as string | undefined) ?? '';
  const password = (Form.useWatch('password', form) as string | undefined) ?? '';
  // A bureau admin works for the whole district; the other roles belong to one street.
  const needsStreet = role !== undefined && role !== 'bureau_admin';

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await createStaff({ ...values, streetId: needsStreet ? (values.streetId ?? null) : null });
      onCreated(values.username);
    } catch (failure) {
      if (showServerFieldErrors(form, fields, locale, failure)) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('admin.required', { field }) },
  ];
  const typedUsername = () => (form.getFieldValue('username') as string | undefined) ?? '';
  return (
    <Modal
      open={open}
      title={t('admin.create_title')}
      okText={t('admin.create_save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-staff-save' }}
    >
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void save(values)}
        data-testid="create-staff-form"
        preserve={false}
      >
        <Form.Item
          name="username"
          label={t('admin.field.username')}
          extra={<span className="adm-muted">{t('admin.username_hint')}</span>}
          rules={[
            ...required(t('admin.field.username')),
            { pattern: usernamePattern, message: t('admin.username_invalid') },
          ]}
        >
          <Input autoComplete="off" data-testid="create-username" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('admin.field.name')}
          rules={required(t('admin.field.name'))}
        >
          <Input maxLength={64} data-testid="create-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('admin.field.role')}
          rules={required(t('admin.field.role'))}
        >
          <Select
            data-testid="create-role"
            options={managedRoles.map((r) => ({ value: r, label: t(`staff.role.${r}`) }))}
          />
        </Form.Item>
        {needsStreet ? (
          <Form.Item
            name="streetId"
            label={t('admin.field.street')}
            rules={required(t('admin.field.street'))}
          >
            <Select
              data-testid="create-street"
              options={list.streets.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="password"
          label={t('admin.field.password')}
          extra={
            <PasswordRulesList
              minLength={list.passwordMinLength}
              password={password}
              username={username}
            />
          }
          rules={[passwordFieldRule(t, list.passwordMinLength, typedUsername)]}
          dependencies={['username']}
        >
          <Input.Password autoComplete="new-password" data-testid="create-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

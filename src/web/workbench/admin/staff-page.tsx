import { App, Button, Card, Input, Result, Table, Typography } from 'antd';
import { useState } from 'react';

import type { StaffAccount } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { matchingAccounts } from './account-search';
import { fetchStaffAdminList, setStaffActive } from './admin-api';
import { CreateStaffModal } from './create-staff-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { staffColumns } from './staff-columns';
import './admin.css';

/**
 * /workbench/admin/staff — the system administrator lists the staff accounts, creates one of a
 * business role, disables or re-enables it and sets its password (docs/security.md).
 */
export function StaffPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const { message } = App.useApp();
  useDocumentTitle('admin.staff_title');
  const allowed = me.role === 'system_admin';
  const { resource, reload } = useStaffResource('admin-staff', (signal) =>
    allowed ? fetchStaffAdminList(signal) : Promise.resolve(null),
  );
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const [search, setSearch] = useState('');
  if (!allowed) {
    return <Result status="403" title={t('admin.forbidden')} />;
  }
  const list = resource.state === 'ready' ? resource.data : null;

  const setActive = async (account: StaffAccount, active: boolean) => {
    try {
      await setStaffActive(account.id, active);
      const done = active ? 'admin.enabled' : 'admin.disabled';
      void message.success(t(done, { username: account.username }));
      reload();
    } catch (error) {
      void message.error(errorText(i18n, error));
    }
  };
  const columns = staffColumns(t, locale, {
    setActive: (a, active) => void setActive(a, active),
    resetPassword: setResetting,
  });

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('admin.staff_title')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <Input.Search
            allowClear
            className="adm-search"
            aria-label={t('admin.search')}
            placeholder={t('admin.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
            }}
            data-testid="staff-search"
          />
          <Button
            type="primary"
            onClick={() => {
              setCreating(true);
            }}
            data-testid="create-staff"
          >
            {t('admin.create')}
          </Button>
        </div>
      </div>
      <Typography.Paragraph className="adm-lead">{t('admin.staff_lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        data-testid="staff-table"
        columns={columns}
        dataSource={matchingAccounts(list?.items ?? [], search)}
        loading={resource.state === 'loading'}
        // antd's own empty text is too pale for WCAG AA.
        locale={{ emptyText: <span className="adm-muted">{t('admin.no_match')}</span> }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
      {list ? (
        <CreateStaffModal
          open={creating}
          list={list}
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(username) => {
            setCreating(false);
            setSearch(username);
            void message.success(t('admin.created', { username }));
            reload();
          }}
        />
      ) : null}
      <ResetPasswordModal
        account={resetting}
        minLength={list?.passwordMinLength ?? 0}
        onClose={() => {
          setResetting(null);
        }}
        onDone={(account) => {
          setResetting(null);
          void message.success(t('admin.password_set', { username: account.username }));
        }}
      />
    </Card>
  );
}

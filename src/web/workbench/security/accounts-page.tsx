import { App, Card, Input, Result, Table, Typography } from 'antd';
import { useState } from 'react';

import type { StaffAccount } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { useDocumentTitle } from '../../shared/use-document-title';
import { matchingAccounts } from '../admin/account-search';
import { fetchSecurityAccounts, runSecurityStep, type SecurityStep } from '../admin/admin-api';
import { accountColumns } from '../admin/staff-columns';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { SecurityStepButtons, stepKey } from './security-step-buttons';
import '../admin/admin.css';

/** The steps offered on an account: unlock only while it is locked. */
function stepsFor(account: StaffAccount): SecurityStep[] {
  const always: SecurityStep[] = ['end-sessions', 'totp-reset'];
  return account.lockedUntil ? ['unlock', ...always] : always;
}

/**
 * /workbench/security/accounts — the security administrator ends every session of an account
 * (a stolen laptop), resets its authenticator (a lost phone) or lifts its lock; never on their
 * own account (docs/security.md).
 */
export function SecurityAccountsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const { message } = App.useApp();
  useDocumentTitle('security.accounts_title');
  const allowed = me.role === 'security_admin';
  const { resource, reload } = useStaffResource('security-accounts', (signal) =>
    allowed ? fetchSecurityAccounts(signal) : Promise.resolve(null),
  );
  const [search, setSearch] = useState('');
  if (!allowed) {
    return <Result status="403" title={t('security.accounts_forbidden')} />;
  }

  const run = async (account: StaffAccount, step: SecurityStep) => {
    try {
      await runSecurityStep(account.id, step);
      void message.success(t(`${stepKey(step)}.done`, { username: account.username }));
      reload();
    } catch (error) {
      void message.error(errorText(i18n, error));
    }
  };
  const columns = [
    ...accountColumns(t, locale),
    {
      title: t('admin.col.actions'),
      key: 'actions',
      render: (_: unknown, a: StaffAccount) =>
        a.id === me.id ? (
          <span className="adm-muted">{t('security.own_account')}</span>
        ) : (
          <SecurityStepButtons
            t={t}
            account={a}
            steps={stepsFor(a)}
            run={(x, s) => void run(x, s)}
          />
        ),
    },
  ];
  const items = resource.state === 'ready' ? (resource.data?.items ?? []) : [];
  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('security.accounts_title')}
        </Typography.Title>
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
      </div>
      <Typography.Paragraph className="adm-lead">
        {t('security.accounts_lead')}
      </Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        data-testid="security-accounts-table"
        columns={columns}
        dataSource={matchingAccounts(items, search)}
        loading={resource.state === 'loading'}
        // antd's own empty text is too pale for WCAG AA.
        locale={{ emptyText: <span className="adm-muted">{t('admin.no_match')}</span> }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

import { App, Card, Result, Table, Typography } from 'antd';

import type { StaffAccount } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import { apiGet } from '../../shared/api-client';
import { errorText } from '../../shared/error-text';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { runSecurityStep } from '../admin/admin-api';
import { ErrorAlert } from '../common/error-alert';
import { SecurityStepButtons } from './security-step-buttons';
import '../admin/admin.css';

const fetchLockouts = (signal?: AbortSignal) =>
  apiGet<{ items: StaffAccount[] }>('/api/security/lockouts', signal);

/** /workbench/security/lockouts — the security administrator lifts lockouts (docs/security.md). */
export function LockoutsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const { message } = App.useApp();
  useDocumentTitle('security.lockouts_title');
  const allowed = me.role === 'security_admin';
  const { resource, reload } = useStaffResource('security-lockouts', (signal) =>
    allowed ? fetchLockouts(signal) : Promise.resolve(null),
  );
  if (!allowed) {
    return <Result status="403" title={t('security.forbidden')} />;
  }
  const lift = async (account: StaffAccount) => {
    try {
      await runSecurityStep(account.id, 'unlock');
      void message.success(t('security.step.unlock.done', { username: account.username }));
      reload();
    } catch (error) {
      void message.error(errorText(i18n, error));
    }
  };
  const columns = [
    { title: t('security.col_username'), dataIndex: 'username', key: 'username' },
    { title: t('security.col_name'), dataIndex: 'name', key: 'name' },
    {
      title: t('security.col_role'),
      key: 'role',
      render: (_: unknown, a: StaffAccount) => t(`staff.role.${a.role}`),
    },
    {
      title: t('security.col_until'),
      key: 'until',
      render: (_: unknown, a: StaffAccount) =>
        a.lockedUntil
          ? new Date(a.lockedUntil).toLocaleString(i18n.locale, { timeZone: 'Asia/Shanghai' })
          : '',
    },
    {
      title: '',
      key: 'action',
      render: (_: unknown, a: StaffAccount) => (
        <SecurityStepButtons t={t} account={a} steps={['unlock']} run={(x) => void lift(x)} />
      ),
    },
  ];
  return (
    <Card>
      <Typography.Title level={4} className="wb-title">
        {t('security.lockouts_title')}
      </Typography.Title>
      <Typography.Paragraph className="adm-lead">
        {t('security.lockouts_lead')}
      </Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        data-testid="lockouts-table"
        columns={columns}
        dataSource={resource.state === 'ready' ? (resource.data?.items ?? []) : []}
        loading={resource.state === 'loading'}
        // antd's own empty text is too pale for WCAG AA.
        locale={{ emptyText: <span className="adm-muted">{t('security.no_lockouts')}</span> }}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}

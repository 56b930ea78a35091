import { Button, Card, Result, Table, Typography, message } from 'antd';

import type { StaffAccount } from '../../../contract/auth';
import { useI18n } from '../../i18n/i18n-context';
import { apiGet, apiRequest } from '../../shared/api-client';
import { errorText } from '../../shared/error-text';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';

const fetchLockouts = (signal?: AbortSignal) =>
  apiGet<{ items: StaffAccount[] }>('/api/security/lockouts', signal);

const unlock = (id: string) =>
  apiRequest<unknown>('POST', `/api/security/staff/${encodeURIComponent(id)}/unlock`, {
    body: {},
  });

/** /workbench/security/lockouts — the security administrator lifts lockouts (docs/security.md). */
export function LockoutsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
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
      await unlock(account.id);
      void message.success(t('security.unlocked', { username: account.username }));
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
        a.lockedUntil ? new Date(a.lockedUntil).toLocaleString(i18n.locale) : '',
    },
    {
      title: '',
      key: 'action',
      render: (_: unknown, a: StaffAccount) => (
        <Button onClick={() => void lift(a)} data-testid={`unlock-${a.username}`}>
          {t('security.unlock')}
        </Button>
      ),
    },
  ];
  return (
    <Card>
      <Typography.Title level={4} className="wb-title">
        {t('security.lockouts_title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('security.lockouts_lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        data-testid="lockouts-table"
        columns={columns}
        dataSource={resource.state === 'ready' ? (resource.data?.items ?? []) : []}
        loading={resource.state === 'loading'}
        pagination={false}
      />
    </Card>
  );
}

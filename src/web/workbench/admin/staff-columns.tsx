import { Button, Popconfirm, Space } from 'antd';

import { managedRoles, type StaffAccount } from '../../../contract/auth';
import type { Translate } from '../../i18n/translate';
import { activeTag, lockedTag, secondFactorTag } from './account-tags';

/** The columns every account table shows: who the account is and its state. */
export function accountColumns(t: Translate, locale: string) {
  return [
    { title: t('admin.col.name'), dataIndex: 'name', key: 'name' },
    { title: t('admin.col.username'), dataIndex: 'username', key: 'username' },
    {
      title: t('admin.col.role'),
      key: 'role',
      render: (_: unknown, a: StaffAccount) => t(`staff.role.${a.role}`),
    },
    {
      title: t('admin.col.unit'),
      key: 'unit',
      render: (_: unknown, a: StaffAccount) => a.unit ?? t('admin.unit_district'),
    },
    {
      title: t('admin.col.active'),
      key: 'active',
      render: (_: unknown, a: StaffAccount) => activeTag(t, a),
    },
    {
      title: t('admin.col.locked'),
      key: 'locked',
      render: (_: unknown, a: StaffAccount) => lockedTag(t, locale, a),
    },
    {
      title: t('admin.col.totp'),
      key: 'totp',
      render: (_: unknown, a: StaffAccount) => secondFactorTag(t, a),
    },
  ];
}

/** What the system administrator may do to an account of a business role. */
export interface StaffActions {
  setActive: (account: StaffAccount, active: boolean) => void;
  resetPassword: (account: StaffAccount) => void;
}

function isManaged(a: StaffAccount): boolean {
  return (managedRoles as readonly string[]).includes(a.role);
}

function StaffActionButtons({
  t,
  a,
  actions,
}: {
  t: Translate;
  a: StaffAccount;
  actions: StaffActions;
}) {
  if (!isManaged(a)) {
    return <span className="adm-muted">{t('admin.not_managed')}</span>;
  }
  const next = a.active ? 'disable' : 'enable';
  return (
    <Space wrap size="small">
      <Popconfirm
        title={t(`admin.${next}_confirm`, { username: a.username })}
        description={t(`admin.${next}_detail`)}
        okText={t(`admin.${next}`)}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: a.active, 'data-testid': `confirm-${next}-${a.username}` }}
        onConfirm={() => {
          actions.setActive(a, !a.active);
        }}
      >
        <Button size="small" data-testid={`${next}-${a.username}`}>
          {t(`admin.${next}`)}
        </Button>
      </Popconfirm>
      <Button
        size="small"
        onClick={() => {
          actions.resetPassword(a);
        }}
        data-testid={`reset-${a.username}`}
      >
        {t('admin.reset_password')}
      </Button>
    </Space>
  );
}

/** The account columns and the system administrator's steps. */
export function staffColumns(t: Translate, locale: string, actions: StaffActions) {
  return [
    ...accountColumns(t, locale),
    {
      title: t('admin.col.actions'),
      key: 'actions',
      render: (_: unknown, a: StaffAccount) => <StaffActionButtons t={t} a={a} actions={actions} />,
    },
  ];
}

import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Result, Segmented, Table, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

import { outboxStatuses, type NotificationList } from '../../../contract/notifications';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { AttemptLog } from './attempt-log';
import { notificationColumns } from './notification-columns';
import { fetchNotifications, type NotificationFilter } from './notifications-api';

const filters: readonly NotificationFilter[] = ['all', ...outboxStatuses];
const defaultPageSize = 20;

function readFilter(value: string | null): NotificationFilter {
  return filters.find((f) => f === value) ?? 'all';
}

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** /workbench/notifications — every queued SMS, how it went and why it failed, for admins. */
export function NotificationsPage() {
  const { t, has } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params.get('status'));
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), defaultPageSize);
  useDocumentTitle('menu.notifications');

  const allowed = me.role === 'bureau_admin' || me.role === 'street_admin';
  const { resource, reload } = useStaffResource(`${filter}/${page}/${pageSize}`, (signal) =>
    allowed
      ? fetchNotifications(filter, page, pageSize, signal)
      : Promise.resolve<NotificationList>({ items: [], total: 0, page, pageSize }),
  );
  const columns = useMemo(() => notificationColumns(t, has), [t, has]);
  // The previous page stays on screen while the next one loads, so the table does not jump.
  const last = useRef<NotificationList | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;

  if (!allowed) {
    return <Result status="403" title={t('notifications.forbidden')} />;
  }
  const go = (next: { status?: NotificationFilter; page?: number; pageSize?: number }) => {
    setParams({
      status: next.status ?? filter,
      page: String(next.page ?? page),
      pageSize: String(next.pageSize ?? pageSize),
    });
  };

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.notifications')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <div className="wb-scroll-x">
            <Segmented<NotificationFilter>
              value={filter}
              onChange={(status) => {
                go({ status, page: 1 });
              }}
              data-testid="notification-filter"
              options={filters.map((f) => ({
                value: f,
                label: (
                  <span data-testid={`notification-filter-${f}`}>
                    {f === 'all' ? t('notifications.filter_all') : t(`notifications.status.${f}`)}
                  </span>
                ),
              }))}
            />
          </div>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="notifications-reload">
            {t('common.refresh')}
          </Button>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('notifications.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="notifications-table"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('notifications.empty') }}
        expandable={{ expandedRowRender: (row) => <AttemptLog message={row} /> }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('notifications.total', { total }),
          onChange: (nextPage, nextSize) => {
            go({ page: nextPage, pageSize: nextSize });
          },
        }}
      />
    </Card>
  );
}

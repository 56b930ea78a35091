import { Card, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { StatusTag } from '../common/status-tag';
import { fetchRecords } from './dashboard-api';
import { isDay } from './dashboard-range';

const filterNames = ['communityId', 'matterCode', 'rating', 'outcome', 'streetId'] as const;

/** /workbench/dashboard/records — the tickets behind a bar of the dashboard. */
export function DashboardRecordsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle('dashboard.records.title');
  const [params] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const filter: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) {
      filter[name] = value;
    }
  }
  const range = isDay(from) && isDay(to) ? { from, to } : { from: '', to: '' };
  const key = `dashboard-records?${params.toString()}`;
  const { resource } = useStaffResource(key, (signal) =>
    fetchRecords({ ...range, ...filter }, signal),
  );
  const data = resource.state === 'ready' ? resource.data : null;
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'short' });

  return (
    <Card>
      <Typography.Title level={1} className="wb-title wb-dash-h1">
        {t('dashboard.records.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <span data-testid="records-total">
          {t('dashboard.records.lead', { from: range.from, to: range.to, total: data?.total ?? 0 })}
        </span>{' '}
        <Link to={`/workbench/dashboard?from=${range.from}&to=${range.to}`}>
          {t('dashboard.records.back')}
        </Link>
      </Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="records-table"
        loading={resource.state === 'loading'}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('dashboard.records.empty') }}
        columns={[
          {
            key: 'code',
            title: t('dashboard.col.tracking_code'),
            render: (_, row) => (
              <Link to={`/workbench/tickets/${row.id}`} data-testid="record-link">
                {row.trackingCode}
              </Link>
            ),
          },
          { key: 'building', title: t('dashboard.col.building'), dataIndex: 'buildingName' },
          {
            key: 'matter',
            title: t('dashboard.col.matter'),
            render: (_, r) => r.matterCode ?? '—',
          },
          {
            key: 'status',
            title: t('dashboard.col.status'),
            render: (_, row) => <StatusTag status={row.status} />,
          },
          {
            key: 'created',
            title: t('dashboard.col.created'),
            render: (_, row) => day.format(new Date(row.createdAt)),
          },
        ]}
      />
    </Card>
  );
}

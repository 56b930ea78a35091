import { Table } from 'antd';
import { Link, useNavigate } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { StatusTag } from '../common/status-tag';
import { ChartCard } from './chart-card';
import type { DashboardData, DashboardRange } from './dashboard-api';
import { handlerOption, overdueOption, residentOption } from './dashboard-options';
import { DataTable } from './data-table';

interface SectionProps {
  data: DashboardData;
  range: DashboardRange;
}

function recordsLink(range: DashboardRange, filter: Record<string, string>): string {
  const q = new URLSearchParams({ from: range.from, to: range.to, ...filter });
  if (range.streetId) {
    q.set('streetId', range.streetId);
  }
  return `/workbench/dashboard/records?${q.toString()}`;
}

/**
 * The resident's verdict and the handler's own outcome in two charts, never one number:
 * a satisfaction rate alone pushes officers to close tickets on paper (DOMAIN §9 item 5).
 */
export function VerdictSections({ data, range }: SectionProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const r = data.ratings;
  const residentRows = [
    ...r.resident.ratings.map((x) => [t(`ticket.rating.${x.rating}`), x.count]),
    [t('dashboard.rating.unrated'), r.resident.unrated],
    [t('dashboard.resident.solved_yes'), r.resident.solvedYes],
    [t('dashboard.resident.solved_no'), r.resident.solvedNo],
  ];
  const handlerRows = [
    ...r.handler.outcomes.map((x) => [t(`ticket.outcome.${x.outcome}`), x.count]),
    ...r.handler.assessments.map((x) => [t(`ticket.assessment.${x.assessment}`), x.count]),
  ];
  const ratingKeys = [...r.resident.ratings.map((x) => x.rating), 'unrated'];
  return (
    <div className="wb-dash-pair">
      <ChartCard
        title={t('dashboard.resident.title')}
        option={residentOption(t, r)}
        testId="chart-resident"
        onPick={(i) => {
          const rating = ratingKeys[i];
          if (rating) {
            void navigate(recordsLink(range, { rating }));
          }
        }}
      >
        <DataTable
          testId="data-resident"
          caption={t('dashboard.resident.title')}
          head={[t('dashboard.col.verdict'), t('dashboard.series.tickets')]}
          rows={residentRows}
        />
      </ChartCard>
      <ChartCard
        title={t('dashboard.handler.title')}
        option={handlerOption(t, r)}
        testId="chart-handler"
        onPick={(i) => {
          const outcome = r.handler.outcomes[i]?.outcome;
          if (outcome) {
            void navigate(recordsLink(range, { outcome }));
          }
        }}
      >
        <DataTable
          testId="data-handler"
          caption={t('dashboard.handler.title')}
          head={[t('dashboard.col.verdict'), t('dashboard.series.tickets')]}
          rows={handlerRows}
        />
      </ChartCard>
    </div>
  );
}

/**
 * What is overdue now: the count per street (a bar opens the inbox's overdue list of that street)
 * and the list.
 */
export function OverdueSection({ data }: SectionProps) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const navigate = useNavigate();
  const o = data.overdue;
  return (
    <ChartCard
      title={t('dashboard.overdue.title', { total: o.total })}
      option={overdueOption(t, o)}
      testId="chart-overdue"
      onPick={(i) => {
        const street = o.byStreet[i];
        const q = new URLSearchParams({ status: 'open', due: 'overdue' });
        if (street) {
          q.set('streetId', street.streetId);
        }
        void navigate(`/workbench?${q.toString()}`);
      }}
    >
      <Table
        rowKey="id"
        size="small"
        data-testid="overdue-table"
        pagination={{ pageSize: 10 }}
        dataSource={o.items}
        locale={{ emptyText: t('dashboard.overdue.empty') }}
        columns={[
          {
            key: 'code',
            title: t('dashboard.col.tracking_code'),
            render: (_, row) => (
              <Link to={`/workbench/tickets/${row.id}`} data-testid="overdue-row-link">
                {row.trackingCode}
              </Link>
            ),
          },
          { key: 'street', title: t('dashboard.col.street'), dataIndex: 'streetName' },
          { key: 'building', title: t('dashboard.col.building'), dataIndex: 'buildingName' },
          {
            key: 'status',
            title: t('dashboard.col.status'),
            render: (_, row) => <StatusTag status={row.status} />,
          },
          {
            key: 'due',
            title: t('dashboard.col.due'),
            render: (_, row) => when.format(new Date(row.dueAt)),
          },
        ]}
      />
    </ChartCard>
  );
}

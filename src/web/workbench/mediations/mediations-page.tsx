import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import type { MediationList, MediationRow } from '../../../contract/mediation-views';
import { mediationFilters, type MediationFilter } from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { CheckDueCell, MediationStatusTag } from './mediation-tags';
import { fetchMediations } from './mediations-api';
import './mediations.css';

const defaultPageSize = 20;

function readFilter(value: string | null): MediationFilter {
  return mediationFilters.find((f) => f === value) ?? 'active';
}

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function columns(t: Translate): ColumnsType<MediationRow> {
  return [
    {
      key: 'number',
      title: t('mediation.field.number'),
      width: 120,
      render: (_, row) => (
        <span className="wb-nowrap wb-strong" data-testid="row-mediation-number">
          {row.number}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('mediation.field.status'),
      width: 130,
      render: (_, row) => <MediationStatusTag status={row.status} />,
    },
    {
      key: 'dispute',
      title: t('mediation.field.dispute_type'),
      width: 120,
      render: (_, row) => t(`mediation.dispute.${row.disputeType}`),
    },
    {
      key: 'parties',
      title: t('mediation.field.parties'),
      render: (_, row) => (
        <span data-testid="row-parties">{row.partiesMasked.join(t('common.list_separator'))}</span>
      ),
    },
    {
      key: 'place',
      title: t('mediation.field.place'),
      width: 220,
      render: (_, row) => `${row.street} ${row.community}`,
    },
    {
      key: 'openedAt',
      title: t('mediation.field.opened_at'),
      width: 150,
      render: (_, row) => <span className="wb-nowrap">{formatDateTime(row.openedAt)}</span>,
    },
    {
      key: 'check',
      title: t('mediation.field.check_due'),
      width: 160,
      render: (_, row) => <CheckDueCell dueOn={row.checkDueOn} overdue={row.checkOverdue} />,
    },
  ];
}

/** /workbench/mediations — the mediations of the officer's place, unfinished ones first. */
export function MediationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params.get('status'));
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), defaultPageSize);
  useDocumentTitle('menu.mediations');

  const { resource, reload } = useStaffResource(`mediations/${filter}/${page}/${pageSize}`, (s) =>
    fetchMediations({ status: filter, page, pageSize }, s),
  );
  const cols = useMemo(() => columns(t), [t]);
  const last = useRef<MediationList | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;
  const go = (next: { status?: MediationFilter; page?: number; pageSize?: number }) => {
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
          {t('menu.mediations')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <div className="wb-scroll-x">
            <Segmented<MediationFilter>
              value={filter}
              onChange={(status) => {
                go({ status, page: 1 });
              }}
              data-testid="mediation-filter"
              options={mediationFilters.map((f) => ({
                value: f,
                label: (
                  <span data-testid={`mediation-filter-${f}`}>{t(`mediation.filter.${f}`)}</span>
                ),
              }))}
            />
          </div>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="mediations-reload">
            {t('common.refresh')}
          </Button>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('mediation.list.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="mediations-table"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('mediation.list.empty') }}
        rowClassName="wb-clickable"
        onRow={(row) => ({
          onClick: () => {
            void navigate(`/workbench/mediations/${row.id}`);
          },
        })}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('inbox.total', { total }),
          onChange: (nextPage, nextSize) => {
            go({ page: nextPage, pageSize: nextSize });
          },
        }}
      />
    </Card>
  );
}

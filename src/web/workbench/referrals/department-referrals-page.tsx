import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import {
  departmentReferralFilters,
  type DepartmentReferralFilter,
  type DepartmentReferralList,
  type DepartmentReferralRow,
} from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { DueCell } from '../common/due-cell';
import { ErrorAlert } from '../common/error-alert';
import { ReferralKindTag, ReferralStatusTag } from './referral-tags';
import { fetchDepartmentReferrals } from './referrals-api';
import './referrals.css';

const defaultPageSize = 20;

function readFilter(value: string | null): DepartmentReferralFilter {
  return departmentReferralFilters.find((f) => f === value) ?? 'open';
}

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function columns(t: Translate): ColumnsType<DepartmentReferralRow> {
  return [
    {
      key: 'trackingCode',
      title: t('ticket.field.tracking_code'),
      dataIndex: 'trackingCode',
      width: 150,
      render: (code: string) => (
        <span className="wb-nowrap wb-strong" data-testid="row-tracking-code">
          {code}
        </span>
      ),
    },
    {
      key: 'kind',
      title: t('referral.field.kind'),
      width: 150,
      render: (_, row) => (
        <ReferralKindTag kind={row.kind} determinationType={row.determinationType} />
      ),
    },
    {
      key: 'status',
      title: t('referral.field.status'),
      width: 140,
      render: (_, row) => (
        <ReferralStatusTag
          status={row.status}
          overdue={row.overdue}
          repliedLate={row.repliedLate}
        />
      ),
    },
    {
      key: 'place',
      title: t('ticket.field.place'),
      width: 220,
      render: (_, row) => (
        <span>
          {row.community} <Tag>{row.building}</Tag>
        </span>
      ),
    },
    { key: 'summary', title: t('referral.field.request'), dataIndex: 'summary' },
    {
      key: 'sentAt',
      title: t('referral.field.sent_at'),
      width: 150,
      render: (_, row) => <span className="wb-nowrap">{formatDateTime(row.sentAt)}</span>,
    },
    {
      key: 'replyDue',
      title: t('referral.field.reply_due'),
      width: 190,
      render: (_, row) => <DueCell at={row.replyDueAt} overdue={row.overdue} />,
    },
  ];
}

/** /workbench/referrals — what was referred to the signed-in department, open work first. */
export function DepartmentReferralsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params.get('status'));
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), defaultPageSize);
  useDocumentTitle('menu.referrals');

  const { resource, reload } = useStaffResource(`dept/${filter}/${page}/${pageSize}`, (signal) =>
    fetchDepartmentReferrals(filter, page, pageSize, signal),
  );
  const cols = useMemo(() => columns(t), [t]);
  const last = useRef<DepartmentReferralList | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;
  const go = (next: { status?: DepartmentReferralFilter; page?: number; pageSize?: number }) => {
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
          {t('menu.referrals')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <div className="wb-scroll-x">
            <Segmented<DepartmentReferralFilter>
              value={filter}
              onChange={(status) => {
                go({ status, page: 1 });
              }}
              data-testid="referral-filter"
              options={departmentReferralFilters.map((f) => ({
                value: f,
                label: <span data-testid={`filter-${f}`}>{t(`referral.filter.${f}`)}</span>,
              }))}
            />
          </div>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="referrals-reload">
            {t('common.refresh')}
          </Button>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('referral.department.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="referrals-table"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('referral.department.empty') }}
        rowClassName="wb-clickable"
        onRow={(row) => ({
          onClick: () => {
            void navigate(`/workbench/referrals/${row.id}`);
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

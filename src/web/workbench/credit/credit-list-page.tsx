import { Card, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate, useSearchParams } from 'react-router';

import { creditListFilters, type CreditRepairRow } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchCreditRepairs } from './credit-api';

type Filter = (typeof creditListFilters)[number];

/** The due date of our handling, red once past. */
export function DueTag({ due, t }: { due: CreditRepairRow['due']; t: Translate }) {
  if (!due) {
    return <span>—</span>;
  }
  return (
    <Tag color={due.overdue ? 'red' : 'blue'} data-testid="credit-due">
      {t(`credit.due.${due.key}`, { at: formatDateTime(due.dueAt) })}
    </Tag>
  );
}

function columns(t: Translate): ColumnsType<CreditRepairRow> {
  return [
    { key: 'code', title: t('credit.field.receipt'), render: (_, r) => r.receiptCode },
    { key: 'no', title: t('credit.field.decision_no'), render: (_, r) => r.decisionNo },
    {
      key: 'status',
      title: t('credit.field.status'),
      render: (_, r) => t(`credit.status_value.${r.status}`),
    },
    {
      key: 'class',
      title: t('credit.field.class'),
      render: (_, r) => t(`credit.class.${r.creditClass}`),
    },
    { key: 'who', title: t('credit.field.applicant'), render: (_, r) => r.applicantName },
    { key: 'street', title: t('credit.field.street'), render: (_, r) => r.street },
    {
      key: 'at',
      title: t('credit.field.submitted_at'),
      render: (_, r) => formatDateTime(r.submittedAt),
    },
    { key: 'due', title: t('credit.field.due'), render: (_, r) => <DueTag due={r.due} t={t} /> },
  ];
}

/** /workbench/credit — the credit-repair applications of the officer's street, with due dates. */
export function CreditListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = creditListFilters.find((f) => f === params.get('status')) ?? 'open';
  const page = Number(params.get('page') ?? '1') || 1;
  useDocumentTitle('menu.credit');
  const { resource } = useStaffResource(`credit/${status}/${String(page)}`, (signal) =>
    fetchCreditRepairs({ status, page, pageSize: 20 }, signal),
  );
  const data = resource.state === 'ready' ? resource.data : null;
  return (
    <Card>
      <Typography.Title level={4}>{t('menu.credit')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.list.lead')}</Typography.Paragraph>
      <Segmented<Filter>
        value={status}
        onChange={(value) => {
          setParams({ status: value, page: '1' });
        }}
        options={creditListFilters.map((f) => ({ value: f, label: t(`credit.filter.${f}`) }))}
      />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        className="wb-gap"
        data-testid="credit-table"
        columns={columns(t)}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        locale={{ emptyText: t('credit.list.empty') }}
        rowClassName="wb-clickable"
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: (next) => {
            setParams({ status, page: String(next) });
          },
        }}
        onRow={(row) => ({
          onClick: () => {
            void navigate(`/workbench/credit/${row.id}`);
          },
        })}
      />
    </Card>
  );
}

import { Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';

import { suggestionStatuses, type StaffSuggestionRow } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchSuggestions } from './suggestions-api';

const filters = ['open', 'all', ...suggestionStatuses] as const;

function Due({ at, overdue }: { at: string; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <span>
      {formatDateTime(at)} {overdue ? <Tag color="red">{t('suggestion.overdue')}</Tag> : null}
    </span>
  );
}

function columns(t: Translate): ColumnsType<StaffSuggestionRow> {
  return [
    {
      key: 'code',
      title: t('suggestion.field.receipt_code'),
      width: 160,
      render: (_, row) => (
        <Link
          to={`/workbench/suggestions/${row.id}`}
          className="wb-strong"
          data-testid="suggestion-row-link"
        >
          {row.receiptCode}
        </Link>
      ),
    },
    { key: 'topic', title: t('suggestion.field.topic'), render: (_, row) => row.topic },
    {
      key: 'status',
      title: t('suggestion.field.status'),
      width: 110,
      render: (_, row) => (
        <Tag data-testid="suggestion-row-status">{t(`suggest.state.${row.status}`)}</Tag>
      ),
    },
    {
      key: 'channel',
      title: t('suggestion.field.channel'),
      width: 110,
      render: (_, row) => t(`suggest.channel.${row.channel}`),
    },
    {
      key: 'proposer',
      title: t('suggestion.field.proposer'),
      width: 100,
      render: (_, row) => row.proposerNameMasked ?? '',
    },
    {
      key: 'accept_due',
      title: t('suggestion.field.acceptance_due'),
      width: 200,
      render: (_, row) => <Due at={row.acceptanceDueAt} overdue={row.acceptanceOverdue} />,
    },
    {
      key: 'complete_due',
      title: t('suggestion.field.completion_due'),
      width: 200,
      render: (_, row) => <Due at={row.completionDueAt} overdue={row.completionOverdue} />,
    },
  ];
}

/** The suggestions the officer handles, filtered by state. */
export function SuggestionList() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = filters.find((f) => f === params.get('status')) ?? 'open';
  const { resource } = useStaffResource(`suggestions/${status}/${page}`, (signal) =>
    fetchSuggestions({ page, status, campaignId: '' }, signal),
  );
  const data = resource.state === 'ready' ? resource.data : null;
  return (
    <Space orientation="vertical" className="wb-full">
      <Select
        value={status}
        className="sg-wb-filter"
        options={filters.map((f) => ({
          value: f,
          label:
            f === 'open' || f === 'all' ? t(`suggestion.filter.${f}`) : t(`suggest.state.${f}`),
        }))}
        onChange={(value) => {
          setParams({ tab: 'list', status: value, page: '1' });
        }}
        aria-label={t('suggestion.field.status')}
        data-testid="suggestion-filter"
      />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="suggestions-table"
        columns={columns(t)}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('suggestion.list.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: (next) => {
            setParams({ tab: 'list', status, page: String(next) });
          },
        }}
      />
    </Space>
  );
}

import { Table, Tag } from 'antd';

import type { Matter } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { matterName } from '../../shared/matter-name';
import type { DeadlinePolicyRow } from './policies-api';

interface PolicyTableProps {
  rows: DeadlinePolicyRow[];
  matters: Matter[] | null;
  loading: boolean;
  testId: string;
  emptyText: string;
}

/** Policies as rows: kind, matter (or every matter), the two limits, since when, who set them. */
export function PolicyTable({ rows, matters, loading, testId, emptyText }: PolicyTableProps) {
  const { t, locale } = useI18n();
  const byCode = new Map((matters ?? []).map((m) => [m.code, m]));
  const matterLabel = (code: string | null) => {
    if (code === null) {
      return t('policies.all_matters');
    }
    const matter = byCode.get(code);
    return matter ? matterName(locale, matter) : code;
  };
  const keyed = rows.map((row, index) => ({ ...row, key: `${String(index)}/${row.kind}` }));
  return (
    <Table
      rowKey="key"
      size="small"
      scroll={{ x: 'max-content' }}
      loading={loading}
      dataSource={keyed}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText }}
      data-testid={testId}
      columns={[
        {
          key: 'kind',
          title: t('policies.field.kind'),
          render: (_, row) => t(`ticket.kind.${row.kind}`),
        },
        {
          key: 'matter',
          title: t('policies.field.matter'),
          render: (_, row) => matterLabel(row.matterCode),
        },
        {
          key: 'firstContactDays',
          title: t('policies.column.first_contact_days'),
          render: (_, row) => <span data-testid="cell-first-contact">{row.firstContactDays}</span>,
        },
        {
          key: 'resolveDays',
          title: t('policies.column.resolve_days'),
          render: (_, row) => <span data-testid="cell-resolve">{row.resolveDays}</span>,
        },
        {
          key: 'effectiveFrom',
          title: t('policies.field.effective_from'),
          render: (_, row) =>
            row.effectiveFrom ? formatDateTime(row.effectiveFrom) : t('policies.since_always'),
        },
        {
          key: 'source',
          title: t('policies.field.source'),
          render: (_, row) => (
            <Tag color={row.source === 'bureau' ? 'blue' : 'default'} data-testid="cell-source">
              {t(`policies.source.${row.source}`)}
            </Tag>
          ),
        },
      ]}
    />
  );
}

import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { caseStatuses } from '../../../contract/cases';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { caseColumns } from './case-columns';
import { CaseRulesPanel } from './case-rules';
import { fetchCases, type CaseQuery } from './cases-api';

const statusFilters = ['open', 'all', ...caseStatuses] as const;
const dueFilters = ['any', 'overdue'] as const;
const pageSize = 20;

function choice<T extends string>(allowed: readonly T[], value: string | null): T {
  return allowed.find((a) => a === value) ?? (allowed[0] as T);
}

/** /workbench/cases — the cases of the officer's street (the bureau's: all), open first. */
export function CaseListPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: CaseQuery = {
    status: choice(statusFilters, params.get('status')),
    due: choice(dueFilters, params.get('due')),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize,
  };
  useDocumentTitle('menu.cases');
  const key = `${query.status}/${query.due}/${query.page}`;
  const { resource, reload } = useStaffResource(key, (signal) => fetchCases(query, signal));
  const columns = useMemo(() => caseColumns(t, locale), [t, locale]);
  const go = (next: Partial<CaseQuery>) => {
    const merged = { ...query, ...next };
    setParams({ status: merged.status, due: merged.due, page: String(merged.page) });
  };
  const data = resource.state === 'ready' ? resource.data : null;

  return (
    <Card
      title={<Typography.Text strong>{t('case.list.title')}</Typography.Text>}
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="cases-reload">
            {t('case.list.reload')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              void navigate('/workbench/cases/new');
            }}
            data-testid="case-register-patrol"
          >
            {t('case.list.register')}
          </Button>
        </Space>
      }
    >
      <Space wrap className="wb-gap">
        <Segmented
          value={query.status}
          data-testid="cases-status-filter"
          options={statusFilters.map((f) => ({ value: f, label: t(`case.filter.${f}`) }))}
          onChange={(value) => {
            go({ status: value, page: 1 });
          }}
        />
        <Segmented
          value={query.due}
          data-testid="cases-due-filter"
          options={dueFilters.map((f) => ({ value: f, label: t(`case.due_filter.${f}`) }))}
          onChange={(value) => {
            go({ due: value, page: 1 });
          }}
        />
      </Space>
      <CaseRulesPanel />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="cases-table"
        loading={resource.state === 'loading'}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('case.list.empty') }}
        pagination={{
          current: query.page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => {
            go({ page });
          },
        }}
      />
    </Card>
  );
}

import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Result, Table, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

import { auditReaderRoles, type AuditPage as AuditPageData } from '../../../contract/audit';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchAuditTrail } from './audit-api';
import { auditColumns } from './audit-columns';
import { filterParams, readAuditFilter, type AuditFilter } from './audit-filter';
import { AuditFilterForm } from './audit-filter-form';
import './audit.css';

const defaultPageSize = 50;

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** /workbench/audit — who did what to which record, and who read personal data, newest first. */
export function AuditPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filter = useMemo(() => readAuditFilter(new URLSearchParams(search)), [search]);
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), defaultPageSize);
  useDocumentTitle('menu.audit');

  const allowed = auditReaderRoles.includes(me.role);
  const { resource, reload } = useStaffResource(`audit?${search}`, (signal) =>
    allowed ? fetchAuditTrail(filter, page, pageSize, signal) : Promise.resolve(null),
  );
  const columns = useMemo(() => auditColumns(i18n), [i18n]);
  // The previous page stays on screen while the next one loads, so the table does not jump.
  const last = useRef<AuditPageData | null>(null);
  if (resource.state === 'ready' && resource.data) {
    last.current = resource.data;
  }
  const data = last.current;

  if (!allowed) {
    return <Result status="403" title={t('audit.forbidden')} />;
  }
  const go = (next: AuditFilter, nextPage: number, nextSize: number) => {
    setParams({ ...filterParams(next), page: String(nextPage), pageSize: String(nextSize) });
  };

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.audit')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="audit-reload">
          {t('common.refresh')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('audit.lead')}</Typography.Paragraph>
      <AuditFilterForm
        value={filter}
        onSearch={(next) => {
          go(next, 1, pageSize);
        }}
      />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="seq"
        size="small"
        data-testid="audit-table"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('audit.total', { total }),
          onChange: (nextPage, nextSize) => {
            go(filter, nextPage, nextSize);
          },
        }}
      />
    </Card>
  );
}

import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { ticketStatuses } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchTickets, type InboxFilter, type TicketPage } from '../staff-api';
import { inboxColumns } from './inbox-columns';

const filters: readonly InboxFilter[] = ['open', 'all', ...ticketStatuses];
const defaultPageSize = 20;

function readFilter(value: string | null): InboxFilter {
  return filters.find((f) => f === value) ?? 'open';
}

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** /workbench — the tickets of the officer's rooms, open ones first by default. */
export function InboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params.get('status'));
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), defaultPageSize);
  useDocumentTitle('menu.inbox');

  const { resource, reload } = useStaffResource(`${filter}/${page}/${pageSize}`, (signal) =>
    fetchTickets(filter, page, pageSize, signal),
  );
  const inboxSearch = `?${params.toString()}`;
  const columns = useMemo(() => inboxColumns(t, inboxSearch), [t, inboxSearch]);
  // The previous page stays on screen while the next one loads, so the table does not jump.
  const last = useRef<TicketPage | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;

  const go = (next: { status?: InboxFilter; page?: number; pageSize?: number }) => {
    const status = next.status ?? filter;
    setParams({
      status,
      page: String(next.page ?? page),
      pageSize: String(next.pageSize ?? pageSize),
    });
  };

  const open = (id: string) =>
    void navigate(`/workbench/tickets/${id}`, { state: { inboxSearch } });

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.inbox')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <div className="wb-scroll-x">
            <Segmented<InboxFilter>
              value={filter}
              onChange={(status) => {
                go({ status, page: 1 });
              }}
              data-testid="status-filter"
              options={filters.map((f) => ({
                value: f,
                label: <span data-testid={`filter-${f}`}>{t(`inbox.filter.${f}`)}</span>,
              }))}
            />
          </div>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="inbox-reload">
            {t('common.refresh')}
          </Button>
        </div>
      </div>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="inbox-table"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1260 }}
        locale={{ emptyText: t('inbox.empty') }}
        rowClassName="wb-clickable"
        onRow={(row) => ({
          onClick: () => {
            open(row.id);
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

import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { ticketStatuses, tiers } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { Watermark } from '../common/watermark';
import {
  fetchTickets,
  type DueFilter,
  type InboxFilter,
  type InboxQuery,
  type TicketPage,
  type TierFilter,
} from '../staff-api';
import { inboxColumns } from './inbox-columns';
import { SearchFilters } from './search-filters';
import { PhoneLookup } from './search-phone';
import {
  inboxSearchKey,
  inboxSearchParams,
  readInboxSearch,
  type InboxSearch,
} from './search-query';

const filters: readonly InboxFilter[] = ['open', 'all', ...ticketStatuses];
const tierFilters: readonly TierFilter[] = ['all', ...tiers];
const dueFilters: readonly DueFilter[] = ['any', 'soon', 'overdue'];
const defaultPageSize = 20;

/** The value of a URL parameter when it is one of `allowed`, else the first of them. */
function readChoice<T extends string>(allowed: readonly T[], value: string | null): T {
  return allowed.find((f) => f === value) ?? (allowed[0] as T);
}

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** /workbench — the tickets of the officer's rooms, open ones first by default. */
export function InboxPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: InboxQuery = {
    status: readChoice(filters, params.get('status')),
    tier: readChoice(tierFilters, params.get('tier')),
    due: readChoice(dueFilters, params.get('due')),
    page: readNumber(params.get('page'), 1),
    pageSize: readNumber(params.get('pageSize'), defaultPageSize),
    ...readInboxSearch(params),
  };
  const { page, pageSize } = query;
  useDocumentTitle('menu.inbox');

  const listed = `${query.status}/${query.tier}/${query.due}`;
  const key = `${listed}/${page}/${pageSize}?${inboxSearchKey(query)}`;
  const { resource, reload } = useStaffResource(key, (signal) => fetchTickets(query, signal));
  const inboxSearch = `?${params.toString()}`;
  const columns = useMemo(() => inboxColumns(t, locale, inboxSearch), [t, locale, inboxSearch]);
  // The previous page stays on screen while the next one loads, so the table does not jump.
  const last = useRef<TicketPage | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;

  const go = (next: Partial<InboxQuery>) => {
    const merged = { ...query, ...next };
    setParams({
      status: merged.status,
      tier: merged.tier,
      due: merged.due,
      page: String(merged.page),
      pageSize: String(merged.pageSize),
      ...inboxSearchParams(merged),
    });
  };

  const search = (next: InboxSearch) => {
    const none = { q: undefined, kind: undefined, matterCode: undefined, channel: undefined };
    go({ ...none, ...next, page: 1 });
  };

  const open = (id: string) =>
    void navigate(`/workbench/tickets/${id}`, { state: { inboxSearch } });

  return (
    <Card>
      <Watermark />
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.inbox')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <div className="wb-scroll-x">
            <Segmented<InboxFilter>
              value={query.status}
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
      <div className="wb-toolbar wb-toolbar-secondary">
        <Space wrap size={[16, 8]}>
          <Space size={8}>
            <span className="wb-muted">{t('inbox.filter_label.tier')}</span>
            <Segmented<TierFilter>
              value={query.tier}
              onChange={(tier) => {
                go({ tier, page: 1 });
              }}
              data-testid="tier-filter"
              options={tierFilters.map((f) => ({
                value: f,
                label: (
                  <span data-testid={`filter-tier-${f}`}>
                    {t(f === 'all' ? 'inbox.filter.all' : `ticket.tier.${f}`)}
                  </span>
                ),
              }))}
            />
          </Space>
          <Space size={8}>
            <span className="wb-muted">{t('inbox.filter_label.due')}</span>
            <Segmented<DueFilter>
              value={query.due}
              onChange={(due) => {
                go({ due, page: 1 });
              }}
              data-testid="due-filter"
              options={dueFilters.map((f) => ({
                value: f,
                label: <span data-testid={`filter-due-${f}`}>{t(`inbox.filter_due.${f}`)}</span>,
              }))}
            />
          </Space>
        </Space>
      </div>
      <div className="wb-toolbar wb-toolbar-secondary">
        <SearchFilters value={readInboxSearch(params)} onChange={search} />
        {query.streetId ? (
          <Tag
            closable
            data-testid="inbox-street-filter"
            onClose={() => {
              go({ streetId: undefined, page: 1 });
            }}
          >
            {t('dashboard.inbox_street_filter')}
          </Tag>
        ) : null}
      </div>
      <PhoneLookup inboxSearch={inboxSearch} onOpen={open} />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="inbox-table"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1450 }}
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

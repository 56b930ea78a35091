import { Card, Input, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import type { BuildingList, BuildingRow } from '../../../contract/buildings';
import { BUILDING_SEARCH_MAX } from '../../../contract/buildings';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchBuildings } from './buildings-api';
import { ReinspectionsView } from './reinspections-view';
import './buildings.css';

/** The three views of the page: search, the re-inspections, the flagged buildings. */
const views = ['search', 'reinspections', 'flagged'] as const;
type View = (typeof views)[number];

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function columns(t: Translate): ColumnsType<BuildingRow> {
  return [
    {
      key: 'name',
      title: t('buildings.field.building'),
      render: (_, b) => (
        <span className="wb-strong" data-testid="row-building-name">
          {b.name} {b.retired ? <Tag>{t('buildings.retired')}</Tag> : null}
        </span>
      ),
    },
    { key: 'address', title: t('buildings.field.address'), dataIndex: 'address' },
    { key: 'community', title: t('buildings.field.community'), dataIndex: 'community' },
    { key: 'street', title: t('buildings.field.street'), dataIndex: 'street' },
    {
      key: 'flag',
      title: t('buildings.field.flag'),
      render: (_, b) =>
        b.flag ? (
          <Tag color="red" data-testid="row-building-flag">
            {t('buildings.flag.since', { since: formatDateTime(b.flag.since) })}
          </Tag>
        ) : null,
    },
  ];
}

function BuildingTable({ flagged, params }: { flagged: boolean; params: URLSearchParams }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), 20);
  const key = JSON.stringify({ q, flagged, page, pageSize });
  const { resource } = useStaffResource(key, (signal) =>
    fetchBuildings({ q: flagged ? '' : q, flagged, page, pageSize }, signal),
  );
  const cols = useMemo(() => columns(t), [t]);
  const last = useRef<BuildingList | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;
  const go = (next: Record<string, string>) => {
    setParams({ view: flagged ? 'flagged' : 'search', q, page: '1', ...next });
  };
  return (
    <>
      {flagged ? null : (
        <div className="wb-bf-search wb-gap" data-testid="building-search">
          <Input.Search
            defaultValue={q}
            allowClear
            maxLength={BUILDING_SEARCH_MAX}
            placeholder={t('buildings.search.placeholder')}
            onSearch={(value) => {
              go({ q: value });
            }}
          />
        </div>
      )}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="buildings-table"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        locale={{ emptyText: t(flagged ? 'buildings.flagged.empty' : 'buildings.search.empty') }}
        rowClassName="wb-clickable"
        onRow={(row) => ({
          onClick: () => {
            void navigate(`/workbench/buildings/${encodeURIComponent(row.id)}`);
          },
        })}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('inbox.total', { total }),
          onChange: (nextPage, nextSize) => {
            go({ page: String(nextPage), pageSize: String(nextSize) });
          },
        }}
      />
    </>
  );
}

/** /workbench/buildings — find a building's file, the re-inspections due, the flagged buildings. */
export function BuildingsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = views.find((v) => v === params.get('view')) ?? 'search';
  useDocumentTitle('menu.buildings');
  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.buildings')}
        </Typography.Title>
        <Segmented<View>
          value={view}
          onChange={(next) => {
            setParams({ view: next });
          }}
          data-testid="buildings-view"
          options={views.map((v) => ({
            value: v,
            label: <span data-testid={`buildings-view-${v}`}>{t(`buildings.view.${v}`)}</span>,
          }))}
        />
      </div>
      <Typography.Paragraph type="secondary">{t(`buildings.lead.${view}`)}</Typography.Paragraph>
      {view === 'reinspections' ? (
        <ReinspectionsView params={params} />
      ) : (
        <BuildingTable key={view} flagged={view === 'flagged'} params={params} />
      )}
    </Card>
  );
}

import { App, Segmented, Table } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

import {
  reinspectionFilters,
  type Reinspection,
  type ReinspectionFilter,
  type ReinspectionList,
} from '../../../contract/buildings';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchReinspections } from './buildings-api';
import { RecordResultModal } from './record-result-modal';
import { reinspectionColumns } from './reinspection-columns';

function readNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The re-inspections of the officer's buildings: not done, due, overdue, done or all. */
export function ReinspectionsView({ params }: { params: URLSearchParams }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [, setParams] = useSearchParams();
  const status = reinspectionFilters.find((f) => f === params.get('status')) ?? 'open';
  const page = readNumber(params.get('page'), 1);
  const pageSize = readNumber(params.get('pageSize'), 20);
  const [recording, setRecording] = useState<Reinspection | null>(null);
  const { resource, reload } = useStaffResource(
    `reinspections/${status}/${page}/${pageSize}`,
    (s) => fetchReinspections({ status, page, pageSize }, s),
  );
  const cols = useMemo(
    () => reinspectionColumns(t, locale, { withBuilding: true, onRecord: setRecording }),
    [t, locale],
  );
  const last = useRef<ReinspectionList | null>(null);
  if (resource.state === 'ready') {
    last.current = resource.data;
  }
  const data = last.current;
  const go = (next: { status?: ReinspectionFilter; page?: number; pageSize?: number }) => {
    setParams({
      view: 'reinspections',
      status: next.status ?? status,
      page: String(next.page ?? 1),
      pageSize: String(next.pageSize ?? pageSize),
    });
  };

  return (
    <>
      <div className="wb-scroll-x wb-gap">
        <Segmented<ReinspectionFilter>
          value={status}
          onChange={(next) => {
            go({ status: next });
          }}
          data-testid="reinspection-filter"
          options={reinspectionFilters.map((f) => ({
            value: f,
            label: (
              <span data-testid={`reinspection-filter-${f}`}>
                {t(`buildings.reinspection.filter.${f}`)}
              </span>
            ),
          }))}
        />
      </div>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="reinspections-table"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('buildings.reinspection.none') }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('inbox.total', { total }),
          onChange: (nextPage, nextSize) => {
            go({ page: nextPage, pageSize: nextSize });
          },
        }}
      />
      {recording ? (
        <RecordResultModal
          reinspection={recording}
          onClose={() => {
            setRecording(null);
          }}
          onSaved={() => {
            setRecording(null);
            void message.success(t('buildings.record.done'));
            reload();
          }}
        />
      ) : null}
    </>
  );
}

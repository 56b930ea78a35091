import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';

import type { Compliance, ComplianceRow } from '../../../contract/visits';
import { addWeeks } from '../../../domain/iso-week';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { TargetSetting } from './target-setting';
import { fetchCompliance } from './visits-api';

type Cell = ComplianceRow['cells'][number];

/** One liaison's week: visits against the target, green when met, blue while the week runs. */
function CellTag({ cell }: { cell: Cell }) {
  const { t } = useI18n();
  const color = cell.met ? 'green' : cell.inProgress ? 'blue' : 'red';
  const state = cell.met ? 'met' : cell.inProgress ? 'in_progress' : 'missed';
  return (
    <Tag color={color} data-testid="compliance-cell" data-state={state} data-week={cell.week}>
      {t(`compliance.cell.${state}`, { visits: cell.visits, target: cell.target })}
    </Tag>
  );
}

function columns(t: Translate, c: Compliance): ColumnsType<ComplianceRow> {
  return [
    {
      key: 'liaison',
      title: t('compliance.field.liaison'),
      fixed: 'left',
      width: 150,
      render: (_, row) => (
        <>
          <div className="wb-strong" data-testid="compliance-liaison">
            {row.liaison.name}
          </div>
          <div className="wb-muted">{row.rooms.join(t('common.list_separator')) || row.street}</div>
        </>
      ),
    },
    ...c.weeks.map((w, i) => ({
      key: w.week,
      width: 130,
      title: (
        <div>
          <div>{w.week === c.currentWeek ? t('compliance.this_week') : w.week}</div>
          <div className="wb-muted wb-small">
            {t('compliance.week_range', { monday: w.monday.slice(5), sunday: w.sunday.slice(5) })}
          </div>
        </div>
      ),
      render: (_: unknown, row: ComplianceRow) => {
        const cell = row.cells[i];
        return cell ? <CellTag cell={cell} /> : null;
      },
    })),
  ];
}

/** The week chooser: back and forth by one week, never past the current one. */
function WeekStepper(props: { week: string; current: string; onChange: (week: string) => void }) {
  const { t } = useI18n();
  const { week, current, onChange } = props;
  return (
    <Space>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('compliance.previous_week')}
        data-testid="compliance-previous"
        onClick={() => {
          onChange(addWeeks(week, -1));
        }}
      />
      <span data-testid="compliance-week">
        {week === current ? t('compliance.this_week') : week}
      </span>
      <Button
        icon={<RightOutlined />}
        aria-label={t('compliance.next_week')}
        disabled={week >= current}
        data-testid="compliance-next"
        onClick={() => {
          onChange(addWeeks(week, 1));
        }}
      />
    </Space>
  );
}

/**
 * Weekly visit compliance: the street admin's liaisons (the bureau admin: the district's) for a
 * chosen week and the three before it; a liaison sees their own weeks. Only visits are counted.
 */
export function ComplianceSection() {
  const { t } = useI18n();
  const me = useMe();
  const [week, setWeek] = useState<string | null>(null);
  const { resource, reload } = useStaffResource(`compliance/${week ?? 'now'}`, (signal) =>
    fetchCompliance(week, 4, signal),
  );
  const data = resource.state === 'ready' ? resource.data : null;
  const chosen = data?.weeks.at(-1);
  return (
    <Card
      title={t('compliance.title')}
      className="wb-gap"
      data-testid="compliance"
      extra={
        data ? <WeekStepper week={data.week} current={data.currentWeek} onChange={setWeek} /> : null
      }
    >
      <Typography.Paragraph type="secondary">{t('compliance.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {data && chosen && me.role !== 'liaison' ? (
        <Alert
          type="info"
          className="wb-gap"
          data-testid="compliance-summary"
          title={t('compliance.summary', {
            met: chosen.metCount,
            total: data.rows.length,
            target: chosen.target,
          })}
        />
      ) : null}
      <Table
        rowKey={(row) => row.liaison.id}
        size="small"
        data-testid="compliance-table"
        loading={resource.state === 'loading'}
        columns={data ? columns(t, data) : []}
        dataSource={data?.rows ?? []}
        scroll={{ x: 150 + 130 * (data?.weeks.length ?? 4) }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('compliance.empty') }}
      />
      {me.role === 'bureau_admin' ? <TargetSetting onChanged={reload} /> : null}
    </Card>
  );
}

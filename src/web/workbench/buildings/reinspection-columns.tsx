import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import type { Reinspection } from '../../../contract/buildings';
import type { Translate } from '../../i18n/translate';

const stateColours: Record<Reinspection['state'], string> = {
  due: 'blue',
  overdue: 'red',
  done: 'green',
};

/** The state of a re-inspection, and its result once done. */
export function ReinspectionStateTag({ r, t }: { r: Reinspection; t: Translate }) {
  return (
    <span data-testid="reinspection-state" data-value={r.state}>
      <Tag color={stateColours[r.state]}>{t(`buildings.reinspection.state.${r.state}`)}</Tag>
      {r.result ? (
        <Tag color={r.result === 'recurred' ? 'red' : 'green'}>
          {t(`buildings.reinspection.result.${r.result}`)}
        </Tag>
      ) : null}
    </span>
  );
}

/** The columns of a re-inspection table; `withBuilding` adds the building (the list page). */
export function reinspectionColumns(
  t: Translate,
  locale: string,
  options: { withBuilding: boolean; onRecord: (r: Reinspection) => void },
): ColumnsType<Reinspection> {
  const building: ColumnsType<Reinspection> = options.withBuilding
    ? [
        {
          key: 'building',
          title: t('buildings.field.building'),
          render: (_, r) => (
            <Link to={`/workbench/buildings/${encodeURIComponent(r.building.id)}`}>
              {t('buildings.place_line', {
                building: r.building.name,
                community: r.building.community,
                street: r.building.street,
              })}
            </Link>
          ),
        },
      ]
    : [];
  return [
    ...building,
    {
      key: 'matter',
      title: t('buildings.field.matter'),
      render: (_, r) => (locale === 'en' ? r.matter.nameEn : r.matter.name),
    },
    {
      key: 'case',
      title: t('buildings.field.case'),
      render: (_, r) => (
        <Link to={`/workbench/cases/${encodeURIComponent(r.case.id)}`}>{r.case.caseNo}</Link>
      ),
    },
    { key: 'closed', title: t('buildings.field.closed_on'), dataIndex: 'closedOn', width: 110 },
    {
      key: 'due',
      title: t('buildings.field.due_on'),
      width: 110,
      render: (_, r) => <span data-testid="reinspection-due">{r.dueOn}</span>,
    },
    {
      key: 'state',
      title: t('buildings.field.state'),
      width: 160,
      render: (_, r) => <ReinspectionStateTag r={r} t={t} />,
    },
    {
      key: 'done',
      title: t('buildings.field.done'),
      render: (_, r) =>
        r.doneOn
          ? t('buildings.reinspection.done_line', { day: r.doneOn, name: r.doneBy?.name ?? '' })
          : null,
    },
    {
      key: 'ticket',
      title: t('buildings.field.recurrence_ticket'),
      render: (_, r) =>
        r.recurrenceTicket ? (
          <Link to={`/workbench/tickets/${encodeURIComponent(r.recurrenceTicket.id)}`}>
            {r.recurrenceTicket.trackingCode}
          </Link>
        ) : null,
    },
    {
      key: 'actions',
      title: t('buildings.field.actions'),
      width: 120,
      render: (_, r) =>
        r.canRecord ? (
          <Button
            size="small"
            type="primary"
            data-testid="reinspection-record"
            onClick={() => {
              options.onRecord(r);
            }}
          >
            {t('buildings.reinspection.record')}
          </Button>
        ) : null,
    },
  ];
}

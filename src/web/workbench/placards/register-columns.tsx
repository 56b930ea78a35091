import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';

import type { PlacardRegisterRow } from '../../../contract/placards';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { CheckResultTag, ReprintTags } from './placard-tags';

/** What a row's buttons do; the page owns the dialogs and the downloads. */
export interface RowActions {
  mayRotate: boolean;
  busyBuilding: string | null;
  download(row: PlacardRegisterRow): void;
  check(row: PlacardRegisterRow): void;
  addPoint(row: PlacardRegisterRow): void;
  editPoint(row: PlacardRegisterRow): void;
  rotate(row: PlacardRegisterRow): void;
}

/** The key of a row: its point, or its building when it has none. */
export const rowKey = (row: PlacardRegisterRow) => row.point?.id ?? row.building.id;

function actionsCell(t: Translate, row: PlacardRegisterRow, actions: RowActions) {
  const code = row.building.code;
  return (
    <Space size={0} wrap>
      <Button
        type="link"
        size="small"
        loading={actions.busyBuilding === row.building.id}
        onClick={() => {
          actions.download(row);
        }}
        data-testid={`building-pdf-${code}`}
      >
        {t('placards.action.pdf')}
      </Button>
      {row.point ? (
        <Button
          type="link"
          size="small"
          onClick={() => {
            actions.check(row);
          }}
          data-testid={`check-${row.point.pointNo}`}
        >
          {t('placards.action.check')}
        </Button>
      ) : null}
      {row.point ? (
        <Button
          type="link"
          size="small"
          onClick={() => {
            actions.editPoint(row);
          }}
        >
          {t('placards.action.edit_point')}
        </Button>
      ) : null}
      <Button
        type="link"
        size="small"
        onClick={() => {
          actions.addPoint(row);
        }}
        data-testid={`add-point-${code}`}
      >
        {t('placards.action.add_point')}
      </Button>
      {actions.mayRotate ? (
        <Popconfirm
          title={t('placards.rotate.confirm_title')}
          description={t('placards.rotate.confirm_body', { building: row.building.name })}
          okText={t('placards.rotate.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => {
            actions.rotate(row);
          }}
        >
          <Button type="link" size="small" danger data-testid={`rotate-${code}`}>
            {t('placards.action.rotate')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

/** The register's columns: building, point, printing, last check, state and the actions. */
export function registerColumns(
  t: Translate,
  actions: RowActions,
): ColumnsType<PlacardRegisterRow> {
  return [
    {
      key: 'building',
      title: t('placards.field.building'),
      width: 200,
      render: (_, row) => (
        <div>
          <div className="wb-strong">{row.building.name}</div>
          <Typography.Text type="secondary" className="wb-nowrap">
            {row.community.name}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'point',
      title: t('placards.field.point'),
      width: 200,
      render: (_, row) =>
        row.point ? (
          <div data-testid="point-cell">
            <Tag>{row.point.pointNo}</Tag>
            <div>{row.point.placement || t('placards.point.no_placement')}</div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('placards.point.none')}</Typography.Text>
        ),
    },
    {
      key: 'printed',
      title: t('placards.field.printed'),
      width: 160,
      render: (_, row) =>
        row.point?.printedAt ? (
          <div>
            <div className="wb-nowrap">{formatDateTime(row.point.printedAt)}</div>
            <Typography.Text type="secondary">
              {row.point.printedBy?.name ?? t('placards.by_operator')}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('placards.never')}</Typography.Text>
        ),
    },
    {
      key: 'check',
      title: t('placards.field.last_check'),
      width: 190,
      render: (_, row) =>
        row.lastCheck ? (
          <div>
            <Space size={4}>
              <CheckResultTag result={row.lastCheck.result} />
              <span className="wb-nowrap">{formatDateTime(row.lastCheck.at)}</span>
            </Space>
            <div>
              <Typography.Text type="secondary">{row.lastCheck.by?.name ?? ''}</Typography.Text>
            </div>
            {row.lastCheck.note ? <div className="wb-muted">{row.lastCheck.note}</div> : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('placards.never')}</Typography.Text>
        ),
    },
    {
      key: 'state',
      title: t('placards.field.state'),
      width: 170,
      render: (_, row) => <ReprintTags reasons={row.reprintReasons} />,
    },
    {
      key: 'actions',
      title: t('placards.field.actions'),
      render: (_, row) => actionsCell(t, row, actions),
    },
  ];
}

import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import type { StaffTicketRow } from '../../../contract/tickets';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { matterName } from '../../shared/matter-name';
import { DueCell } from '../common/due-cell';
import { StatusTag } from '../common/status-tag';
import { staffLabel } from '../common/staff-label';
import { SupervisionTag } from '../common/supervision-tag';
import { TierTag } from '../common/tier-tag';

/** The inbox columns: who asked what, where, who works it, and the two deadlines. */
export function inboxColumns(
  t: Translate,
  locale: string,
  inboxSearch: string,
): ColumnsType<StaffTicketRow> {
  return [
    {
      key: 'trackingCode',
      title: t('ticket.field.tracking_code'),
      dataIndex: 'trackingCode',
      fixed: 'left',
      width: 150,
      render: (code: string, row) => (
        <Space size={4} wrap>
          <Link
            to={`/workbench/tickets/${row.id}`}
            state={{ inboxSearch }}
            className="wb-nowrap wb-strong"
            data-testid="row-tracking-code"
            onClick={(event) => {
              event.stopPropagation();
            }}
          >
            {code}
          </Link>
          {row.supervised ? <SupervisionTag testId="row-supervised" /> : null}
        </Space>
      ),
    },
    {
      key: 'kind',
      title: t('ticket.field.kind'),
      width: 90,
      render: (_, row) => <Tag>{t(`ticket.kind.${row.kind}`)}</Tag>,
    },
    {
      key: 'status',
      title: t('ticket.field.status'),
      width: 140,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      key: 'tier',
      title: t('ticket.field.tier'),
      width: 100,
      render: (_, row) => <TierTag tier={row.tier} testId="row-tier" />,
    },
    {
      key: 'matter',
      title: t('ticket.field.matter'),
      width: 110,
      ellipsis: true,
      render: (_, row) =>
        row.matter ? (
          matterName(locale, row.matter)
        ) : (
          <span className="wb-muted">{t('common.none')}</span>
        ),
    },
    {
      key: 'summary',
      title: t('ticket.field.summary'),
      dataIndex: 'summary',
      ellipsis: true,
      width: 200,
    },
    {
      key: 'place',
      title: t('ticket.field.place'),
      width: 140,
      render: (_, row) => (
        <>
          <div>{row.building}</div>
          <div className="wb-muted">{row.community}</div>
        </>
      ),
    },
    {
      key: 'assignee',
      title: t('ticket.field.assignee'),
      width: 110,
      render: (_, row) =>
        row.assignee ? (
          staffLabel(t, row.assignee)
        ) : (
          <span className="wb-muted">{t('ticket.unassigned')}</span>
        ),
    },
    {
      key: 'createdAt',
      title: t('ticket.field.created_at'),
      width: 130,
      render: (_, row) => <span className="wb-nowrap">{formatDateTime(row.createdAt)}</span>,
    },
    {
      key: 'firstContactDue',
      title: t('ticket.field.first_contact_due'),
      width: 135,
      render: (_, row) => (
        <DueCell at={row.deadlines.firstContactDueAt} overdue={row.deadlines.firstContactOverdue} />
      ),
    },
    {
      key: 'resolveDue',
      title: t('ticket.field.resolve_due'),
      width: 135,
      render: (_, row) => (
        <DueCell at={row.deadlines.resolveDueAt} overdue={row.deadlines.resolveOverdue} />
      ),
    },
  ];
}

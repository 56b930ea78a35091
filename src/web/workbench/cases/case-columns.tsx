import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import type { CaseRow } from '../../../contract/case-views';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { matterName } from '../../shared/matter-name';
import { CaseStatusTag } from './case-status-tag';

/** The case list's columns: number, stage, matter, party, street, ticket and the next limit. */
export function caseColumns(t: Translate, locale: string): ColumnsType<CaseRow> {
  return [
    {
      key: 'caseNo',
      title: t('case.field.case_no'),
      width: 190,
      render: (_, row) => (
        <Link to={`/workbench/cases/${row.id}`} className="wb-strong" data-testid="row-case-no">
          {row.caseNo}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('case.field.status'),
      width: 100,
      render: (_, row) => <CaseStatusTag status={row.status} />,
    },
    {
      key: 'matter',
      title: t('case.field.matter'),
      render: (_, row) => matterName(locale, row.matter),
    },
    { key: 'party', title: t('case.field.party'), width: 120, dataIndex: 'party' },
    {
      key: 'body',
      title: t('case.field.body'),
      width: 130,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.street}</span>
          <span className="wb-muted">{t(`case.body.${row.body}`)}</span>
        </Space>
      ),
    },
    {
      key: 'ticket',
      title: t('case.field.ticket'),
      width: 150,
      render: (_, row) =>
        row.trackingCode ?? <span className="wb-muted">{t('case.source.patrol')}</span>,
    },
    {
      key: 'registered',
      title: t('case.field.registered_at'),
      width: 150,
      render: (_, row) => <span className="wb-nowrap">{formatDateTime(row.registeredAt)}</span>,
    },
    {
      key: 'nextDue',
      title: t('case.field.next_due'),
      width: 190,
      render: (_, row) =>
        row.nextDue ? (
          <Space size={4} wrap data-testid="row-next-due">
            <span className="wb-nowrap">
              {t('case.next_due', {
                limit: t(`case.limit.${row.nextDue.key}`),
                day: row.nextDue.lastDay,
              })}
            </span>
            {row.nextDue.overdue ? (
              <Tag color="red" data-testid="row-overdue">
                {t('case.overdue')}
              </Tag>
            ) : null}
          </Space>
        ) : (
          <span className="wb-muted">{t('common.none')}</span>
        ),
    },
  ];
}

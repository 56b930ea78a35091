import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';

import type { AuditEntry } from '../../../contract/audit';
import type { I18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { staffLabel } from '../common/staff-label';
import { auditActionLabel, auditActorKindLabel, auditRecordTypeLabel } from './audit-labels';

type Labels = Pick<I18n, 't' | 'has'>;

function ActorCell({ i18n, actor }: { i18n: Labels; actor: AuditEntry['actor'] }) {
  const kind = auditActorKindLabel(i18n, actor.kind);
  if (actor.name) {
    return (
      <>
        <div>{staffLabel(i18n.t, { name: actor.name, badgeNo: actor.badgeNo })}</div>
        {actor.kind === 'staff' ? null : <div className="wb-muted">{kind}</div>}
      </>
    );
  }
  return (
    <span className="wb-muted">
      {actor.id ? `${kind} ${actor.id}` : i18n.t('audit.actor_unknown')}
    </span>
  );
}

function DetailCell({ i18n, detail }: { i18n: Labels; detail: AuditEntry['detail'] }) {
  const entries = Object.entries(detail);
  if (entries.length === 0) {
    return <span className="wb-muted">{i18n.t('common.none')}</span>;
  }
  const separator = i18n.t('common.list_separator');
  const none = i18n.t('common.none');
  return (
    <>
      {entries.map(([key, value]) => (
        <div key={key}>
          <Typography.Text code>{key}</Typography.Text>{' '}
          {Array.isArray(value) ? value.join(separator) || none : String(value)}
        </div>
      ))}
    </>
  );
}

/** The trail's columns: number, time, who, what, on which record, and the field names noted. */
export function auditColumns(i18n: Labels): ColumnsType<AuditEntry> {
  const { t } = i18n;
  return [
    { key: 'seq', title: t('audit.field.seq'), dataIndex: 'seq', width: 80 },
    {
      key: 'at',
      title: t('audit.field.at'),
      width: 140,
      render: (_, row) => (
        <span className="wb-nowrap" title={row.at}>
          {formatDateTime(row.at)}
        </span>
      ),
    },
    {
      key: 'actor',
      title: t('audit.field.actor'),
      width: 170,
      render: (_, row) => <ActorCell i18n={i18n} actor={row.actor} />,
    },
    {
      key: 'action',
      title: t('audit.field.action'),
      width: 160,
      render: (_, row) => <Tag data-action={row.action}>{auditActionLabel(i18n, row.action)}</Tag>,
    },
    {
      key: 'record',
      title: t('audit.field.record'),
      width: 220,
      render: (_, row) => (
        <>
          <div>{auditRecordTypeLabel(i18n, row.recordType)}</div>
          {row.recordId ? (
            <Typography.Text type="secondary" copyable className="wb-nowrap">
              {row.recordId}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      key: 'detail',
      title: t('audit.field.detail'),
      render: (_, row) => <DetailCell i18n={i18n} detail={row.detail} />,
    },
  ];
}

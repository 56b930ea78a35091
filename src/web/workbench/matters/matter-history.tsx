import { Card, Empty, Table, Tag, Typography } from 'antd';

import type { FieldChange, MatterRevision } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { fieldLabel, valueText } from './matter-fields';

function ChangeTable({ changes, first }: { changes: FieldChange[]; first: boolean }) {
  const { t } = useI18n();
  const columns = [
    {
      key: 'field',
      title: t('matters.history.field'),
      width: 160,
      render: (_: unknown, c: FieldChange) => fieldLabel(t, c.field),
    },
    ...(first
      ? []
      : [
          {
            key: 'before',
            title: t('matters.history.before'),
            render: (_: unknown, c: FieldChange) => (
              <del className="wb-matter-before">{valueText(t, c.field, c.before)}</del>
            ),
          },
        ]),
    {
      key: 'after',
      title: first ? t('matters.history.value') : t('matters.history.after'),
      render: (_: unknown, c: FieldChange) => (
        <ins className="wb-matter-after">{valueText(t, c.field, c.after)}</ins>
      ),
    },
  ];
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      columns={columns}
      dataSource={changes}
    />
  );
}

function RevisionCard({ revision, first }: { revision: MatterRevision; first: boolean }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      className="wb-gap"
      data-testid={`matter-revision-${String(revision.revision)}`}
      title={
        <span>
          {t('matters.history.revision', { n: revision.revision })}{' '}
          <Tag>{t(`matters.action.${revision.action}`)}</Tag>
        </span>
      }
      extra={
        <Typography.Text type="secondary">
          {t('matters.history.by', {
            who: revision.staff?.name ?? t('matters.history.system'),
            at: formatDateTime(revision.at),
          })}
        </Typography.Text>
      }
    >
      <Typography.Paragraph data-testid="matter-revision-reason">
        {t('matters.history.reason', { reason: revision.reason })}
      </Typography.Paragraph>
      <ChangeTable changes={revision.changes} first={first} />
    </Card>
  );
}

/** Every revision, newest first, each with the fields that differ from the one before. */
export function MatterHistoryList({ revisions }: { revisions: MatterRevision[] }) {
  const { t } = useI18n();
  if (revisions.length === 0) {
    return <Empty description={t('matters.history.empty')} />;
  }
  const oldest = revisions[revisions.length - 1]?.revision;
  return (
    <div data-testid="matter-history">
      {revisions.map((r) => (
        <RevisionCard key={r.revision} revision={r} first={r.revision === oldest} />
      ))}
    </div>
  );
}

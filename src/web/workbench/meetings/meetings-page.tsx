import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { meetingKinds, type MeetingKind, type MeetingRow } from '../../../contract/meetings';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchMeetings } from './meetings-api';

const pageSize = 20;

function columns(t: Translate): ColumnsType<MeetingRow> {
  return [
    {
      key: 'date',
      title: t('meeting.field.date'),
      width: 120,
      render: (_, row) => (
        <Link
          to={`/workbench/meetings/${row.id}`}
          className="wb-strong"
          data-testid="meeting-row-date"
        >
          {row.date}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('meeting.field.kind'),
      width: 110,
      render: (_, row) => <Tag color="purple">{t(`meeting.kind.${row.kind}`)}</Tag>,
    },
    {
      key: 'topic',
      title: t('meeting.field.topic'),
      dataIndex: 'topic',
      ellipsis: true,
      width: 220,
    },
    {
      key: 'community',
      title: t('visit.field.community'),
      width: 150,
      render: (_, row) => row.community.name,
    },
    {
      key: 'staff',
      title: t('meeting.field.staff'),
      width: 160,
      render: (_, row) => row.staff.map((s) => s.name).join(t('common.list_separator')),
    },
    {
      key: 'tickets',
      title: t('meeting.field.tickets'),
      width: 140,
      render: (_, row) =>
        t('meeting.ticket_counts', { produced: row.producedCount, settled: row.settledCount }),
    },
  ];
}

/** /workbench/meetings — the community meetings the officer may see, latest first. */
export function MeetingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const kind = meetingKinds.find((k) => k === params.get('kind'));
  useDocumentTitle('menu.meetings');
  const { resource } = useStaffResource(`meetings/${kind ?? 'all'}/${page}`, (signal) =>
    fetchMeetings({ page, pageSize, kind }, signal),
  );
  const cols = useMemo(() => columns(t), [t]);
  const data = resource.state === 'ready' ? resource.data : null;
  const canRecord = me.role === 'liaison' || me.role === 'street_admin';

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('menu.meetings')}
        </Typography.Title>
        <div className="wb-toolbar-controls">
          <div className="wb-scroll-x">
            <Segmented<MeetingKind | 'all'>
              value={kind ?? 'all'}
              onChange={(next) => {
                setParams(next === 'all' ? {} : { kind: next });
              }}
              options={[
                { value: 'all', label: t('meeting.filter.all') },
                ...meetingKinds.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) })),
              ]}
            />
          </div>
          {canRecord ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="meeting-new"
              onClick={() => {
                void navigate('/workbench/meetings/new');
              }}
            >
              {t('meeting.new.title')}
            </Button>
          ) : null}
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t('meeting.list.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="meetings-table"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('meeting.list.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => t('inbox.total', { total }),
          onChange: (next) => {
            setParams({ ...(kind ? { kind } : {}), page: String(next) });
          },
        }}
      />
    </Card>
  );
}

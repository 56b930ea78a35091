import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';

import {
  educationStatuses,
  type EducationStatus,
  type StaffEvent,
  type StaffItemRow,
} from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchEvents, fetchItems } from './education-api';

const statusColors: Record<EducationStatus, string> = {
  draft: 'default',
  in_review: 'orange',
  published: 'green',
};

function itemColumns(t: Translate): ColumnsType<StaffItemRow> {
  return [
    {
      key: 'title',
      title: t('education.field.title'),
      render: (_, row) => (
        <Link to={`/workbench/education/${row.id}`} data-testid="education-row-title">
          {row.title}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('education.field.kind'),
      render: (_, r) => t(`education.kind.${r.kind}`),
    },
    {
      key: 'topic',
      title: t('education.field.topic'),
      render: (_, r) => t(`education.topic.${r.topic}`),
    },
    {
      key: 'status',
      title: t('education.field.status'),
      render: (_, r) => (
        <Tag color={statusColors[r.status]} data-testid="education-row-status">
          {t(`education.status.${r.status}`)}
        </Tag>
      ),
    },
    { key: 'author', title: t('education.field.author'), render: (_, r) => r.author.name },
    {
      key: 'updated',
      title: t('education.field.updated'),
      render: (_, r) => formatDateTime(r.updatedAt),
    },
    { key: 'views', title: t('education.field.views'), dataIndex: 'viewCount' },
  ];
}

function eventColumns(t: Translate): ColumnsType<StaffEvent> {
  return [
    {
      key: 'title',
      title: t('education.field.title'),
      render: (_, row) => <Link to={`/workbench/education/events/${row.id}`}>{row.title}</Link>,
    },
    {
      key: 'kind',
      title: t('education.field.kind'),
      render: (_, r) => t(`education.event_kind.${r.kind}`),
    },
    { key: 'date', title: t('education.event.date'), dataIndex: 'date' },
    { key: 'place', title: t('education.event.place'), dataIndex: 'place' },
    { key: 'attendance', title: t('education.event.attendance'), dataIndex: 'attendance' },
    {
      key: 'published',
      title: t('education.field.status'),
      render: (_, r) =>
        r.published ? t('education.event.published') : t('education.event.unpublished'),
    },
  ];
}

function ItemsTab() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = educationStatuses.find((s) => s === params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { resource } = useStaffResource(`education/${status ?? ''}/${page}`, (signal) =>
    fetchItems(page, status, signal),
  );
  const choose = (next: string) => {
    setParams(next === 'all' ? {} : { status: next });
  };
  return (
    <>
      <div className="wb-toolbar">
        <Segmented
          value={status ?? 'all'}
          onChange={(v) => {
            choose(v);
          }}
          options={['all', ...educationStatuses].map((s) => ({
            value: s,
            label: <span data-testid={`education-status-${s}`}>{t(`education.status.${s}`)}</span>,
          }))}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/workbench/education/new')}
          data-testid="education-new"
        >
          {t('education.new')}
        </Button>
      </div>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table<StaffItemRow>
        rowKey="id"
        columns={itemColumns(t)}
        loading={resource.state === 'loading'}
        dataSource={resource.state === 'ready' ? resource.data.items : []}
        pagination={{
          current: page,
          pageSize: 20,
          total: resource.state === 'ready' ? resource.data.total : 0,
          onChange: (p) => {
            setParams({ ...(status ? { status } : {}), page: String(p) });
          },
        }}
      />
    </>
  );
}

function EventsTab() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { resource } = useStaffResource('education-events', (signal) => fetchEvents(1, signal));
  return (
    <>
      <div className="wb-toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/workbench/education/events/new')}
          data-testid="education-event-new"
        >
          {t('education.event.new')}
        </Button>
      </div>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table<StaffEvent>
        rowKey="id"
        columns={eventColumns(t)}
        loading={resource.state === 'loading'}
        dataSource={resource.state === 'ready' ? resource.data.items : []}
        pagination={false}
      />
    </>
  );
}

/** /workbench/education — items by status, and events; new items and events start here. */
export function EducationPage() {
  const { t } = useI18n();
  useDocumentTitle('menu.education');
  return (
    <Card title={t('menu.education')} data-testid="education-page">
      <Tabs
        items={[
          { key: 'items', label: t('education.tab.items'), children: <ItemsTab /> },
          { key: 'events', label: t('education.tab.events'), children: <EventsTab /> },
        ]}
      />
    </Card>
  );
}

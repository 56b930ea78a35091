import { Button, Card, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import type { StaffQa } from '../../../contract/qa';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchStaffQa, patchQa, setQaPublished } from './qa-api';
import { QaTextModal } from './qa-text-modal';

const statuses = ['all', 'published', 'unpublished'] as const;

interface RowActions {
  onEdit: (entry: StaffQa) => void;
  onToggle: (entry: StaffQa) => void;
}

function columns(t: Translate, locale: string, actions: RowActions): ColumnsType<StaffQa> {
  return [
    {
      key: 'question',
      title: t('qa.field.question'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span className="wb-strong" data-testid="qa-row-question">
            {row.question}
          </span>
          {row.ticket ? (
            <Link to={`/workbench/tickets/${row.ticket.id}`}>{row.ticket.trackingCode}</Link>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'matter',
      title: t('qa.field.matter'),
      width: 200,
      render: (_, row) =>
        row.matter ? (locale === 'en' ? row.matter.nameEn : row.matter.name) : '',
    },
    {
      key: 'status',
      title: t('qa.field.status'),
      width: 100,
      render: (_, row) => (
        <Tag color={row.status === 'published' ? 'green' : 'default'} data-testid="qa-row-status">
          {t(`qa.status.${row.status}`)}
        </Tag>
      ),
    },
    {
      key: 'published',
      title: t('qa.field.published_at'),
      width: 150,
      render: (_, row) => formatDateTime(row.publishedAt),
    },
    {
      key: 'actions',
      title: t('qa.field.actions'),
      width: 180,
      render: (_, row) =>
        row.canManage ? (
          <Space>
            <Button
              size="small"
              onClick={() => {
                actions.onEdit(row);
              }}
              data-testid="qa-row-edit"
            >
              {t('qa.list.edit')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                actions.onToggle(row);
              }}
              data-testid="qa-row-toggle"
            >
              {t(row.status === 'published' ? 'qa.list.unpublish' : 'qa.list.publish')}
            </Button>
          </Space>
        ) : null,
    },
  ];
}

/** /workbench/qa — every published consultation: correct, unpublish or put back. */
export function QaListPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = statuses.find((s) => s === params.get('status')) ?? 'all';
  const q = params.get('q') ?? '';
  const [editing, setEditing] = useState<StaffQa | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle('menu.qa');
  const { resource, reload } = useStaffResource(`qa/${status}/${q}/${page}`, (signal) =>
    fetchStaffQa({ page, status, q }, signal),
  );
  const data = resource.state === 'ready' ? resource.data : null;
  const go = (next: Record<string, string>) => {
    setParams({ status, q, page: '1', ...next });
  };
  const toggle = async (entry: StaffQa) => {
    setFailure(null);
    try {
      await setQaPublished(entry.id, entry.status !== 'published');
      reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const cols = columns(t, locale, { onEdit: setEditing, onToggle: (e) => void toggle(e) });

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('qa.list.title')}
        </Typography.Title>
        <a href="/qa" target="_blank" rel="noreferrer">
          {t('qa.list.public_link')}
        </a>
      </div>
      <Typography.Paragraph type="secondary">{t('qa.list.lead')}</Typography.Paragraph>
      <Space wrap className="wb-gap">
        <Segmented
          value={status}
          options={statuses.map((s) => ({ value: s, label: t(`qa.filter.${s}`) }))}
          onChange={(value) => {
            go({ status: value });
          }}
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('qa.list.staff_search')}
          onSearch={(value) => {
            go({ q: value.trim() });
          }}
          data-testid="qa-staff-search"
        />
      </Space>
      {failure ? (
        <ErrorAlert
          error={failure}
          onClose={() => {
            setFailure(null);
          }}
        />
      ) : null}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="qa-table"
        columns={cols}
        dataSource={data?.items ?? []}
        loading={resource.state === 'loading'}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('qa.list.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          onChange: (next) => {
            go({ page: String(next) });
          },
        }}
      />
      {editing ? (
        <QaTextModal
          title={t('qa.edit.title')}
          okText={t('qa.edit.ok')}
          initial={{
            question: editing.question,
            answer: editing.answer,
            matterCode: editing.matter?.code ?? null,
          }}
          onClose={() => {
            setEditing(null);
          }}
          onSave={async (text) => {
            await patchQa(editing.id, text);
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Card>
  );
}

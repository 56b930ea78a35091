import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import type { StaffMatter } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { matterName } from '../../shared/matter-name';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { MatterFormModal } from './matter-form-modal';
import { fetchStaffMatters } from './matters-api';
import './matters.css';

/** The readers of the catalogue; the bureau admin alone changes it. */
const readers = ['liaison', 'street_admin', 'bureau_admin'];

function columns(t: Translate, locale: string): ColumnsType<StaffMatter> {
  return [
    { key: 'code', title: t('matters.field.code'), dataIndex: 'code', width: 100 },
    {
      key: 'name',
      title: t('matters.field.name'),
      render: (_, m) => (
        <Link to={`/workbench/matters/${encodeURIComponent(m.code)}`} data-testid="matter-row-name">
          {matterName(locale, m)}
        </Link>
      ),
    },
    { key: 'body', title: t('matters.field.handlingBody'), dataIndex: 'handlingBody', width: 260 },
    {
      key: 'state',
      title: t('matters.list.state'),
      width: 150,
      render: (_, m) => (
        <>
          <Tag color={m.active ? 'blue' : 'default'}>
            {t(`matters.value.active_${String(m.active)}`)}
          </Tag>
          {m.handledByChengguan ? null : <Tag color="orange">{t('matters.list.elsewhere')}</Tag>}
        </>
      ),
    },
    { key: 'revision', title: t('matters.list.revision'), dataIndex: 'revision', width: 70 },
    {
      key: 'updated',
      title: t('matters.list.updated'),
      width: 150,
      render: (_, m) => formatDateTime(m.updatedAt),
    },
  ];
}

/** /workbench/matters — the matter catalogue; the bureau admin adds matters here. */
export function MattersPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [creating, setCreating] = useState(false);
  useDocumentTitle('menu.matters');
  const { resource } = useStaffResource(`staff-matters?q=${q}`, (signal) =>
    fetchStaffMatters(q, signal),
  );
  const cols = useMemo(() => columns(t, locale), [t, locale]);
  const canEdit = me.role === 'bureau_admin';

  if (!readers.includes(me.role)) {
    return <Typography.Paragraph>{t('matters.forbidden')}</Typography.Paragraph>;
  }
  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={4} className="wb-title">
          {t('matters.list.title')}
        </Typography.Title>
        {canEdit ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreating(true);
            }}
            data-testid="matter-new"
          >
            {t('matters.list.new')}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">
        {canEdit ? t('matters.list.lead_editor') : t('matters.list.lead_reader')}
      </Typography.Paragraph>
      <Input.Search
        allowClear
        defaultValue={q}
        className="wb-matter-search"
        aria-label={t('matters.list.search_label')}
        placeholder={t('matters.list.search_placeholder')}
        enterButton={t('matters.list.search')}
        onSearch={(value) => {
          setParams(value.trim() ? { q: value.trim() } : {});
        }}
        data-testid="matters-search"
      />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table<StaffMatter>
        rowKey="code"
        size="middle"
        loading={resource.state === 'loading'}
        columns={cols}
        dataSource={resource.state === 'ready' ? resource.data : []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="matters-table"
      />
      <MatterFormModal
        matter={null}
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(`/workbench/matters/${encodeURIComponent(saved.matter.code)}`);
        }}
      />
    </Card>
  );
}

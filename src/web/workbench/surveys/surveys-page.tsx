import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { CampaignForm } from './campaign-form';
import { CampaignResultsView } from './campaign-results';
import { fetchCampaigns } from './surveys-api';

/** /workbench/surveys — the satisfaction survey campaigns, their results, and a new one. */
export function SurveysPage() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle('surveys.menu');
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const { resource } = useStaffResource(`surveys/${String(version)}`, fetchCampaigns);
  const items = resource.state === 'ready' ? resource.data.items : [];

  return (
    <Card>
      <div className="wb-toolbar">
        <Typography.Title level={1} className="wb-title wb-dash-h1">
          {t('surveys.title')}
        </Typography.Title>
        {me.role === 'bureau_admin' ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="survey-new"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('surveys.create.title')}
          </Button>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">{t('surveys.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="surveys-table"
        loading={resource.state === 'loading'}
        dataSource={items}
        locale={{ emptyText: t('surveys.list.empty') }}
        expandable={{ expandedRowRender: (row) => <CampaignResultsView id={row.id} /> }}
        columns={[
          { key: 'title', title: t('surveys.field.title'), dataIndex: 'title' },
          {
            key: 'street',
            title: t('surveys.field.street'),
            render: (_, row) => row.streetName ?? t('surveys.field.all_streets'),
          },
          {
            key: 'period',
            title: t('surveys.field.period'),
            render: (_, row) => `${row.opensOn} – ${row.closesOn}`,
          },
          {
            key: 'open',
            title: t('surveys.field.state'),
            render: (_, row) =>
              row.open ? (
                <Tag color="green">{t('surveys.state.open')}</Tag>
              ) : (
                <Tag>{t('surveys.state.closed')}</Tag>
              ),
          },
          { key: 'answered', title: t('surveys.field.answered'), dataIndex: 'answered' },
          {
            key: 'link',
            title: t('surveys.field.link'),
            render: (_, row) => <code>{`/survey/${row.id}`}</code>,
          },
        ]}
      />
      <CampaignForm
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={() => {
          setCreating(false);
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}

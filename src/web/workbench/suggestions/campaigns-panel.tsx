import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';

import type { PublicCampaign } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { CampaignCreateModal, CampaignReportModal } from './campaign-modals';
import { fetchCampaigns } from './suggestions-api';

function columns(
  t: Translate,
  onReport: ((c: PublicCampaign) => void) | null,
): ColumnsType<PublicCampaign> {
  return [
    {
      key: 'topic',
      title: t('suggestion.campaign.topic'),
      render: (_, c) => (
        <a href={`/suggest/campaigns/${encodeURIComponent(c.id)}`} target="_blank" rel="noreferrer">
          {c.topic}
        </a>
      ),
    },
    {
      key: 'phase',
      title: t('suggestion.field.status'),
      width: 100,
      render: (_, c) => <Tag>{t(`suggest.phase.${c.phase}`)}</Tag>,
    },
    {
      key: 'period',
      title: t('suggestion.campaign.period'),
      width: 220,
      render: (_, c) => `${c.startsOn} – ${c.deadlineOn}`,
    },
    { key: 'count', title: t('suggestion.campaign.count'), width: 90, dataIndex: 'receivedCount' },
    {
      key: 'report',
      title: t('suggestion.campaign.report'),
      width: 160,
      render: (_, c) =>
        c.reportPublishedAt ? (
          <Tag color="green">{t('suggestion.campaign.report_done')}</Tag>
        ) : onReport && c.phase === 'closed' ? (
          <Button
            size="small"
            onClick={() => {
              onReport(c);
            }}
          >
            {t('suggestion.campaign.report_write')}
          </Button>
        ) : null,
    },
  ];
}

/** The campaigns; the bureau admin publishes new ones and their reports. */
export function CampaignsPanel() {
  const { t } = useI18n();
  const me = useMe();
  const isBureau = me.role === 'bureau_admin';
  const { resource, reload } = useStaffResource('campaigns', (signal) => fetchCampaigns(signal));
  const [creating, setCreating] = useState(false);
  const [reporting, setReporting] = useState<PublicCampaign | null>(null);
  const saved = () => {
    setCreating(false);
    setReporting(null);
    reload();
  };
  return (
    <Space orientation="vertical" className="wb-full">
      {isBureau ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setCreating(true);
          }}
          data-testid="campaign-new"
        >
          {t('suggestion.campaign.new')}
        </Button>
      ) : null}
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      <Table
        rowKey="id"
        size="middle"
        columns={columns(t, isBureau ? setReporting : null)}
        dataSource={resource.state === 'ready' ? resource.data : []}
        loading={resource.state === 'loading'}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="campaigns-table"
      />
      {creating ? (
        <CampaignCreateModal
          onClose={() => {
            setCreating(false);
          }}
          onSaved={saved}
        />
      ) : null}
      {reporting ? (
        <CampaignReportModal
          campaign={reporting}
          onClose={() => {
            setReporting(null);
          }}
          onSaved={saved}
        />
      ) : null}
    </Space>
  );
}

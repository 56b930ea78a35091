import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import type { VisitRow } from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { ComplianceSection } from './compliance-section';
import { fetchVisits } from './visits-api';
import './visits.css';

const pageSize = 20;

function columns(t: Translate): ColumnsType<VisitRow> {
  return [
    {
      key: 'date',
      title: t('visit.field.date'),
      width: 120,
      render: (_, row) => (
        <Link to={`/workbench/visits/${row.id}`} className="wb-strong" data-testid="visit-row-date">
          {row.date}
        </Link>
      ),
    },
    { key: 'week', title: t('visit.field.week'), dataIndex: 'week', width: 100 },
    {
      key: 'liaison',
      title: t('visit.field.liaison'),
      width: 110,
      render: (_, row) => row.liaison.name,
    },
    {
      key: 'community',
      title: t('visit.field.community'),
      width: 160,
      render: (_, row) => row.community.name,
    },
    {
      key: 'partners',
      title: t('visit.field.partners'),
      width: 220,
      render: (_, row) => row.partners.map((p) => <Tag key={p}>{t(`visit.partner.${p}`)}</Tag>),
    },
    {
      key: 'issues',
      title: t('visit.field.issue_count'),
      width: 100,
      render: (_, row) => <span data-testid="visit-row-issues">{row.issueCount}</span>,
    },
  ];
}

/** /workbench/visits — weekly compliance and the visits the officer may see, latest first. */
export function VisitsPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  useDocumentTitle('menu.visits');
  const { resource } = useStaffResource(`visits/${page}`, (signal) =>
    fetchVisits({ page, pageSize }, signal),
  );
  const cols = useMemo(() => columns(t), [t]);
  const data = resource.state === 'ready' ? resource.data : null;
  const canRecord = me.role === 'liaison' || me.role === 'street_admin';

  return (
    <div className="wb-stack">
      <ComplianceSection />
      <Card>
        <div className="wb-toolbar">
          <Typography.Title level={4} className="wb-title">
            {t('visit.list.title')}
          </Typography.Title>
          {canRecord ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="visit-new"
              onClick={() => {
                void navigate('/workbench/visits/new');
              }}
            >
              {t('visit.new.title')}
            </Button>
          ) : null}
        </div>
        <Typography.Paragraph type="secondary">{t('visit.list.lead')}</Typography.Paragraph>
        {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
        <Table
          rowKey="id"
          size="middle"
          data-testid="visits-table"
          columns={cols}
          dataSource={data?.items ?? []}
          loading={resource.state === 'loading'}
          scroll={{ x: 810 }}
          locale={{ emptyText: t('visit.list.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showTotal: (total) => t('inbox.total', { total }),
            onChange: (next) => {
              setParams({ page: String(next) });
            },
          }}
        />
      </Card>
    </div>
  );
}

import { ArrowLeftOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';

import type { Visit } from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { staffLabel } from '../common/staff-label';
import { ErrorAlert } from '../common/error-alert';
import { OpenMediationModal } from '../mediations/open-mediation-modal';
import { LinkedTickets } from './linked-tickets';
import { RecordPhotos } from './record-photos';
import { VisitEditModal } from './visit-edit-modal';
import { fetchVisit, visitPhotoUrl } from './visits-api';
import './visits.css';

function VisitFacts({ visit }: { visit: Visit }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="visit-facts"
      items={[
        { key: 'date', label: t('visit.field.date'), children: visit.date },
        { key: 'week', label: t('visit.field.week'), children: visit.week },
        { key: 'liaison', label: t('visit.field.liaison'), children: staffLabel(t, visit.liaison) },
        { key: 'community', label: t('visit.field.community'), children: visit.community.name },
        {
          key: 'partners',
          label: t('visit.field.partners'),
          children: visit.partners.map((p) => <Tag key={p}>{t(`visit.partner.${p}`)}</Tag>),
        },
        {
          key: 'recorded',
          label: t('visit.field.recorded_by'),
          children: t('visit.recorded', {
            name: staffLabel(t, visit.recordedBy),
            at: formatDateTime(visit.createdAt),
          }),
        },
      ]}
    />
  );
}

/** /workbench/visits/:id — one visit, the tickets filed from it, and a correction while allowed. */
export function VisitDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const { resource, replace } = useStaffResource(id, (signal) => fetchVisit(id, signal));
  const [editing, setEditing] = useState(false);
  const [openingMediation, setOpeningMediation] = useState(false);
  const navigate = useNavigate();
  useDocumentTitle('visit.detail.title');

  const back = (
    <Link to="/workbench/visits" className="wb-back" data-testid="back-to-visits">
      <ArrowLeftOutlined /> {t('visit.detail.back')}
    </Link>
  );
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return (
      <>
        {back}
        <ErrorAlert error={resource.error} />
      </>
    );
  }
  const visit = resource.data;
  return (
    <div className="wb-stack" data-testid="visit-detail">
      {back}
      {created ? (
        <Alert
          type="success"
          showIcon
          data-testid="visit-created"
          title={t('visit.created', { tickets: visit.tickets.length })}
        />
      ) : null}
      <Card
        title={t('visit.detail.heading', { date: visit.date, community: visit.community.name })}
        extra={
          <Space wrap>
            {visit.canEdit ? (
              <Button
                icon={<EditOutlined />}
                data-testid="visit-edit"
                onClick={() => {
                  setEditing(true);
                }}
              >
                {t('visit.edit.open')}
              </Button>
            ) : null}
            <Button
              icon={<TeamOutlined />}
              data-testid="visit-mediation-open"
              onClick={() => {
                setOpeningMediation(true);
              }}
            >
              {t('visit.mediation.open')}
            </Button>
          </Space>
        }
      >
        <VisitFacts visit={visit} />
        {visit.canEdit ? (
          <Typography.Paragraph type="secondary" className="wb-small">
            {t('visit.edit.until', { until: formatDateTime(visit.editableUntil) })}
          </Typography.Paragraph>
        ) : null}
        {visit.notes ? (
          <Typography.Paragraph className="wb-pre wb-note" data-testid="visit-notes-text">
            {visit.notes}
          </Typography.Paragraph>
        ) : null}
        <RecordPhotos photos={visit.photos} urlOf={(photoId) => visitPhotoUrl(visit.id, photoId)} />
      </Card>
      <Card title={t('visit.issues.filed', { n: visit.tickets.length })} size="small">
        <LinkedTickets tickets={visit.tickets} />
      </Card>
      {openingMediation ? (
        <OpenMediationModal
          source={{ kind: 'visit', id: visit.id }}
          community={visit.community.name}
          facts={visit.notes ?? undefined}
          onClose={() => {
            setOpeningMediation(false);
          }}
          onOpened={(m) => {
            void navigate(`/workbench/mediations/${m.id}`);
          }}
        />
      ) : null}
      {editing ? (
        <VisitEditModal
          visit={visit}
          onClose={() => {
            setEditing(false);
          }}
          onSaved={(saved) => {
            replace(saved);
            setEditing(false);
          }}
        />
      ) : null}
    </div>
  );
}

import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';

import type { Meeting } from '../../../contract/meetings';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { staffLabel } from '../common/staff-label';
import { LinkedTickets } from '../visits/linked-tickets';
import '../visits/visits.css';
import { MeetingEditModal } from './meeting-edit-modal';
import { fetchMeeting } from './meetings-api';

function MeetingFacts({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const separator = t('common.list_separator');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="meeting-facts"
      items={[
        {
          key: 'kind',
          label: t('meeting.field.kind'),
          children: <Tag color="purple">{t(`meeting.kind.${meeting.kind}`)}</Tag>,
        },
        { key: 'date', label: t('meeting.field.date'), children: meeting.date },
        { key: 'community', label: t('visit.field.community'), children: meeting.community.name },
        {
          key: 'staff',
          label: t('meeting.field.staff'),
          children: meeting.staff.map((s) => staffLabel(t, s)).join(separator),
        },
        {
          key: 'participants',
          label: t('meeting.field.participants'),
          children: meeting.participants.join(separator),
        },
        {
          key: 'recorded',
          label: t('visit.field.recorded_by'),
          children: t('visit.recorded', {
            name: staffLabel(t, meeting.recordedBy),
            at: formatDateTime(meeting.createdAt),
          }),
        },
      ]}
    />
  );
}

/** /workbench/meetings/:id — one meeting, its outcomes and the tickets it produced or settled. */
export function MeetingDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const { resource, replace } = useStaffResource(id, (signal) => fetchMeeting(id, signal));
  const [editing, setEditing] = useState(false);
  useDocumentTitle('meeting.detail.title');

  const back = (
    <Link to="/workbench/meetings" className="wb-back" data-testid="back-to-meetings">
      <ArrowLeftOutlined /> {t('meeting.detail.back')}
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
  const meeting = resource.data;
  return (
    <div className="wb-stack" data-testid="meeting-detail">
      {back}
      {created ? (
        <Alert
          type="success"
          showIcon
          title={t('meeting.created', { produced: meeting.producedCount })}
        />
      ) : null}
      <Card
        title={meeting.topic}
        extra={
          meeting.canEdit ? (
            <Button
              icon={<EditOutlined />}
              data-testid="meeting-edit"
              onClick={() => {
                setEditing(true);
              }}
            >
              {t('visit.edit.open')}
            </Button>
          ) : null
        }
      >
        <MeetingFacts meeting={meeting} />
        <Typography.Title level={5}>{t('meeting.field.outcomes')}</Typography.Title>
        <Typography.Paragraph className="wb-pre wb-note" data-testid="meeting-outcomes-text">
          {meeting.outcomes}
        </Typography.Paragraph>
      </Card>
      <Card title={t('meeting.field.tickets')} size="small">
        <LinkedTickets tickets={meeting.tickets} />
      </Card>
      {editing ? (
        <MeetingEditModal
          meeting={meeting}
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

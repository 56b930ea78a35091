import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import type { DepartmentReferral, ReferralStep } from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';
import { matterName } from '../../shared/matter-name';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { DueCell } from '../common/due-cell';
import { ErrorAlert } from '../common/error-alert';
import { staffLabel } from '../common/staff-label';
import { Watermark } from '../common/watermark';
import { ReferralKindTag, ReferralStatusTag } from './referral-tags';
import { ReferralPhotos } from './referral-photos';
import { departmentPhotoUrl, fetchDepartmentReferral } from './referrals-api';
import { ReferralStepModal } from './referral-step-modal';
import './referrals.css';

function requestFacts(t: Translate, r: DepartmentReferral): DescriptionsProps['items'] {
  return [
    {
      key: 'kind',
      label: t('referral.field.kind'),
      children: <ReferralKindTag kind={r.kind} determinationType={r.determinationType} />,
    },
    { key: 'sentBy', label: t('referral.field.sent_by'), children: staffLabel(t, r.sentBy) },
    { key: 'room', label: t('ticket.field.room'), children: r.room },
    { key: 'sentAt', label: t('referral.field.sent_at'), children: formatDateTime(r.sentAt) },
    {
      key: 'replyDue',
      label: t('referral.field.reply_due'),
      children: <DueCell at={r.replyDueAt} overdue={r.overdue} />,
    },
  ];
}

function ticketFacts(
  t: Translate,
  locale: string,
  r: DepartmentReferral,
): DescriptionsProps['items'] {
  const { ticket } = r;
  return [
    { key: 'code', label: t('ticket.field.tracking_code'), children: ticket.trackingCode },
    {
      key: 'kind',
      label: t('ticket.field.kind'),
      children: <Tag>{t(`ticket.kind.${ticket.kind}`)}</Tag>,
    },
    {
      key: 'matter',
      label: t('ticket.field.matter'),
      children: ticket.matter ? matterName(locale, ticket.matter) : t('ticket.matter_none'),
    },
    {
      key: 'place',
      label: t('ticket.field.place'),
      children: t('ticket.place_line', {
        street: ticket.street,
        community: ticket.community,
        building: ticket.building.name,
      }),
    },
    { key: 'address', label: t('referral.field.address'), children: ticket.building.address },
    {
      key: 'received',
      label: t('referral.field.received_at'),
      children: formatDateTime(ticket.receivedAt),
    },
  ];
}

function ReplyCard({ referral: r }: { referral: DepartmentReferral }) {
  const { t } = useI18n();
  if (!r.acceptNote && !r.replyText && !r.acceptedAt) {
    return null;
  }
  return (
    <Card title={t('referral.department.reply_title')} size="small" data-testid="own-reply">
      {r.acceptedAt ? (
        <Typography.Paragraph>
          {t('referral.department.accepted_at', { at: formatDateTime(r.acceptedAt) })}
          {r.acceptNote ? ` ${r.acceptNote}` : ''}
        </Typography.Paragraph>
      ) : null}
      {r.replyText ? (
        <Alert
          type={r.status === 'declined' ? 'error' : 'success'}
          title={t(
            r.status === 'declined' ? 'referral.reply.declined' : 'referral.reply.answered',
            {
              at: formatDateTime(r.repliedAt),
            },
          )}
          description={<span className="wb-pre">{r.replyText}</span>}
        />
      ) : null}
      <ReferralPhotos
        photos={r.replyPhotos}
        urlOf={(photoId) => departmentPhotoUrl(r.id, photoId)}
        testId="reply-photos"
      />
    </Card>
  );
}

/** /workbench/referrals/:id — one referral to the department, and its steps. */
export function DepartmentReferralPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { resource, replace } = useStaffResource(`dept/${id}`, (signal) =>
    fetchDepartmentReferral(id, signal),
  );
  const [step, setStep] = useState<ReferralStep | null>(null);
  const code = resource.state === 'ready' ? resource.data.ticket.trackingCode : '';
  useDocumentTitle(code ? 'referral.department.title_of' : 'menu.referrals', { code });

  const back = (
    <Link to="/workbench/referrals" className="wb-back" data-testid="back-to-referrals">
      <ArrowLeftOutlined /> {t('referral.department.back')}
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
  const r = resource.data;
  return (
    <div className="wb-stack">
      <Watermark />
      {back}
      <Card
        title={
          <Space wrap>
            <span data-testid="referral-tracking-code">{r.ticket.trackingCode}</span>
            <ReferralStatusTag status={r.status} overdue={r.overdue} repliedLate={r.repliedLate} />
          </Space>
        }
        extra={
          <Space wrap data-testid="referral-steps">
            {r.steps.map((s) => (
              <Button
                key={s}
                type={s === 'answer' ? 'primary' : 'default'}
                danger={s === 'decline'}
                onClick={() => {
                  setStep(s);
                }}
                data-testid={`step-${s}`}
              >
                {t(`referral.step.${s}.button`)}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={requestFacts(t, r)}
        />
        <Typography.Paragraph className="wb-pre wb-gap-top" data-testid="referral-request">
          {r.requestText}
        </Typography.Paragraph>
        <ReferralPhotos
          photos={r.requestPhotos}
          urlOf={(photoId) => departmentPhotoUrl(r.id, photoId)}
          testId="request-photos"
        />
      </Card>
      <Card
        title={t('referral.department.ticket_title')}
        size="small"
        data-testid="referred-ticket"
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={ticketFacts(t, locale, r)}
        />
        <Typography.Paragraph className="wb-pre wb-gap-top" data-testid="referred-description">
          {r.ticket.description}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('referral.department.confidential')}</Typography.Text>
      </Card>
      <ReplyCard referral={r} />
      {step ? (
        <ReferralStepModal
          referral={r}
          step={step}
          onClose={() => {
            setStep(null);
          }}
          onDone={(updated) => {
            replace(updated);
            setStep(null);
          }}
        />
      ) : null}
    </div>
  );
}

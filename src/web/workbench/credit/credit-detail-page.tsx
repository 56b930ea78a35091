import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Image, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import type { CreditRepairStepName, StaffCreditRepair } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { Watermark } from '../common/watermark';
import { fetchCreditRepair, materialUrl, staffLetterUrl } from './credit-api';
import { DueTag } from './credit-list-page';
import { CreditStepModal } from './credit-step-modal';

/** Today in Shanghai, as the default day publication ended. */
function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function Facts({ r }: { r: StaffCreditRepair }) {
  const { t } = useI18n();
  const items = [
    [t('credit.field.receipt'), r.receiptCode],
    [t('credit.field.decision_no'), r.decisionNo],
    [
      t('credit.field.case'),
      <Link key="c" to={`/workbench/cases/${r.case.id}`}>
        {r.case.caseNo}
      </Link>,
    ],
    [t('credit.field.class'), t(`credit.class.${r.creditClass}`)],
    [t('credit.field.earliest'), r.earliestOn],
    [t('credit.field.publication_last_day'), r.publicationLastDay],
    [t('credit.field.paid_on'), r.case.paidOn ?? '—'],
    [t('credit.field.applicant'), `${r.applicantName}（${t(`credit.kind.${r.applicantKind}`)}）`],
    [t('credit.field.id_number'), r.idNumber],
    [t('credit.field.phone'), r.phone],
    [t('credit.field.agent_name'), r.byAgent ? (r.agentName ?? '') : '—'],
    [t('credit.field.due'), <DueTag key="d" due={r.due} t={t} />],
  ] as const;
  return (
    <Descriptions bordered size="small" column={2} data-testid="credit-facts">
      {items.map(([label, value]) => (
        <Descriptions.Item key={label} label={label}>
          {value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Materials({ r }: { r: StaffCreditRepair }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('credit.apply.materials')} data-testid="credit-materials">
      {r.required.map((item) => {
        const files = r.files.filter((f) => f.item === item);
        return (
          <div key={item} className="wb-gap">
            <Space>
              <Typography.Text strong>{t(`credit.item.${item}`)}</Typography.Text>
              {files.length === 0 ? <Tag color="red">{t('credit.upload.none')}</Tag> : null}
            </Space>
            <div>
              <Image.PreviewGroup>
                {files.map((f) => (
                  <Image
                    key={f.id}
                    width={96}
                    src={materialUrl(r.id, f.id)}
                    alt={t('credit.material_alt', {
                      item: t(`credit.item.${item}`),
                      round: f.round,
                    })}
                  />
                ))}
              </Image.PreviewGroup>
            </div>
          </div>
        );
      })}
    </Card>
  );
}

/** /workbench/credit/:id — one application: facts, materials, decision, steps and timeline. */
export function CreditDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { resource, replace } = useStaffResource(`credit/${id}`, (s) => fetchCreditRepair(id, s));
  const [step, setStep] = useState<CreditRepairStepName | null>(null);
  useDocumentTitle('menu.credit');
  const back = (
    <Link to="/workbench/credit" className="wb-back">
      <ArrowLeftOutlined /> {t('credit.detail.back')}
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
          <Space>
            <span>{r.decisionNo}</span>
            <Tag data-testid="credit-detail-status">{t(`credit.status_value.${r.status}`)}</Tag>
          </Space>
        }
        extra={
          <Space>
            {r.steps.map((s) => (
              <Button
                key={s}
                type={s === 'accept' || s === 'complete' ? 'primary' : 'default'}
                onClick={() => {
                  setStep(s);
                }}
                data-testid={`credit-step-${s}`}
              >
                {t(`credit.step.${s}`)}
              </Button>
            ))}
            {r.decision ? (
              <Button href={staffLetterUrl(r.id)} data-testid="credit-staff-letter">
                {t('credit.status.letter')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Facts r={r} />
        {r.correction ? (
          <Typography.Paragraph className="wb-gap" data-testid="credit-detail-correction">
            {t('credit.detail.correction', {
              items: r.correction.items.map((i) => t(`credit.item.${i}`)).join('、'),
              note: r.correction.note,
            })}
          </Typography.Paragraph>
        ) : null}
        {r.decision ? (
          <Typography.Paragraph className="wb-gap">
            {t(`credit.decision.${r.decision.result}`)}：{r.decision.reasons}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary">{r.commitmentText}</Typography.Paragraph>
      </Card>
      <Materials r={r} />
      <Card size="small" title={t('credit.detail.timeline')}>
        <Timeline
          items={r.timeline.map((e) => ({
            content: [
              `${formatDateTime(e.at)} ${t(`credit.event.${e.type}`)}`,
              e.actor ? ` · ${e.actor}` : '',
              e.note ? `：${e.note}` : '',
            ].join(''),
          }))}
        />
      </Card>
      {step ? (
        <CreditStepModal
          repair={r}
          step={step}
          today={shanghaiToday()}
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

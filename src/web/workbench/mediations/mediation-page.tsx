import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import type { Mediation } from '../../../contract/mediation-views';
import type { MediationStep } from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { Watermark } from '../common/watermark';
import { MediationFacts, MediationMediators, MediationParties } from './mediation-facts';
import { MediationOutcomeCard } from './mediation-outcome';
import { MediationSessions } from './mediation-sessions';
import { MediationStatusTag } from './mediation-tags';
import { fetchMediation } from './mediations-api';
import { StepModal } from './step-modal';
import './mediations.css';

/** The steps the officer may take now, one button each. */
function StepBar({
  mediation,
  onStep,
}: {
  mediation: Mediation;
  onStep: (s: MediationStep) => void;
}) {
  const { t } = useI18n();
  const committee = mediation.mediators.some((r) => r.orgKind === 'people_committee');
  return (
    <>
      <Space wrap className="wb-gap" data-testid="mediation-steps">
        {mediation.steps.map((step) => (
          <Button
            key={step}
            type={step === 'record_written' || step === 'record_check' ? 'primary' : 'default'}
            onClick={() => {
              onStep(step);
            }}
            data-testid={`mediation-step-${step}`}
          >
            {t(`mediation.step.${step}`)}
          </Button>
        ))}
      </Space>
      {!committee && mediation.status === 'in_session' ? (
        <Alert type="info" showIcon className="wb-gap" title={t('mediation.no_committee_hint')} />
      ) : null}
    </>
  );
}

/** /workbench/mediations/:id — one mediation: facts, parties, sessions, outcome and its steps. */
export function MediationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { resource, replace } = useStaffResource(`mediation/${id}`, (signal) =>
    fetchMediation(id, signal),
  );
  const [step, setStep] = useState<MediationStep | null>(null);
  const number = resource.state === 'ready' ? resource.data.number : '';
  useDocumentTitle(number ? 'mediation.title_of' : 'menu.mediations', { number });

  const back = (
    <Link to="/workbench/mediations" className="wb-back" data-testid="back-to-mediations">
      <ArrowLeftOutlined /> {t('mediation.back')}
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
  const m = resource.data;
  return (
    <div className="wb-stack">
      <Watermark />
      {back}
      <Card
        title={
          <Space wrap>
            <span data-testid="mediation-number">
              {t('mediation.title_of', { number: m.number })}
            </span>
            <MediationStatusTag status={m.status} />
          </Space>
        }
      >
        <StepBar mediation={m} onStep={setStep} />
        <MediationFacts mediation={m} />
        <Typography.Paragraph className="wb-pre wb-gap-top" data-testid="mediation-facts-text">
          {m.facts}
        </Typography.Paragraph>
      </Card>
      <MediationOutcomeCard mediation={m} />
      <MediationParties mediation={m} />
      <MediationMediators mediation={m} />
      <MediationSessions mediation={m} />
      {step ? (
        <StepModal
          mediation={m}
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

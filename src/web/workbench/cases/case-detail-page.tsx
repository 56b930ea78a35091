import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { Watermark } from '../common/watermark';
import { CaseCreditBox } from '../credit/case-credit-box';
import { CaseEvidence } from './case-evidence';
import { CaseFacts } from './case-facts';
import { CaseLimits } from './case-limits';
import { CaseStages } from './case-stages';
import { CaseStatusTag } from './case-status-tag';
import { CaseStepBar } from './case-step-bar';
import { CaseTimeline } from './case-timeline';
import { fetchCase } from './cases-api';
import './cases.css';

/** /workbench/cases/:id — one case: its steps, time limits, facts, stages, evidence, history. */
export function CaseDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { resource, replace } = useStaffResource(`case/${id}`, (signal) => fetchCase(id, signal));
  const caseNo = resource.state === 'ready' ? resource.data.caseNo : '';
  useDocumentTitle(caseNo ? 'case.detail.title_of' : 'case.detail.title', { caseNo });

  const back = (
    <Link to="/workbench/cases" className="wb-back" data-testid="back-to-cases">
      <ArrowLeftOutlined /> {t('case.detail.back')}
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
  const c = resource.data;
  return (
    <div className="wb-stack">
      <Watermark />
      {back}
      <Card
        title={
          <Space wrap data-testid="case-header">
            <span data-testid="case-no">{c.caseNo}</span>
            <CaseStatusTag status={c.status} />
          </Space>
        }
      >
        {c.decision?.rangeUnchecked ? (
          <Alert
            type="warning"
            showIcon
            className="wb-gap"
            title={t('case.range.unchecked_hint')}
          />
        ) : null}
        {c.legalReview.required && c.legalReview.approved !== true && !c.decision ? (
          <Alert
            type="warning"
            showIcon
            className="wb-gap"
            data-testid="case-review-needed"
            title={t('case.review.needed')}
          />
        ) : null}
        <CaseStepBar c={c} onUpdated={replace} />
      </Card>
      <CaseLimits c={c} />
      {c.decision ? <CaseCreditBox caseId={c.id} /> : null}
      <CaseStages c={c} />
      <CaseFacts c={c} />
      <CaseEvidence c={c} onUpdated={replace} />
      <Card title={t('case.section.timeline')} size="small">
        <CaseTimeline timeline={c.timeline} />
      </Card>
    </div>
  );
}

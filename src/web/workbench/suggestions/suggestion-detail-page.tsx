import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';

import type { StaffSuggestion, SuggestionStep } from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { StepModal } from './step-modal';
import { fetchSuggestion } from './suggestions-api';
import './suggestions.css';

function items(t: Translate, s: StaffSuggestion) {
  const text = (value: string | null) => (
    <span className="sg-wb-text">{value ?? t('common.none')}</span>
  );
  const overdue = (late: boolean) =>
    late ? <Tag color="red">{t('suggestion.overdue')}</Tag> : null;
  const rows = [
    ['topic', text(s.topic)],
    ['reason', text(s.reason)],
    ['proposal', text(s.proposal)],
    ['campaign', s.campaign?.topic ?? t('suggestion.daily')],
    ['channel', t(`suggest.channel.${s.channel}`)],
    ['proposer', `${s.proposerNameMasked ?? t('common.none')} ${s.proposerPhoneMasked ?? ''}`],
    ['consent', t(s.publishConsent ? 'suggestion.consent.yes' : 'suggestion.consent.no')],
    ['created_at', formatDateTime(s.createdAt)],
    [
      'acceptance_due',
      <>
        {formatDateTime(s.acceptanceDueAt)} {overdue(s.acceptanceOverdue)}
      </>,
    ],
    [
      'completion_due',
      <>
        {formatDateTime(s.completionDueAt)} {overdue(s.completionOverdue)}
      </>,
    ],
    ['handling_unit', text(s.handlingUnit)],
    ['handling_notes', text(s.handlingNotes)],
    ['adoption', s.adoptionLevel ? t(`suggest.level.${s.adoptionLevel}`) : t('common.none')],
    ['feedback', text(s.feedback)],
  ] as const;
  const list: { key: string; label: string; children: ReactNode }[] = rows.map(
    ([key, children]) => ({
      key,
      label: t(`suggestion.field.${key}`),
      children,
    }),
  );
  if (s.claimReason) {
    list.push({
      key: 'claim_reason',
      label: t('suggestion.field.claim_reason'),
      children: text(s.claimReason),
    });
  }
  if (s.ticket) {
    const ticket = <Link to={`/workbench/tickets/${s.ticket.id}`}>{s.ticket.trackingCode}</Link>;
    list.push({ key: 'ticket', label: t('suggestion.field.ticket'), children: ticket });
  }
  return list;
}

/** /workbench/suggestions/:id — one suggestion, its handling and the next steps. */
export function SuggestionDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { resource, replace } = useStaffResource(id, (signal) => fetchSuggestion(id, signal));
  const [step, setStep] = useState<SuggestionStep | null>(null);
  useDocumentTitle('menu.suggestions');
  const back = (
    <Link to="/workbench/suggestions" className="wb-back">
      <ArrowLeftOutlined /> {t('suggestion.back')}
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
  const s = resource.data;
  return (
    <div className="wb-stack">
      {back}
      <Card
        title={
          <Space>
            <span data-testid="suggestion-code">{s.receiptCode}</span>
            <Tag data-testid="suggestion-status">{t(`suggest.state.${s.status}`)}</Tag>
          </Space>
        }
      >
        <Space wrap className="wb-gap">
          {s.steps.map((name) => (
            <Button
              key={name}
              type={name === 'personal_claim' ? 'default' : 'primary'}
              onClick={() => {
                setStep(name);
              }}
              data-testid={`suggestion-step-${name}`}
            >
              {t(`suggestion.step.${name}`)}
            </Button>
          ))}
        </Space>
        <Descriptions
          bordered
          column={1}
          size="small"
          items={items(t, s)}
          data-testid="suggestion-facts"
        />
      </Card>
      {step ? (
        <StepModal
          suggestion={s}
          step={step}
          onClose={() => {
            setStep(null);
          }}
          onDone={(updated) => {
            setStep(null);
            replace(updated);
          }}
        />
      ) : null}
    </div>
  );
}

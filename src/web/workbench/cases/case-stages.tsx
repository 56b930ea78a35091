import { Card, Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';

import type { StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { fenToYuan } from './money';

type Items = NonNullable<DescriptionsProps['items']>;

function hearingText(t: Translate, c: StaffCase): string {
  const { hearing } = c;
  if (!c.notice?.hearingRight) {
    return t('case.stage.hearing_none');
  }
  if (hearing.heldOn) {
    return t('case.stage.hearing_held', { day: hearing.heldOn });
  }
  if (hearing.hearingOn) {
    return t('case.stage.hearing_set', { day: hearing.hearingOn });
  }
  if (hearing.requestedOn) {
    return t('case.stage.hearing_requested', { day: hearing.requestedOn });
  }
  return t(hearing.waived ? 'case.stage.hearing_waived' : 'case.stage.hearing_open');
}

function noticeItems(t: Translate, c: StaffCase): Items {
  if (!c.notice) {
    return [];
  }
  return [
    { key: 'notice', label: t('case.stage.notice'), children: c.notice.deliveredOn },
    {
      key: 'proposed',
      label: t('case.stage.proposed_fine'),
      children: t('case.yuan', { amount: fenToYuan(c.notice.proposedFineFen) }),
    },
    {
      key: 'hearing',
      label: t('case.stage.hearing'),
      children: hearingText(t, c),
    },
    { key: 'summary', label: t('case.stage.summary'), children: c.notice.summary, span: 'filled' },
  ];
}

function reviewItems(t: Translate, c: StaffCase): Items {
  const review = c.legalReview;
  if (!review.required && review.approved === null) {
    return [];
  }
  const state = review.approved === null ? 'pending' : review.approved ? 'approved' : 'rejected';
  return [
    {
      key: 'review',
      label: t('case.stage.legal_review'),
      children: (
        <span data-testid="case-legal-review" data-state={state}>
          {t(`case.review.${state}`)}
          {review.opinion ? `：${review.opinion}` : ''}
        </span>
      ),
      span: 'filled',
    },
  ];
}

function decisionItems(t: Translate, c: StaffCase): Items {
  const d = c.decision;
  if (!d) {
    return [];
  }
  const items: Items = [
    { key: 'decided', label: t('case.stage.decided_on'), children: d.decidedOn },
    { key: 'no', label: t('case.stage.decision_no'), children: d.decisionNo },
  ];
  if (d.kind === 'penalty' && d.fineFen !== null) {
    items.push({
      key: 'fine',
      label: t('case.stage.fine'),
      children: (
        <span data-testid="case-fine">
          {t('case.yuan', { amount: fenToYuan(d.fineFen) })}
          {d.serious ? <Tag className="case-tag-gap">{t('case.circumstance.serious')}</Tag> : null}
          {d.rangeUnchecked ? (
            <Tag color="orange" className="case-tag-gap">
              {t('case.range.unchecked')}
            </Tag>
          ) : null}
        </span>
      ),
    });
  }
  const np = d.nonPenalty;
  if (np) {
    items.push(
      {
        key: 'clause',
        label: t('case.stage.clause'),
        children: t(`case.clause.${np.clause}`),
        span: 'filled',
      },
      {
        key: 'education',
        label: t('case.stage.education'),
        children: `${t(`case.education.${np.educationForm}`)}：${np.educationContent}`,
        span: 'filled',
      },
      { key: 'correction', label: t('case.stage.correction_due'), children: np.correctionDueOn },
      {
        key: 'check',
        label: t('case.stage.follow_up'),
        children: np.checkedOn
          ? t('case.stage.checked', {
              day: np.checkedOn,
              result: t(`case.follow_up.${np.result ?? 'corrected'}`),
            })
          : t('case.stage.check_planned', { day: np.followUpOn }),
      },
    );
  }
  return items;
}

function executionItems(t: Translate, c: StaffCase): Items {
  const items: Items = [];
  if (c.delivery) {
    items.push({
      key: 'delivery',
      label: t('case.stage.delivered'),
      children: t('case.stage.delivered_line', {
        day: c.delivery.deliveredOn,
        method: t(`case.delivery.${c.delivery.method}`),
      }),
    });
  }
  if (c.payment?.paidOn) {
    items.push({ key: 'paid', label: t('case.stage.paid_on'), children: c.payment.paidOn });
  }
  if (c.payment?.courtAppliedOn) {
    items.push({ key: 'court', label: t('case.stage.court'), children: c.payment.courtAppliedOn });
  }
  if (c.ticketReply) {
    items.push({
      key: 'reply',
      label: t('case.stage.ticket_reply'),
      children: <span data-testid="case-ticket-reply">{c.ticketReply}</span>,
      span: 'filled',
    });
  }
  return items;
}

/** What each stage recorded so far: the notice and hearing, the review, the decision, execution. */
export function CaseStages({ c }: { c: StaffCase }) {
  const { t } = useI18n();
  const items = [
    ...noticeItems(t, c),
    ...reviewItems(t, c),
    ...decisionItems(t, c),
    ...executionItems(t, c),
  ];
  if (items.length === 0) {
    return null;
  }
  return (
    <Card title={t('case.section.stages')} size="small">
      <Descriptions size="small" column={2} items={items} data-testid="case-stages" />
    </Card>
  );
}

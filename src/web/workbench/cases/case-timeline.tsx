import { Timeline, Typography } from 'antd';

import type { CaseTimelineEntry } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { formatDateTime } from '../../shared/format-date';
import { fenToYuan } from './money';

const colors: Partial<Record<CaseTimelineEntry['type'], string>> = {
  decide: 'purple',
  close: 'green',
  cancel: 'gray',
  apply_court: 'red',
};

type Value = CaseTimelineEntry['data'][string] | undefined;

const text = (v: Value) => (v === null || v === undefined ? '' : String(v));
const yuan = (v: Value) => (typeof v === 'number' ? fenToYuan(v) : '');

/** The facts line of a timeline entry: dates and amounts the step recorded. */
function factsOf(t: Translate, e: CaseTimelineEntry): string | null {
  const d = e.data;
  switch (e.type) {
    case 'registered':
      return t('case.timeline.registered', { day: text(d.decisionDue) });
    case 'notify':
      return t(d.hearingRight ? 'case.timeline.notify_hearing' : 'case.timeline.notify', {
        day: text(d.deliveredOn),
        fine: yuan(d.proposedFineFen),
      });
    case 'decide':
      return d.kind === 'penalty'
        ? t('case.timeline.decide_penalty', { day: text(d.decidedOn), fine: yuan(d.fineFen) })
        : t('case.timeline.decide_no_penalty', {
            day: text(d.decidedOn),
            clause: t(`case.clause.${text(d.clause)}`),
            due: text(d.correctionDueOn),
          });
    case 'deliver':
      return t('case.timeline.deliver', {
        day: text(d.deliveredOn),
        method: t(`case.delivery.${text(d.method)}`),
      });
    case 'record_payment':
      if (d.daysLate === 0) {
        return t('case.timeline.payment_on_time', { day: text(d.paidOn), total: yuan(d.totalFen) });
      }
      return t('case.timeline.payment', {
        day: text(d.paidOn),
        days: text(d.daysLate),
        surcharge: yuan(d.surchargeFen),
        total: yuan(d.totalFen),
      });
    case 'request_hearing':
      return t('case.timeline.request_hearing', { day: text(d.requestedOn) });
    case 'schedule_hearing':
      return t('case.timeline.schedule_hearing', {
        notice: text(d.noticeOn),
        day: text(d.hearingOn),
      });
    case 'hold_hearing':
      return t('case.timeline.hold_hearing', { day: text(d.heldOn) });
    case 'legal_review':
      return t(d.approved ? 'case.review.approved' : 'case.review.rejected');
    case 'apply_court':
      return t('case.timeline.apply_court', { day: text(d.appliedOn) });
    case 'follow_up':
      return t('case.timeline.follow_up', {
        day: text(d.checkedOn),
        result: t(`case.follow_up.${text(d.result)}`),
      });
    case 'evidence_added':
      return t('case.timeline.evidence', { count: text(d.count) });
    case 'close':
    case 'cancel':
      return d.ticketAnswered === true ? t('case.timeline.ticket_answered') : null;
    default:
      return null;
  }
}

/** The case's history, oldest first: who took each step, when, and what it recorded. */
export function CaseTimeline({ timeline }: { timeline: readonly CaseTimelineEntry[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="case-timeline"
      items={timeline.map((entry) => {
        const facts = factsOf(t, entry);
        const note = typeof entry.data.note === 'string' ? entry.data.note : null;
        return {
          key: entry.seq,
          color: colors[entry.type] ?? 'blue',
          content: (
            <div data-testid="case-timeline-entry" data-type={entry.type}>
              <Typography.Text strong>{t(`case.event.${entry.type}`)}</Typography.Text>
              <div className="wb-muted">
                {t('case.timeline.by_at', {
                  actor: entry.actor ?? t('case.timeline.system'),
                  at: formatDateTime(entry.at),
                })}
              </div>
              {facts ? <div>{facts}</div> : null}
              {note ? (
                <Typography.Paragraph className="wb-pre wb-note">{note}</Typography.Paragraph>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}

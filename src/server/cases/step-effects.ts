// What each case step writes, from its body and the case (the state machine has allowed it).
// The 告知 and the hearing follow 《行政处罚法》第四十四条、第六十三条、第六十四条.
import type { CaseStep, CaseStepBody } from '../../contract/cases.js';
import { normalizeText } from '../../domain/personal-data.js';
import { checkFine } from '../../domain/case-fines.js';
import { decisionEffect, refuseFine } from './decision-effect.js';
import { executionEffect } from './execution-effect.js';
import { hearingLimit, limitAfter } from './limits.js';
import { checkDay, refuse, type StepContext, type StepEffect } from './step-context.js';

function same(c: StepContext, data: StepEffect['data'], changes: StepEffect['changes'] = {}) {
  return { changes, limits: c.limits, data };
}

/**
 * The proposed fine of the 告知 must already lie inside the matter's range, ordinary or (where
 * the matter has one) serious: the decision may not be heavier for the party having argued
 * (Art 45), so a proposal the decision could not keep is refused now.
 */
function checkProposedFine(c: StepContext, fen: number): void {
  const ordinary = checkFine(c.ranges, c.partyKind, false, fen);
  if (ordinary.ok || checkFine(c.ranges, c.partyKind, true, fen).ok) {
    return;
  }
  refuseFine(c, ordinary, 'proposedFineFen');
}

function notifyEffect(c: StepContext, input: CaseStepBody<'notify'>): StepEffect {
  checkProposedFine(c, input.proposedFineFen);
  checkDay('deliveredOn', input.deliveredOn, c.today, {
    day: c.row.registered_on,
    zh: '立案日期',
    en: 'the day of registration',
  });
  const limits = input.hearingRight
    ? {
        ...c.limits,
        hearing_request: limitAfter(c.calendar, input.deliveredOn, c.rules.hearingRequest),
      }
    : c.limits;
  return {
    changes: {
      notice_delivered_on: input.deliveredOn,
      proposed_fine_fen: input.proposedFineFen,
      hearing_right: input.hearingRight ? 1 : 0,
      notice_summary: normalizeText(input.summary),
    },
    limits,
    data: {
      deliveredOn: input.deliveredOn,
      proposedFineFen: input.proposedFineFen,
      hearingRight: input.hearingRight,
    },
  };
}

function requestHearingEffect(c: StepContext, input: CaseStepBody<'request_hearing'>) {
  checkDay('requestedOn', input.requestedOn, c.today, {
    day: c.row.notice_delivered_on,
    zh: '告知书送达日期',
    en: 'the delivery of the notice',
  });
  const window = c.limits.hearing_request;
  if (window && input.requestedOn > window.lastDay) {
    refuse(
      'requestedOn',
      `听证申请期限已于${window.lastDay}届满（告知书送达后${window.days ?? ''}日内提出）`,
      `the time to ask for a hearing ended on ${window.lastDay}`,
    );
  }
  return same(c, { requestedOn: input.requestedOn }, { hearing_requested_on: input.requestedOn });
}

function scheduleHearingEffect(c: StepContext, input: CaseStepBody<'schedule_hearing'>) {
  checkDay('noticeOn', input.noticeOn, c.today, {
    day: c.row.hearing_requested_on,
    zh: '听证申请日期',
    en: 'the hearing request',
  });
  const earliest = hearingLimit(c.calendar, input.noticeOn, c.rules.hearingNotice);
  if (input.hearingOn < earliest.lastDay) {
    refuse(
      'hearingOn',
      `听证应在通知当事人${earliest.days ?? ''}日后举行，最早为${earliest.lastDay}`,
      `the hearing may be held on ${earliest.lastDay} at the earliest`,
    );
  }
  return {
    changes: {
      hearing_notice_on: input.noticeOn,
      hearing_on: input.hearingOn,
      hearing_place: normalizeText(input.place),
    },
    limits: { ...c.limits, hearing_notice: earliest },
    data: { noticeOn: input.noticeOn, hearingOn: input.hearingOn },
  };
}

function holdHearingEffect(c: StepContext, input: CaseStepBody<'hold_hearing'>) {
  checkDay('heldOn', input.heldOn, c.today, {
    day: c.limits.hearing_notice?.lastDay ?? c.row.hearing_on,
    zh: '最早听证日期',
    en: 'the earliest hearing day',
  });
  const record = normalizeText(input.record);
  return same(c, { heldOn: input.heldOn, note: record }, { hearing_held_on: input.heldOn });
}

function statementEffect(c: StepContext, input: CaseStepBody<'record_statement'>) {
  const text = normalizeText(input.text);
  const waived = input.waivesHearing && c.facts.hearingRight && !c.facts.hearingRequested;
  return same(c, { note: text, waivesHearing: waived }, waived ? { hearing_waived: 1 } : {});
}

function reviewEffect(c: StepContext, input: CaseStepBody<'legal_review'>) {
  const opinion = normalizeText(input.opinion);
  return same(
    c,
    { approved: input.approved, note: opinion },
    { legal_review_approved: input.approved ? 1 : 0, legal_review_opinion: opinion },
  );
}

/** The effect of a step on a case; throws the refusal of a rule or a wrong field. */
export function stepEffect(step: CaseStep, input: unknown, c: StepContext): StepEffect {
  switch (step) {
    case 'investigate': {
      const { note } = input as CaseStepBody<'investigate'>;
      return same(c, { note: note ? normalizeText(note) : null });
    }
    case 'notify':
      return notifyEffect(c, input as CaseStepBody<'notify'>);
    case 'record_statement':
      return statementEffect(c, input as CaseStepBody<'record_statement'>);
    case 'request_hearing':
      return requestHearingEffect(c, input as CaseStepBody<'request_hearing'>);
    case 'schedule_hearing':
      return scheduleHearingEffect(c, input as CaseStepBody<'schedule_hearing'>);
    case 'hold_hearing':
      return holdHearingEffect(c, input as CaseStepBody<'hold_hearing'>);
    case 'legal_review':
      return reviewEffect(c, input as CaseStepBody<'legal_review'>);
    case 'decide':
      return decisionEffect(c, input as CaseStepBody<'decide'>);
    case 'cancel': {
      const reason = normalizeText((input as CaseStepBody<'cancel'>).reason);
      return same(c, { note: reason }, { cancelled_at: c.at });
    }
    case 'close': {
      const { note } = input as CaseStepBody<'close'>;
      return same(c, { note: note ? normalizeText(note) : null }, { closed_at: c.at });
    }
    default:
      return executionEffect(step, input, c);
  }
}

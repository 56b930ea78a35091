// Delivery (送达, 《行政处罚法》第六十一条) and execution (执行): payment within the payment limit
// (第六十七条) with 加处罚款 for each day late (第七十二条), an application to the court, or the
// follow-up check of a no-penalty decision's correction.
import type { CaseStep, CaseStepBody } from '../../contract/cases.js';
import { surchargeOn } from '../../domain/case-deadlines.js';
import { normalizeText } from '../../domain/personal-data.js';
import { limitAfter } from './limits.js';
import { checkDay, refuse, type StepContext, type StepEffect } from './step-context.js';

function deliverEffect(c: StepContext, input: CaseStepBody<'deliver'>): StepEffect {
  checkDay('deliveredOn', input.deliveredOn, c.today, {
    day: c.row.decided_on,
    zh: '决定日期',
    en: 'the decision',
  });
  const limits =
    c.row.decision_kind === 'penalty'
      ? { ...c.limits, payment: limitAfter(c.calendar, input.deliveredOn, c.rules.payment) }
      : c.limits;
  const due = c.limits.delivery?.lastDay ?? null;
  return {
    changes: { delivered_on: input.deliveredOn, delivery_method: input.method },
    limits,
    data: {
      deliveredOn: input.deliveredOn,
      method: input.method,
      late: due !== null && input.deliveredOn > due,
    },
  };
}

function paymentEffect(c: StepContext, input: CaseStepBody<'record_payment'>): StepEffect {
  checkDay('paidOn', input.paidOn, c.today, {
    day: c.row.delivered_on,
    zh: '送达日期',
    en: 'the delivery',
  });
  const fine = c.row.fine_fen ?? 0;
  const lastDay = c.limits.payment?.lastDay ?? input.paidOn;
  const owed = surchargeOn(fine, lastDay, input.paidOn, c.rules);
  return {
    changes: {
      paid_on: input.paidOn,
      surcharge_fen: owed.surchargeFen,
      paid_total_fen: owed.totalFen,
      receipt_no: input.receiptNo ? normalizeText(input.receiptNo) : null,
    },
    limits: c.limits,
    data: {
      paidOn: input.paidOn,
      daysLate: owed.daysLate,
      surchargeFen: owed.surchargeFen,
      totalFen: owed.totalFen,
    },
  };
}

function courtEffect(c: StepContext, input: CaseStepBody<'apply_court'>): StepEffect {
  const lastDay = c.limits.payment?.lastDay ?? null;
  checkDay('appliedOn', input.appliedOn, c.today, {
    day: c.row.delivered_on,
    zh: '送达日期',
    en: 'the delivery',
  });
  if (lastDay !== null && input.appliedOn <= lastDay) {
    refuse(
      'appliedOn',
      `缴纳期限至${lastDay}，期满后当事人仍未缴纳方可申请强制执行`,
      `the party may pay until ${lastDay}`,
    );
  }
  return {
    changes: { court_applied_on: input.appliedOn },
    limits: c.limits,
    data: { appliedOn: input.appliedOn, note: input.note ? normalizeText(input.note) : null },
  };
}

function followUpEffect(c: StepContext, input: CaseStepBody<'follow_up'>): StepEffect {
  checkDay('checkedOn', input.checkedOn, c.today, {
    day: c.row.decided_on,
    zh: '决定日期',
    en: 'the decision',
  });
  const note = normalizeText(input.note);
  return {
    changes: {},
    limits: c.limits,
    nonPenaltyUpdate: { checked_on: input.checkedOn, check_result: input.result, check_note: note },
    data: { checkedOn: input.checkedOn, result: input.result, note },
  };
}

/** The effect of a step after the decision. */
export function executionEffect(step: CaseStep, input: unknown, c: StepContext): StepEffect {
  switch (step) {
    case 'deliver':
      return deliverEffect(c, input as CaseStepBody<'deliver'>);
    case 'record_payment':
      return paymentEffect(c, input as CaseStepBody<'record_payment'>);
    case 'apply_court':
      return courtEffect(c, input as CaseStepBody<'apply_court'>);
    case 'follow_up':
      return followUpEffect(c, input as CaseStepBody<'follow_up'>);
    default:
      throw new Error(`no effect for case step ${step}`);
  }
}

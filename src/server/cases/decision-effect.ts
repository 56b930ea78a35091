// The decision (决定) of a case: a fine inside its matter's statutory range, or no penalty under
// 《行政处罚法》第三十三条 with the education given, the correction deadline and the follow-up.
import type { CaseStepBody } from '../../contract/cases.js';
import {
  checkFine,
  formatYuan,
  legalReviewRequired,
  type FineCheck,
} from '../../domain/case-fines.js';
import { decisionBlock } from '../../domain/case-machine.js';
import { normalizeText } from '../../domain/personal-data.js';
import { AppError, fieldIssue } from '../errors.js';
import { fixedLimit, limitAfter } from './limits.js';
import {
  checkDay,
  checkPlannedDay,
  refuse,
  type StepContext,
  type StepEffect,
} from './step-context.js';

type Decision = CaseStepBody<'decide'>;
type Penalty = Extract<Decision, { kind: 'penalty' }>;
type NoPenalty = Extract<Decision, { kind: 'no_penalty' }>;

const partyLabel = { person: ['个人', 'a person'], organisation: ['单位', 'an organisation'] };

/** Refuses a fine outside the range, naming the field and the range. */
export function refuseFine(
  c: StepContext,
  check: Exclude<FineCheck, { ok: true }>,
  field = 'fineFen',
): never {
  const [zhParty, enParty] = partyLabel[c.partyKind];
  if (check.reason === 'no_serious_range') {
    throw new AppError('validation_failed', [
      fieldIssue('serious', '该事项没有“情节严重”的罚款幅度', 'this matter has no serious range'),
    ]);
  }
  const { minFen, maxFen } = check.range;
  const range = `${formatYuan(minFen)}元至${formatYuan(maxFen)}元`;
  throw new AppError('validation_failed', [
    fieldIssue(
      field,
      `罚款超出法定幅度：${c.matterName}对${zhParty}的罚款为${range}`,
      `the fine must lie between ${formatYuan(minFen)} and ${formatYuan(maxFen)} yuan for ${enParty}`,
    ),
  ]);
}

/** The earliest a decision may be dated: after registration, the 告知 and a held hearing. */
function earliestDecisionDay(c: StepContext): string {
  const days = [c.row.registered_on, c.row.notice_delivered_on, c.row.hearing_held_on];
  return (
    days
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? c.row.registered_on
  );
}

function checkBlocks(c: StepContext, input: Decision, fineFen: number | null): void {
  const window = c.limits.hearing_request;
  const block = decisionBlock(c.facts, input.kind, {
    hearingWindowOpen: window !== undefined && input.decidedOn <= window.lastDay,
    legalReviewRequired: legalReviewRequired(
      c.rules.legalReview,
      c.partyKind,
      fineFen,
      c.facts.hearingHeld,
    ),
  });
  if (block === 'notice_first') {
    refuse('kind', '作出处罚决定前须先告知当事人（告知）', 'a penalty needs the notice first');
  }
  if (block === 'hearing_window_open') {
    refuse(
      'decidedOn',
      `当事人可在${window?.lastDay ?? ''}前申请听证，期满或当事人放弃后方可决定`,
      `the party may ask for a hearing until ${window?.lastDay ?? ''}`,
    );
  }
  if (block === 'legal_review_missing') {
    refuse('legalReview', '本案须经法制审核通过后方可决定', 'this decision needs a legal review');
  }
}

function penaltyEffect(c: StepContext, input: Penalty): StepEffect {
  const check = checkFine(c.ranges, c.partyKind, input.serious, input.fineFen);
  if (!check.ok) {
    refuseFine(c, check);
  }
  checkBlocks(c, input, input.fineFen);
  return {
    changes: {
      decision_kind: 'penalty',
      decided_on: input.decidedOn,
      decision_no: normalizeText(input.decisionNo),
      fine_fen: input.fineFen,
      fine_serious: input.serious ? 1 : 0,
      range_unchecked: check.range === null ? 1 : 0,
    },
    limits: { ...c.limits, delivery: limitAfter(c.calendar, input.decidedOn, c.rules.delivery) },
    data: {
      kind: 'penalty',
      decidedOn: input.decidedOn,
      fineFen: input.fineFen,
      serious: input.serious,
      rangeUnchecked: check.range === null,
    },
  };
}

function noPenaltyEffect(c: StepContext, input: NoPenalty): StepEffect {
  // 首违不罚 is for a first violation only: an earlier case of the party and matter rules it out.
  if (input.clause === 'first_minor_corrected' && !c.firstViolation) {
    refuse(
      'clause',
      '当事人曾因同一事项被立案，不属于初次违法',
      'the party had an earlier case of this matter: not a first violation',
    );
  }
  checkPlannedDay('correctionDueOn', input.correctionDueOn, {
    day: input.decidedOn,
    zh: '决定日期',
    en: 'the decision',
  });
  checkPlannedDay('followUpOn', input.followUpOn, {
    day: input.correctionDueOn,
    zh: '责令改正期限',
    en: 'the correction deadline',
  });
  checkBlocks(c, input, null);
  return {
    changes: {
      decision_kind: 'no_penalty',
      decided_on: input.decidedOn,
      decision_no: normalizeText(input.decisionNo),
    },
    limits: {
      ...c.limits,
      delivery: limitAfter(c.calendar, input.decidedOn, c.rules.delivery),
      correction: fixedLimit(input.correctionDueOn),
    },
    nonPenaltyInsert: {
      case_id: c.row.id,
      clause: input.clause,
      education_form: input.educationForm,
      education_content: normalizeText(input.educationContent),
      correction_due_on: input.correctionDueOn,
      follow_up_on: input.followUpOn,
      checked_on: null,
      check_result: null,
      check_note: null,
    },
    data: {
      kind: 'no_penalty',
      decidedOn: input.decidedOn,
      clause: input.clause,
      correctionDueOn: input.correctionDueOn,
      followUpOn: input.followUpOn,
    },
  };
}

/** The effect of the decision; refused with the field that breaks a rule. */
export function decisionEffect(c: StepContext, input: Decision): StepEffect {
  checkDay('decidedOn', input.decidedOn, c.today, {
    day: earliestDecisionDay(c),
    zh: '立案、告知或听证日期',
    en: 'the registration, notice or hearing',
  });
  return input.kind === 'penalty' ? penaltyEffect(c, input) : noPenaltyEffect(c, input);
}

// What every case step is computed from, and the checks of the dates an officer enters. A date
// is a Shanghai calendar day; none may lie in the future or before the stage it follows.
import type { Updateable } from 'kysely';
import type { CaseStatus } from '../../contract/cases.js';
import { isCalendarDate, type CaseRules } from '../../domain/case-deadlines.js';
import type { FineRange, PartyKind } from '../../domain/case-fines.js';
import type { CaseFacts } from '../../domain/case-machine.js';
import type { WorkingCalendar } from '../../domain/working-calendar.js';
import type { CaseNonPenaltyTable, CaseTable } from '../db/schema.js';
import { AppError, fieldIssue } from '../errors.js';
import type { StoredLimits } from './limits.js';

/** The case row and everything else a step is decided from. */
export interface StepContext {
  row: CaseTable;
  nonPenalty: CaseNonPenaltyTable | undefined;
  facts: CaseFacts;
  /** Today's Shanghai date and the instant of the step. */
  today: string;
  at: string;
  rules: CaseRules;
  calendar: WorkingCalendar;
  limits: StoredLimits;
  partyKind: PartyKind;
  ranges: FineRange[];
  firstViolation: boolean;
  matterName: string;
}

/** What a step writes: the row's changes, the limits after it, the no-penalty record, the event. */
export interface StepEffect {
  changes: Updateable<CaseTable>;
  limits: StoredLimits;
  nonPenaltyInsert?: CaseNonPenaltyTable;
  nonPenaltyUpdate?: Updateable<CaseNonPenaltyTable>;
  data: Record<string, string | number | boolean | null>;
}

/** The facts the state machine reads, from the row and its no-penalty record. */
export function caseFactsOf(
  row: CaseTable,
  nonPenalty: Pick<CaseNonPenaltyTable, 'checked_on'> | undefined,
): CaseFacts {
  return {
    status: row.status as CaseStatus,
    decisionKind: row.decision_kind,
    hearingRight: row.hearing_right === 1,
    hearingRequested: row.hearing_requested_on !== null,
    hearingScheduled: row.hearing_on !== null,
    hearingHeld: row.hearing_held_on !== null,
    hearingWaived: row.hearing_waived === 1,
    legalReviewApproved: row.legal_review_approved === 1,
    paid: row.paid_on !== null,
    courtApplied: row.court_applied_on !== null,
    followedUp: (nonPenalty?.checked_on ?? null) !== null,
  };
}

/** The earliest a date may be, and how to say so. */
export interface NotBefore {
  day: string | null;
  zh: string;
  en: string;
}

/**
 * Refuses a date that is not a real day, lies after today, or lies before the day it follows;
 * the answer names the field.
 */
export function checkDay(field: string, day: string, today: string, after?: NotBefore): void {
  if (!isCalendarDate(day)) {
    throw new AppError('validation_failed', [
      fieldIssue(field, '日期无效，应为 YYYY-MM-DD', 'not a valid date; use YYYY-MM-DD'),
    ]);
  }
  if (day > today) {
    throw new AppError('validation_failed', [
      fieldIssue(field, '日期不能晚于今天', 'must not be after today'),
    ]);
  }
  if (after?.day && day < after.day) {
    throw new AppError('validation_failed', [
      fieldIssue(
        field,
        `日期不能早于${after.zh}（${after.day}）`,
        `must not be before ${after.en}`,
      ),
    ]);
  }
}

/** Refuses a date that is not a real day or lies before another; future days are allowed. */
export function checkPlannedDay(field: string, day: string, after: NotBefore): void {
  if (!isCalendarDate(day)) {
    throw new AppError('validation_failed', [
      fieldIssue(field, '日期无效，应为 YYYY-MM-DD', 'not a valid date; use YYYY-MM-DD'),
    ]);
  }
  if (after.day && day < after.day) {
    throw new AppError('validation_failed', [
      fieldIssue(
        field,
        `日期不能早于${after.zh}（${after.day}）`,
        `must not be before ${after.en}`,
      ),
    ]);
  }
}

/** A refusal of a rule, not of a malformed field: 422 with the field it concerns. */
export function refuse(field: string, zh: string, en: string): never {
  throw new AppError('transition_refused', [fieldIssue(field, zh, en)]);
}

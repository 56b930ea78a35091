// Cases as the workbench sees them: camelCase, the party only masked, the limits with their
// standing on today's Shanghai date, and the steps this viewer may take.
import type { CaseEventType, CaseStep } from '../../contract/cases.js';
import type { CaseRow, CaseTimelineEntry, StaffCase } from '../../contract/case-views.js';
import { surchargeOn, type CaseRules } from '../../domain/case-deadlines.js';
import { legalReviewRequired } from '../../domain/case-fines.js';
import { shanghaiDate } from '../../domain/working-calendar.js';
import type { CaseNonPenaltyTable, MatterFineRangeTable } from '../db/schema.js';
import { presentLimits, readLimits, type StoredLimits } from './limits.js';
import type { CaseRecord } from './store.js';

type EventRow = { seq: number; type: string; at: string; data: string; actor_name: string | null };
type EvidenceRow = {
  id: string;
  width: number;
  height: number;
  caption: string;
  added_at: string;
  stage: string;
};

/** The name of the enforcement body: the street office through its team, or the bureau. */
export function bodyName(c: Pick<CaseRecord, 'body' | 'street_name' | 'district_name'>): string {
  return c.body === 'street'
    ? `${c.street_name}办事处（综合行政执法队）`
    : `${c.district_name}城市管理行政执法局`;
}

function limitsOf(c: CaseRecord, np: CaseNonPenaltyTable | undefined, today: string) {
  const limits: StoredLimits = readLimits(c);
  const cancelledOn = c.cancelled_at ? shanghaiDate(new Date(c.cancelled_at)) : null;
  return presentLimits(
    limits,
    {
      decision: c.decided_on ?? cancelledOn,
      hearing_request: c.hearing_requested_on,
      hearing_notice: c.hearing_on,
      delivery: c.delivered_on,
      payment: c.paid_on,
      correction: np?.checked_on ?? null,
    },
    today,
    {
      hearingWaived: c.hearing_waived === 1,
      correction: np?.check_result ?? null,
    },
  );
}

function paymentOf(c: CaseRecord, today: string, rules: CaseRules): StaffCase['payment'] {
  const lastDay = readLimits(c).payment?.lastDay;
  if (c.decision_kind !== 'penalty' || !lastDay || c.fine_fen === null) {
    return null;
  }
  const asOf = c.paid_on ?? today;
  // A recorded payment keeps the surcharge counted then; an open one is counted as of today.
  const owed =
    c.paid_on !== null && c.surcharge_fen !== null
      ? {
          ...surchargeOn(c.fine_fen, lastDay, c.paid_on, rules),
          surchargeFen: c.surcharge_fen,
          totalFen: c.paid_total_fen ?? c.fine_fen + c.surcharge_fen,
        }
      : surchargeOn(c.fine_fen, lastDay, asOf, rules);
  return {
    paidOn: c.paid_on,
    surcharge: { asOf, ...owed },
    courtAppliedOn: c.court_applied_on,
  };
}

type NonPenalty = NonNullable<NonNullable<StaffCase['decision']>['nonPenalty']>;

function decisionOf(c: CaseRecord, np: CaseNonPenaltyTable | undefined): StaffCase['decision'] {
  if (!c.decision_kind || !c.decided_on) {
    return null;
  }
  return {
    kind: c.decision_kind,
    decidedOn: c.decided_on,
    decisionNo: c.decision_no ?? '',
    fineFen: c.fine_fen,
    serious: c.fine_serious === 1,
    rangeUnchecked: c.range_unchecked === 1,
    nonPenalty: np
      ? {
          clause: np.clause as NonPenalty['clause'],
          educationForm: np.education_form as NonPenalty['educationForm'],
          educationContent: np.education_content,
          correctionDueOn: np.correction_due_on,
          followUpOn: np.follow_up_on,
          checkedOn: np.checked_on,
          result: np.check_result as NonPenalty['result'],
        }
      : null,
  };
}

function timelineEntry(e: EventRow): CaseTimelineEntry {
  const raw = JSON.parse(e.data) as Record<string, unknown>;
  const data = Object.fromEntries(
    Object.entries(raw).filter(
      (entry): entry is [string, string | number | boolean | null] =>
        entry[1] === null || ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  );
  return { seq: e.seq, type: e.type as CaseEventType, at: e.at, actor: e.actor_name, data };
}

/** Everything one case's page is made of besides the row. */
export interface CaseParts {
  events: EventRow[];
  evidence: EvidenceRow[];
  nonPenalty: CaseNonPenaltyTable | undefined;
  earlier: { case_no: string; registered_on: string }[];
  ranges: MatterFineRangeTable[];
  steps: CaseStep[];
  rules: CaseRules;
}

function hearingOf(c: CaseRecord): StaffCase['hearing'] {
  return {
    requestedOn: c.hearing_requested_on,
    noticeOn: c.hearing_notice_on,
    hearingOn: c.hearing_on,
    heldOn: c.hearing_held_on,
    waived: c.hearing_waived === 1,
  };
}

/** One case for a viewer who may see it. */
export function presentCase(c: CaseRecord, parts: CaseParts, now: Date): StaffCase {
  const today = shanghaiDate(now);
  const np = parts.nonPenalty;
  const fine = c.fine_fen ?? c.proposed_fine_fen;
  const partyKind = c.party_kind;
  return {
    id: c.id,
    caseNo: c.case_no,
    status: c.status as StaffCase['status'],
    source: c.source,
    body: { kind: c.body, name: bodyName(c) },
    street: { id: c.street_id, name: c.street_name },
    matter: {
      code: c.matter_code,
      name: c.matter_name,
      nameEn: c.matter_name_en,
      prohibitionBasis: c.prohibition_basis,
      penaltyBasis: c.penalty_basis,
      penaltyRange: c.penalty_range,
      fineRanges: parts.ranges.map((r) => ({
        partyKind: r.party_kind,
        circumstance: r.circumstance,
        minFen: r.min_fen,
        maxFen: r.max_fen,
      })),
    },
    ticket:
      c.ticket_id && c.ticket_tracking_code
        ? {
            id: c.ticket_id,
            trackingCode: c.ticket_tracking_code,
            status: c.ticket_status as NonNullable<StaffCase['ticket']>['status'],
          }
        : null,
    place: c.place,
    facts: c.facts,
    party: {
      kind: partyKind,
      name: c.party_name_masked,
      idNumber: c.party_id_masked,
      address: c.party_address_masked,
      phone: c.party_phone_masked,
    },
    history: {
      firstViolation: parts.earlier.length === 0,
      earlier: parts.earlier.map((e) => ({ caseNo: e.case_no, registeredOn: e.registered_on })),
    },
    officer: { id: c.officer_id, name: c.officer_name, badgeNo: c.officer_badge },
    registeredAt: c.registered_at,
    limits: limitsOf(c, np, today),
    notice:
      c.notice_delivered_on && c.proposed_fine_fen !== null
        ? {
            deliveredOn: c.notice_delivered_on,
            proposedFineFen: c.proposed_fine_fen,
            hearingRight: c.hearing_right === 1,
            summary: c.notice_summary ?? '',
          }
        : null,
    hearing: hearingOf(c),
    legalReview: {
      required: legalReviewRequired(
        parts.rules.legalReview,
        partyKind,
        fine,
        c.hearing_held_on !== null,
      ),
      approved: c.legal_review_approved === null ? null : c.legal_review_approved === 1,
      opinion: c.legal_review_opinion,
    },
    decision: decisionOf(c, np),
    delivery:
      c.delivered_on && c.delivery_method
        ? {
            deliveredOn: c.delivered_on,
            method: c.delivery_method as NonNullable<StaffCase['delivery']>['method'],
          }
        : null,
    payment: paymentOf(c, today, parts.rules),
    evidence: parts.evidence.map((e) => ({
      id: e.id,
      width: e.width,
      height: e.height,
      caption: e.caption,
      addedAt: e.added_at,
      stage: e.stage as StaffCase['status'],
    })),
    timeline: parts.events.map(timelineEntry),
    steps: parts.steps,
    closedAt: c.closed_at ?? c.cancelled_at,
    ticketReply: c.ticket_reply,
  };
}

/** One row of the case list. */
export function presentCaseRow(c: CaseRecord, now: Date): CaseRow {
  const today = shanghaiDate(now);
  const key = c.next_due_key as NonNullable<CaseRow['nextDue']>['key'] | null;
  const limit = key ? readLimits(c)[key] : undefined;
  return {
    id: c.id,
    caseNo: c.case_no,
    status: c.status as CaseRow['status'],
    matter: { code: c.matter_code, name: c.matter_name, nameEn: c.matter_name_en },
    party: c.party_name_masked,
    street: c.street_name,
    body: c.body,
    trackingCode: c.ticket_tracking_code,
    registeredAt: c.registered_at,
    nextDue: key && limit ? { key, lastDay: limit.lastDay, overdue: today > limit.lastDay } : null,
  };
}

// A mediation as the workbench reads it: every field named here, the parties masked only.
import type {
  Mediation,
  MediationOutcome,
  MediationRow,
  PerformanceCheck,
} from '../../contract/mediation-views.js';
import type {
  DisputeType,
  MediationStatus,
  MediationStep,
  MediatorOrgKind,
  PartyRole,
  PerformanceResult,
} from '../../contract/mediations.js';
import { isCheckOverdue, judicialConfirmationLastDay } from '../../domain/mediation-dates.js';
import { shanghaiDate, type WorkingCalendar } from '../../domain/working-calendar.js';
import type { MediationPartyTable } from '../db/schema.js';
import type { listMediators, listSessions, MediationRecord } from './store.js';

type MediatorRow = Awaited<ReturnType<typeof listMediators>>[number];
type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** A mediation's number as shown and printed: year and sequence, 2025-0001. */
export function mediationNumber(m: { number_year: number; number_seq: number }): string {
  return `${m.number_year}-${String(m.number_seq).padStart(4, '0')}`;
}

function officer(id: string, name: string, badge: string | null) {
  return { id, name, badgeNo: badge ?? '' };
}

function outcomeOf(m: MediationRecord, calendar: WorkingCalendar): MediationOutcome | null {
  if (m.outcome_kind === 'written') {
    const signedOn = m.agreed_on ?? '';
    return {
      kind: 'written',
      responsibilities: m.responsibilities ?? '',
      terms: m.terms ?? '',
      performanceManner: m.performance_manner ?? '',
      performanceDeadline: m.performance_deadline ?? '',
      signedOn,
      judicialConfirmationLastDay: judicialConfirmationLastDay(calendar, signedOn),
    };
  }
  if (m.outcome_kind === 'oral') {
    return {
      kind: 'oral',
      content: m.terms ?? '',
      agreedOn: m.agreed_on ?? '',
      performanceDeadline: m.performance_deadline,
    };
  }
  if (m.outcome_kind === 'none') {
    return {
      kind: 'none',
      reason: m.end_reason ?? '',
      routesExplained: m.routes_explained === 1,
      endedOn: m.concluded_at ? shanghaiDate(new Date(m.concluded_at)) : '',
    };
  }
  return null;
}

function checkOf(m: MediationRecord, now: Date): PerformanceCheck | null {
  if (!m.check_due_on) {
    return null;
  }
  return {
    dueOn: m.check_due_on,
    overdue: isCheckOverdue(m.check_due_on, m.check_result !== null, now),
    result: m.check_result as PerformanceResult | null,
    note: m.check_note,
    checkedAt: m.checked_at,
    checkedBy:
      m.checked_by && m.checker_name
        ? officer(m.checked_by, m.checker_name, m.checker_badge)
        : null,
  };
}

function sessionOf(s: SessionRow) {
  const attendees = JSON.parse(s.attendees) as {
    parties: number[];
    mediators: number[];
    others: string | null;
  };
  return {
    id: s.id,
    heldAt: s.held_at,
    place: s.place,
    attendees,
    notes: s.notes,
    publicSession: s.public_session === 1,
    recordedBy: officer(s.recorded_by, s.recorder_name, s.recorder_badge),
    recordedAt: s.recorded_at,
  };
}

/** The parts of a mediation read besides its row. */
export interface MediationParts {
  parties: readonly MediationPartyTable[];
  mediators: readonly MediatorRow[];
  sessions: readonly SessionRow[];
  steps: MediationStep[];
}

/** One mediation for the officers who may see it, the parties masked. */
export function presentMediation(
  m: MediationRecord,
  parts: MediationParts,
  calendar: WorkingCalendar,
  now: Date,
): Mediation {
  return {
    id: m.id,
    number: mediationNumber(m),
    status: m.status as MediationStatus,
    source: { kind: m.source_kind, id: m.source_id, trackingCode: m.ticket_tracking_code },
    disputeType: m.dispute_type as DisputeType,
    facts: m.facts,
    committeeName: m.committee_name,
    place: { street: m.street_name, community: m.community_name },
    parties: parts.parties.map((p) => ({
      index: p.idx,
      role: p.role as PartyRole,
      nameMasked: p.name_masked,
      phoneMasked: p.phone_masked,
      idNumberMasked: p.id_number_masked,
      addressGiven: p.address_enc !== null,
    })),
    mediators: parts.mediators.map((r) => ({
      index: r.idx,
      name: r.name,
      orgKind: r.org_kind as MediatorOrgKind,
      orgName: r.org_name,
      staff: r.staff_id && r.staff_name ? officer(r.staff_id, r.staff_name, r.staff_badge) : null,
    })),
    sessions: parts.sessions.map(sessionOf),
    outcome: outcomeOf(m, calendar),
    check: checkOf(m, now),
    followup:
      m.followup_kind && m.followup_id && m.followup_at
        ? { kind: m.followup_kind, id: m.followup_id, at: m.followup_at }
        : null,
    openedAt: m.opened_at,
    openedBy: officer(m.opened_by, m.opener_name, m.opener_badge),
    updatedAt: m.updated_at,
    steps: parts.steps,
  };
}

/** One row of the list, with the parties' masked names. */
export function presentMediationRow(
  m: MediationRecord,
  maskedNames: readonly string[],
  now: Date,
): MediationRow {
  return {
    id: m.id,
    number: mediationNumber(m),
    status: m.status as MediationStatus,
    disputeType: m.dispute_type as DisputeType,
    community: m.community_name,
    street: m.street_name,
    partiesMasked: [...maskedNames],
    openedAt: m.opened_at,
    checkDueOn: m.check_due_on,
    checkOverdue: m.check_due_on
      ? isCheckOverdue(m.check_due_on, m.check_result !== null, now)
      : false,
  };
}

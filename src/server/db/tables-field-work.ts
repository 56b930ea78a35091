import type { Generated } from 'kysely';

// Table types of the field work: placards, mediations, visits, meetings, enforcement cases and
// the building file (migrations 0010–0014).

/** One placard point of a building: the register entry (migration 0010, src/server/placards). */
export interface PlacardTable {
  id: string;
  building_id: string;
  point_no: string;
  placement: string;
  created_at: string;
  created_by: string | null;
  printed_at: string | null;
  printed_by: string | null;
  /** SHA-256 of the printed content without the token; compared with the current content. */
  printed_content_hash: string | null;
  printed_token: string | null;
  last_checked_at: string | null;
  last_checked_by: string | null;
  last_check_result: 'ok' | 'damaged' | 'missing' | 'outdated' | null;
  last_check_note: string | null;
}

/** One field check of a placard point. */
export interface PlacardCheckTable {
  id: string;
  placard_id: string;
  checked_at: string;
  checked_by: string;
  result: 'ok' | 'damaged' | 'missing' | 'outdated';
  note: string | null;
}

/** A placard token a building had before its QR code was rotated; it keeps working. */
export interface PlacardTokenHistoryTable {
  token: string;
  building_id: string;
  replaced_at: string;
  replaced_by: string | null;
}

/** One mediation (调解) opened from a ticket or a visit (migration 0012, src/server/mediations). */
export interface MediationTable {
  id: string;
  number_year: number;
  number_seq: number;
  source_kind: 'ticket' | 'visit';
  source_id: string;
  street_id: string;
  community_id: string;
  dispute_type: string;
  facts: string;
  committee_name: string;
  status: string;
  version: number;
  opened_at: string;
  opened_by: string;
  updated_at: string;
  outcome_kind: 'written' | 'oral' | 'none' | null;
  responsibilities: string | null;
  terms: string | null;
  performance_manner: string | null;
  performance_deadline: string | null;
  agreed_on: string | null;
  end_reason: string | null;
  routes_explained: number | null;
  concluded_at: string | null;
  concluded_by: string | null;
  check_due_on: string | null;
  check_result: string | null;
  check_note: string | null;
  checked_at: string | null;
  checked_by: string | null;
  followup_kind: 'referral' | 'case' | null;
  followup_id: string | null;
  followup_at: string | null;
}

/** A party of a mediation; every detail encrypted with DATA_KEY, name and phone also masked. */
export interface MediationPartyTable {
  mediation_id: string;
  idx: number;
  role: string;
  name_enc: string;
  name_masked: string;
  phone_enc: string | null;
  phone_masked: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  address_enc: string | null;
}

/** A mediator of a mediation, with their organisation; a 城管 officer links their account. */
export interface MediationMediatorTable {
  mediation_id: string;
  idx: number;
  name: string;
  org_kind: string;
  org_name: string;
  staff_id: string | null;
}

/** A mediation session held; `attendees` is JSON text of indexes into parties and mediators. */
export interface MediationSessionTable {
  id: string;
  mediation_id: string;
  held_at: string;
  place: string;
  attendees: string;
  notes: string;
  public_session: number;
  recorded_by: string;
  recorded_at: string;
}

/** A liaison's visit (走访) to a community (migration 0011, src/server/visits). */
export interface VisitTable {
  id: string;
  liaison_id: string;
  community_id: string;
  street_id: string;
  /** Shanghai calendar date YYYY-MM-DD, and its ISO week 2026-W01. */
  visit_date: string;
  iso_week: string;
  /** JSON text: an array of partner codes. */
  partners: string;
  notes: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  edit_count: Generated<number>;
  idempotency_key: string | null;
  request_hash: string;
}

/** A photo taken on a visit. */
export interface VisitPhotoTable {
  visit_id: string;
  file_id: string;
  sort: number;
}

/** A ticket filed from an issue found on a visit. */
export interface VisitTicketTable {
  visit_id: string;
  ticket_id: string;
  sort: number;
}

/** A weekly visit target the bureau set, in force from an ISO week on. */
export interface VisitTargetTable {
  id: string;
  weekly_target: number;
  from_week: string;
  created_at: string;
  created_by: string | null;
}

/** A community meeting (联席会 / 议事会 / 睦邻会) officers attended (src/server/meetings). */
export interface MeetingTable {
  id: string;
  kind: 'joint' | 'council' | 'neighbourhood';
  community_id: string;
  street_id: string;
  meeting_date: string;
  topic: string;
  /** JSON text: an array of roles and organisations. */
  participants: string;
  outcomes: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  edit_count: Generated<number>;
  idempotency_key: string | null;
  request_hash: string;
}

/** An officer who attended a meeting. */
export interface MeetingStaffTable {
  meeting_id: string;
  staff_id: string;
  sort: number;
}

/** A ticket a meeting produced (filed from it) or settled (linked only). */
export interface MeetingTicketTable {
  meeting_id: string;
  ticket_id: string;
  link: 'produced' | 'settled';
  sort: number;
}

/** One enforcement case (migration 0013, src/server/cases); dates of stages are YYYY-MM-DD. */
export interface CaseTable {
  id: string;
  case_no: string;
  case_year: number;
  case_seq: number;
  street_id: string;
  body: 'street' | 'district';
  source: 'ticket' | 'patrol';
  ticket_id: string | null;
  matter_code: string;
  prohibition_basis: string;
  penalty_basis: string;
  penalty_range: string;
  place: string;
  facts: string;
  status: string;
  officer_id: string;
  registered_at: string;
  registered_on: string;
  /** JSON text of the time limits as computed (src/server/cases/limits.ts). */
  limits: string;
  next_due_key: string | null;
  next_due_at: string | null;
  notice_delivered_on: string | null;
  proposed_fine_fen: number | null;
  hearing_right: number;
  notice_summary: string | null;
  hearing_requested_on: string | null;
  hearing_notice_on: string | null;
  hearing_on: string | null;
  hearing_place: string | null;
  hearing_held_on: string | null;
  hearing_waived: number;
  legal_review_approved: number | null;
  legal_review_opinion: string | null;
  decision_kind: 'penalty' | 'no_penalty' | null;
  decided_on: string | null;
  decision_no: string | null;
  fine_fen: number | null;
  fine_serious: number;
  range_unchecked: number;
  delivered_on: string | null;
  delivery_method: string | null;
  paid_on: string | null;
  surcharge_fen: number | null;
  paid_total_fen: number | null;
  receipt_no: string | null;
  court_applied_on: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  ticket_reply: string | null;
  event_count: number;
  updated_at: string;
}

/** The party of a case: every field encrypted with DATA_KEY, with masked forms for display. */
export interface CasePartyTable {
  case_id: string;
  sort: number;
  kind: 'person' | 'organisation';
  name_enc: string;
  name_masked: string;
  id_enc: string;
  id_masked: string;
  /** Hex HMAC of the normalised identity number, for the first-violation check. */
  id_digest: string;
  address_enc: string;
  address_masked: string;
  phone_enc: string | null;
  phone_masked: string | null;
}

/** The no-penalty record of a case (《行政处罚法》第三十三条) and its follow-up check. */
export interface CaseNonPenaltyTable {
  case_id: string;
  clause: string;
  education_form: string;
  education_content: string;
  correction_due_on: string;
  follow_up_on: string;
  checked_on: string | null;
  check_result: string | null;
  check_note: string | null;
}

/** One step in a case's timeline; `data` is JSON text without personal data of the party. */
export interface CaseEventTable {
  case_id: string;
  seq: number;
  type: string;
  at: string;
  actor_id: string | null;
  data: string;
}

/** An evidence photo of a case, with what it shows and the stage it was added in. */
export interface CaseEvidenceTable {
  case_id: string;
  file_id: string;
  caption: string;
  stage: string;
  added_at: string;
  added_by: string;
  sort: number;
}

/** One setting of the case clock the bureau changed; `value` is JSON text. */
export interface CaseRuleTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/** A structured fine range of a matter, in fen (migration 0013). */
export interface MatterFineRangeTable {
  matter_code: string;
  party_kind: 'person' | 'organisation';
  circumstance: 'ordinary' | 'serious';
  min_fen: number;
  max_fen: number;
}

/** A re-inspection (回头看) of a corrected case (migration 0014, src/server/buildings). */
export interface ReinspectionTable {
  id: string;
  case_id: string;
  ticket_id: string;
  building_id: string;
  street_id: string;
  matter_code: string;
  /** Shanghai calendar dates YYYY-MM-DD: the case's closing day and the day it is due. */
  closed_on: string;
  days: number;
  due_on: string;
  status: 'due' | 'done';
  created_at: string;
  done_on: string | null;
  done_at: string | null;
  done_by: string | null;
  result: 'ok' | 'recurred' | null;
  note: string | null;
  recurrence_ticket_id: string | null;
  updated_at: string;
}

/** A photo taken on a re-inspection. */
export interface ReinspectionPhotoTable {
  reinspection_id: string;
  file_id: string;
  sort: number;
}

/** A flag on a building, set when a re-inspection finds a recurrence; cleared by an admin. */
export interface BuildingFlagTable {
  id: string;
  building_id: string;
  reason: 'recurrence';
  reinspection_id: string | null;
  matter_code: string | null;
  flagged_at: string;
  flagged_by: string | null;
  cleared_at: string | null;
  cleared_by: string | null;
  clear_reason: string | null;
}

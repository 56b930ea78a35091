import type { Generated } from 'kysely';
/**
 * Table types shared by SQLite and PostgreSQL. Ids are generated text, instants are ISO 8601 UTC
 * text and booleans are 0/1 integers, so the same queries run on both dialects (docs/database.md).
 */
export interface Database {
  districts: DistrictTable;
  streets: StreetTable;
  communities: CommunityTable;
  rooms: RoomTable;
  room_matters: RoomMatterTable;
  staff: StaffTable;
  room_liaisons: RoomLiaisonTable;
  buildings: BuildingTable;
  matters: MatterTable;
  sessions: SessionTable;
  tickets: TicketTable;
  ticket_reporters: TicketReporterTable;
  ticket_events: TicketEventTable;
  ticket_photos: TicketPhotoTable;
  files: FileTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  deadline_policies: DeadlinePolicyTable;
  audit_entries: AuditEntryTable;
  outbox: OutboxTable;
  outbox_attempts: OutboxAttemptTable;
  departments: DepartmentTable;
  referrals: ReferralTable;
  referral_files: ReferralFileTable;
  placards: PlacardTable;
  placard_checks: PlacardCheckTable;
  placard_token_history: PlacardTokenHistoryTable;
  mediations: MediationTable;
  mediation_parties: MediationPartyTable;
  mediation_mediators: MediationMediatorTable;
  mediation_sessions: MediationSessionTable;
  visits: VisitTable;
  visit_photos: VisitPhotoTable;
  visit_tickets: VisitTicketTable;
  visit_targets: VisitTargetTable;
  meetings: MeetingTable;
  meeting_staff: MeetingStaffTable;
  meeting_tickets: MeetingTicketTable;
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_non_penalty: CaseNonPenaltyTable;
  case_events: CaseEventTable;
  case_evidence: CaseEvidenceTable;
  case_rules: CaseRuleTable;
  matter_fine_ranges: MatterFineRangeTable;
  reinspections: ReinspectionTable;
  reinspection_photos: ReinspectionPhotoTable;
  building_flags: BuildingFlagTable;
}

export interface DistrictTable {
  id: string;
  code: string;
  name: string;
  is_demo: number;
}

export interface StreetTable {
  id: string;
  district_id: string;
  code: string;
  name: string;
  sort: number;
  is_demo: number;
}

export interface CommunityTable {
  id: string;
  street_id: string;
  code: string;
  name: string;
  kind: 'community' | 'park';
  is_demo: number;
}

export interface RoomTable {
  id: string;
  community_id: string;
  code: string;
  name: string;
  kind: 'workroom' | 'workstation';
  address: string;
  hours: string;
  is_demo: number;
}

export interface RoomMatterTable {
  room_id: string;
  matter_code: string;
  sort: number;
}

export interface StaffTable {
  id: string;
  username: string;
  password_hash: string;
  name: string;
  role: 'liaison' | 'street_admin' | 'bureau_admin' | 'department' | 'auditor';
  street_id: string | null;
  badge_no: string | null;
  work_phone: string | null;
  active: number;
  is_demo: number;
  created_at: string;
  /** The partner department of a 'department' account (migration 0005); null for officers. */
  department_id?: string | null;
  /** The officer's own mobile for notifications, encrypted (migration 0009); never printed. */
  mobile_enc?: string | null;
  mobile_masked?: string | null;
}

export interface RoomLiaisonTable {
  room_id: string;
  staff_id: string;
  sort: number;
}

export interface BuildingTable {
  id: string;
  community_id: string;
  code: string;
  name: string;
  address: string;
  placard_token: string;
  retired_at: string | null;
  is_demo: number;
}

export interface MatterTable {
  code: string;
  name: string;
  name_en: string;
  prohibition_basis: string;
  penalty_basis: string;
  penalty_range: string;
  sort: number;
}

export interface SessionTable {
  id: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface TicketTable {
  id: string;
  tracking_code: string;
  access_hash: string;
  idempotency_key: string | null;
  request_hash: string;
  kind: string;
  status: string;
  tier: string;
  channel: string;
  matter_code: string | null;
  description: string;
  building_id: string;
  room_id: string;
  street_id: string;
  assignee_id: string | null;
  created_at: string;
  updated_at: string;
  accepted_at: string | null;
  first_contact_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  first_contact_due_at: string | null;
  resolve_due_at: string;
  calendar_fallback: number;
  outcome: string | null;
  reply: string | null;
  decline_reason: string | null;
  rating: string | null;
  rating_comment: string | null;
  event_count: number;
  resolved_tier: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  extension_requested_at: string | null;
  extension_count: Generated<number>;
  supervised_at: string | null;
  supervision_due_at: string | null;
  supervision_reason: string | null;
  reopen_count: Generated<number>;
  handler_assessment: string | null;
  citizen_solved: number | null;
  in_case_at: string | null;
  returned_at: string | null;
  /** The ticket this duplicate was merged into (migration 0008); null for others. */
  merged_into_id: string | null;
}

export interface TicketReporterTable {
  ticket_id: string;
  phone_enc: string | null;
  phone_masked: string | null;
  /** Hex HMAC of the normalised phone (migration 0007), for the audited phone lookup. */
  phone_digest?: string | null;
  /** The name the reporter left, encrypted, and its masked form 张* (migration 0009). */
  name_enc?: string | null;
  name_masked?: string | null;
}

export interface TicketEventTable {
  ticket_id: string;
  seq: number;
  type: string;
  at: string;
  actor_kind: 'resident' | 'staff' | 'system';
  actor_id: string | null;
  data: string;
}

export interface TicketPhotoTable {
  ticket_id: string;
  file_id: string;
  sort: number;
}

export interface FileTable {
  id: string;
  storage_key: string;
  mime: string;
  size: number;
  width: number;
  height: number;
  sha256: string;
  original_name: string;
  created_at: string;
  attached_at: string | null;
}

export interface CalendarOverrideTable {
  date: string;
  kind: 'holiday' | 'workday';
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface DeadlinePolicyTable {
  id: string;
  kind: string;
  matter_code: string | null;
  first_contact_days: number;
  resolve_days: number;
  effective_from: string;
  created_at: string;
  created_by: string | null;
}

export interface OutboxTable {
  id: string;
  topic: string;
  ticket_id: string | null;
  audience: 'reporter' | 'staff';
  staff_id: string | null;
  event: string;
  /** JSON text; never a phone number. */
  payload: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  recipient_masked: string | null;
  dedupe_key: string | null;
}

export interface OutboxAttemptTable {
  outbox_id: string;
  attempt: number;
  at: string;
  ok: number;
  error: string | null;
}

/** One entry of the hash-chained audit trail (src/server/audit). */
export interface AuditEntryTable {
  seq: number;
  at: string;
  actor_kind: 'staff' | 'resident' | 'system' | 'department';
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  /** JSON text of field names and codes; never personal data values. */
  detail: string;
  request_id: string | null;
  prev_mac: string;
  mac: string;
}

/** A partner department (房管局, 绿化市容局, …) that referrals go to and clues come from. */
export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  is_demo: number;
}

/** One referral (移送 / 协助) of a ticket to one department (src/server/referrals). */
export interface ReferralTable {
  id: string;
  ticket_id: string;
  department_id: string;
  kind: 'information' | 'determination' | 'evidence' | 'transfer';
  determination_type: string | null;
  request_text: string;
  status: 'sent' | 'accepted' | 'answered' | 'declined';
  created_at: string;
  created_by: string;
  sent_at: string | null;
  reply_due_at: string | null;
  transfer_due_at: string | null;
  sent_late: number | null;
  accepted_at: string | null;
  accept_note: string | null;
  reply_text: string | null;
  replied_at: string | null;
  replied_by: string | null;
  delivery_state: 'delivered' | 'failed';
  delivery_attempts: number;
  last_error: string | null;
  updated_at: string;
}

/** A photo attached to a referral's request (by staff) or reply (by the department). */
export interface ReferralFileTable {
  referral_id: string;
  file_id: string;
  side: 'request' | 'reply';
  sort: number;
}

export interface CalendarYearTable {
  year: number;
  confirmed_by: string | null;
  confirmed_at: string;
}

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

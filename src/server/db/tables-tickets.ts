import type { Generated } from 'kysely';

// Table types of tickets and what serves them: reporters, events, photos, files, the calendar,
// deadline policies, the outbox, the audit trail, departments and referrals.

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
  /** 'resident': a phone on no ticket (a "my requests" code), carried in recipient_enc. */
  audience: 'reporter' | 'staff' | 'resident';
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
  /** The encrypted number of a 'resident' message (migration 0019); null for the others. */
  recipient_enc: string | null;
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

/**
 * An audit entry written on PostgreSQL and not yet chained: no number and no MAC until the chainer
 * moves it into `audit_entries` (src/server/audit/pending.ts). `id` is the order of writing.
 */
export type AuditPendingTable = Omit<AuditEntryTable, 'seq' | 'prev_mac' | 'mac'> & {
  id: Generated<string>;
};

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

// Table types of credit repair (migration 0018, src/server/credit).

/** One application for credit repair of a penalty decision. */
export interface CreditRepairTable {
  id: string;
  receipt_code: string;
  access_hash: string;
  case_id: string;
  street_id: string;
  decision_no: string;
  credit_class: string;
  earliest_on: string;
  publication_last_day: string;
  applicant_kind: string;
  by_agent: number;
  applicant_name_enc: string;
  applicant_name_masked: string;
  agent_name_enc: string | null;
  agent_name_masked: string | null;
  id_enc: string;
  id_masked: string;
  phone_enc: string;
  phone_masked: string;
  phone_digest: string;
  commitment_text: string;
  status: string;
  submitted_at: string;
  resubmitted_at: string | null;
  /** JSON array of checklist items. */
  correction_items: string | null;
  correction_note: string | null;
  correction_at: string | null;
  decision: string | null;
  reasons: string | null;
  decided_at: string | null;
  decided_by: string | null;
  publication_ended_on: string | null;
  completed_at: string | null;
  completed_by: string | null;
  due_key: string | null;
  due_at: string | null;
  due_fallback: number;
  event_count: number;
  updated_at: string;
}

/** One uploaded material of an application, by checklist item and round. */
export interface CreditRepairFileTable {
  repair_id: string;
  file_id: string;
  item: string;
  round: number;
  sort: number;
  added_at: string;
}

/** One step in an application's timeline. */
export interface CreditRepairEventTable {
  repair_id: string;
  seq: number;
  type: string;
  at: string;
  actor_id: string | null;
  data: string;
}

/** The class an officer set for a decision instead of the default one, with the reason. */
export interface CreditClassTable {
  case_id: string;
  credit_class: string;
  reason: string;
  set_at: string;
  set_by: string;
}
